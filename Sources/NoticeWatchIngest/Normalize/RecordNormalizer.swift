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
    /// The plans' parts by field position, read per value without copying a whole plan: whether the field is
    /// mapped, whether it is a constant, its reader value index (-1 for none) and its date formats.
    private let mapped: [Bool]
    private let isConstant: [Bool]
    private let valueIndices: [Int]
    /// The constants' bytes, one slot per field position.
    private let constants: RecordFields
    private let formats: [[DateFormat]]
    /// Country index per spelling, -1 for a spelling that names no member country.
    private var countries = ByteCache()
    /// Position of the category among its type's `allCases` per field position and spelling, -1 when unknown.
    private var categories: [ByteCache]
    /// Outcome labels as written, one `String` per distinct spelling.
    private var labels = ByteCache()
    private var labelTexts: [String] = []
    private let kinds = Array(NoticeKind.allCases)
    private let statuses = Array(NoticeStatus.allCases)
    private let reasons = Array(CancellationReason.allCases)
    private let outcomes = Array(Outcome.allCases)

    init(kind: RecordKind, plans: [FieldPlan]) {
        self.kind = kind
        let count = NormalizedField.allCases.count
        var table = [FieldPlan?](repeating: nil, count: count)
        for plan in plans { table[plan.field.position] = plan }
        self.plans = table
        self.mapped = table.map { $0 != nil }
        self.isConstant = table.map { $0?.constant != nil }
        self.valueIndices = table.map { $0?.valueIndex ?? -1 }
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
            case .notice:
                let notice = Notice(
                    id: try required(.id, fields, location),
                    kind: try category(.kind, fields, location, cases: kinds, default: .unknown),
                    requestingCountry: try country(fields, location),
                    issueDate: try date(.issueDate, fields, location),
                    status: try category(.status, fields, location, cases: statuses, default: .unknown),
                    cancellationDate: try date(.cancellationDate, fields, location),
                    cancellationReason: try category(
                        .cancellationReason, fields, location, cases: reasons, default: .unknown),
                    provenance: location)
                return .success(.notice(notice))
            case .complaint:
                let label = outcomeLabel(fields)
                let complaint = Complaint(
                    id: try required(.id, fields, location),
                    noticeID: value(.noticeID, fields).map(RecordNormalizer.string),
                    requestingCountry: try country(fields, location),
                    filedDate: try date(.filedDate, fields, location),
                    decisionDate: try date(.decisionDate, fields, location),
                    outcome: try category(.outcome, fields, location, cases: outcomes, default: .pending),
                    outcomeLabel: label,
                    provenance: location)
                return .success(.complaint(complaint))
            }
        } catch {
            return .failure(error)
        }
    }

    /// The trimmed bytes of `field`, `nil` when unmapped, absent or empty.
    @inline(__always)
    func value(_ field: NormalizedField, _ fields: RecordFields) -> UnsafeRawBufferPointer? {
        let position = field.position
        guard mapped[position] else { return nil }
        let raw: UnsafeRawBufferPointer?
        if isConstant[position] {
            raw = constants.value(position)
        } else {
            let index = valueIndices[position]
            raw = index >= 0 && index < fields.count ? fields.value(index) : nil
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
        if index >= 0 { return Country(index: index) }
        let value = RecordNormalizer.string(bytes)
        throw Rejection(
            location, .requestingCountry, value, "unknown-country",
            "\(TextFolding.quoted(value)) is not a known member country")
    }

    private func date(_ field: NormalizedField, _ fields: RecordFields, _ location: SourceLocation)
        throws(Rejection) -> CivilDate?
    {
        guard let bytes = value(field, fields) else { return nil }
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

    /// The outcome label as written (trimmed), `""` when there is none: one shared `String` per spelling.
    private mutating func outcomeLabel(_ fields: RecordFields) -> String {
        guard let bytes = value(.outcome, fields) else { return "" }
        if let index = labels.value(for: bytes) { return labelTexts[index] }
        let text = RecordNormalizer.string(bytes)
        if labels.count < ByteCache.limit {
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
