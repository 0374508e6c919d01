/// Every figure of one run, ready to render. All arrays are in a defined order (documented per property).
public struct Figures: Hashable, Sendable {
    /// The options the figures were computed under.
    public var options: AnalysisOptions
    /// Complaints per requesting country.
    public var volumes: ComplaintVolumes
    /// Overturn rates with Wilson intervals.
    public var overturnRates: OverturnRates
    /// Shares of notices cancelled and of cancellations due to the CCF.
    public var noticeCancellations: NoticeCancellations
    /// Notices by nationality of the subject (list entries have no requesting country).
    public var noticeNationalities: NoticeNationalities
    /// Notices by charge category, overall and per requesting country (empty when no notice has a charge).
    public var noticeCharges: NoticeCharges
    /// Time from issue to cancellation of notices (overall first, then per country by country order).
    public var noticeSurvival: [SurvivalSummary]
    /// Time from filing to decision of complaints (overall first, then per country by country order).
    public var complaintSurvival: [SurvivalSummary]
    /// Records left out of a statistic, sorted by figure then reason.
    public var exclusions: [Exclusion]
    /// The definition of every figure, in the order the report presents them.
    public var definitions: [FigureDefinition]
    /// The public list over time, when the notice files hold captures of the list (a series, or one scrape);
    /// else `nil`.
    public var publicList: PublicListSeries?
    /// Complaints, overturn rates and time to cancellation by data type (red notices, diffusions).
    public var dataTypes = DataTypeSplit()
    /// Time from admissibility (or filing) to decision, and the shares over the statutory limits.
    public var reviewDelays = ReviewDelays()
    /// Time from an overturned complaint's filing to its notice's cancellation (overall first, then per country
    /// of the complaint by country order).
    public var noticesInForce: [SurvivalSummary] = []

    /// Creates the figures of a run.
    public init(
        options: AnalysisOptions, volumes: ComplaintVolumes, overturnRates: OverturnRates,
        noticeCancellations: NoticeCancellations, noticeSurvival: [SurvivalSummary],
        complaintSurvival: [SurvivalSummary], exclusions: [Exclusion], definitions: [FigureDefinition],
        noticeNationalities: NoticeNationalities = NoticeNationalities(),
        noticeCharges: NoticeCharges = NoticeCharges()
    ) {
        self.noticeNationalities = noticeNationalities
        self.noticeCharges = noticeCharges
        self.options = options
        self.volumes = volumes
        self.overturnRates = overturnRates
        self.noticeCancellations = noticeCancellations
        self.noticeSurvival = noticeSurvival
        self.complaintSurvival = complaintSurvival
        self.exclusions = exclusions
        self.definitions = definitions
    }
}

/// Complaints per requesting country, over the period and per calendar year of filing.
public struct ComplaintVolumes: Hashable, Sendable {
    /// One row per member country (all 196, zeros included), by rank then alpha-2 code.
    public var rows: [Row]
    /// The calendar years of filing covered, ascending and without gaps from the first year seen to the last;
    /// empty when no complaint has a filing date.
    public var years: [Int]
    /// All complaints counted.
    public var total: Int
    /// Complaints per year over all countries, aligned with `years`.
    public var totalByYear: [Int]
    /// Complaints counted in `total` whose filing year is unknown (so in no year column).
    public var unknownYear: Int
    /// The last of `years` when the as-of date falls before its end; `nil` when every year is complete.
    public var partialYear: PartialYear?
    /// The two complete years the change column compares (later, earlier): the last two of `years`, or the two
    /// before a partial last year; `nil` when there are not two such years.
    public var changeYears: (later: Int, earlier: Int)? {
        let complete = partialYear == nil ? years : Array(years.dropLast())
        guard complete.count >= 2 else { return nil }
        return (complete[complete.count - 1], complete[complete.count - 2])
    }

    /// The label of a year column: `2024`, or `2025 (partial: Jan–Jun)`.
    public func label(year: Int) -> String {
        if let partialYear, partialYear.year == year { return partialYear.label }
        return String(year)
    }
    /// Complaints counted in `total` whose requesting country is not recognized or not given: one row, never
    /// ranked and in no member's row.
    public var unrecognized: Int
    /// Those complaints per year, aligned with `years`.
    public var unrecognizedByYear: [Int]

    /// One member country's complaints.
    public struct Row: Hashable, Sendable {
        /// The requesting country.
        public var country: Country
        /// All of the country's complaints, including those with no filing year.
        public var total: Int
        /// 1 for the most complaints; equal totals share a rank (competition ranking 1, 2, 2, 4).
        public var rank: Int
        /// `total` / all complaints; 0 when there are none.
        public var share: Double
        /// Per year, aligned with ``ComplaintVolumes/years``.
        public var byYear: [Int]
        /// Complaints filed in the later of ``ComplaintVolumes/changeYears`` minus the earlier: a partial last
        /// year is never compared with a full one; `nil` without two complete years.
        public var changeFromPreviousYear: Int?

        /// Creates a row.
        public init(country: Country, total: Int, rank: Int, share: Double, byYear: [Int], changeFromPreviousYear: Int?)
        {
            self.country = country
            self.total = total
            self.rank = rank
            self.share = share
            self.byYear = byYear
            self.changeFromPreviousYear = changeFromPreviousYear
        }
    }

    /// Creates the volume table.
    public init(
        rows: [Row], years: [Int], total: Int, totalByYear: [Int], unknownYear: Int, partialYear: PartialYear? = nil,
        unrecognized: Int = 0, unrecognizedByYear: [Int] = []
    ) {
        self.rows = rows
        self.years = years
        self.total = total
        self.totalByYear = totalByYear
        self.unknownYear = unknownYear
        self.partialYear = partialYear
        self.unrecognized = unrecognized
        self.unrecognizedByYear = unrecognizedByYear
    }
}

/// Counts of complaint outcomes and the overturn rate with its Wilson score interval.
public struct OutcomeTally: Hashable, Sendable {
    /// Complaints whose data was found not compliant and deleted.
    public var overturned: Int
    /// Complaints whose data was found compliant.
    public var upheld: Int
    /// Complaints found "compliant subject to updates".
    public var partiallyOverturned: Int
    /// Complaints declared inadmissible: counted, not decided.
    public var inadmissible: Int
    /// Complaints whose data was deleted by the NCB or the General Secretariat before a decision: counted, not
    /// decided.
    public var withdrawn: Int
    /// Complaints under examination or under a precautionary block: counted, not decided.
    public var pending: Int
    /// Complaints whose outcome was given in words no vocabulary maps: counted and shown, in no denominator.
    public var unknown: Int
    /// overturned + upheld + partially overturned: the denominator.
    public var decided: Int { overturned + upheld + partiallyOverturned }
    /// The numerator under the run's option: overturned, plus partially overturned when it counts.
    public var overturnedCounted: Int
    /// `overturnedCounted / decided`; `nil` when nothing was decided.
    public var rate: Double?
    /// Wilson score interval at the run's confidence level; `nil` when nothing was decided.
    public var interval: ConfidenceInterval?
    /// Whether `decided` is under the run's minimum for ranking.
    public var tooFewToRank: Bool

    /// Creates a tally.
    public init(
        overturned: Int, upheld: Int, partiallyOverturned: Int, inadmissible: Int, withdrawn: Int, pending: Int,
        unknown: Int = 0, overturnedCounted: Int, rate: Double?, interval: ConfidenceInterval?, tooFewToRank: Bool
    ) {
        self.unknown = unknown
        self.overturned = overturned
        self.upheld = upheld
        self.partiallyOverturned = partiallyOverturned
        self.inadmissible = inadmissible
        self.withdrawn = withdrawn
        self.pending = pending
        self.overturnedCounted = overturnedCounted
        self.rate = rate
        self.interval = interval
        self.tooFewToRank = tooFewToRank
    }
}

/// Overturn rates: overall, per requesting country, per year of decision, and the persistent overturns.
public struct OverturnRates: Hashable, Sendable {
    /// Every complaint, all countries and years.
    public var overall: OutcomeTally
    /// One row per country with at least one complaint, by alpha-2 code.
    public var byCountry: [CountryTally]
    /// Per year of decision over all countries, ascending year; complaints with no decision year are in no row.
    public var byYear: [YearTally]
    /// Per country and year of decision, by country then year.
    public var byCountryYear: [CountryYearTally]
    /// The last year of `byYear` when the as-of date falls before its end; `nil` when every year is complete.
    public var partialYear: PartialYear?
    /// Countries whose rate is above that of all other countries together, by Fisher's exact test after Holm's
    /// adjustment, by Wilson lower bound descending then alpha-2.
    public var persistent: [CountryTally]
    /// Complaints whose requesting country is not recognized or not given (counted in `overall`, in no country
    /// row, never ranked); `nil` when there are none.
    public var unrecognized: OutcomeTally?

    /// The countries ranked by rate: those with enough decisions, by the Wilson interval's lower bound
    /// descending, then by rate descending, then alpha-2 code.
    public var ranked: [CountryTally] {
        byCountry.filter { !$0.tally.tooFewToRank && $0.tally.rate != nil }.sorted { lhs, rhs in
            let left = (lhs.tally.interval?.lower ?? 0, lhs.tally.rate ?? 0)
            let right = (rhs.tally.interval?.lower ?? 0, rhs.tally.rate ?? 0)
            return left != right ? left > right : lhs.country.alpha2 < rhs.country.alpha2
        }
    }

    /// One requesting country's tally.
    public struct CountryTally: Hashable, Sendable {
        /// The requesting country.
        public var country: Country
        /// Its complaints' outcomes and rate.
        public var tally: OutcomeTally
        /// The test against all other countries; `nil` when the country was not tested (too few decisions, or
        /// no other country with a decision).
        public var comparison: OthersComparison?
        /// Creates a row.
        public init(country: Country, tally: OutcomeTally, comparison: OthersComparison? = nil) {
            self.country = country
            self.tally = tally
            self.comparison = comparison
        }
    }

    /// One country's overturn rate against the rate of all other countries together.
    public struct OthersComparison: Hashable, Sendable {
        /// Complaints decided about every other country.
        public var othersDecided: Int
        /// Of those, the ones counted as overturned.
        public var othersOverturnedCounted: Int
        /// `othersOverturnedCounted / othersDecided`.
        public var othersRate: Double
        /// Fisher's exact test, two-sided, of the 2×2 table country/others × overturned/not.
        public var pValue: Double
        /// `pValue` after Holm's step-down adjustment over every country tested.
        public var adjustedPValue: Double
        /// Creates a comparison.
        public init(
            othersDecided: Int, othersOverturnedCounted: Int, othersRate: Double, pValue: Double,
            adjustedPValue: Double
        ) {
            self.othersDecided = othersDecided
            self.othersOverturnedCounted = othersOverturnedCounted
            self.othersRate = othersRate
            self.pValue = pValue
            self.adjustedPValue = adjustedPValue
        }
    }

    /// One calendar year of decision's tally, over all countries.
    public struct YearTally: Hashable, Sendable {
        /// The calendar year of the decision.
        public var year: Int
        /// The outcomes of complaints decided that year, and their rate.
        public var tally: OutcomeTally
        /// Creates a row.
        public init(year: Int, tally: OutcomeTally) {
            self.year = year
            self.tally = tally
        }
    }

    /// One requesting country's tally for one calendar year of decision.
    public struct CountryYearTally: Hashable, Sendable {
        /// The requesting country.
        public var country: Country
        /// The calendar year of the decision.
        public var year: Int
        /// The outcomes of the country's complaints decided that year, and their rate.
        public var tally: OutcomeTally
        /// Creates a row.
        public init(country: Country, year: Int, tally: OutcomeTally) {
            self.country = country
            self.year = year
            self.tally = tally
        }
    }

    /// Creates the overturn rates.
    public init(
        overall: OutcomeTally, byCountry: [CountryTally], byYear: [YearTally], byCountryYear: [CountryYearTally],
        persistent: [CountryTally], partialYear: PartialYear? = nil, unrecognized: OutcomeTally? = nil
    ) {
        self.partialYear = partialYear
        self.unrecognized = unrecognized
        self.overall = overall
        self.byCountry = byCountry
        self.byYear = byYear
        self.byCountryYear = byCountryYear
        self.persistent = persistent
    }
}

/// For notices: the share of each country's notices that ended, and the share of cancellations due to the CCF.
public struct NoticeCancellations: Hashable, Sendable {
    /// All notices, all countries.
    public var overall: Row
    /// One row per country with at least one notice, by alpha-2 code.
    public var byCountry: [Row]
    /// Notices whose requesting country is not recognized or not given (counted in `overall`, in no country row);
    /// `nil` when there are none.
    public var unrecognized: Row?

    /// The cancellation counts and shares of one country or of all.
    public struct Row: Hashable, Sendable {
        /// `nil` for the overall row.
        public var country: Country?
        /// All notices and diffusions, whatever their status.
        public var notices: Int
        /// Notices whose status is unknown (not given, or not understood): not in the cancelled share.
        public var unknownStatus: Int
        /// Notices whose status is cancelled, withdrawn or expired.
        public var cancelled: Int
        /// `cancelled / (notices - unknownStatus)`; `nil` when no notice has a known status.
        public var cancelledShare: Double?
        /// Wilson score interval of `cancelledShare`; `nil` when no notice has a known status.
        public var cancelledInterval: ConfidenceInterval?
        /// Cancellations whose reason is known (not `unknown`).
        public var withKnownReason: Int
        /// Cancellations attributed to a CCF decision.
        public var byCCF: Int
        /// `byCCF / withKnownReason`.
        public var ccfShare: Double?
        /// Wilson score interval of `ccfShare`; `nil` when no cancellation has a known reason.
        public var ccfInterval: ConfidenceInterval?

        /// Creates a row.
        public init(
            country: Country?, notices: Int, unknownStatus: Int = 0, cancelled: Int, cancelledShare: Double?,
            cancelledInterval: ConfidenceInterval?, withKnownReason: Int, byCCF: Int, ccfShare: Double?,
            ccfInterval: ConfidenceInterval?
        ) {
            self.country = country
            self.notices = notices
            self.unknownStatus = unknownStatus
            self.cancelled = cancelled
            self.cancelledShare = cancelledShare
            self.cancelledInterval = cancelledInterval
            self.withKnownReason = withKnownReason
            self.byCCF = byCCF
            self.ccfShare = ccfShare
            self.ccfInterval = ccfInterval
        }
    }

    /// Creates the cancellation shares.
    public init(overall: Row, byCountry: [Row], unrecognized: Row? = nil) {
        self.overall = overall
        self.byCountry = byCountry
        self.unrecognized = unrecognized
    }
}
