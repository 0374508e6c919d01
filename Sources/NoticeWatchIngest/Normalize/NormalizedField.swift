import NoticeWatchModel

/// A field of a normalized record, as named in the sources file (`requesting_country`).
enum NormalizedField: String, CaseIterable, Hashable, Sendable, Comparable {
    case id
    case kind
    case noticeID = "notice_id"
    case requestingCountry = "requesting_country"
    case issueDate = "issue_date"
    case status
    case cancellationDate = "cancellation_date"
    case cancellationReason = "cancellation_reason"
    case filedDate = "filed_date"
    case decisionDate = "decision_date"
    case outcome
    case nationalities
    case dataType = "data_type"
    case requestType = "request_type"
    case admissibilityDate = "admissibility_date"
    /// The arrest warrants: a JSON array of objects (`issuing_country_id`, `charge`, `charge_translation`) or a
    /// Python list of dicts as pandas writes it.
    case warrants
    /// One charge (a CSV `charge`, `charges` or `offence` column): the notice's one warrant, issued by its
    /// requesting country.
    case charge
    case chargeTranslation = "charge_translation"

    /// What kind of value the field holds, which decides how it is normalized.
    enum ValueKind { case text, country, countryList, date, category, warrantList }

    /// The fields of a record kind, in the order they are normalized and listed.
    static func fields(of kind: RecordKind) -> [NormalizedField] {
        switch kind {
        case .notice:
            [
                .id, .kind, .requestingCountry, .nationalities, .issueDate, .status, .cancellationDate,
                .cancellationReason, .warrants, .charge, .chargeTranslation,
            ]
        case .complaint:
            [
                .id, .noticeID, .requestingCountry, .filedDate, .decisionDate, .outcome, .dataType, .requestType,
                .admissibilityDate,
            ]
        }
    }

    /// Whether every source of `kind` must map the field: the id, and a complaint's requesting country (a
    /// notice may lack it: a list entry of the public notices service names only nationalities).
    func isRequired(for kind: RecordKind) -> Bool {
        self == .id || (self == .requestingCountry && kind == .complaint)
    }

    var valueKind: ValueKind {
        switch self {
        case .id, .noticeID, .charge, .chargeTranslation: .text
        case .warrants: .warrantList
        case .requestingCountry: .country
        case .nationalities: .countryList
        case .issueDate, .cancellationDate, .filedDate, .decisionDate, .admissibilityDate: .date
        case .kind, .status, .cancellationReason, .outcome, .dataType, .requestType: .category
        }
    }

    /// The categories a vocabulary field maps to (the model's raw values), `nil` for other fields.
    var categories: [String]? {
        switch self {
        case .kind: NoticeKind.allCases.map(\.rawValue)
        case .status: NoticeStatus.allCases.map(\.rawValue)
        case .cancellationReason: CancellationReason.allCases.map(\.rawValue)
        case .outcome: Outcome.allCases.map(\.rawValue)
        case .dataType: ChallengedDataType.allCases.map(\.rawValue)
        case .requestType: RequestType.allCases.map(\.rawValue)
        default: nil
        }
    }

    /// The record's flag for a value of this field not understood (empty for ids, which are never flagged).
    var flag: FlaggedFields {
        switch self {
        case .id, .noticeID, .charge, .chargeTranslation: []
        case .nationalities: .nationalities
        case .dataType: .dataType
        case .requestType: .requestType
        case .admissibilityDate: .admissibilityDate
        case .warrants: .warrants
        case .kind: .kind
        case .requestingCountry: .requestingCountry
        case .issueDate: .issueDate
        case .status: .status
        case .cancellationDate: .cancellationDate
        case .cancellationReason: .cancellationReason
        case .filedDate: .filedDate
        case .decisionDate: .decisionDate
        case .outcome: .outcome
        }
    }

    /// The field's position in `allCases`, for tables indexed by field.
    var position: Int {
        switch self {
        case .id: 0
        case .kind: 1
        case .noticeID: 2
        case .requestingCountry: 3
        case .issueDate: 4
        case .status: 5
        case .cancellationDate: 6
        case .cancellationReason: 7
        case .filedDate: 8
        case .decisionDate: 9
        case .outcome: 10
        case .nationalities: 11
        case .dataType: 12
        case .requestType: 13
        case .admissibilityDate: 14
        case .warrants: 15
        case .charge: 16
        case .chargeTranslation: 17
        }
    }

    /// Orders fields as ``fields(of:)`` lists them.
    static func < (lhs: Self, rhs: Self) -> Bool { lhs.position < rhs.position }
}
