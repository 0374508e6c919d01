import NoticeWatchModel

extension MarkdownReport {
    /// Time to cancellation of notices and time to decision of complaints (Kaplan–Meier).
    func survivalSection() -> String {
        var text = heading(
            "Time to cancellation and to decision",
            "Kaplan–Meier estimates, in days: for notices from issue to cancellation, for complaints from filing "
                + "to decision. Notices still active and complaints still pending on \(options.asOf) are censored "
                + "there, not dropped. Quartiles are the days by which 25%, 50% and 75% had ended, with \(level) "
                + "intervals (\(options.survivalInterval.rawValue) transform, quantile rule "
                + "\(options.survivalQuantileRule.rawValue)); *not reached* means the curve never fell that far; "
                + "*too few* marks a group with fewer than \(AnalysisOptions.minimumSurvivalSubjects) durations or "
                + "fewer than \(AnalysisOptions.minimumSurvivalEvents) ended ones. Charts: "
                + "[charts/notice-survival.svg](charts/notice-survival.svg), "
                + "[charts/complaint-survival.svg](charts/complaint-survival.svg)."
        )
        text += survivalGroup("Notices: issue to cancellation", figures.noticeSurvival)
        text += survivalExclusions("notice-time-to-cancellation", what: "notices")
        text += "\n![Notices not yet cancelled, by days since issue](charts/notice-survival.svg)\n"
        text += survivalGroup("Complaints: filing to decision", figures.complaintSurvival)
        text += survivalExclusions("complaint-time-to-decision", what: "complaints")
        text += "\n![Complaints not yet decided, by days since filing](charts/complaint-survival.svg)\n"
        return text
    }

    /// The records the curve of `figure` leaves out, by reason (such as `unknown-status`), in one sentence
    /// beside the curve.
    func survivalExclusions(_ figure: String, what: String) -> String {
        let left = figures.exclusions.filter { $0.figure == figure }.sorted { $0.reason < $1.reason }
        guard !left.isEmpty else { return "" }
        let total = left.reduce(0) { $0 + $1.count }
        return "\nLeft out of this curve: \(counted(total, String(what.dropLast()), what)) ("
            + left.map { "\($0.reason): \(FixedDecimal.count($0.count))" }.joined(separator: ", ") + ").\n"
    }

    /// The tables of one analysis: quartiles and at-risk numbers, observed quantiles, histogram.
    ///
    /// The overall group comes first, then the countries by English name, as in the other per-country tables.
    func survivalGroup(_ title: String, _ groups: [SurvivalSummary]) -> String {
        let summaries =
            groups.filter { $0.country == nil }
            + groups.filter { $0.country != nil }.sorted { ($0.country?.name ?? "") < ($1.country?.name ?? "") }
        var text = "\n### \(title)\n\n"
        guard let first = summaries.first else { return text + "No durations.\n" }
        let days = first.atRisk.map(\.day)
        var table = MarkdownTable(
            header: ["Group", "Subjects", "Ended", "Censored", "25% ended by", "Median", "75% ended by"]
                + days.map { "At risk day \(FixedDecimal.count($0))" },
            right: Set(1..<(7 + days.count))
        )
        for summary in summaries {
            let quartiles = [0.25, 0.5, 0.75].map { probability in
                summary.tooFew
                    ? "too few" : summary.quantiles.first { $0.probability == probability }.map(quantileText) ?? "—"
            }
            table.append(
                [
                    groupName(summary.country), FixedDecimal.count(summary.subjects),
                    FixedDecimal.count(summary.events),
                    FixedDecimal.count(summary.censored),
                ] + quartiles
                    + days.map { day in
                        summary.atRisk.first { $0.day == day }.map { FixedDecimal.count($0.count) } ?? "—"
                    }
            )
        }
        text += table.render()

        let probabilities = first.observedQuantiles.map(\.probability)
        var observed = MarkdownTable(
            header: ["Group", "Ended"]
                + probabilities.map { "Observed p\(FixedDecimal.format($0 * 100, decimals: 0))" },
            right: Set(1..<(2 + probabilities.count))
        )
        for summary in summaries {
            observed.append(
                [groupName(summary.country), FixedDecimal.count(summary.events)]
                    + probabilities.map { probability in
                        guard let days = summary.observedQuantiles.first(where: { $0.probability == probability })?.days
                        else { return "—" }
                        return FixedDecimal.format(days, decimals: 1)
                    }
            )
        }
        text +=
            "\n**Observed durations, not estimates.** Plain quantiles (days) of the durations that had ended, "
            + "ignoring everything still open. They understate typical durations whenever many are censored; "
            + "use the Kaplan–Meier figures above.\n\n" + observed.render()

        let labels = first.histogram.map(\.label)
        var histogram = MarkdownTable(header: ["Group"] + labels, right: Set(1..<(1 + labels.count)))
        for summary in summaries {
            histogram.append(
                [groupName(summary.country)]
                    + labels.map { label in
                        FixedDecimal.count(summary.histogram.first { $0.label == label }?.count ?? 0)
                    }
            )
        }
        text += "\nEnded durations by bucket (observed, censored ones not counted):\n\n" + histogram.render()
        return text
    }

    /// `412 (380–455)`, `412.5 (380–455)`, `not reached`, or `412 (380–not reached)`.
    func quantileText(_ quantile: SurvivalQuantile) -> String {
        guard let estimate = quantile.estimate else { return "not reached" }
        let range = dayRange(quantile)
        return range == "—" ? days(estimate) : "\(days(estimate)) (\(range))"
    }

    /// `1,204` for whole days, `1,204.5` for a midpoint (quantiles are whole or half days).
    func days(_ value: Double) -> String {
        let whole = value.rounded(.down)
        let fraction = FixedDecimal.format(value - whole, decimals: 1)
        return value == whole ? FixedDecimal.count(Int(whole)) : FixedDecimal.count(Int(whole)) + fraction.dropFirst()
    }

    /// The country's name, or `All countries`.
    func groupName(_ country: Country?) -> String { country?.name ?? "All countries" }
}
