import NoticeWatchModel

/// Renders `report.md`: the summary, one section per analysis, changes since the previous run, the method,
/// data quality and provenance. Sections live in `MarkdownReport+<Section>.swift`.
///
/// Numbers: counts with thousands separators (``FixedDecimal/count(_:)``), rates as percentages with
/// 1 decimal, intervals as `a–b` in the same unit; a missing value is `—`.
struct MarkdownReport {
    let input: ReportInput
    /// What changed since the previous run, when there was one.
    let changes: RunChanges?

    var figures: Figures { input.figures }
    var options: AnalysisOptions { input.figures.options }
    /// `95%`, from the run's confidence level.
    var level: String { FixedDecimal.level(options.confidenceLevel) + "%" }

    /// The whole document, ending with one line feed.
    func render() -> String {
        var sections = [
            "# NoticeWatch report\n\nFigures as of \(options.asOf) (\(options.asOfOrigin)), from "
                + "\(FixedDecimal.count(input.ingest.complaints.count)) complaints and "
                + "\(FixedDecimal.count(input.ingest.notices.count)) notices.\n",
            summary(),
            volumesSection(),
            overturnSection(),
            persistentSection(),
            dataTypesSection(),
            cancellationsSection(),
        ]
        if let nationalities = nationalitiesSection() { sections.append(nationalities) }
        if let charges = chargesSection() { sections.append(charges) }
        sections.append(survivalSection())
        sections.append(reviewDelaysSection())
        if let series = figures.publicList { sections.append(publicListSection(series)) }
        if let changes { sections.append(changesSection(changes)) }
        sections += [methodSection(), dataQualitySection(), provenanceSection()]
        return sections.joined(separator: "\n")
    }

    /// The headline figures, in sentences.
    func summary() -> String {
        var lines = ["## Summary", ""]
        let volumes = figures.volumes
        let ranked = volumes.rows.filter { $0.total > 0 }
        var period = ""
        if let first = volumes.years.first, let last = volumes.years.last {
            period =
                first == last
                ? ", filed in \(volumes.label(year: last))" : ", filed \(first)–\(volumes.label(year: last))"
        }
        lines.append(
            "- \(counted(volumes.total, "complaint was", "complaints were")) counted\(period), about the notices of "
                + "\(counted(ranked.count, "member country", "member countries"))."
        )
        if let first = ranked.first {
            var sentence =
                "- The most complaints concern notices requested by \(first.country.name): "
                + "\(FixedDecimal.count(first.total)) (\(FixedDecimal.percent(first.share))% of all)"
            if ranked.count > 1, ranked[1].total > 0 {
                let second = ranked[1]
                let ratio = Double(first.total) / Double(second.total)
                let comparison =
                    first.total == second.total
                    ? "as many as for" : "\(FixedDecimal.format(ratio, decimals: 1)) times as many as for the next,"
                sentence += ", \(comparison) \(second.country.name) (\(FixedDecimal.count(second.total)))"
            }
            lines.append(sentence + ".")
        }
        lines.append("- " + rateSentence(about: "", tally: figures.overturnRates.overall))
        let byCountry = Dictionary(
            figures.overturnRates.byCountry.map { ($0.country, $0.tally) }, uniquingKeysWith: { first, _ in first }
        )
        for row in ranked.prefix(3) {
            guard let tally = byCountry[row.country], tally.decided > 0 else { continue }
            lines.append("- " + rateSentence(about: " about notices requested by \(row.country.name)", tally: tally))
        }
        let persistent = figures.overturnRates.persistent.map(\.country.name)
        if persistent.isEmpty {
            lines.append(
                "- No country's complaints were overturned more often than all other countries' by more than "
                    + "chance would plausibly give (Fisher's exact test, Holm-adjusted, \(alphaText))."
            )
        } else {
            lines.append(
                "- Complaints were overturned more often than for all other countries together, by more than "
                    + "chance would plausibly give (Fisher's exact test, Holm-adjusted over the countries tested, "
                    + "\(alphaText)), for: \(persistent.joined(separator: ", ")). This does not say why."
            )
        }
        let cancelled = figures.noticeCancellations.overall
        if cancelled.notices > 0 {
            lines.append(
                "- Of \(FixedDecimal.count(cancelled.notices)) notices, \(FixedDecimal.count(cancelled.cancelled)) "
                    + "had ended (cancelled, withdrawn or expired) by \(options.asOf)"
                    + (cancelled.unknownStatus > 0
                        ? " (\(FixedDecimal.count(cancelled.unknownStatus)) of unknown status, not in the share "
                            + "ended: \(percent(cancelled.cancelledShare)) of those of known status)"
                        : "")
                    + (cancelled.withKnownReason > 0
                        ? "; \(FixedDecimal.count(cancelled.byCCF)) of the \(FixedDecimal.count(cancelled.withKnownReason)) "
                            + "with a known reason followed a CCF decision."
                        : ".")
            )
        }
        if let overall = figures.noticeSurvival.first(where: { $0.country == nil }) {
            lines.append("- " + medianSentence(overall, what: "a notice", plural: "notices", until: "cancellation"))
        }
        if let overall = figures.complaintSurvival.first(where: { $0.country == nil }) {
            lines.append("- " + medianSentence(overall, what: "a complaint", plural: "complaints", until: "decision"))
        }
        if let sentence = differenceSentence(figures.dataTypes.differences.first { $0.country == nil }) {
            lines.append("- " + sentence)
        }
        for share in figures.reviewDelays.group(.overall)?.limits ?? [] {
            lines.append("- " + limitSentence(share))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// "Of N decided complaints about …, K were overturned (R%, 95% CI a–b)."
    ///
    /// - Parameter about: what the complaints are about, with a leading space, or empty for all.
    func rateSentence(about: String, tally: OutcomeTally) -> String {
        guard tally.decided > 0, let rate = tally.rate else {
            return "No complaint\(about) had been decided."
        }
        var sentence =
            "Of \(counted(tally.decided, "decided complaint", "decided complaints"))\(about), "
            + "\(FixedDecimal.count(tally.overturnedCounted)) \(tally.overturnedCounted == 1 ? "was" : "were") overturned"
            + (options.partialCountsAsOverturned ? " in full or in part" : "")
            + " (\(FixedDecimal.percent(rate))%"
        if let interval = tally.interval { sentence += ", \(level) CI \(percentRange(interval))" }
        sentence += ")."
        if tally.tooFewToRank { sentence += " Too few decisions to rank." }
        return sentence
    }

    /// `1 complaint`, `2 complaints`, `1,204 complaints`.
    func counted(_ count: Int, _ singular: String, _ plural: String) -> String {
        "\(FixedDecimal.count(count)) \(count == 1 ? singular : plural)"
    }

    /// The Kaplan–Meier median in a sentence, or "not reached".
    func medianSentence(_ summary: SurvivalSummary, what: String, plural: String, until event: String) -> String {
        let median = summary.quantiles.first { $0.probability == 0.5 }
        if summary.tooFew {
            return "The median time to \(event) of \(what) is not given: "
                + "\(counted(summary.subjects, String(what.split(separator: " ").last ?? ""), plural)), "
                + "\(FixedDecimal.count(summary.events)) ended, are too few (Kaplan–Meier needs at "
                + "least \(AnalysisOptions.minimumSurvivalSubjects) and \(AnalysisOptions.minimumSurvivalEvents))."
        }
        guard let median, let estimate = median.estimate else {
            return "The median time to \(event) of \(what) is not reached: fewer than half of "
                + "\(FixedDecimal.count(summary.subjects)) \(plural) had ended by \(options.asOf) (Kaplan–Meier)."
        }
        return "The median time to \(event) of \(what) is \(days(estimate)) days "
            + "(\(level) CI \(dayRange(median))), Kaplan–Meier over \(FixedDecimal.count(summary.subjects)) \(plural) "
            + "(\(FixedDecimal.count(summary.censored)) still open, censored at \(options.asOf))."
    }

    /// `41.2–55.0%`.
    func percentRange(_ interval: ConfidenceInterval?) -> String {
        guard let interval else { return "—" }
        return "\(FixedDecimal.percent(interval.lower))–\(FixedDecimal.percent(interval.upper))%"
    }

    /// `120–400` days, `120–not reached`, or `—`.
    func dayRange(_ quantile: SurvivalQuantile) -> String {
        if quantile.lower == nil, quantile.upper == nil { return "—" }
        let lower = quantile.lower.map(days) ?? "—"
        let upper = quantile.upper.map(days) ?? "not reached"
        return "\(lower)–\(upper)"
    }

    /// `45.7%`, or `—` when undefined.
    func percent(_ value: Double?) -> String {
        guard let value else { return "—" }
        return FixedDecimal.percent(value) + "%"
    }

    /// `values` cut or padded with zeros to `count` entries, so a table row always fits its header.
    func aligned(_ values: [Int], to count: Int) -> [Int] {
        Array(values.prefix(count)) + Array(repeating: 0, count: max(0, count - values.count))
    }

    /// A section heading and an intro paragraph.
    func heading(_ title: String, _ intro: String) -> String {
        "## \(title)\n\n\(intro)\n"
    }
}
