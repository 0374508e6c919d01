import NoticeWatchModel

/// Time to cancellation and time to decision: the Kaplan–Meier summaries and their definitions.
enum SurvivalFigure {
    static let noticeFigure = "notice-time-to-cancellation"
    static let complaintFigure = "complaint-time-to-decision"
    static let observedID = "observed-duration-quantiles"
    static let histogramID = "duration-histogram"

    /// What is timed: notices from issue to cancellation, or complaints from filing to decision.
    enum Subject {
        case notice
        case complaint

        /// The figure id exclusions are counted under.
        var figure: String { self == .notice ? noticeFigure : complaintFigure }
        /// The reason for a start date after the as-of date.
        var startAfterAsOf: ExclusionReason { self == .notice ? .issueDateAfterAsOf : .filingDateAfterAsOf }
        /// The reason for an end date after the as-of date.
        var endAfterAsOf: ExclusionReason { self == .notice ? .cancellationDateAfterAsOf : .decisionDateAfterAsOf }
    }

    /// The days at which ``SurvivalSummary/atRisk`` counts subjects.
    static let atRiskDays = [365, 730, 1826, 3652]
    /// The days between the entries of ``SurvivalSummary/atRiskSeries`` for a longest duration of `longest`
    /// days: a year over three years, a quarter over a year, a month over 90 days, else a week.
    static func atRiskStep(longest: Int) -> Int {
        if longest > 3 * 365 { return 365 }
        if longest > 365 { return 90 }
        if longest > 90 { return 30 }
        return 7
    }

    /// The probabilities of ``SurvivalSummary/quantiles``.
    static let quantileProbabilities = [0.25, 0.5, 0.75]

    /// The method sentence shared by both time-to-event definitions.
    static func methodText(options: AnalysisOptions) -> String {
        let level = Percent.level(options.confidenceLevel)
        let transform: String
        switch options.survivalInterval {
        case .logLog:
            transform = "log(−log) transform (= lifelines default; R survfit default is conf.type='log')"
        case .log:
            transform = "log transform (= R survfit default conf.type='log'; lifelines uses log(−log))"
        case .plain:
            transform = "no transform, S ± z·se clamped to [0, 1] (R survfit conf.type='plain')"
        }
        return "Kaplan–Meier estimate with right censoring; \(level) pointwise CI, Greenwood variance, "
            + "\(transform). Where the curve is at 1 the interval is [1, 1]; where it is at 0 none is given. "
            + quantileRuleText(options.survivalQuantileRule)
            + " First and third quartiles likewise at 75% and 25%. Their interval is where the band crosses the "
            + "same level, by the same rule (Brookmeyer–Crowley style, as R's quantile.survfit and lifelines' "
            + "median_survival_times(confidence_interval_)); \"not reached\" when the curve or band never gets "
            + "that low. Number at risk at day d: durations (ended or censored) of at least d days. Overall, then "
            + "per requesting country with at least one usable duration (by English name in the report, by ISO "
            + "alpha-2 code in the CSV tables)."
    }

    /// The sentences on the quantile rule and the minimum group size.
    static func quantileRuleText(_ rule: SurvivalQuantileRule) -> String {
        let ruleText: String
        switch rule {
        case .r:
            ruleText =
                "Median: the first day on which the estimated share still open is at or below 50%, except where "
                + "the curve is exactly at 50% over an interval: then the midpoint of that interval (to the next "
                + "drop, or to the last day observed when the curve ends there), as R survfit's quantile.survfit "
                + "(option --km-quantile r, the default; --km-quantile first gives lifelines' and SAS's first day "
                + "at or below)."
        case .first:
            ruleText =
                "Median: the first day on which the estimated share still open is at or below 50%, even where "
                + "the curve stays exactly at 50% over an interval (option --km-quantile first, as lifelines' "
                + "median_survival_time_ and SAS; the default --km-quantile r takes the midpoint of such an "
                + "interval, as R survfit)."
        }
        return ruleText + " A group with fewer than \(AnalysisOptions.minimumSurvivalSubjects) durations or fewer "
            + "than \(AnalysisOptions.minimumSurvivalEvents) ended ones is listed with its counts, but its "
            + "quartiles and curve are marked too few: a median from so few events moves by months with one "
            + "record."
    }

    /// The definition of time to cancellation the report prints.
    static func noticeDefinition(options: AnalysisOptions) -> FigureDefinition {
        FigureDefinition(
            id: noticeFigure, title: "Time from issue to cancellation of notices",
            text: "Days from a notice's issue date to its cancellation date. Event: status cancelled, withdrawn or "
                + "expired, with a cancellation date. Censored: status active, at the as-of date "
                + "\(options.asOf) (\(options.asOfOrigin)). Excluded, counted per reason: missing or partial "
                + "(year or month only) issue or cancellation dates, status unknown, active with a cancellation "
                + "date, ended without a cancellation date (cannot be placed in time), cancellation before issue, "
                + "issue or cancellation after the as-of date. " + methodText(options: options)
        )
    }

    /// The definition of time to decision the report prints.
    static func complaintDefinition(options: AnalysisOptions) -> FigureDefinition {
        FigureDefinition(
            id: complaintFigure, title: "Time from filing to decision of complaints",
            text: "Days from a complaint's filing date to its decision date (from filing, for every complaint; "
                + "the review delays count from admissibility where the source gives it). Event: any outcome but pending, with a decision date "
                + "(inadmissible and withdrawn end the process too). Censored: pending, at the as-of date "
                + "\(options.asOf) (\(options.asOfOrigin)), whatever decision date it carries. Excluded, counted "
                + "per reason: missing or partial filing or decision dates, decision before filing, filing or "
                + "decision after the as-of date. " + methodText(options: options)
        )
    }

    /// The definition of the plain quantiles the report prints.
    static func observedDefinition(options: AnalysisOptions) -> FigureDefinition {
        FigureDefinition(
            id: observedID, title: "Observed durations",
            text: "The 25th, 50th, 75th and 90th percentiles of the durations of events only (censored durations "
                + "left out, so these understate long durations when many are still open; the Kaplan–Meier "
                + "quantiles do not). Linear interpolation between order statistics (Hyndman–Fan type 7, the "
                + "default of numpy, pandas and R). Same records as the Kaplan–Meier figures."
        )
    }

    /// The definition of the histogram the report prints.
    static func histogramDefinition(options: AnalysisOptions) -> FigureDefinition {
        FigureDefinition(
            id: histogramID, title: "Durations by bucket",
            text: "Events only, counted by duration in days in the buckets ≤30, 31–90, 91–180, 181–365, 366–730, "
                + "731–1826 and more than 1826 (five years). Same records as the Kaplan–Meier figures."
        )
    }

    /// The summaries (overall first, then per country by country order) of `spans`, adding the durations that
    /// start or end after the as-of date to `exclusions`.
    ///
    /// - Complexity: O(k log k) in the number of (country, length) keys.
    static func make(
        _ spans: SpanCounts, of subject: Subject, options: AnalysisOptions,
        exclusions: inout [PartialAggregate.ExclusionKey: Int]
    ) -> [SurvivalSummary] {
        let late = [(subject.startAfterAsOf, spans.startsLate), (subject.endAfterAsOf, spans.endsLate)]
        for (reason, count) in late where count > 0 {
            exclusions[PartialAggregate.ExclusionKey(figure: subject.figure, reason: reason.rawValue), default: 0] +=
                count
        }
        var overall: [Int: KaplanMeier.Tally] = [:]
        let byCountry = spans.talliesByCountry()
        for (_, tallies) in byCountry {
            for tally in tallies {
                var total = overall[tally.time] ?? KaplanMeier.Tally(time: tally.time, events: 0, censored: 0)
                total.events += tally.events
                total.censored += tally.censored
                overall[tally.time] = total
            }
        }
        // Records whose country is not recognized are in the overall curve only.
        let members = byCountry.filter { $0.0 != nil }
        guard !overall.isEmpty else {
            return members.map { summary(country: $0.0, $0.1, options: options, horizon: 0) }
        }
        let overallTallies = overall.keys.sorted().map { overall[$0]! }
        let horizon = overallTallies.last!.time
        return [summary(country: nil, overallTallies, options: options, horizon: horizon)]
            + members.map { summary(country: $0.0, $0.1, options: options, horizon: horizon) }
    }

    /// The day number of `date`, or of the last day of its month or year when it is partial.
    static func lastDay(of date: CivilDate) -> Int {
        if let day = date.dayNumber { return day }
        let month = date.month == 0 ? 12 : date.month
        let full = CivilDate(year: date.year, month: month, day: CivilDate.daysIn(month: month, year: date.year))
        return full!.dayNumber!
    }

    /// The summary of one group's tallies, in increasing time order, with the number at risk at regular days
    /// up to `horizon` (the longest duration of all groups, so that every group is counted on the same days).
    static func summary(
        country: Country?, _ tallies: [KaplanMeier.Tally], options: AnalysisOptions, horizon: Int
    ) -> SurvivalSummary {
        let curve = KaplanMeier.curve(
            tallies, method: options.survivalInterval, confidenceLevel: options.confidenceLevel
        )
        let events = tallies.reduce(0) { $0 + $1.events }
        let censored = tallies.reduce(0) { $0 + $1.censored }
        let step = atRiskStep(longest: horizon)
        return SurvivalSummary(
            country: country, subjects: events + censored, events: events, censored: censored, curve: curve,
            quantiles: quantileProbabilities.map {
                KaplanMeier.quantile($0, of: curve, rule: options.survivalQuantileRule)
            },
            atRisk: atRiskDays.map { AtRisk(day: $0, count: KaplanMeier.atRisk(day: $0, of: curve)) },
            observedQuantiles: ObservedDurations.quantiles(of: tallies),
            histogram: ObservedDurations.histogram(of: tallies),
            atRiskSeries: stride(from: 0, through: horizon, by: step).map {
                AtRisk(day: $0, count: KaplanMeier.atRisk(day: $0, of: curve))
            },
            atRiskStep: step
        )
    }
}
