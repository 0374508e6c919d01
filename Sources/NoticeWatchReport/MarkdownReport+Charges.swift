import NoticeWatchModel

extension MarkdownReport {
    /// Notices by charge category, when some notice has a charge; `nil` otherwise.
    func chargesSection() -> String? {
        let figure = figures.noticeCharges
        guard figure.overall.notices > 0 else { return nil }
        let top = max(0, options.topCountries)
        let shown = Array(figure.countries.filter { $0.country != nil }.prefix(top))
        var text = heading(
            "Notices by charge",
            "Notices whose arrest warrants name a charge, by the category of the charge (matched on its words "
                + "and its translation's; the charges as written are in `records.sqlite`, table `warrants`). A "
                + "notice counts once under each category its warrants cite, so shares can add up to more than "
                + "100%. \(counted(figure.overall.notices, "notice has", "notices have")) a charge"
                + (figure.severalCountries > 0
                    ? "; \(counted(figure.severalCountries, "notice has", "notices have")) warrants from several "
                        + "countries and counts for the first warrant's."
                    : "; no notice has warrants from several countries.")
        )
        var overall = MarkdownTable(header: ["Charge", "Notices", "Share", "\(level) CI"], right: [1, 2, 3])
        for row in figure.overall.rows {
            overall.append([
                label(row.category), FixedDecimal.count(row.notices), percent(row.share), percentRange(row.interval),
            ])
        }
        overall.append(["Notices with a charge", FixedDecimal.count(figure.overall.notices), "", ""])
        text += "\n" + overall.render()
        guard !shown.isEmpty else { return text }
        text +=
            "\nPer requesting country, the \(counted(shown.count, "country", "countries")) with the most notices "
            + "with a charge (shares of the country's notices with a charge, \(level) CI); every country is in "
            + "`notices_by_charge.csv`.\n\n"
        var byCountry = MarkdownTable(
            header: ["Requesting country", "With a charge"] + ChargeCategory.allCases.map(label),
            right: Set(1...(1 + ChargeCategory.allCases.count)))
        for group in shown {
            byCountry.append(
                [group.country?.name ?? "", FixedDecimal.count(group.notices)]
                    + group.rows.map { "\(percent($0.share)) (\(percentRange($0.interval)))" })
        }
        if let unrecognized = figure.countries.first(where: { $0.country == nil }) {
            byCountry.append(
                [CSVTables.unrecognizedName, FixedDecimal.count(unrecognized.notices)]
                    + unrecognized.rows.map { "\(percent($0.share)) (\(percentRange($0.interval)))" })
        }
        text += byCountry.render()
        return text
    }

    /// A category as the report names it.
    func label(_ category: ChargeCategory) -> String {
        switch category {
        case .terrorism: "Terrorism, illegal armed formation"
        case .homicide: "Homicide"
        case .drugs: "Drugs"
        case .fraud: "Fraud"
        case .other: "Other"
        }
    }
}

extension CSVTables {
    /// `notices_by_charge.csv`: per scope (`all`, then each requesting country in the figure's order, then
    /// `unrecognized`) one row per charge category, with the scope's notices with a charge, the share and its
    /// interval; then one `several-countries` row with the notices whose warrants come from several countries.
    static func charges(_ figure: NoticeCharges) -> CSVTable {
        var table = CSVTable(header: [
            "scope", "country_code", "country_name", "charge_category", "notices", "notices_with_charge", "share",
            "ci_lower", "ci_upper",
        ])
        for group in [figure.overall] + figure.countries {
            let scope = group.isOverall ? "all" : group.country == nil ? "unrecognized" : "requesting-country"
            let name = group.isOverall ? "" : group.country?.name ?? unrecognizedName
            for row in group.rows {
                table.append([
                    scope, group.country?.alpha2 ?? "", name, row.category.rawValue, String(row.notices),
                    String(group.notices), FixedDecimal.proportion(row.share),
                    FixedDecimal.proportion(row.interval?.lower), FixedDecimal.proportion(row.interval?.upper),
                ])
            }
        }
        table.append(["several-countries", "", "", "", String(figure.severalCountries), "", "", "", ""])
        return table
    }
}
