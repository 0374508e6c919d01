import NoticeWatchModel

/// The wordings the sample bundle's exports use for statuses, cancellation reasons and outcomes, and the
/// `values:` entries of `sources.yml` that map each of them.
///
/// Every label written is mapped explicitly in `sources.yml`, so the bundle's figures do not depend on the
/// ingest's built-in vocabulary; the one label deliberately left out is the planted unmapped decision.
enum SampleLabels {
    /// Status wording in the notices register (English, mixed case).
    static func registerStatus(_ status: NoticeStatus) -> [String] {
        switch status {
        case .active: return ["Active", "Active", "ACTIVE"]
        case .cancelled: return ["Cancelled", "CANCELLED"]
        case .withdrawn: return ["Withdrawn"]
        case .expired: return ["Expired"]
        case .unknown: return [""]
        }
    }

    /// The English wording of a cancellation reason; empty for `unknown`.
    static func reason(_ reason: CancellationReason) -> String {
        switch reason {
        case .ccfDecision: return "CCF decision"
        case .withdrawnByRequestingCountry: return "Withdrawn by requesting country"
        case .generalSecretariatReview: return "General Secretariat review"
        case .subjectLocated: return "Subject located"
        case .other: return "Other"
        case .unknown: return ""
        }
    }

    /// French and English decision labels of the complaints register (Windows-1252), by outcome.
    static func registerOutcome(_ outcome: Outcome) -> [String] {
        switch outcome {
        case .overturned: return ["Non conforme", "Non conforme", "Données effacées", "Non-conforme"]
        case .upheld: return ["Conforme"]
        case .partiallyOverturned: return ["Conforme sous réserve de mises à jour"]
        case .inadmissible: return ["Irrecevable"]
        case .withdrawn: return ["Effacé par le BCN avant décision"]
        case .pending: return ["", "En cours d’examen"]
        case .unknown: return []
        }
    }

    /// English decision labels of the case system, also used in the register for records in both files.
    static func caseSystemOutcome(_ outcome: Outcome) -> [String] {
        switch outcome {
        case .overturned: return ["Not compliant", "Not compliant", "Data deleted"]
        case .upheld: return ["Compliant"]
        case .partiallyOverturned: return ["Compliant subject to updates"]
        case .inadmissible: return ["Inadmissible", "Not admissible"]
        case .withdrawn: return ["Deleted by the NCB before decision", "Withdrawn"]
        case .pending: return ["Under examination", "Precautionary blocking"]
        case .unknown: return []
        }
    }

    /// The planted decision label that no vocabulary maps.
    static let unmappedOutcome = "Referred to plenary session"

    /// `values:` entries for `status`, as `(label, category)` pairs in the order written.
    static let statusValues: [(String, String)] = [
        ("Active", "active"), ("Cancelled", "cancelled"), ("Withdrawn", "withdrawn"), ("Expired", "expired"),
    ]

    /// `values:` entries for `cancellation_reason`.
    static let reasonValues: [(String, String)] = CancellationReason.allCases.compactMap { reason in
        reason == .unknown ? nil : (SampleLabels.reason(reason), reason.rawValue)
    }

    /// `values:` entries for the complaints register's `outcome`.
    static let registerOutcomeValues: [(String, String)] = outcomeValues(registerOutcome, caseSystemOutcome)

    /// `values:` entries for the case system's `outcome`.
    static let caseSystemOutcomeValues: [(String, String)] = outcomeValues(caseSystemOutcome)

    private static func outcomeValues(_ tables: ((Outcome) -> [String])...) -> [(String, String)] {
        var pairs: [(String, String)] = []
        var seen: [String] = []
        for table in tables {
            for outcome in Outcome.allCases {
                for label in table(outcome) where !label.isEmpty && !seen.contains(label) {
                    seen.append(label)
                    pairs.append((label, outcome.rawValue))
                }
            }
        }
        return pairs
    }
}
