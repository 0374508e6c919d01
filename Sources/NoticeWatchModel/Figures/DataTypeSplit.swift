/// Complaints, overturn rates and time to cancellation split by what was challenged: red notices, diffusions
/// and other data.
public struct DataTypeSplit: Hashable, Sendable {
    /// One row per data type, in ``ChallengedDataType`` order (every type, zeros included).
    public var overall: [Row]
    /// Per requesting country, its red-notice and diffusion rows (each only when the country has a complaint
    /// of that type), by country order then data type.
    public var byCountry: [Row]
    /// Diffusions against red notices, overall first, then per country (only where both have decisions), by
    /// country order.
    public var differences: [Difference]
    /// Time from issue to cancellation of red notices and of diffusions: each kind's summaries, overall first,
    /// then per country by country order.
    public var noticeSurvival: [KindSurvival]

    /// The complaints about one data type, overall or for one country.
    public struct Row: Hashable, Sendable {
        /// `nil` for all countries together.
        public var country: Country?
        public var dataType: ChallengedDataType
        /// Every complaint about this data type, whatever its outcome.
        public var complaints: Int
        /// `complaints` over all complaints of the scope (all data types); 0 when there are none.
        public var share: Double
        /// The outcomes and overturn rate.
        public var tally: OutcomeTally

        /// Creates a row.
        public init(
            country: Country?, dataType: ChallengedDataType, complaints: Int, share: Double, tally: OutcomeTally
        ) {
            self.country = country
            self.dataType = dataType
            self.complaints = complaints
            self.share = share
            self.tally = tally
        }
    }

    /// The overturn rate of complaints about diffusions minus that about red notices.
    public struct Difference: Hashable, Sendable {
        /// `nil` for all countries together.
        public var country: Country?
        /// Diffusion rate minus red-notice rate.
        public var difference: Double
        /// Newcombe's hybrid score interval of the difference.
        public var interval: ConfidenceInterval
        /// Whether either side has fewer decided complaints than the run's minimum.
        public var tooFew: Bool

        /// Creates a difference.
        public init(country: Country?, difference: Double, interval: ConfidenceInterval, tooFew: Bool) {
            self.country = country
            self.difference = difference
            self.interval = interval
            self.tooFew = tooFew
        }
    }

    /// The time to cancellation of one kind of notice.
    public struct KindSurvival: Hashable, Sendable {
        /// `.redNotice` or `.diffusion`.
        public var kind: NoticeKind
        /// Overall first, then per country by country order; empty when no notice of the kind has a usable
        /// duration.
        public var summaries: [SurvivalSummary]

        /// Creates the summaries of one kind.
        public init(kind: NoticeKind, summaries: [SurvivalSummary]) {
            self.kind = kind
            self.summaries = summaries
        }
    }

    /// The overall row of `dataType`.
    public func row(_ dataType: ChallengedDataType) -> Row? { overall.first { $0.dataType == dataType } }

    /// Whether no complaint says what it challenged (every one is of unknown data type).
    public var isEmpty: Bool { overall.allSatisfy { $0.dataType == .unknown || $0.complaints == 0 } }

    /// Creates the split.
    public init(
        overall: [Row] = [], byCountry: [Row] = [], differences: [Difference] = [], noticeSurvival: [KindSurvival] = []
    ) {
        self.overall = overall
        self.byCountry = byCountry
        self.differences = differences
        self.noticeSurvival = noticeSurvival
    }
}
