/// A Kaplan–Meier analysis of one group of durations (days), with right censoring at the as-of date.
public struct SurvivalSummary: Hashable, Sendable {
    /// `nil` for all countries together.
    public var country: Country?
    /// Durations used (events + censored).
    public var subjects: Int
    public var events: Int
    public var censored: Int
    /// One step per distinct time with an event or a censoring, ascending.
    public var curve: [SurvivalStep]
    /// The 25th, 50th and 75th percentiles of the estimated distribution, in that order.
    public var quantiles: [SurvivalQuantile]
    /// Subjects still at risk at 365, 730, 1826 and 3652 days, in that order.
    public var atRisk: [AtRisk]
    /// Plain quantiles (25/50/75/90) of the observed durations of events only, ignoring censoring.
    public var observedQuantiles: [ObservedQuantile]
    /// Durations in fixed buckets (≤30 days, ≤90, ≤180, ≤365, ≤730, ≤1826, >1826), events only.
    public var histogram: [HistogramBucket]

    public init(
        country: Country?, subjects: Int, events: Int, censored: Int, curve: [SurvivalStep],
        quantiles: [SurvivalQuantile], atRisk: [AtRisk], observedQuantiles: [ObservedQuantile],
        histogram: [HistogramBucket]
    ) {
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
    public var events: Int
    public var censored: Int
    /// The estimated probability of not yet having ended after `time`.
    public var survival: Double
    /// Pointwise interval; `[1, 1]` where survival is 1 (every transform), `nil` where survival is 0 (undefined).
    public var interval: ConfidenceInterval?

    public init(time: Int, atRisk: Int, events: Int, censored: Int, survival: Double, interval: ConfidenceInterval?) {
        self.time = time
        self.atRisk = atRisk
        self.events = events
        self.censored = censored
        self.survival = survival
        self.interval = interval
    }
}

/// A percentile of the Kaplan–Meier distribution; `nil` values mean "not reached".
public struct SurvivalQuantile: Hashable, Sendable {
    /// 0.25, 0.5 or 0.75: the share that has ended.
    public var probability: Double
    public var estimate: Int?
    public var lower: Int?
    public var upper: Int?

    public init(probability: Double, estimate: Int?, lower: Int?, upper: Int?) {
        self.probability = probability
        self.estimate = estimate
        self.lower = lower
        self.upper = upper
    }
}

/// How many subjects are still at risk at a given day.
public struct AtRisk: Hashable, Sendable {
    public var day: Int
    public var count: Int
    public init(day: Int, count: Int) {
        self.day = day
        self.count = count
    }
}

/// A plain quantile of observed (uncensored) durations; `nil` when there are none.
public struct ObservedQuantile: Hashable, Sendable {
    public var probability: Double
    public var days: Double?
    public init(probability: Double, days: Double?) {
        self.probability = probability
        self.days = days
    }
}

/// A histogram bucket: durations in `(lowerExclusive, upperInclusive]` days; `upperInclusive == nil` is open.
public struct HistogramBucket: Hashable, Sendable {
    /// The label printed (`≤30 days`, `>5 years`).
    public var label: String
    public var lowerExclusive: Int
    public var upperInclusive: Int?
    public var count: Int

    public init(label: String, lowerExclusive: Int, upperInclusive: Int?, count: Int) {
        self.label = label
        self.lowerExclusive = lowerExclusive
        self.upperInclusive = upperInclusive
        self.count = count
    }
}
