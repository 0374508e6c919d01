/// A Kaplan–Meier analysis of one group of durations (days), with right censoring at the as-of date.
public struct SurvivalSummary: Hashable, Sendable {
    /// `nil` for all countries together.
    public var country: Country?
    /// Durations used (events + censored).
    public var subjects: Int
    /// Durations that ended (cancellation or decision).
    public var events: Int
    /// Durations still open at the as-of date.
    public var censored: Int
    /// One step per distinct time with an event or a censoring, ascending.
    public var curve: [SurvivalStep]
    /// The 25th, 50th and 75th percentiles of the estimated distribution, in that order.
    public var quantiles: [SurvivalQuantile]
    /// Subjects still at risk at 365, 730, 1826 and 3652 days, in that order.
    public var atRisk: [AtRisk]
    /// Subjects still at risk at day 0 and then every ``atRiskStep`` days up to the longest duration of all
    /// groups of the figure (the same days in every group), ascending: the number-at-risk row under a
    /// Kaplan–Meier chart.
    public var atRiskSeries: [AtRisk]
    /// The days between two entries of ``atRiskSeries``: 365 when the longest duration of all groups is over
    /// three years, 90 when over a year, 30 when over 90 days, else 7.
    public var atRiskStep: Int
    /// Plain quantiles (25/50/75/90) of the observed durations of events only, ignoring censoring.
    public var observedQuantiles: [ObservedQuantile]
    /// Durations in fixed buckets (≤30 days, ≤90, ≤180, ≤365, ≤730, ≤1826, >1826), events only.
    public var histogram: [HistogramBucket]
    /// Whether the group has fewer subjects than ``AnalysisOptions/minimumSurvivalSubjects`` or fewer events
    /// than ``AnalysisOptions/minimumSurvivalEvents``: its curve and quantiles are computed but marked too few.
    public var tooFew: Bool {
        subjects < AnalysisOptions.minimumSurvivalSubjects || events < AnalysisOptions.minimumSurvivalEvents
    }

    /// Creates a summary.
    public init(
        country: Country?, subjects: Int, events: Int, censored: Int, curve: [SurvivalStep],
        quantiles: [SurvivalQuantile], atRisk: [AtRisk], observedQuantiles: [ObservedQuantile],
        histogram: [HistogramBucket], atRiskSeries: [AtRisk] = [], atRiskStep: Int = 365
    ) {
        self.atRiskSeries = atRiskSeries
        self.atRiskStep = atRiskStep
        self.country = country
        self.subjects = subjects
        self.events = events
        self.censored = censored
        self.curve = curve
        self.quantiles = quantiles
        self.atRisk = atRisk
        self.observedQuantiles = observedQuantiles
        self.histogram = histogram
    }
}

/// One row of a Kaplan–Meier table: at `time`, `atRisk` subjects at the start, `events` ended, `censored` left.
public struct SurvivalStep: Hashable, Sendable {
    /// Days since the start (issue or filing).
    public var time: Int
    /// Subjects at risk just before `time`.
    public var atRisk: Int
    /// Subjects that ended at `time`.
    public var events: Int
    /// Subjects last seen at `time` (censored).
    public var censored: Int
    /// The estimated probability of not yet having ended after `time`.
    public var survival: Double
    /// Pointwise interval; `[1, 1]` where survival is 1 (every transform), `nil` where survival is 0 (undefined).
    public var interval: ConfidenceInterval?

    /// Creates a step.
    public init(time: Int, atRisk: Int, events: Int, censored: Int, survival: Double, interval: ConfidenceInterval?) {
        self.time = time
        self.atRisk = atRisk
        self.events = events
        self.censored = censored
        self.survival = survival
        self.interval = interval
    }
}

/// A percentile of the Kaplan–Meier distribution in days; `nil` values mean "not reached".
///
/// Values are whole days, or a half day where ``SurvivalQuantileRule/r`` takes the midpoint of two days.
public struct SurvivalQuantile: Hashable, Sendable {
    /// 0.25, 0.5 or 0.75: the share that has ended.
    public var probability: Double
    /// Where the curve crosses `1 − probability`, under the run's ``SurvivalQuantileRule``.
    public var estimate: Double?
    /// Where the lower band crosses `1 − probability`, under the same rule.
    public var lower: Double?
    /// Where the upper band crosses `1 − probability`, under the same rule.
    public var upper: Double?

    /// Creates a quantile.
    public init(probability: Double, estimate: Double?, lower: Double?, upper: Double?) {
        self.probability = probability
        self.estimate = estimate
        self.lower = lower
        self.upper = upper
    }
}

/// How many subjects are still at risk at a given day.
public struct AtRisk: Hashable, Sendable {
    /// Days since the start.
    public var day: Int
    /// Subjects whose duration is at least `day`.
    public var count: Int
    /// Creates an at-risk count.
    public init(day: Int, count: Int) {
        self.day = day
        self.count = count
    }
}

/// A plain quantile of observed (uncensored) durations; `nil` when there are none.
public struct ObservedQuantile: Hashable, Sendable {
    /// 0.25, 0.5, 0.75 or 0.9.
    public var probability: Double
    /// The quantile in days (linear interpolation, type 7); `nil` with no events.
    public var days: Double?
    /// Creates a quantile.
    public init(probability: Double, days: Double?) {
        self.probability = probability
        self.days = days
    }
}

/// A histogram bucket: durations in `(lowerExclusive, upperInclusive]` days; `upperInclusive == nil` is open.
public struct HistogramBucket: Hashable, Sendable {
    /// The label printed (`≤30 days`, `>5 years`).
    public var label: String
    /// The bucket's lower bound, excluded (−1 for the first bucket).
    public var lowerExclusive: Int
    /// The bucket's upper bound, included; `nil` for the open last bucket.
    public var upperInclusive: Int?
    /// Events in the bucket.
    public var count: Int

    /// Creates a bucket.
    public init(label: String, lowerExclusive: Int, upperInclusive: Int?, count: Int) {
        self.label = label
        self.lowerExclusive = lowerExclusive
        self.upperInclusive = upperInclusive
        self.count = count
    }
}
