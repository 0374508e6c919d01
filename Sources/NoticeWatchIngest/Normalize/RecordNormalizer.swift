import NoticeWatchModel

/// How one normalized field of one file is filled: from a reader value or a constant, and how it is parsed.
struct FieldPlan: Sendable {
    var field: NormalizedField
    /// Position in the reader's values (its field paths), `nil` for a constant.
    var valueIndex: Int?
    var constant: String?
    var formats: [DateFormat]
    /// Labels to categories; for the requesting country, the source's `values:` (raw text to a member's code).
    var vocabulary: Vocabulary?
    /// The column name, JSON path or XML path the value comes from (to recognize a repeated header row).
    var from: String? = nil
}

/// A normalized record of either kind.
enum NormalizedRecord: Sendable {
    case notice(Notice)
    case complaint(Complaint)
}

/// Turns a record's values (``RecordFields``) into a notice or a complaint, or sets the row aside when it cannot
/// be a record.
///
/// A row is set aside (a ``Rejection``) only when it has no id (`missing-id`) or is not data: a repeated header
/// row (`repeated-header`), a totals row (`totals-row`) or a title or note line (`title-line`); see
/// ``RecordNormalizer/identify(_:_:)``. A value that is given but not understood (a label no vocabulary maps, a
/// date no format fits, text that names no member country) makes that field unknown and sets its bit in the
/// record's ``FlaggedFields``; the value is counted once per spelling in ``tally``. An empty value counts as
/// absent. When the source maps a cancellation date but no status, the status is `cancelled` for a record with
/// a cancellation value and `active` for one without.
///
/// Values are trimmed. The work is done on the values' bytes: countries and labels go through
/// ``Country/init(_:)`` and ``Vocabulary/category(for:)`` once per distinct spelling (a ``ByteCache``, since
/// exports repeat a few hundred spellings millions of times), dates are parsed from the bytes, and a `String` is
/// made only for ids, for each distinct outcome label and each distinct value not understood (shared by the
/// records that have it) and for the raw value of a row set aside.
struct RecordNormalizer {
    let kind: RecordKind
    /// Plans by ``NormalizedField`` position in `allCases` (an array, not a dictionary: this is the hot path).
    let plans: [FieldPlan?]
    /// Where each field's value comes from, by field position: its reader value index, ``constantSlot``,
    /// ``noSlot`` (mapped to nothing the reader returns) or ``unmappedSlot``. A plain value, read per field and
    /// row without reference counting.
    private let slots: SIMD32<Int16>
    private static let constantSlot: Int16 = -1
    private static let noSlot: Int16 = -2
    private static let unmappedSlot: Int16 = -3
    /// The fast layout of the first date format of each date field (issue, cancellation, filed, decision,
    /// admissibility).
    private let dateLayouts: (FixedDateLayout?, FixedDateLayout?, FixedDateLayout?, FixedDateLayout?, FixedDateLayout?)
    /// The constants' bytes, one slot per field position.
    private let constants: RecordFields
    private let formats: [[DateFormat]]
    /// Per spelling: the position in ``memberCountries``, or `-1 - e` for entry `e` of ``tally``.
    private var countries = ByteCache()
    /// Every member country, by table index, made once.
    private let memberCountries = Country.allMembers
    /// Nationality lists as written, one parsed list per distinct spelling.
    var nationalityLists = ByteCache()
    var parsedNationalities: [(members: [Country], unrecognized: [Int])] = []
    /// The category of each distinct charge (and translation) seen, keyed by their texts.
    var chargeCategories: [String: ChargeCategory?] = [:]
    /// Per field position and spelling: the position of the category among its type's `allCases`, or `-1 - e`
    /// for entry `e` of ``tally``.
    private var categories: [ByteCache]
    /// Per field position and spelling of a date no format fits: `-1 - e` for entry `e` of ``tally``.
    private var invalidDates: [ByteCache]
    /// Outcome labels as written, one `String` per distinct spelling.
    private var labels = ByteCache()
    private var labelTexts: [String] = []
    /// The values not understood so far, with their counts and first places.
    var tally = ValueTally()
    /// Whether the status comes from the cancellation date (mapped, with no status mapped).
    let derivesStatus: Bool
    /// The id column's name as bytes, folded by ``RecordNormalizer/headerByte(_:)``: only an id with these bytes
    /// may be a repeated header row.
    let idHeader: [UInt8]
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
        var slots = SIMD32<Int16>(repeating: RecordNormalizer.unmappedSlot)
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
        self.invalidDates = Array(repeating: ByteCache(), count: count)
        idHeader = (table[NormalizedField.id.position]?.from?.utf8).map { $0.map(RecordNormalizer.headerByte) } ?? []
        derivesStatus =
            kind == .notice && table[NormalizedField.status.position] == nil
            && table[NormalizedField.cancellationDate.position] != nil
    }

    /// The record, or the rejection (quarantine entry) of a row that cannot be a record.
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
    /// - Throws: the ``Rejection`` of a row with no id or that is not data.
    /// - Complexity: O(bytes of the values); O(1) lookups for spellings seen before.
    @inline(__always)
    mutating func notice(_ fields: RecordFields, at location: SourceLocation) throws(Rejection) -> Notice {
        let id = RecordNormalizer.noticeID(try identify(fields, location))
        var flagged: FlaggedFields = []
        var country = country(fields, location, &flagged)
        let warrants = warrants(fields, location, requestingCountry: country, &flagged)
        if !warrants.isEmpty, case .unrecognized("") = country,
            let first = requestingCountry(from: warrants, location, &flagged)
        {
            country = first
        }
        let issueDate = date(.issueDate, fields, location, &flagged)
        var status = category(
            .status, fields, location, cases: statuses, default: .unknown, unknown: .unknown, &flagged)
        let cancellationDate = date(.cancellationDate, fields, location, &flagged)
        if derivesStatus { status = value(.cancellationDate, fields) == nil ? .active : .cancelled }
        let kind =
            serviceKind(fields)
            ?? category(.kind, fields, location, cases: kinds, default: .unknown, unknown: .unknown, &flagged)
        return Notice(
            id: id, kind: kind, requestingCountry: country, nationalities: nationalities(fields, location, &flagged),
            issueDate: issueDate, status: status, cancellationDate: cancellationDate,
            cancellationReason: category(
                .cancellationReason, fields, location, cases: reasons, default: .unknown, unknown: .unknown,
                &flagged),
            flagged: flagged, warrants: warrants, provenance: location)
    }

    /// The complaint the values describe (the normalizer's kind must be `.complaint`).
    ///
    /// - Throws: the ``Rejection`` of a row with no id or that is not data.
    /// - Complexity: O(bytes of the values); O(1) lookups for spellings seen before.
    @inline(__always)
    mutating func complaint(_ fields: RecordFields, at location: SourceLocation) throws(Rejection) -> Complaint {
        let id = try identify(fields, location)
        var flagged: FlaggedFields = []
        let label = outcomeLabel(fields)
        return Complaint(
            id: id, noticeID: value(.noticeID, fields).map(RecordNormalizer.string),
            requestingCountry: country(fields, location, &flagged),
            filedDate: date(.filedDate, fields, location, &flagged),
            decisionDate: date(.decisionDate, fields, location, &flagged),
            outcome: category(
                .outcome, fields, location, cases: outcomes, default: .pending, unknown: .unknown,
                &flagged),
            outcomeLabel: label,
            dataType: category(
                .dataType, fields, location, cases: dataTypes, default: .unknown, unknown: .unknown, &flagged),
            requestType: category(
                .requestType, fields, location, cases: requestTypes, default: .unknown, unknown: .unknown, &flagged),
            admissibilityDate: date(.admissibilityDate, fields, location, &flagged),
            flagged: flagged, provenance: location)
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

    /// Whether `field` takes its value from the reader (not a constant, not unmapped).
    func readsValue(_ field: NormalizedField) -> Bool { slots[field.position] >= 0 }

    /// The trimmed value of `field` as text, `nil` when unmapped, absent or empty.
    func text(_ field: NormalizedField, _ fields: RecordFields) -> String? {
        value(field, fields).map(RecordNormalizer.string)
    }

    @inline(__always)
    static func string(_ bytes: UnsafeRawBufferPointer) -> String { String(decoding: bytes, as: UTF8.self) }

    /// Counts a value not understood (tally entry `entry`) in `field` of the record being made.
    @inline(__always)
    mutating func flag(_ field: NormalizedField, entry: Int, _ flagged: inout FlaggedFields) {
        tally.count(entry)
        flagged.insert(field.flag)
    }

    /// The requesting country: a member, or the text as unrecognized (`""` when absent); a source's `values:`
    /// on the field map texts to members first.
    private mutating func country(
        _ fields: RecordFields, _ location: SourceLocation, _ flagged: inout FlaggedFields
    ) -> CountryValue {
        guard let bytes = value(.requestingCountry, fields) else { return .unrecognized("") }
        let code: Int
        if let cached = countries.value(for: bytes) {
            code = cached
        } else {
            let text = RecordNormalizer.string(bytes)
            let mapped = plans[NormalizedField.requestingCountry.position]?.vocabulary?.category(for: text)
            if let index = Country(mapped ?? text)?.index {
                code = index
            } else {
                code = -1 - tally.entry(.requestingCountry, text, at: location)
            }
            countries.insert(code, for: bytes)
        }
        if code >= 0 { return .member(memberCountries[code]) }
        flag(.requestingCountry, entry: -1 - code, &flagged)
        return .unrecognized(tally.rawValue(-1 - code))
    }

    /// The date of `field`, `nil` when absent or when no format fits (then flagged).
    private mutating func date(
        _ field: NormalizedField, _ fields: RecordFields, _ location: SourceLocation, _ flagged: inout FlaggedFields
    ) -> CivilDate? {
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
        let position = field.position
        if let entry = invalidDates[position].value(for: bytes) {
            flag(field, entry: -1 - entry, &flagged)
            return nil
        }
        let typed = bytes.assumingMemoryBound(to: UInt8.self)
        for format in formats[position] {
            if let date = format.parse(bytes: typed) { return date }
        }
        let entry = tally.entry(field, RecordNormalizer.string(bytes), at: location)
        invalidDates[position].insert(-1 - entry, for: bytes)
        flag(field, entry: entry, &flagged)
        return nil
    }

    /// The category of `field`: `fallback` when absent, `unknown` when no vocabulary maps the label (then
    /// flagged).
    private mutating func category<C: RawRepresentable<String>>(
        _ field: NormalizedField, _ fields: RecordFields, _ location: SourceLocation, cases: [C],
        default fallback: C, unknown: C, _ flagged: inout FlaggedFields
    ) -> C {
        guard let bytes = value(field, fields) else { return fallback }
        let position = field.position
        let code: Int
        if let cached = categories[position].value(for: bytes) {
            code = cached
        } else {
            let text = RecordNormalizer.string(bytes)
            let name = plans[position]?.vocabulary?.category(for: text) ?? ""
            code = cases.firstIndex { $0.rawValue == name } ?? (-1 - tally.entry(field, text, at: location))
            categories[position].insert(code, for: bytes)
        }
        if code >= 0 { return cases[code] }
        flag(field, entry: -1 - code, &flagged)
        return unknown
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

/// A row that cannot be a record, on its way to becoming a quarantine entry.
struct Rejection: Error {
    var row: QuarantinedRow

    init(_ location: SourceLocation, _ field: NormalizedField?, _ raw: String, _ code: String, _ message: String) {
        row = QuarantinedRow(
            location: location, field: field?.rawValue, rawValue: raw,
            reason: QuarantineReason(code: code, message: message))
    }
}
