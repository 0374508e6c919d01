import NoticeWatchModel

extension MarkdownReport {
    /// Overturn rates: overall, per country (ranked, then those with too few decisions), per year.
    func overturnSection() -> String {
        let rates = figures.overturnRates
        let numerator =
            options.partialCountsAsOverturned
            ? "overturned plus partially overturned (\"compliant subject to updates\")"
            : "overturned (not compliant, data deleted); partial overturns are not counted"
        var text = heading(
            "Overturn rates",
            "The share of decided complaints (overturned, upheld or partially overturned) that were \(numerator), "
                + "with \(level) Wilson score intervals. Countries are ranked by the interval's lower bound, not by "
                + "the rate, so that a high rate from few decisions does not head the table. Countries with fewer "
                + "than \(options.minimumDecisions) decided complaints are listed but marked *too few to rank*. "
                + "Charts: [charts/overturn-rates.svg](charts/overturn-rates.svg), "
                + "[charts/overturn-rate-by-year.svg](charts/overturn-rate-by-year.svg)."
        )
        var table = MarkdownTable(
            header: [
                "Country", "Decided", "Overturned", "Upheld", "Partially overturned", "Rate", "\(level) CI", "Note",
            ],
            right: [1, 2, 3, 4, 5, 6]
        )
        table.append(tallyRow("All countries", rates.overall, note: ""))
        let ranked = rates.ranked
        let unranked = rates.byCountry.filter { $0.tally.tooFewToRank || $0.tally.rate == nil }
            .sorted { $0.country.name < $1.country.name }
        let persistent = Set(rates.persistent.map(\.country))
        for row in ranked {
            table.append(
                tallyRow(row.country.name, row.tally, note: persistent.contains(row.country) ? "persistent" : ""))
        }
        for row in unranked {
            table.append(
                tallyRow(row.country.name, row.tally, note: row.tally.decided == 0 ? "no decisions" : "too few to rank")
            )
        }
        if let tally = rates.unrecognized {
            table.append(tallyRow(CSVTables.unrecognizedName, tally, note: "not ranked"))
        }
        text += "\n" + table.render()
        if rates.overall.unknown > 0 {
            text +=
                "\n\(counted(rates.overall.unknown, "complaint has an outcome", "complaints have an outcome")) "
                + "not understood: counted, in no rate's denominator (`values_not_understood.csv`).\n"
        }
        if !rates.byYear.isEmpty {
            var years = MarkdownTable(
                header: [
                    "Year of decision", "Decided", "Overturned", "Upheld", "Partially overturned", "Rate",
                    "\(level) CI", "Note",
                ],
                right: [0, 1, 2, 3, 4, 5, 6]
            )
            for row in rates.byYear {
                years.append(
                    tallyRow(
                        rates.partialYear?.year == row.year ? rates.partialYear!.label : String(row.year), row.tally,
                        note: row.tally.tooFewToRank ? "too few decisions" : ""))
            }
            text += "\nBy year of decision, all countries (complaints with no decision date are in no year):\n\n"
            text += years.render()
        }
        text += "\n![Overturn rates with intervals](charts/overturn-rates.svg)\n"
        text += "\n![Overturn rate per year of decision, with intervals](charts/overturn-rate-by-year.svg)\n"
        return text
    }

    /// One row of an overturn-rate table.
    func tallyRow(_ label: String, _ tally: OutcomeTally, note: String) -> [String] {
        [
            label, FixedDecimal.count(tally.decided), FixedDecimal.count(tally.overturned),
            FixedDecimal.count(tally.upheld), FixedDecimal.count(tally.partiallyOverturned), percent(tally.rate),
            percentRange(tally.interval), note,
        ]
    }

    /// Persistent overturns: the countries whose rate is above all other countries' by Fisher's exact test,
    /// Holm-adjusted.
    func persistentSection() -> String {
        let rates = figures.overturnRates
        let tested = rates.byCountry.filter { $0.comparison != nil }.count
        let text = heading(
            "Persistent overturns",
            "Each country with at least \(options.minimumDecisions) decided complaints "
                + "(\(counted(tested, "country", "countries")) here) is compared with all other countries "
                + "together by Fisher's exact test (two-sided); the p-values are adjusted for the number of "
                + "countries tested by Holm's method. Listed: adjusted p-value below \(alphaText) and a rate above "
                + "the others'. A listing means the country's complaints were overturned more often than the "
                + "others' by more than chance would plausibly give; it does not say why."
        )
        guard !rates.persistent.isEmpty else {
            return text + "\nNo country meets this condition.\n"
        }
        var table = MarkdownTable(
            header: [
                "Country", "Decided", "Overturned (counted)", "Rate", "\(level) CI", "Other countries' rate",
                "p-value", "Holm-adjusted p-value",
            ],
            right: [1, 2, 3, 4, 5, 6, 7]
        )
        for row in rates.persistent {
            table.append([
                row.country.name, FixedDecimal.count(row.tally.decided),
                FixedDecimal.count(row.tally.overturnedCounted), percent(row.tally.rate),
                percentRange(row.tally.interval), percent(row.comparison?.othersRate),
                pValue(row.comparison?.pValue), pValue(row.comparison?.adjustedPValue),
            ])
        }
        return text + "\n" + table.render()
    }

    /// The significance level of the persistent-overturn test: `0.05` at 95% confidence.
    var alphaText: String { FixedDecimal.format(1 - options.confidenceLevel, decimals: 4).trimmingZeros }

    /// `0.0123`, or `< 0.0001`.
    func pValue(_ value: Double?) -> String {
        guard let value else { return "—" }
        return value < 0.0001 ? "< 0.0001" : FixedDecimal.format(value, decimals: 4)
    }

    /// Notice cancellations: the share ended and the share of known-reason cancellations due to the CCF.
    func cancellationsSection() -> String {
        let figure = figures.noticeCancellations
        let text = heading(
            "Notice cancellations",
            "Per requesting country: notices that had ended (cancelled, withdrawn or expired) by \(options.asOf), "
                + "as a share of the notices whose status is known (those of unknown status are counted beside "
                + "it), and among cancellations with a known reason, those that followed a CCF decision; "
                + "\(level) Wilson intervals."
        )
        var table = MarkdownTable(
            header: [
                "Country", "Notices", "Status unknown", "Ended", "Share ended", "\(level) CI", "Known reason",
                "After CCF decision", "CCF share", "\(level) CI",
            ],
            right: [1, 2, 3, 4, 5, 6, 7, 8, 9]
        )
        let countries = figure.byCountry.sorted { ($0.country?.name ?? "") < ($1.country?.name ?? "") }
        let rows =
            [("All countries", figure.overall)] + countries.map { ($0.country?.name ?? "", $0) }
            + (figure.unrecognized.map { [(CSVTables.unrecognizedName, $0)] } ?? [])
        for (name, row) in rows {
            table.append([
                name, FixedDecimal.count(row.notices), FixedDecimal.count(row.unknownStatus),
                FixedDecimal.count(row.cancelled),
                percent(row.cancelledShare), percentRange(row.cancelledInterval),
                FixedDecimal.count(row.withKnownReason),
                FixedDecimal.count(row.byCCF), percent(row.ccfShare), percentRange(row.ccfInterval),
            ])
        }
        return text + "\n" + table.render() + unrecognizedSentence(.notice, total: figure.unrecognized?.notices ?? 0)
    }
}

extension String {
    /// `0.05` for `0.0500`: trailing zeros after a dot dropped, and the dot when nothing follows it.
    var trimmingZeros: String {
        guard contains(".") else { return self }
        var text = Substring(self)
        while text.last == "0" { text = text.dropLast() }
        if text.last == "." { text = text.dropLast() }
        return String(text)
    }
}
