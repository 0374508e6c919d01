import NoticeWatchModel

extension MarkdownReport {
    /// The public list over time: coverage per capture, changes between captures, per country, per month, and
    /// the time on the list.
    func publicListSection(_ series: PublicListSeries) -> String {
        let first = series.coverage.first?.capture.date.description ?? "—"
        let last = series.coverage.last?.capture.date.description ?? "—"
        let by: String
        switch series.grouping {
        case .requestingCountry: by = "requesting country"
        case .nationality: by = "first nationality (list entries name no requesting country)"
        case .requestingCountryOrNationality:
            by = "requesting country where the data gives one, else first nationality"
        }
        var text = heading(
            "The public list over time",
            "\(counted(series.coverage.count, "capture", "captures")) of Interpol's public notices list, from \(first) "
                + "to \(last), counted by \(by). A notice that left the public list was not necessarily cancelled: "
                + "the requesting country can also ask for it to be made non-public. Also in "
                + "`public_list_captures.csv`, `public_list_changes.csv`, `public_list_departures.csv` and "
                + "`public_list_history.csv`.")
        var coverage = MarkdownTable(
            header: ["Capture", "Notices seen", "Share of previous", "Service total", "Coverage"], right: [1, 2, 3])
        for row in series.coverage {
            coverage.append([
                row.capture.date.description, FixedDecimal.count(row.capture.seen), percent(row.shareOfPrevious),
                row.capture.serviceTotal.map(FixedDecimal.count) ?? "—",
                row.partial ? "partial: changes across it unreliable" : "ok",
            ])
        }
        text += "\n" + coverage.render()
        let pairs = series.changes.filter { $0.country == nil }
        guard !pairs.isEmpty else { return text + "\nOne capture: no change can be measured yet.\n" }
        var changes = MarkdownTable(
            header: ["From", "To", "Added", "Left the public list", "Reappeared", "Modified", "Reliable"],
            right: [2, 3, 4, 5])
        for row in pairs {
            changes.append([
                row.from.description, row.to.description, FixedDecimal.count(row.added),
                FixedDecimal.count(row.removed),
                FixedDecimal.count(row.reappeared), FixedDecimal.count(row.modified),
                row.reliable ? "yes" : "no (partial capture)",
            ])
        }
        text += "\n### Between captures, all countries\n\n" + changes.render()
        text += "\n### Per country, over the whole series\n\n" + countriesTable(series).render()
        let months = series.departures.filter { $0.country == nil }
        if !months.isEmpty {
            var table = MarkdownTable(header: ["Month", "Left the public list", "Reliable"], right: [1])
            for row in months {
                table.append([
                    row.month.description, FixedDecimal.count(row.count), row.reliable ? "yes" : "no (partial capture)",
                ])
            }
            text += "\n### Left the public list, per month (all countries)\n\n" + table.render()
        }
        text += "\n" + timeOnListSentence(series) + "\n"
        return text
    }

    /// Changes summed over the series per country, most departures first, the first ``AnalysisOptions/topCountries``.
    private func countriesTable(_ series: PublicListSeries) -> MarkdownTable {
        var totals: [Country: (added: Int, removed: Int, reappeared: Int, modified: Int)] = [:]
        for row in series.changes {
            guard let country = row.country else { continue }
            let current = totals[country] ?? (0, 0, 0, 0)
            totals[country] = (
                current.added + row.added, current.removed + row.removed, current.reappeared + row.reappeared,
                current.modified + row.modified
            )
        }
        let ordered = totals.keys.sorted { (-totals[$0]!.removed, $0) < (-totals[$1]!.removed, $1) }
        var table = MarkdownTable(
            header: ["Country", "Added", "Left the public list", "Reappeared", "Modified"], right: [1, 2, 3, 4])
        for country in ordered.prefix(options.topCountries) {
            let value = totals[country]!
            table.append([
                country.name, FixedDecimal.count(value.added), FixedDecimal.count(value.removed),
                FixedDecimal.count(value.reappeared), FixedDecimal.count(value.modified),
            ])
        }
        return table
    }

    /// The median time on the list, with the left-truncated notices counted.
    private func timeOnListSentence(_ series: PublicListSeries) -> String {
        let truncated =
            "\(counted(series.leftTruncated, "notice was", "notices were")) already listed at the first capture "
            + "(their entry is not observed) and are left out of the time on the list."
        guard let overall = series.timeOnList.first else {
            return "No notice appeared during the series, so no time on the list can be measured. " + truncated
        }
        let subjects =
            "Kaplan–Meier over \(counted(overall.subjects, "notice", "notices")) that appeared during the "
            + "series (\(FixedDecimal.count(overall.censored)) still listed at the last capture, censored there)"
        if overall.tooFew {
            return "The median time on the public list is not given: too few notices appeared or left during the "
                + "series (Kaplan–Meier needs at least \(AnalysisOptions.minimumSurvivalSubjects) subjects and "
                + "\(AnalysisOptions.minimumSurvivalEvents) events; \(subjects)). " + truncated
        }
        guard let median = overall.quantiles.first(where: { $0.probability == 0.5 }), let estimate = median.estimate
        else {
            return "The median time on the public list is not reached: \(subjects). " + truncated
        }
        return "The median time on the public list is \(days(estimate)) days (\(level) CI "
            + "\(dayRange(median))), \(subjects). " + truncated
    }
}
