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

/// Turns a ``RawRecord`` into a notice or a complaint, or into one quarantine entry naming the first field at
/// fault (`missing-field`, `unknown-country`, `invalid-date`, `unknown-value`).
///
/// Values are trimmed; an empty value counts as absent. Countries go through ``Country/init(_:)`` once per
/// distinct raw value (a cache, since exports repeat a few hundred spellings millions of times).
struct RecordNormalizer {
    let kind: RecordKind
    /// Plans by ``NormalizedField`` position in `allCases` (an array, not a dictionary: this is the hot path).
    private let plans: [FieldPlan?]
    /// The plans' parts by field position, read per value without copying a whole plan: whether the field is
    /// mapped, its reader value index, its constant and its date formats.
    private let mapped: [Bool]
    private let valueIndices: [Int?]
    private let constants: [String?]
    private let formats: [[DateFormat]]
    private var countries: [String: Int] = [:]
    /// Category raw value per field position and raw label, `""` for a label the vocabulary does not know.
    private var categories: [[String: String]]

    init(kind: RecordKind, plans: [FieldPlan]) {
        self.kind = kind
        var table = [FieldPlan?](repeating: nil, count: NormalizedField.allCases.count)
        for plan in plans { table[plan.field.position] = plan }
        self.plans = table
        self.mapped = table.map { $0 != nil }
        self.valueIndices = table.map { $0?.valueIndex }
        self.constants = table.map { $0?.constant }
        self.formats = table.map { $0?.formats ?? [] }
        self.categories = Array(repeating: [:], count: NormalizedField.allCases.count)
    }

    /// The record, or the rejection (quarantine entry) for the first field that cannot be normalized.
    mutating func normalize(_ raw: RawRecord, at location: SourceLocation) -> Result<NormalizedRecord, Rejection> {
        do {
            switch kind {
            case .notice:
                let notice = Notice(
                    id: try required(.id, raw, location),
                    kind: try category(.kind, raw, location, default: NoticeKind.unknown),
                    requestingCountry: try country(raw, location),
                    issueDate: try date(.issueDate, raw, location),
                    status: try category(.status, raw, location, default: NoticeStatus.unknown),
                    cancellationDate: try date(.cancellationDate, raw, location),
                    cancellationReason: try category(.cancellationReason, raw, location, default: .unknown),
                    provenance: location)
                return .success(.notice(notice))
            case .complaint:
                let label = text(.outcome, raw) ?? ""
                let complaint = Complaint(
                    id: try required(.id, raw, location),
                    noticeID: text(.noticeID, raw),
                    requestingCountry: try country(raw, location),
                    filedDate: try date(.filedDate, raw, location),
                    decisionDate: try date(.decisionDate, raw, location),
                    outcome: try category(.outcome, raw, location, default: Outcome.pending),
                    outcomeLabel: label,
                    provenance: location)
                return .success(.complaint(complaint))
            }
        } catch {
            return .failure(error)
        }
    }

    /// The trimmed value of `field`, `nil` when unmapped, absent or empty.
    func text(_ field: NormalizedField, _ raw: RawRecord) -> String? {
        let position = field.position
        guard mapped[position] else { return nil }
        let value: String?
        if let constant = constants[position] {
            value = constant
        } else if let index = valueIndices[position], index < raw.values.count {
            value = raw.values[index]
        } else {
            value = nil
        }
        guard let value else { return nil }
        let trimmed = TextFolding.trim(value)
        return trimmed.isEmpty ? nil : trimmed
    }

    private func required(_ field: NormalizedField, _ raw: RawRecord, _ location: SourceLocation)
        throws(Rejection) -> String
    {
        guard let value = text(field, raw) else {
            throw Rejection(location, field, "", "missing-field", "no value for the required field \(field.rawValue)")
        }
        return value
    }

    private mutating func country(_ raw: RawRecord, _ location: SourceLocation) throws(Rejection) -> Country {
        let value = try required(.requestingCountry, raw, location)
        if let index = countries[value] {
            if index >= 0 { return Country(index: index) }
        } else if let found = Country(value) {
            countries[value] = found.index
            return found
        } else {
            countries[value] = -1
        }
        throw Rejection(
            location, .requestingCountry, value, "unknown-country",
            "\(TextFolding.quoted(value)) is not a known member country")
    }

    private func date(_ field: NormalizedField, _ raw: RawRecord, _ location: SourceLocation)
        throws(Rejection) -> CivilDate?
    {
        guard let value = text(field, raw) else { return nil }
        let formats = self.formats[field.position]
        for format in formats {
            if let date = format.parse(value) { return date }
        }
        let expected =
            formats.isEmpty
            ? "no date format fits the column" : "expected " + formats.map(\.description).joined(separator: " or ")
        throw Rejection(
            location, field, value, "invalid-date", "\(TextFolding.quoted(value)) is not a date: \(expected)")
    }

    private mutating func category<C: RawRepresentable<String>>(
        _ field: NormalizedField, _ raw: RawRecord, _ location: SourceLocation, default fallback: C
    ) throws(Rejection) -> C {
        guard let value = text(field, raw) else { return fallback }
        let name: String
        if let cached = categories[field.position][value] {
            name = cached
        } else {
            name = plans[field.position]?.vocabulary?.category(for: value) ?? ""
            categories[field.position][value] = name
        }
        guard let category = C(rawValue: name) else {
            throw Rejection(
                location, field, value, "unknown-value",
                "\(TextFolding.quoted(value)) is not a known \(field.rawValue) label (map it under values:)")
        }
        return category
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
