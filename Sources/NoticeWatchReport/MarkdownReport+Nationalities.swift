import NoticeWatchModel

extension MarkdownReport {
    /// Notices by nationality of the subject, when some notice lists a nationality; `nil` otherwise.
    func nationalitiesSection() -> String? {
        let figure = figures.noticeNationalities
        guard !figure.rows.isEmpty else { return nil }
        let top = max(0, options.topCountries)
        let shown = Array(figure.rows.prefix(top))
        let rest = figure.rows.dropFirst(top)
        var text = heading(
            "Notices by nationality",
            "Notices per nationality of their subject (not per requesting country: "
                + "\(counted(figure.withoutRequestingCountry, "notice names", "notices name")) no requesting "
                + "country, and are in no figure by requesting country). A dual national counts under each "
                + "nationality. The \(counted(shown.count, "nationality", "nationalities")) with the most notices "
                + "are listed; every one is in `notices_by_nationality.csv`."
        )
        var table = MarkdownTable(header: ["Nationality", "Notices", "Share"], right: [1, 2])
        for row in shown {
            table.append([row.nationality.name, FixedDecimal.count(row.notices), percent(row.share)])
        }
        if !rest.isEmpty {
            let sum = rest.reduce(0) { $0 + $1.notices }
            table.append([
                "\(counted(rest.count, "other nationality", "other nationalities"))", FixedDecimal.count(sum), "",
            ])
        }
        if figure.withoutNationality > 0 {
            table.append(["No member nationality", FixedDecimal.count(figure.withoutNationality), ""])
        }
        table.append(["All notices", FixedDecimal.count(figure.total), percent(figure.total > 0 ? 1 : nil)])
        text += "\n" + table.render()
        return text
    }
}

extension CSVTables {
    /// `notices_by_nationality.csv`: one row per nationality in the figure's order, then the notices listing
    /// none (`country_code` empty, `scope` `none`) and all notices (`scope` `all`).
    static func nationalities(_ figure: NoticeNationalities) -> CSVTable {
        var table = CSVTable(header: ["scope", "country_code", "country_name", "notices", "share"])
        for row in figure.rows {
            table.append([
                "nationality", row.nationality.alpha2, row.nationality.name, String(row.notices),
                FixedDecimal.proportion(row.share),
            ])
        }
        table.append(["none", "", "", String(figure.withoutNationality), ""])
        table.append(["all", "", "", String(figure.total), ""])
        return table
    }
}
