/// The choices that change figures. Every one is printed in the report's method section.
public struct AnalysisOptions: Hashable, Sendable {
    /// The day the data is taken to describe: notices still active are censored here.
    public var asOf: CivilDate
    /// Where `asOf` came from: `--as-of`, `SOURCE_DATE_EPOCH` or `latest date in the data`.
    public var asOfOrigin: String
    /// Countries with fewer decided complaints than this are listed but not ranked by rate.
    public var minimumDecisions: Int
    /// Whether "compliant subject to updates" counts as overturned in the numerator.
    public var partialCountsAsOverturned: Bool
    /// How many countries the Markdown volume table shows before summing the rest.
    public var topCountries: Int
    /// The confidence level of every interval (0.95).
    public var confidenceLevel: Double
    /// The transform for Kaplan–Meier pointwise intervals.
    public var survivalInterval: SurvivalIntervalMethod
    /// How a Kaplan–Meier quantile is read off a curve that is exactly at the level over an interval.
    public var survivalQuantileRule: SurvivalQuantileRule

    /// Kaplan–Meier groups with fewer durations than this are shown but their quantiles marked too few.
    public static let minimumSurvivalSubjects = 10
    /// Kaplan–Meier groups with fewer ended durations than this are shown but their quantiles marked too few.
    public static let minimumSurvivalEvents = 5

    /// Creates options; every default is the published method's (minimum 10 decisions, partial not overturned,
    /// top 20 countries, 95% intervals, log(−log) Kaplan–Meier intervals, R survfit's quantile rule).
    public init(
        asOf: CivilDate, asOfOrigin: String, minimumDecisions: Int = 10, partialCountsAsOverturned: Bool = false,
        topCountries: Int = 20, confidenceLevel: Double = 0.95, survivalInterval: SurvivalIntervalMethod = .logLog,
        survivalQuantileRule: SurvivalQuantileRule = .r
    ) {
        self.asOf = asOf
        self.asOfOrigin = asOfOrigin
        self.minimumDecisions = minimumDecisions
        self.partialCountsAsOverturned = partialCountsAsOverturned
        self.topCountries = topCountries
        self.confidenceLevel = confidenceLevel
        self.survivalInterval = survivalInterval
        self.survivalQuantileRule = survivalQuantileRule
    }
}

/// How a Kaplan–Meier quantile is read off the step curve.
public enum SurvivalQuantileRule: String, Hashable, Sendable, CaseIterable {
    /// R survfit's `quantile.survfit`: the first time the curve is at or below the level, except where the
    /// curve is exactly at the level (within √ε) over an interval: then the midpoint of that interval (to the
    /// next drop, or to the last time observed when the curve ends there), the usual rule for medians.
    case r
    /// The first time the curve is at or below the level (lifelines' `median_survival_time_`, SAS).
    case first
}

/// The transform used for Kaplan–Meier pointwise confidence intervals (Greenwood variance in all cases).
public enum SurvivalIntervalMethod: String, Hashable, Sendable, CaseIterable {
    /// log(−log S): lifelines' default ("exponential Greenwood"), SAS PROC LIFETEST's.
    case logLog = "loglog"
    /// log S: R survfit's default `conf.type = "log"`.
    case log
    /// S ± z·se, clamped to [0, 1].
    case plain
}

/// A figure's definition, exactly as the report prints it. Definitions are written once, next to the code
/// that computes the figure, and travel with the results.
public struct FigureDefinition: Hashable, Sendable {
    /// Stable identifier (`overturn-rate`).
    public let id: String
    /// The heading the report prints (`Overturn rate`).
    public let title: String
    /// One or more sentences: what is counted, the denominator, what is excluded, the method.
    public let text: String

    /// Creates a definition.
    public init(id: String, title: String, text: String) {
        self.id = id
        self.title = title
        self.text = text
    }
}

/// A closed interval of real numbers, `lower ≤ upper`.
public struct ConfidenceInterval: Hashable, Sendable {
    /// The lower bound.
    public let lower: Double
    /// The upper bound.
    public let upper: Double

    /// Creates the interval `[lower, upper]`.
    public init(lower: Double, upper: Double) {
        self.lower = lower
        self.upper = upper
    }

    /// Whether `value` lies in the closed interval.
    public func contains(_ value: Double) -> Bool { lower <= value && value <= upper }
}

/// A count of records excluded from a statistic, with the reason (`missing-issue-date`, `negative-duration`).
public struct Exclusion: Hashable, Comparable, Sendable {
    /// Which statistic lost them (`notice-time-to-cancellation`).
    public let figure: String
    /// Stable kebab-case reason.
    public let reason: String
    /// How many records were left out for this reason; at least 1 in ``Figures/exclusions``.
    public let count: Int

    /// Creates an exclusion count.
    public init(figure: String, reason: String, count: Int) {
        self.figure = figure
        self.reason = reason
        self.count = count
    }

    /// Orders by figure, then reason.
    public static func < (lhs: Self, rhs: Self) -> Bool { (lhs.figure, lhs.reason) < (rhs.figure, rhs.reason) }
}
