/// How long the CCF took to decide requests, and how many took longer than the statutory limits.
public struct ReviewDelays: Hashable, Sendable {
    /// Overall first, then per request type (``RequestType`` order), per requesting country (country order) and
    /// per calendar year of filing (ascending); a group only when it has at least one usable duration.
    public var groups: [Group]
    /// Durations counted from the admissibility date.
    public var fromAdmissibility: Int
    /// Durations counted from the filing date because the source gives no admissibility date.
    public var fromFiling: Int

    /// Which requests a group holds.
    public enum Scope: Hashable, Sendable {
        case overall
        case requestType(RequestType)
        case country(Country)
        case year(Int)
    }

    /// The limits of the CCF Statute, Art. 40, counted in calendar months from admissibility.
    public enum StatutoryLimit: String, Hashable, Sendable, CaseIterable {
        /// Access requests: 4 months.
        case access = "access-4-months"
        /// Correction and deletion requests: 9 months.
        case correctionOrDeletion = "correction-deletion-9-months"

        /// The limit of `type`, `nil` for revisions and unknown types.
        public init?(_ type: RequestType) {
            switch type {
            case .access: self = .access
            case .correction, .deletion: self = .correctionOrDeletion
            case .revision, .unknown: return nil
            }
        }

        /// The limit in calendar months.
        public var months: Int { self == .access ? 4 : 9 }
    }

    /// One group's Kaplan–Meier time to decision and its shares over the limits.
    public struct Group: Hashable, Sendable {
        public var scope: Scope
        /// From admissibility (or filing), decisions as events, pending requests censored at the as-of date.
        public var survival: SurvivalSummary
        /// One share per limit, in ``StatutoryLimit`` order, only for limits the group has requests under.
        public var limits: [LimitShare]

        /// Creates a group.
        public init(scope: Scope, survival: SurvivalSummary, limits: [LimitShare]) {
            self.scope = scope
            self.survival = survival
            self.limits = limits
        }
    }

    /// The share of requests under one limit that were decided after it, or are pending past it.
    public struct LimitShare: Hashable, Sendable {
        public var limit: StatutoryLimit
        /// Decided within the limit.
        public var decidedWithin: Int
        /// Decided after the limit.
        public var decidedAfter: Int
        /// Still pending at the as-of date and already past the limit: counted as over it.
        public var pendingPast: Int
        /// Still pending and not yet at the limit: not counted (whether they will be over it is not known).
        public var pendingWithin: Int
        /// decidedWithin + decidedAfter + pendingPast: the denominator.
        public var counted: Int { decidedWithin + decidedAfter + pendingPast }
        /// decidedAfter + pendingPast: the numerator.
        public var over: Int { decidedAfter + pendingPast }
        /// `over / counted`; `nil` when nothing is counted.
        public var share: Double?
        /// Wilson score interval of `share`; `nil` when nothing is counted.
        public var interval: ConfidenceInterval?
        /// Whether `counted` is under the run's minimum of decisions.
        public var tooFew: Bool

        /// Creates a share.
        public init(
            limit: StatutoryLimit, decidedWithin: Int, decidedAfter: Int, pendingPast: Int, pendingWithin: Int,
            share: Double?, interval: ConfidenceInterval?, tooFew: Bool
        ) {
            self.limit = limit
            self.decidedWithin = decidedWithin
            self.decidedAfter = decidedAfter
            self.pendingPast = pendingPast
            self.pendingWithin = pendingWithin
            self.share = share
            self.interval = interval
            self.tooFew = tooFew
        }
    }

    /// The group of `scope`, if it has durations.
    public func group(_ scope: Scope) -> Group? { groups.first { $0.scope == scope } }

    /// Creates the review delays.
    public init(groups: [Group] = [], fromAdmissibility: Int = 0, fromFiling: Int = 0) {
        self.groups = groups
        self.fromAdmissibility = fromAdmissibility
        self.fromFiling = fromFiling
    }
}
