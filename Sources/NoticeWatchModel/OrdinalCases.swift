/// A closed vocabulary whose cases have fixed positions: the compact form of a value for storage and hashing,
/// where a `String`-backed enum would otherwise hash and compare through its raw string.
///
/// Positions follow the order of ``allCases`` and are stable within one NoticeWatch version (they are never
/// written to an output).
public protocol OrdinalCases: CaseIterable, Hashable, Sendable {
    /// The case's position among `allCases`, from 0.
    var ordinal: Int { get }
    /// The case at `ordinal`, or `nil` for a position past the last case.
    init?(ordinal: Int)
}

extension NoticeKind: OrdinalCases {
    public var ordinal: Int {
        switch self {
        case .redNotice: 0
        case .diffusion: 1
        case .yellowNotice: 2
        case .blueNotice: 3
        case .blackNotice: 4
        case .greenNotice: 5
        case .orangeNotice: 6
        case .purpleNotice: 7
        case .unSpecialNotice: 8
        case .unknown: 9
        }
    }

    public init?(ordinal: Int) {
        switch ordinal {
        case 0: self = .redNotice
        case 1: self = .diffusion
        case 2: self = .yellowNotice
        case 3: self = .blueNotice
        case 4: self = .blackNotice
        case 5: self = .greenNotice
        case 6: self = .orangeNotice
        case 7: self = .purpleNotice
        case 8: self = .unSpecialNotice
        case 9: self = .unknown
        default: return nil
        }
    }
}

extension NoticeStatus: OrdinalCases {
    public var ordinal: Int {
        switch self {
        case .active: 0
        case .cancelled: 1
        case .withdrawn: 2
        case .expired: 3
        case .unknown: 4
        }
    }

    public init?(ordinal: Int) {
        switch ordinal {
        case 0: self = .active
        case 1: self = .cancelled
        case 2: self = .withdrawn
        case 3: self = .expired
        case 4: self = .unknown
        default: return nil
        }
    }
}

extension CancellationReason: OrdinalCases {
    public var ordinal: Int {
        switch self {
        case .ccfDecision: 0
        case .withdrawnByRequestingCountry: 1
        case .generalSecretariatReview: 2
        case .subjectLocated: 3
        case .other: 4
        case .unknown: 5
        }
    }

    public init?(ordinal: Int) {
        switch ordinal {
        case 0: self = .ccfDecision
        case 1: self = .withdrawnByRequestingCountry
        case 2: self = .generalSecretariatReview
        case 3: self = .subjectLocated
        case 4: self = .other
        case 5: self = .unknown
        default: return nil
        }
    }
}

extension Outcome: OrdinalCases {
    public var ordinal: Int {
        switch self {
        case .overturned: 0
        case .upheld: 1
        case .partiallyOverturned: 2
        case .inadmissible: 3
        case .withdrawn: 4
        case .pending: 5
        case .unknown: 6
        }
    }

    public init?(ordinal: Int) {
        switch ordinal {
        case 0: self = .overturned
        case 1: self = .upheld
        case 2: self = .partiallyOverturned
        case 3: self = .inadmissible
        case 4: self = .withdrawn
        case 5: self = .pending
        case 6: self = .unknown
        default: return nil
        }
    }
}

extension ChallengedDataType: OrdinalCases {
    public var ordinal: Int {
        switch self {
        case .redNotice: 0
        case .diffusion: 1
        case .blueNotice: 2
        case .other: 3
        case .unknown: 4
        }
    }

    public init?(ordinal: Int) {
        switch ordinal {
        case 0: self = .redNotice
        case 1: self = .diffusion
        case 2: self = .blueNotice
        case 3: self = .other
        case 4: self = .unknown
        default: return nil
        }
    }
}

extension RequestType: OrdinalCases {
    public var ordinal: Int {
        switch self {
        case .access: 0
        case .correction: 1
        case .deletion: 2
        case .revision: 3
        case .unknown: 4
        }
    }

    public init?(ordinal: Int) {
        switch ordinal {
        case 0: self = .access
        case 1: self = .correction
        case 2: self = .deletion
        case 3: self = .revision
        case 4: self = .unknown
        default: return nil
        }
    }
}
