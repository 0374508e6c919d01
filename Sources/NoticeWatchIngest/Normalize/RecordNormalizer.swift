import NoticeWatchModel

/// How one normalized field of one file is filled: from a reader value or a constant, and how it is parsed.
struct FieldPlan: Sendable {
    var field: NormalizedField
    /// Position in the reader's values (its field paths), `nil` for a constant.
    var valueIndex: Int?
    var constant: String?
    var formats: [DateFormat]
    var vocabulary: Vocabulary?
}

/// A normalized record of either kind.
enum NormalizedRecord: Sendable {
    case notice(Notice)
    case complaint(Complaint)
}

/// Turns a record's values (``RecordFields``) into a notice or a complaint, or into one quarantine entry naming
/// the first field at fault (`missing-field`, `unknown-country`, `invalid-date`, `unknown-value`).
///
/// Values are trimmed; an empty value counts as absent. The work is done on the values' bytes: countries and
/// labels go through ``Country/init(_:)`` and ``Vocabulary/category(for:)`` once per distinct spelling (a
/// ``ByteCache``, since exports repeat a few hundred spellings millions of times), dates are parsed from the
/// bytes, and a `String` is made only for ids, for each distinct outcome label (shared by the records that
/// have it) and for the raw value of a quarantine entry.
struct RecordNormalizer {
    let kind: RecordKind
    /// Plans by ``NormalizedField`` position in `allCases` (an array, not a dictionary: this is the hot path).
    private let plans: [FieldPlan?]
    /// Where each field's value comes from, by field position: its reader value index, ``constantSlot``,
    /// ``noSlot`` (mapped to nothing the reader returns) or ``unmappedSlot``. A plain value, read per field and
    /// row without reference counting.
    private let slots: SIMD16<Int16>
    private static let constantSlot: Int16 = -1
    private static let noSlot: Int16 = -2
    private static let unmappedSlot: Int16 = -3
    /// The fast layout of the first date format of each date field (issue, cancellation, filed, decision,
    /// admissibility).
    private let dateLayouts: (FixedDateLayout?, FixedDateLayout?, FixedDateLayout?, FixedDateLayout?, FixedDateLayout?)
    /// The constants' bytes, one slot per field position.
    private let constants: RecordFields
    private let formats: [[DateFormat]]
    /// Position in ``memberCountries`` per spelling, -1 for a spelling that names no member country.
    private var countries = ByteCache()
    /// Every member country, by table index, made once.
    let memberCountries = Country.allMembers
    /// Nationality lists as written, one parsed list per distinct spelling.
    var nationalityLists = ByteCache()
    var parsedNationalities: [[Country]] = []
    /// Position of the category among its type's `allCases` per field position and spelling, -1 when unknown.
    private var categories: [ByteCache]
    /// Outcome labels as written, one `String` per distinct spelling.
    private var labels = ByteCache()
    private var labelTexts: [String] = []
    private let kinds = Array(NoticeKind.allCases)
    private let statuses = Array(NoticeStatus.allCases)
    private let reasons = Array(CancellationReason.allCases)
    private let outcomes = Array(Outcome.allCases)
    private let dataTypes = Array(ChallengedDataType.allCases)
    private let requestTypes = Array(RequestType.allCases)

    init(kind: RecordKind, plans: [FieldPlan]) {
        self.kind = kind
        let count = NormalizedField.allCases.count
        var table = [FieldPlan?](repeating: nil, count: count)
        for plan in plans { table[plan.field.position] = plan }
        self.plans = table
        var slots = SIMD16<Int16>(repeating: RecordNormalizer.unmappedSlot)
        for (position, plan) in table.enumerated() {
            guard let plan else { continue }
            if plan.constant != nil {
                slots[position] = RecordNormalizer.constantSlot
            } else if let index = plan.valueIndex, index < Int(Int16.max) {
                slots[position] = Int16(index)
            } else {
                slots[position] = RecordNormalizer.noSlot
            }
        }
        self.slots = slots
        func layout(_ field: NormalizedField) -> FixedDateLayout? {
            table[field.position]?.formats.first.flatMap(FixedDateLayout.init)
        }
        dateLayouts = (
            layout(.issueDate), layout(.cancellationDate), layout(.filedDate), layout(.decisionDate),
            layout(.admissibilityDate)
        )
        let constants = RecordFields(count: count)
        for (position, plan) in table.enumerated() { constants.set(position, plan?.constant) }
        self.constants = constants
        self.formats = table.map { $0?.formats ?? [] }
        self.categories = Array(repeating: ByteCache(), count: count)
    }

    /// The record, or the rejection (quarantine entry) for the first field that cannot be normalized.
    ///
    /// - Complexity: O(bytes of the values); O(1) lookups for spellings seen before.
    mutating func normalize(
        _ fields: RecordFields, at location: SourceLocation
    ) -> Result<NormalizedRecord, Rejection> {
        do {
            switch kind {
            case .notice: return .success(.notice(try notice(fields, at: location)))
            case .complaint: return .success(.complaint(try complaint(fields, at: location)))
            }
        } catch {
            return .failure(error)
        }
    }

    /// The notice the values describe (the normalizer's kind must be `.notice`).
    ///
    /// - Throws: the ``Rejection`` for the first field that cannot be normalized.
    /// - Complexity: O(bytes of the values); O(1) lookups for spellings seen before.
    @inline(__always)
    mutating func notice(_ fields: RecordFields, at location: SourceLocation) throws(Rejection) -> Notice {
        let id = RecordNormalizer.noticeID(try required(.id, fields, location))
        let kind: NoticeKind
        if let linked = serviceKind(fields) {
            kind = linked
        } else {
            kind = try category(.kind, fields, location, cases: kinds, default: .unknown)
        }
        var requestingCountry: Country?
        if value(.requestingCountry, fields) != nil { requestingCountry = try country(fields, location) }
        return Notice(
            id: id, kind: kind, requestingCountry: requestingCountry, nationalities: nationalities(fields),
            issueDate: try date(.issueDate, fields, location),
            status: try category(.status, fields, location, cases: statuses, default: .unknown),
            cancellationDate: try date(.cancellationDate, fields, location),
            cancellationReason: try category(.cancellationReason, fields, location, cases: reasons, default: .unknown),
            provenance: location)
    }

    /// The complaint the values describe (the normalizer's kind must be `.complaint`).
    ///
    /// - Throws: the ``Rejection`` for the first field that cannot be normalized.
    /// - Complexity: O(bytes of the values); O(1) lookups for spellings seen before.
    @inline(__always)
    mutating func complaint(_ fields: RecordFields, at location: SourceLocation) throws(Rejection) -> Complaint {
        let label = outcomeLabel(fields)
        return Complaint(
            id: try required(.id, fields, location),
            noticeID: value(.noticeID, fields).map(RecordNormalizer.string),
            requestingCountry: try country(fields, location),
            filedDate: try date(.filedDate, fields, location),
            decisionDate: try date(.decisionDate, fields, location),
            outcome: try category(.outcome, fields, location, cases: outcomes, default: .pending),
            outcomeLabel: label,
            dataType: lenientCategory(.dataType, fields, cases: dataTypes, unknown: .unknown),
            requestType: lenientCategory(.requestType, fields, cases: requestTypes, unknown: .unknown),
            admissibilityDate: try date(.admissibilityDate, fields, location),
            provenance: location)
    }

    /// The trimmed bytes of `field`, `nil` when unmapped, absent or empty.
    @inline(__always)
    func value(_ field: NormalizedField, _ fields: RecordFields) -> UnsafeRawBufferPointer? {
        let position = field.position
        let slot = Int(slots[position])
        let raw: UnsafeRawBufferPointer?
        if slot >= 0 {
            raw = slot < fields.count ? fields.value(slot) : nil
        } else if slot == RecordNormalizer.constantSlot {
            raw = constants.value(position)
        } else {
            return nil
        }
        guard let raw else { return nil }
        let trimmed = RecordNormalizer.trim(raw)
        return trimmed.isEmpty ? nil : trimmed
    }

    /// The trimmed value of `field` as text, `nil` when unmapped, absent or empty.
    func text(_ field: NormalizedField, _ fields: RecordFields) -> String? {
        value(field, fields).map(RecordNormalizer.string)
    }

    @inline(__always)
    static func string(_ bytes: UnsafeRawBufferPointer) -> String { String(decoding: bytes, as: UTF8.self) }

    private func present(_ field: NormalizedField, _ fields: RecordFields, _ location: SourceLocation)
        throws(Rejection) -> UnsafeRawBufferPointer
    {
        guard let value = value(field, fields) else {
            throw Rejection(location, field, "", "missing-field", "no value for the required field \(field.rawValue)")
        }
        return value
    }

    private func required(_ field: NormalizedField, _ fields: RecordFields, _ location: SourceLocation)
        throws(Rejection) -> String
    {
        RecordNormalizer.string(try present(field, fields, location))
    }

    private mutating func country(_ fields: RecordFields, _ location: SourceLocation) throws(Rejection) -> Country {
        let bytes = try present(.requestingCountry, fields, location)
        let index: Int
        if let cached = countries.value(for: bytes) {
            index = cached
        } else {
            index = Country(RecordNormalizer.string(bytes))?.index ?? -1
            countries.insert(index, for: bytes)
        }
        if index >= 0 { return memberCountries[index] }
        let value = RecordNormalizer.string(bytes)
        throw Rejection(
            location, .requestingCountry, value, "unknown-country",
            "\(TextFolding.quoted(value)) is not a known member country")
    }

    private func date(_ field: NormalizedField, _ fields: RecordFields, _ location: SourceLocation)
        throws(Rejection) -> CivilDate?
    {
        guard let bytes = value(field, fields) else { return nil }
        let layout: FixedDateLayout?
        switch field {
        case .issueDate: layout = dateLayouts.0
        case .cancellationDate: layout = dateLayouts.1
        case .filedDate: layout = dateLayouts.2
        case .decisionDate: layout = dateLayouts.3
        default: layout = dateLayouts.4
        }
        if let layout, let found = layout.parse(bytes), let date = found { return date }
        let formats = self.formats[field.position]
        let typed = bytes.assumingMemoryBound(to: UInt8.self)
        for format in formats {
            if let date = format.parse(bytes: typed) { return date }
        }
        let value = RecordNormalizer.string(bytes)
        let expected =
            formats.isEmpty
            ? "no date format fits the column" : "expected " + formats.map(\.description).joined(separator: " or ")
        throw Rejection(
            location, field, value, "invalid-date", "\(TextFolding.quoted(value)) is not a date: \(expected)")
    }

    private mutating func category<C: RawRepresentable<String>>(
        _ field: NormalizedField, _ fields: RecordFields, _ location: SourceLocation, cases: [C],
        default fallback: C
    ) throws(Rejection) -> C {
        guard let bytes = value(field, fields) else { return fallback }
        let position = field.position
        let index: Int
        if let cached = categories[position].value(for: bytes) {
            index = cached
        } else {
            let name = plans[position]?.vocabulary?.category(for: RecordNormalizer.string(bytes)) ?? ""
            index = cases.firstIndex { $0.rawValue == name } ?? -1
            categories[position].insert(index, for: bytes)
        }
        if index >= 0 { return cases[index] }
        let value = RecordNormalizer.string(bytes)
        throw Rejection(
            location, field, value, "unknown-value",
            "\(TextFolding.quoted(value)) is not a known \(field.rawValue) label (map it under values:)")
    }

    /// The category of a descriptive field (data type, request type): an unknown label gives `unknown` and the
    /// record stays, since the field only splits figures and never decides whether a record counts (the
    /// figures count the unknown ones apart).
    private mutating func lenientCategory<C: RawRepresentable<String>>(
        _ field: NormalizedField, _ fields: RecordFields, cases: [C], unknown: C
    ) -> C {
        guard let bytes = value(field, fields) else { return unknown }
        let position = field.position
        let index: Int
        if let cached = categories[position].value(for: bytes) {
            index = cached
        } else {
            let name = plans[position]?.vocabulary?.category(for: RecordNormalizer.string(bytes)) ?? ""
            index = cases.firstIndex { $0.rawValue == name } ?? -1
            categories[position].insert(index, for: bytes)
        }
        return index >= 0 ? cases[index] : unknown
    }

    /// The outcome label as written (trimmed), `""` when there is none: one shared `String` per spelling.
    private mutating func outcomeLabel(_ fields: RecordFields) -> String {
        guard let bytes = value(.outcome, fields) else { return "" }
        if let index = labels.value(for: bytes) { return labelTexts[index] }
        let text = RecordNormalizer.string(bytes)
        if labels.count < ByteCache.limit && bytes.count <= ByteCache.longestKey {
            labelTexts.append(text)
            labels.insert(labelTexts.count - 1, for: bytes)
        }
        return text
    }
}

/// A field that could not be normalized, on its way to becoming a quarantine entry.
struct Rejection: Error {
    var row: QuarantinedRow

    init(_ location: SourceLocation, _ field: NormalizedField, _ raw: String, _ code: String, _ message: String) {
        row = QuarantinedRow(
            location: location, field: field.rawValue, rawValue: raw,
            reason: QuarantineReason(code: code, message: message))
    }
}

extension RecordNormalizer {
    /// `bytes` (valid UTF-8) without leading and trailing white space, as ``TextFolding/trim(_:)`` trims text:
    /// the same scalars (ASCII spaces and line breaks, no-break spaces, the other Unicode `White_Space`) are
    /// dropped, on the bytes.
    ///
    /// - Complexity: O(1) when the value starts and ends with a non-space ASCII byte, else O(spaces trimmed).
    @inline(__always)
    static func trim(_ bytes: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer {
        let count = bytes.count
        guard count > 0 else { return bytes }
        let first = bytes[0]
        let last = bytes[count - 1]
        if first > 0x20 && first < 0x80 && last > 0x20 && last < 0x80 { return bytes }
        return trimSlowly(bytes)
    }

    private static func trimSlowly(_ bytes: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer {
        var start = 0
        var end = bytes.count
        while start < end {
            let (scalar, length) = scalar(in: bytes, at: start)
            guard TextFolding.isSpace(scalar) else { break }
            start += length
        }
        while end > start {
            var lead = end - 1
            while lead > start && bytes[lead] & 0xC0 == 0x80 { lead -= 1 }
            guard TextFolding.isSpace(scalar(in: bytes, at: lead).0) else { break }
            end = lead
        }
        return UnsafeRawBufferPointer(rebasing: bytes[start..<end])
    }

    /// The scalar whose UTF-8 starts at `index` of well-formed `bytes`, and its length in bytes.
    private static func scalar(in bytes: UnsafeRawBufferPointer, at index: Int) -> (Unicode.Scalar, Int) {
        let lead = bytes[index]
        let length: Int
        var value: UInt32
        switch lead {
        case 0..<0x80: return (Unicode.Scalar(lead), 1)
        case 0xC0..<0xE0: (length, value) = (2, UInt32(lead & 0x1F))
        case 0xE0..<0xF0: (length, value) = (3, UInt32(lead & 0x0F))
        default: (length, value) = (4, UInt32(lead & 0x07))
        }
        var offset = 1
        while offset < length && index + offset < bytes.count {
            value = value << 6 | UInt32(bytes[index + offset] & 0x3F)
            offset += 1
        }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", offset)
    }
}
