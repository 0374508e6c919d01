import NoticeWatchModel

/// Complaints by requesting country, data type challenged and outcome.
struct TypedOutcomeKey: PackedKey {
    /// `nil`: not recognized or not given (in the overall rows only).
    var country: Country?
    var dataType: ChallengedDataType
    var outcome: Outcome

    var packed: UInt64 {
        UInt64(country.map { $0.index + 1 } ?? 0) << 16 | UInt64(dataType.ordinal) << 8 | UInt64(outcome.ordinal)
    }

    init(country: Country?, dataType: ChallengedDataType, outcome: Outcome) {
        self.country = country
        self.dataType = dataType
        self.outcome = outcome
    }

    init(packed: UInt64) {
        self.init(
            country: packed >> 16 == 0 ? nil : Country(index: Int(packed >> 16) - 1),
            dataType: ChallengedDataType(ordinal: Int((packed >> 8) & 0xFF)) ?? .unknown,
            outcome: Outcome(ordinal: Int(packed & 0xFF)) ?? .pending)
    }
}

/// Notices and diffusions apart: complaint volumes, overturn rates and time to cancellation by data type.
enum DataTypeFigure {
    static let id = "complaints-by-data-type"
    static let survivalID = "notice-time-to-cancellation-by-kind"
    /// The notice kinds timed apart.
    static let timedKinds: [NoticeKind] = [.redNotice, .diffusion]

    /// The definition of the split the report prints.
    static func definition(options: AnalysisOptions) -> FigureDefinition {
        FigureDefinition(
            id: id, title: "Red notices and diffusions",
            text: "A Red Notice is published by the General Secretariat, which reviews the request for "
                + "compliance with Interpol's rules (Article 3 of the Constitution included) before it circulates "
                + "to all 196 member countries; a diffusion is sent by the requesting country's National Central "
                + "Bureau directly to the members it chooses, and is checked only afterwards (since 10 March 2022 "
                + "the General Secretariat checks each diffusion from Russia's bureau before it goes out, so "
                + "Russian diffusions of later years are reviewed first). Each complaint is "
                + "counted under the data type it challenged, as the source says (\"Data type: Red Notice\", "
                + "\"Diffusion\", \"Blue Notice\"; other notices as other); a complaint whose source gives no "
                + "data type, or a label not known, counts as unknown and stays in every other figure. Volumes, "
                + "outcomes and the overturn rate (defined as in the overturn rate, with its "
                + "\(Percent.level(options.confidenceLevel)) Wilson interval) are given per data type overall and "
                + "per requesting country for red notices and diffusions; a country's rate is marked too few "
                + "under \(options.minimumDecisions) decided complaints. Difference: the diffusion rate minus the "
                + "red-notice rate, with Newcombe's hybrid score interval (method 10, from the two Wilson "
                + "intervals; as statsmodels confint_proportions_2indep, method=\"newcomb\"); an interval that "
                + "excludes 0 says the rates differ by more than chance would plausibly give, not why."
        )
    }

    /// The definition of time to cancellation by kind the report prints.
    static func survivalDefinition(options: AnalysisOptions) -> FigureDefinition {
        FigureDefinition(
            id: survivalID, title: "Time from issue to cancellation, red notices and diffusions",
            text: "The time from issue to cancellation of notices, defined and estimated as above, for the notices "
                + "whose kind is red notice and for those that are diffusions, each overall and per requesting "
                + "country (by the same minimum group size); notices of other or unknown kind are in the overall "
                + "figure only. The notice's kind comes from the notice records, not from the complaints."
        )
    }

    /// The split from complaint counts per (country, data type, outcome) and the notices' spans per kind.
    ///
    /// - Complexity: O(k log k) in the number of keys.
    static func make(
        _ counts: [TypedOutcomeKey: Int], kindSpans: [SpanCounts], options: AnalysisOptions
    ) -> DataTypeSplit {
        var overall: [ChallengedDataType: OverturnFigure.Counts] = [:]
        var byCountry: [Country: [ChallengedDataType: OverturnFigure.Counts]] = [:]
        for (key, count) in counts {
            overall[key.dataType, default: OverturnFigure.Counts()].add(key.outcome, count)
            guard let country = key.country else { continue }
            byCountry[country, default: [:]][key.dataType, default: OverturnFigure.Counts()]
                .add(key.outcome, count)
        }
        func rows(_ counts: [ChallengedDataType: OverturnFigure.Counts], country: Country?, types: [ChallengedDataType])
            -> [DataTypeSplit.Row]
        {
            let all = counts.values.reduce(0) { $0 + $1.byOutcome.values.reduce(0, +) }
            return types.compactMap { type in
                let typeCounts = counts[type] ?? OverturnFigure.Counts()
                let complaints = typeCounts.byOutcome.values.reduce(0, +)
                if country != nil && complaints == 0 { return nil }
                return DataTypeSplit.Row(
                    country: country, dataType: type, complaints: complaints,
                    share: all == 0 ? 0 : Double(complaints) / Double(all),
                    tally: OverturnFigure.tally(typeCounts, options: options))
            }
        }
        let overallRows = rows(overall, country: nil, types: Array(ChallengedDataType.allCases))
        var countryRows: [DataTypeSplit.Row] = []
        var differences: [DataTypeSplit.Difference] = []
        if let difference = difference(overallRows, country: nil, options: options) { differences.append(difference) }
        for country in byCountry.keys.sorted() {
            let found = rows(byCountry[country]!, country: country, types: [.redNotice, .diffusion])
            countryRows += found
            if let difference = difference(found, country: country, options: options) {
                differences.append(difference)
            }
        }
        var unused: [PartialAggregate.ExclusionKey: Int] = [:]
        let survival = zip(timedKinds, kindSpans).map { kind, spans in
            DataTypeSplit.KindSurvival(
                kind: kind, summaries: SurvivalFigure.make(spans, of: .notice, options: options, exclusions: &unused))
        }
        return DataTypeSplit(
            overall: overallRows, byCountry: countryRows, differences: differences, noticeSurvival: survival)
    }

    /// Diffusions minus red notices among `rows`, when both have a decided complaint.
    static func difference(
        _ rows: [DataTypeSplit.Row], country: Country?, options: AnalysisOptions
    ) -> DataTypeSplit.Difference? {
        guard let red = rows.first(where: { $0.dataType == .redNotice })?.tally,
            let diffusion = rows.first(where: { $0.dataType == .diffusion })?.tally,
            let interval = newcombe(diffusion, red)
        else { return nil }
        return DataTypeSplit.Difference(
            country: country, difference: (diffusion.rate ?? 0) - (red.rate ?? 0), interval: interval,
            tooFew: red.tooFewToRank || diffusion.tooFewToRank)
    }

    /// Newcombe's hybrid score interval (method 10) of `first.rate − second.rate`, from their Wilson intervals.
    static func newcombe(_ first: OutcomeTally, _ second: OutcomeTally) -> ConfidenceInterval? {
        guard let p1 = first.rate, let p2 = second.rate, let one = first.interval, let two = second.interval else {
            return nil
        }
        let difference = p1 - p2
        let below = ((p1 - one.lower) * (p1 - one.lower) + (two.upper - p2) * (two.upper - p2)).squareRoot()
        let above = ((one.upper - p1) * (one.upper - p1) + (p2 - two.lower) * (p2 - two.lower)).squareRoot()
        return ConfidenceInterval(lower: max(-1, difference - below), upper: min(1, difference + above))
    }
}
