import NoticeWatchModel

extension MarkdownReport {
    /// Red notices and diffusions: complaints, overturn rates and time to cancellation by data type.
    func dataTypesSection() -> String {
        let split = figures.dataTypes
        var text = heading(
            "Red notices and diffusions",
            "A Red Notice is reviewed by Interpol's General Secretariat before it circulates to all member "
                + "countries; a diffusion goes directly from the requesting country's bureau to the members it "
                + "chooses, and is checked only afterwards. Complaints are counted under the data type they "
                + "challenged; overturn rates as above, with \(level) Wilson intervals."
        )
        guard !split.isEmpty else {
            return text + "\nNo complaint in the data says which data type it challenged.\n"
        }
        var table = MarkdownTable(
            header: [
                "Data type", "Complaints", "Share", "Decided", "Overturned", "Upheld", "Partially overturned",
                "Rate", "\(level) CI", "Note",
            ],
            right: [1, 2, 3, 4, 5, 6, 7]
        )
        // Red notices and diffusions always; the other types only when some complaint is about them.
        for row in split.overall where row.complaints > 0 || [.redNotice, .diffusion].contains(row.dataType) {
            table.append(dataTypeRow(dataTypeName(row.dataType), row))
        }
        text += "\n" + table.render()
        if let sentence = differenceSentence(split.differences.first { $0.country == nil }) {
            text += "\n" + sentence + "\n"
        }
        let countries = Set(split.byCountry.filter { !$0.tally.tooFewToRank }.compactMap(\.country))
        if !countries.isEmpty {
            var byCountry = MarkdownTable(
                header: [
                    "Country", "Data type", "Complaints", "Share", "Decided", "Overturned", "Upheld",
                    "Partially overturned", "Rate", "\(level) CI", "Note",
                ],
                right: [2, 3, 4, 5, 6, 7, 8]
            )
            let rows = split.byCountry.filter { $0.country.map(countries.contains) ?? false }
                .sorted {
                    ($0.country?.name ?? "", $0.dataType.ordinal) < ($1.country?.name ?? "", $1.dataType.ordinal)
                }
            for row in rows {
                byCountry.append([row.country?.name ?? ""] + dataTypeRow(dataTypeName(row.dataType), row))
            }
            text +=
                "\nPer requesting country with at least \(options.minimumDecisions) decided complaints about red "
                + "notices or about diffusions (the share is of the country's complaints; all countries are in "
                + "`complaints_by_data_type.csv`):\n\n" + byCountry.render()
            let differences = split.differences.filter { $0.country != nil && !$0.tooFew }
                .sorted { ($0.country?.name ?? "") < ($1.country?.name ?? "") }
            if !differences.isEmpty {
                var table = MarkdownTable(
                    header: ["Country", "Diffusions minus red notices", "\(level) CI (Newcombe)"], right: [1, 2])
                for difference in differences {
                    table.append([
                        difference.country?.name ?? "", points(difference.difference), pointRange(difference.interval),
                    ])
                }
                text += "\nDifference in overturn rate, where both have enough decisions:\n\n" + table.render()
            }
        }
        text += kindSurvivalTable(split.noticeSurvival)
        return text
    }

    /// The time to cancellation of red notices and diffusions, overall and per country with enough durations.
    func kindSurvivalTable(_ kinds: [DataTypeSplit.KindSurvival]) -> String {
        guard kinds.contains(where: { !$0.summaries.isEmpty }) else { return "" }
        var table = MarkdownTable(
            header: ["Kind", "Group", "Notices", "Ended", "Censored", "25% ended by", "Median", "75% ended by"],
            right: [2, 3, 4, 5, 6, 7]
        )
        for kind in kinds {
            let summaries =
                kind.summaries.filter { $0.country == nil }
                + kind.summaries.filter { $0.country != nil && !$0.tooFew }
                .sorted { ($0.country?.name ?? "") < ($1.country?.name ?? "") }
            for summary in summaries {
                let quartiles = [0.25, 0.5, 0.75].map { probability in
                    summary.tooFew
                        ? "too few"
                        : summary.quantiles.first { $0.probability == probability }.map(quantileText) ?? "—"
                }
                table.append(
                    [
                        kind.kind == .redNotice ? "Red notices" : "Diffusions", groupName(summary.country),
                        FixedDecimal.count(summary.subjects), FixedDecimal.count(summary.events),
                        FixedDecimal.count(summary.censored),
                    ] + quartiles)
            }
        }
        return "\nTime from issue to cancellation (days, Kaplan–Meier, \(level) intervals), by the notices' own "
            + "kind; countries with too few durations are in `survival_by_notice_kind.csv` only:\n\n"
            + table.render()
    }

    /// One row of a data-type table, from the data type's name on.
    func dataTypeRow(_ label: String, _ row: DataTypeSplit.Row) -> [String] {
        let note =
            row.tally.decided == 0
            ? (row.complaints == 0 ? "" : "no decisions")
            : row.tally.tooFewToRank ? "too few decisions" : ""
        return [
            label, FixedDecimal.count(row.complaints), percent(row.share), FixedDecimal.count(row.tally.decided),
            FixedDecimal.count(row.tally.overturned), FixedDecimal.count(row.tally.upheld),
            FixedDecimal.count(row.tally.partiallyOverturned), percent(row.tally.rate),
            percentRange(row.tally.interval), note,
        ]
    }

    /// How complaints about diffusions fare against those about red notices, in a sentence.
    func differenceSentence(_ difference: DataTypeSplit.Difference?) -> String? {
        guard let difference, let red = figures.dataTypes.row(.redNotice)?.tally,
            let diffusion = figures.dataTypes.row(.diffusion)?.tally, let redRate = red.rate,
            let diffusionRate = diffusion.rate
        else { return nil }
        let comparison =
            difference.difference > 0
            ? "more often than" : difference.difference < 0 ? "less often than" : "as often as"
        let verdict =
            difference.interval.lower > 0 || difference.interval.upper < 0
            ? "the interval excludes 0, so the rates differ by more than chance would plausibly give"
            : "the interval includes 0, so no difference is shown"
        return "Complaints about diffusions were overturned \(comparison) those about red notices: "
            + "\(percent(diffusionRate)) of \(counted(diffusion.decided, "decided complaint", "decided complaints")) "
            + "(\(level) CI \(percentRange(diffusion.interval))) against \(percent(redRate)) of "
            + "\(FixedDecimal.count(red.decided)) (\(percentRange(red.interval))), a difference of "
            + "\(points(difference.difference)) (\(level) CI \(pointRange(difference.interval)), Newcombe); "
            + verdict + (difference.tooFew ? "; one side has too few decisions." : ".")
    }

    /// `+12.3 points`, `−4.0 points`.
    func points(_ value: Double) -> String {
        let magnitude = FixedDecimal.format(abs(value) * 100, decimals: 1)
        return (value < 0 ? "−" : value > 0 ? "+" : "") + magnitude + " points"
    }

    /// `−3.1 to +20.4 points`.
    func pointRange(_ interval: ConfidenceInterval) -> String {
        let lower = points(interval.lower).dropLast(" points".count)
        return lower + " to " + points(interval.upper)
    }

    /// `Red notice`, `Diffusion`, `Blue notice`, `Other`, `Unknown`.
    func dataTypeName(_ type: ChallengedDataType) -> String {
        switch type {
        case .redNotice: "Red notice"
        case .diffusion: "Diffusion"
        case .blueNotice: "Blue notice"
        case .other: "Other"
        case .unknown: "Unknown"
        }
    }
}
