/// The fields of one record whose value the source gave but NoticeWatch did not understand.
///
/// A flagged field holds its unknown form (`nil` date, `.unknown` category, ``CountryValue/unrecognized(_:)``
/// country), so a figure that needs the field leaves the record out and counts it under `value-not-understood`,
/// while every figure that does not need it counts the record. One bit per field, so a record stays compact.
public struct FlaggedFields: OptionSet, Hashable, Sendable {
    public let rawValue: UInt16

    public init(rawValue: UInt16) { self.rawValue = rawValue }

    public static let kind = FlaggedFields(rawValue: 1 << 0)
    public static let requestingCountry = FlaggedFields(rawValue: 1 << 1)
    public static let issueDate = FlaggedFields(rawValue: 1 << 2)
    public static let status = FlaggedFields(rawValue: 1 << 3)
    public static let cancellationDate = FlaggedFields(rawValue: 1 << 4)
    public static let cancellationReason = FlaggedFields(rawValue: 1 << 5)
    public static let filedDate = FlaggedFields(rawValue: 1 << 6)
    public static let decisionDate = FlaggedFields(rawValue: 1 << 7)
    public static let outcome = FlaggedFields(rawValue: 1 << 8)
    /// An entry of the subject's nationalities that names no member country (``Notice/nationalities`` lists the
    /// members only).
    public static let nationalities = FlaggedFields(rawValue: 1 << 9)
    public static let dataType = FlaggedFields(rawValue: 1 << 11)
    public static let requestType = FlaggedFields(rawValue: 1 << 12)
    public static let admissibilityDate = FlaggedFields(rawValue: 1 << 13)
    /// A list of arrest warrants that is not a list of warrants (neither a JSON array of objects nor a Python
    /// list of dicts); the notice keeps no warrant from it.
    public static let warrants = FlaggedFields(rawValue: 1 << 10)

    /// Every flag with the name of its field in the sources file (`requesting_country`), in field order.
    public static let named: [(flag: FlaggedFields, field: String)] = [
        (.kind, "kind"), (.requestingCountry, "requesting_country"), (.issueDate, "issue_date"),
        (.status, "status"), (.cancellationDate, "cancellation_date"),
        (.cancellationReason, "cancellation_reason"), (.filedDate, "filed_date"),
        (.decisionDate, "decision_date"), (.outcome, "outcome"), (.nationalities, "nationalities"),
        (.dataType, "data_type"), (.requestType, "request_type"), (.admissibilityDate, "admissibility_date"),
        (.warrants, "warrants"),
    ]

    /// The names of the flagged fields, in field order (`["issue_date", "status"]`).
    public var fieldNames: [String] { FlaggedFields.named.filter { contains($0.flag) }.map(\.field) }
}
