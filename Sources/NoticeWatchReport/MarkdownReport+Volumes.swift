import NoticeWatchModel

extension MarkdownReport {
    /// Complaint volumes: the top countries, the rest summed, and the total, per year.
    func volumesSection() -> String {
        let volumes = figures.volumes
        let top = max(0, options.topCountries)
        let nonZero = volumes.rows.filter { $0.total > 0 }
        let shown = Array(nonZero.prefix(top))
        let rest = nonZero.dropFirst(top)
        var text = heading(
            "Complaint volumes",
            "Complaints per requesting country, by calendar year of filing. The "
                + "\(counted(shown.count, "country", "countries")) with the most complaints are listed; "
                + "\(counted(rest.count, "other country", "other countries")) with any are summed. All "
                + "\(Country.allMembers.count) member countries are in `complaint_volumes.csv`; complaints whose "
                + "requesting country is not recognized are in one unranked row. " + partialSentence(volumes)
                + "Charts: [charts/volumes.svg](charts/volumes.svg), "
                + "[charts/complaints-per-year.svg](charts/complaints-per-year.svg)."
        )
        var header = ["Rank", "Country", "Complaints", "Share"] + volumes.years.map(volumes.label(year:))
        if volumes.unknownYear > 0 { header.append("Year unknown") }
        header.append(changeHeader(volumes))
        var table = MarkdownTable(header: header, right: Set([0] + Array(2..<header.count)))
        func unknown(_ total: Int, _ byYear: [Int]) -> [String] {
            volumes.unknownYear > 0 ? [FixedDecimal.count(total - byYear.reduce(0, +))] : []
        }
        for row in shown {
            table.append(
                [String(row.rank), row.country.name, FixedDecimal.count(row.total), percent(row.share)]
                    + aligned(row.byYear, to: volumes.years.count).map(FixedDecimal.count)
                    + unknown(row.total, row.byYear)
                    + [row.changeFromPreviousYear.map(signed) ?? "—"]
            )
        }
        if !rest.isEmpty {
            let total = rest.reduce(0) { $0 + $1.total }
            let byYear = volumes.years.indices.map { index in
                rest.reduce(0) { $0 + (index < $1.byYear.count ? $1.byYear[index] : 0) }
            }
            let share = volumes.total > 0 ? Double(total) / Double(volumes.total) : 0
            let change: String
            if volumes.changeYears != nil {
                change = signed(rest.reduce(0) { $0 + ($1.changeFromPreviousYear ?? 0) })
            } else {
                change = "—"
            }
            table.append(
                ["", "Other countries (\(rest.count))", FixedDecimal.count(total), percent(share)]
                    + byYear.map(FixedDecimal.count) + unknown(total, byYear) + [change]
            )
        }
        if volumes.unrecognized > 0 {
            let byYear = aligned(volumes.unrecognizedByYear, to: volumes.years.count)
            table.append(
                [
                    "", CSVTables.unrecognizedName, FixedDecimal.count(volumes.unrecognized),
                    percent(Double(volumes.unrecognized) / Double(max(volumes.total, 1))),
                ] + byYear.map(FixedDecimal.count) + unknown(volumes.unrecognized, byYear) + ["—"]
            )
        }
        let totalChange: String
        if let (later, earlier) = volumes.changeYears, let first = volumes.years.first,
            later - first < volumes.totalByYear.count
        {
            totalChange = signed(volumes.totalByYear[later - first] - volumes.totalByYear[earlier - first])
        } else {
            totalChange = "—"
        }
        table.append(
            ["", "All countries", FixedDecimal.count(volumes.total), volumes.total > 0 ? "100.0%" : "—"]
                + aligned(volumes.totalByYear, to: volumes.years.count).map(FixedDecimal.count)
                + (volumes.unknownYear > 0 ? [FixedDecimal.count(volumes.unknownYear)] : []) + [totalChange]
        )
        text += "\n" + table.render()
        text += unrecognizedSentence(.complaint, total: volumes.unrecognized)
        text += "\n![Complaints per requesting country](charts/volumes.svg)\n"
        text += "\n![Complaints per year of filing, the countries with the most](charts/complaints-per-year.svg)\n"
        return text
    }

    /// What the "unrecognized / not a member" row of `kind` holds: the country texts as written with the records
    /// that have each (the ten most frequent), and how many records give no country; empty when the row is.
    func unrecognizedSentence(_ kind: RecordKind, total: Int) -> String {
        guard total > 0 else { return "" }
        let values = input.ingest.valuesNotUnderstood
            .filter { $0.recordKind == kind && $0.field == "requesting_country" }
            .sorted { ($1.count, $0.rawValue) < ($0.count, $1.rawValue) }
        let written = values.reduce(0) { $0 + $1.count }
        var parts = values.prefix(10).map {
            "\"\(Escaping.markdownText(MarkdownTable.truncate($0.rawValue)))\" (\(FixedDecimal.count($0.count)))"
        }
        if values.count > 10 { parts.append("\(values.count - 10) more texts") }
        if total > written { parts.append("no country given (\(FixedDecimal.count(total - written)))") }
        return "\n\(CSVTables.unrecognizedName), as written: " + parts.joined(separator: ", ")
            + " (records read, duplicates included; every text in `values_not_understood.csv`).\n"
    }

    /// `Change from previous year`, or `Change 2024 vs 2023` when a partial last year is left out of it.
    func changeHeader(_ volumes: ComplaintVolumes) -> String {
        guard volumes.partialYear != nil, let (later, earlier) = volumes.changeYears else {
            return "Change from previous year"
        }
        return "Change \(later) vs \(earlier)"
    }

    /// What a partial last year means for the table, or nothing when every year is complete.
    func partialSentence(_ volumes: ComplaintVolumes) -> String {
        guard let partial = volumes.partialYear else { return "" }
        let change =
            volumes.changeYears.map {
                "the change compares \($0.later) with \($0.earlier), the last two complete years"
            }
            ?? "no change is given, for want of two complete years"
        return "\(partial.label) is covered only up to the as-of date \(options.asOf), so it is not comparable with "
            + "a full year: \(change). "
    }

    /// `+3`, `-2`, `0`.
    func signed(_ value: Int) -> String {
        value > 0 ? "+" + FixedDecimal.count(value) : FixedDecimal.count(value)
    }
}
