/// What kind of record a source holds.
public enum RecordKind: String, Hashable, Sendable, CaseIterable, Codable {
    case notice
    case complaint
}

/// The colour of an Interpol notice, or a diffusion.
public enum NoticeKind: String, Hashable, Sendable, CaseIterable, Codable {
    case redNotice = "red-notice"
    case diffusion
    case yellowNotice = "yellow-notice"
    case blueNotice = "blue-notice"
    case blackNotice = "black-notice"
    case greenNotice = "green-notice"
    case orangeNotice = "orange-notice"
    case purpleNotice = "purple-notice"
    case unSpecialNotice = "un-special-notice"
    case unknown
}

/// Where a notice stands at the time of the export.
public enum NoticeStatus: String, Hashable, Sendable, CaseIterable, Codable {
    case active
    case cancelled
    case withdrawn
    case expired
    case unknown

    /// Whether the notice has ended (cancelled, withdrawn or expired): an event for time-to-cancellation.
    public var hasEnded: Bool { self == .cancelled || self == .withdrawn || self == .expired }
}

/// Why a notice was cancelled, as far as the data says.
public enum CancellationReason: String, Hashable, Sendable, CaseIterable, Codable {
    case ccfDecision = "ccf-decision"
    case withdrawnByRequestingCountry = "withdrawn-by-requesting-country"
    case generalSecretariatReview = "general-secretariat-review"
    case subjectLocated = "subject-located"
    case other
    case unknown
}

/// The CCF's answer to a complaint.
///
/// `overturned` means the data was found not compliant and deleted; `upheld` means compliant;
/// `partiallyOverturned` is "compliant subject to updates"; `withdrawn` covers data deleted by the NCB or the
/// General Secretariat before a decision; `pending` covers requests under examination and precautionary blocks;
/// `unknown` is an outcome the source wrote in words no vocabulary maps (never counted as decided or pending).
public enum Outcome: String, Hashable, Sendable, CaseIterable, Codable {
    case overturned
    case upheld
    case partiallyOverturned = "partially-overturned"
    case inadmissible
    case withdrawn
    case pending
    case unknown
}

/// What a complaint challenged: the CCF's decisions say "Data type: Red Notice", "Diffusion", "Blue Notice".
public enum ChallengedDataType: String, Hashable, Sendable, CaseIterable, Codable {
    case redNotice = "red-notice"
    case diffusion
    case blueNotice = "blue-notice"
    case other
    case unknown
}

/// What a request to the CCF asks for. The statutory time limits (CCF Statute, Art. 40) differ: 4 months
/// from admissibility for access, 9 months for correction or deletion; a revision of a CCF decision has none.
public enum RequestType: String, Hashable, Sendable, CaseIterable, Codable {
    case access
    case correction
    case deletion
    case revision
    case unknown

    /// The statutory limit in calendar months from admissibility, `nil` when none applies or the type is
    /// unknown.
    public var statutoryLimitMonths: Int? {
        switch self {
        case .access: 4
        case .correction, .deletion: 9
        case .revision, .unknown: nil
        }
    }
}

/// A notice or diffusion after normalization.
///
/// A value the source gives but NoticeWatch cannot understand (an unknown label, an impossible date, text that
/// names no member country) does not remove the record: the field holds its unknown form (`.unknown`, `nil`,
/// ``CountryValue/unrecognized(_:)``) and its bit is set in ``flagged``. A field that is unknown and not flagged
/// was absent from the source.
public struct Notice: Hashable, Sendable {
    /// The notice's id as the source gives it (`2019/12345`), trimmed.
    public var id: String
    public var kind: NoticeKind
    /// The member country that requested the notice, or the text that names none; `.unrecognized("")` when the
    /// source does not say (a list entry of the public notices service names only the subject's nationalities).
    public var requestingCountry: CountryValue
    /// The subject's nationalities as the source lists them (member countries, in the source's order), kept
    /// apart from the requesting country.
    public var nationalities: [Country]
    public var issueDate: CivilDate?
    public var status: NoticeStatus
    public var cancellationDate: CivilDate?
    public var cancellationReason: CancellationReason
    /// The fields whose value was given but not understood (each holds its unknown form).
    public var flagged: FlaggedFields
    /// The arrest warrants in the source's order (empty when the source gives none: no allocation). The
    /// requesting country is the first warrant's issuing country when the source maps no other.
    public var warrants: [Warrant]
    /// Where the record was read (the first place, when duplicates were merged into it).
    public var provenance: SourceLocation

    public init(
        id: String, kind: NoticeKind, requestingCountry: CountryValue, nationalities: [Country] = [],
        issueDate: CivilDate?, status: NoticeStatus, cancellationDate: CivilDate?,
        cancellationReason: CancellationReason, flagged: FlaggedFields = [], warrants: [Warrant] = [],
        provenance: SourceLocation
    ) {
        self.id = id
        self.kind = kind
        self.requestingCountry = requestingCountry
        self.nationalities = nationalities
        self.issueDate = issueDate
        self.status = status
        self.cancellationDate = cancellationDate
        self.cancellationReason = cancellationReason
        self.flagged = flagged
        self.warrants = warrants
        self.provenance = provenance
    }
}

extension Notice: RecordWithFacts {
    /// What figures read of a notice: everything but its id and provenance, and of its country only the member
    /// (`nil` for a country not recognized or not given).
    public struct Facts: Hashable, Sendable {
        public var kind: NoticeKind
        public var requestingCountry: Country?
        public var nationalities: [Country]
        public var issueDate: CivilDate?
        public var status: NoticeStatus
        public var cancellationDate: CivilDate?
        public var cancellationReason: CancellationReason
        public var flagged: FlaggedFields
        /// The charge categories the warrants cite and whether they come from several countries.
        public var warrants: WarrantSummary

        public init(
            kind: NoticeKind, requestingCountry: Country?, nationalities: [Country] = [], issueDate: CivilDate?,
            status: NoticeStatus, cancellationDate: CivilDate?, cancellationReason: CancellationReason,
            flagged: FlaggedFields = [], warrants: WarrantSummary = WarrantSummary()
        ) {
            self.kind = kind
            self.requestingCountry = requestingCountry
            self.nationalities = nationalities
            self.issueDate = issueDate
            self.status = status
            self.cancellationDate = cancellationDate
            self.cancellationReason = cancellationReason
            self.flagged = flagged
            self.warrants = warrants
        }
    }

    /// The notice's facts.
    @inlinable
    public var facts: Facts {
        Facts(
            kind: kind, requestingCountry: requestingCountry.member, nationalities: nationalities,
            issueDate: issueDate, status: status, cancellationDate: cancellationDate,
            cancellationReason: cancellationReason, flagged: flagged,
            warrants: warrants.isEmpty ? WarrantSummary() : WarrantSummary(warrants))
    }
}

/// A request to the CCF for correction or deletion of data about a notice or diffusion.
public struct Complaint: Hashable, Sendable {
    /// The complaint's id as the source gives it (`CCF/123/45`), trimmed.
    public var id: String
    /// The challenged notice's id when the source gives it.
    public var noticeID: String?
    /// The country that requested the challenged notice or diffusion.
    public var requestingCountry: CountryValue
    public var filedDate: CivilDate?
    public var decisionDate: CivilDate?
    public var outcome: Outcome
    /// The outcome's wording in the source ("Not compliant", "Data deleted"), kept beside the category.
    public var outcomeLabel: String
    /// What the complaint challenged: a red notice, a diffusion, another notice; `unknown` when not given.
    public var dataType: ChallengedDataType
    /// What the request asks for (access, correction, deletion, revision); `unknown` when not given.
    public var requestType: RequestType
    /// The day the CCF found the request admissible, when the source gives it: statutory limits count from it.
    public var admissibilityDate: CivilDate?
    /// The fields whose value was given but not understood (each holds its unknown form; see ``Notice``).
    public var flagged: FlaggedFields
    public var provenance: SourceLocation

    public init(
        id: String, noticeID: String?, requestingCountry: CountryValue, filedDate: CivilDate?,
        decisionDate: CivilDate?, outcome: Outcome, outcomeLabel: String, dataType: ChallengedDataType = .unknown,
        requestType: RequestType = .unknown, admissibilityDate: CivilDate? = nil, flagged: FlaggedFields = [],
        provenance: SourceLocation
    ) {
        self.id = id
        self.noticeID = noticeID
        self.requestingCountry = requestingCountry
        self.filedDate = filedDate
        self.decisionDate = decisionDate
        self.outcome = outcome
        self.outcomeLabel = outcomeLabel
        self.flagged = flagged
        self.dataType = dataType
        self.requestType = requestType
        self.admissibilityDate = admissibilityDate
        self.provenance = provenance
    }
}

extension Complaint: RecordWithFacts {
    /// What figures read of a complaint: its member country (`nil` when not recognized or not given), dates,
    /// outcome, data type, request type and flagged fields (not its ids, wording or provenance).
    public struct Facts: Hashable, Sendable {
        public var requestingCountry: Country?
        public var filedDate: CivilDate?
        public var decisionDate: CivilDate?
        public var outcome: Outcome
        public var dataType: ChallengedDataType
        public var requestType: RequestType
        public var admissibilityDate: CivilDate?
        public var flagged: FlaggedFields

        public init(
            requestingCountry: Country?, filedDate: CivilDate?, decisionDate: CivilDate?, outcome: Outcome,
            dataType: ChallengedDataType = .unknown, requestType: RequestType = .unknown,
            admissibilityDate: CivilDate? = nil, flagged: FlaggedFields = []
        ) {
            self.requestingCountry = requestingCountry
            self.filedDate = filedDate
            self.decisionDate = decisionDate
            self.outcome = outcome
            self.flagged = flagged
            self.dataType = dataType
            self.requestType = requestType
            self.admissibilityDate = admissibilityDate
        }
    }

    /// The complaint's facts.
    @inlinable
    public var facts: Facts {
        Facts(
            requestingCountry: requestingCountry.member, filedDate: filedDate, decisionDate: decisionDate,
            outcome: outcome, dataType: dataType, requestType: requestType, admissibilityDate: admissibilityDate,
            flagged: flagged)
    }
}
