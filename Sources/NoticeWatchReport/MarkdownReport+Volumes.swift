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
                + "requesting country is not recognized are in one unranked row. "
                + "Chart: [charts/volumes.svg](charts/volumes.svg)."
        )
        var header = ["Rank", "Country", "Complaints", "Share"] + volumes.years.map(String.init)
        if volumes.unknownYear > 0 { header.append("Year unknown") }
        header.append("Change from previous year")
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
            if volumes.years.count >= 2 {
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
        if volumes.totalByYear.count >= 2 {
            totalChange = signed(
                volumes.totalByYear[volumes.totalByYear.count - 1] - volumes.totalByYear[volumes.totalByYear.count - 2])
        } else {
            totalChange = "—"
        }
        table.append(
            ["", "All countries", FixedDecimal.count(volumes.total), volumes.total > 0 ? "100.0%" : "—"]
                + aligned(volumes.totalByYear, to: volumes.years.count).map(FixedDecimal.count)
                + (volumes.unknownYear > 0 ? [FixedDecimal.count(volumes.unknownYear)] : []) + [totalChange]
        )
        text += "\n" + table.render()
        text += "\n![Complaints per requesting country](charts/volumes.svg)\n"
        return text
    }

    /// `+3`, `-2`, `0`.
    func signed(_ value: Int) -> String {
        value > 0 ? "+" + FixedDecimal.count(value) : FixedDecimal.count(value)
    }
}
