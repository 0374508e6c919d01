import NoticeWatchModel

extension SampleLabels {
    /// The complaints register's data-type wording (French), varied by row position.
    static func registerDataType(_ type: ChallengedDataType, position: Int) -> String {
        switch type {
        case .redNotice: position % 4 == 0 ? "Notice rouge (NR)" : "Notice rouge"
        case .diffusion: "Diffusion"
        case .blueNotice: "Notice bleue"
        case .other: "Autre"
        case .unknown: ""
        }
    }

    /// The case system's data-type wording, as the CCF's decisions write it, varied by row position.
    static func caseSystemDataType(_ type: ChallengedDataType, position: Int) -> String {
        switch type {
        case .redNotice: position % 5 == 0 ? "Data type: Red Notice" : position % 5 == 1 ? "RN" : "Red Notice"
        case .diffusion: position % 5 == 0 ? "Data type: Diffusion" : "Diffusion"
        case .blueNotice: "Blue Notice"
        case .other: "Other"
        case .unknown: ""
        }
    }

    /// `values:` entries for the register's `data_type`: the one wording the defaults do not know.
    static let registerDataTypeValues: [(String, String)] = [("Notice rouge (NR)", "red-notice")]

    /// `values:` entries for the register's `request_type` (`Effacement` and `Révision` are defaults): a
    /// request for access and deletion is under the access limit of 4 months.
    static let registerRequestTypeValues: [(String, String)] = [("Accès; effacement", "access")]

    /// `values:` entries for the case system's `request_type` (`deletion` and `revision` are defaults).
    static let caseSystemRequestTypeValues: [(String, String)] = [("access-deletion", "access")]
}
