import NoticeWatchModel

extension FiguresDocument {
    /// The Kaplan–Meier figures of one analysis, per group (all countries first): counts, quartiles with their
    /// intervals, numbers at risk; then the observed quantiles and the histogram of the ended durations.
    static func survival(
        _ summaries: [SurvivalSummary], definition: String, subject: String, _ method: SurvivalIntervalMethod
    ) -> [FigureEntry] {
        var entries: [FigureEntry] = []
        for summary in summaries {
            let group = FigureEntry.country(summary.country)
            let tooFew = summary.tooFew ? ["too-few"] : []
            for (measure, count) in [
                ("subjects", summary.subjects), ("events", summary.events), ("censored", summary.censored),
            ] {
                var entry = FigureEntry(
                    definition, measure, filters: group, value: .integer(count), unit: subject, method: "count",
                    n: nil)
                if measure == "subjects" { entry.notes = tooFew }
                entries.append(entry)
            }
            for quantile in summary.quantiles {
                var entry = FigureEntry(
                    definition, "quantile_days",
                    filters: group + [("share_ended", .text(FixedDecimal.format(quantile.probability, decimals: 2)))],
                    value: FigureEntry.days(quantile.estimate), unit: "days", method: "kaplan-meier",
                    n: summary.subjects)
                if quantile.lower != nil || quantile.upper != nil {
                    entry.interval = FigureEntry.Interval(
                        lower: FigureEntry.days(quantile.lower), upper: FigureEntry.days(quantile.upper),
                        method: "kaplan-meier-greenwood-" + method.rawValue)
                }
                entry.notes = summary.tooFew ? tooFew : quantile.estimate == nil ? ["not-reached"] : []
                entries.append(entry)
            }
            for atRisk in summary.atRisk {
                entries.append(
                    FigureEntry(
                        definition, "at_risk", filters: group + [("day", .integer(atRisk.day))],
                        value: .integer(atRisk.count), unit: subject, method: "count", n: summary.subjects))
            }
            let described = group + [("subject", .text(subject))]
            for quantile in summary.observedQuantiles {
                var entry = FigureEntry(
                    Definition.observed, "observed_quantile_days",
                    filters: described + [
                        ("probability", .text(FixedDecimal.format(quantile.probability, decimals: 2)))
                    ],
                    value: quantile.days.map { .number(FixedDecimal.format($0, decimals: 1)) } ?? .null, unit: "days",
                    method: "hyndman-fan-7", n: summary.events)
                if quantile.days == nil { entry.notes = ["no-events"] }
                entries.append(entry)
            }
            for bucket in summary.histogram {
                entries.append(
                    FigureEntry(
                        Definition.histogram, "ended_durations", filters: described + [("bucket", .text(bucket.label))],
                        value: .integer(bucket.count), unit: subject, method: "count", n: summary.events))
            }
        }
        return entries
    }

    /// The public list figures: notices seen per capture, changes between captures, departures per month, and
    /// the Kaplan–Meier time on the list. Each notice's history is data, not a figure: it is in
    /// `public_list_history.csv` only.
    static func publicList(_ series: PublicListSeries, method: SurvivalIntervalMethod) -> [FigureEntry] {
        let definition = Definition.listChanges
        let grouping: [(String, FigureEntry.FilterValue)] = [("grouping", .text(series.grouping.rawValue))]
        var entries: [FigureEntry] = []
        for row in series.coverage {
            var entry = FigureEntry(
                definition, "notices_seen", filters: [("capture_date", .text(row.capture.date.description))],
                value: .integer(row.capture.seen), unit: "notices", method: "count", n: nil)
            if row.partial { entry.notes = ["partial-capture"] }
            entries.append(entry)
        }
        for row in series.changes {
            let filters =
                [
                    ("from_date", FigureEntry.FilterValue.text(row.from.description)),
                    ("to_date", .text(row.to.description)),
                ]
                + grouping + FigureEntry.country(row.country)
            for (measure, count) in [
                ("added", row.added), ("left_public_list", row.removed), ("reappeared", row.reappeared),
                ("modified", row.modified),
            ] {
                var entry = FigureEntry(
                    definition, measure, filters: filters, value: .integer(count), unit: "notices", method: "count",
                    n: nil)
                if !row.reliable { entry.notes = ["unreliable"] }
                entries.append(entry)
            }
        }
        for row in series.departures {
            var entry = FigureEntry(
                definition, "left_public_list_in_month",
                filters: [("month", .text(row.month.description))] + grouping + FigureEntry.country(row.country),
                value: .integer(row.count), unit: "notices", method: "count", n: nil)
            if !row.reliable { entry.notes = ["unreliable"] }
            entries.append(entry)
        }
        entries += survival(series.timeOnList, definition: Definition.timeOnList, subject: "notices", method)
            .filter { $0.definition == Definition.timeOnList }
        return entries
    }
}
