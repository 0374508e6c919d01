import NoticeWatchModel

/// Overturn rates with Wilson intervals: the computation of ``OverturnRates`` and its definitions.
enum OverturnFigure {
    static let id = "overturn-rate"
    static let persistentID = "persistent-overturns"

    /// The definition of the overturn rate the report prints.
    static func definition(options: AnalysisOptions) -> FigureDefinition {
        let numerator =
            options.partialCountsAsOverturned
            ? "complaints overturned (data found not compliant and deleted) plus those partially overturned "
                + "(\"compliant subject to updates\")"
            : "complaints overturned (data found not compliant and deleted)"
        let partial =
            options.partialCountsAsOverturned
            ? "Partially overturned complaints count as overturned (a choice of this run). "
            : "Partially overturned complaints (\"compliant subject to updates\") count in the denominator only. "
        return FigureDefinition(
            id: id, title: "Overturn rate",
            text: "Overturn rate = \(numerator), divided by complaints decided (overturned + upheld + partially "
                + "overturned). " + partial
                + "Pending, inadmissible and withdrawn complaints (data deleted by the NCB or the "
                + "General Secretariat before a decision), and complaints whose outcome is not understood (a "
                + "label no vocabulary maps), are counted and shown but are not in the denominator. Complaints "
                + "whose requesting country is not recognized count in the overall rate and in one "
                + "\"unrecognized / not a member\" row, never in a country's row or a ranking. "
                + "Given overall, per requesting country, per calendar year of decision and per country and year "
                + "of decision; complaints with no decision date are in no year row. A last year of decision that "
                + "the as-of date cuts short is labelled partial, with the months it covers. Interval: "
                + WilsonInterval.methodText(confidenceLevel: options.confidenceLevel) + ". Countries are ranked by "
                + "the interval's lower bound, descending, not by the rate itself: a rate from few decisions has a "
                + "wide interval, and ranking by the point rate would put small countries with one or two lucky "
                + "decisions at the top. Countries with fewer than \(options.minimumDecisions) decided complaints "
                + "are shown but marked too few to rank: " + minimumText(options.minimumDecisions)
        )
    }

    /// Why the minimum of decided complaints is what it is, in words.
    static func minimumText(_ minimum: Int) -> String {
        var width = ""
        if let interval = WilsonInterval.interval(successes: minimum / 2, trials: minimum, confidenceLevel: 0.95) {
            let points = Int(((interval.upper - interval.lower) * 100).rounded())
            width = " (\(minimum / 2) overturned of \(minimum) gives a 95% Wilson interval \(points) points wide)"
        }
        return "with fewer decisions the interval is too wide to place a country at all\(width). A higher minimum "
            + "would leave most countries of the CCF's small yearly caseload out of the ranking; since the "
            + "ranking uses the lower bound, which already penalises small counts, the minimum is a floor "
            + "against ranking tables of a handful of decisions, not a promise of precision (option "
            + "--min-decisions)."
    }

    /// The definition of the persistent overturns the report prints.
    static func persistentDefinition(options: AnalysisOptions) -> FigureDefinition {
        let alpha = Percent.level(1 - options.confidenceLevel)
        return FigureDefinition(
            id: persistentID, title: "Persistent overturns",
            text: "Each country with at least \(options.minimumDecisions) decided complaints is compared with all "
                + "other countries together: Fisher's exact test, two-sided, of the 2×2 table (this country or the "
                + "others) × (overturned or not), as R's fisher.test and scipy's fisher_exact. Exact rather than "
                + "a two-proportion z-test because a country may have as few as \(options.minimumDecisions) "
                + "decisions, where the normal approximation is poor. The p-values are adjusted for the number of "
                + "countries tested with Holm's step-down method (family-wise error rate, valid whatever the "
                + "dependence between the tests, which share the same complaints). Listed: the countries whose "
                + "adjusted p-value is below \(alpha) and whose rate is above the others' rate, by the rate's "
                + "Wilson lower bound, descending, then ISO alpha-2 code. A listing says that the country's "
                + "complaints were overturned more often than the other countries' by more than chance would "
                + "plausibly give; it does not say why (the kind of notices, the years, or how the CCF decides) "
                + "and it is not a finding about the country's notices. Raw and adjusted p-values are in "
                + "overturn_rates.csv."
        )
    }

    /// The comparisons of every tested country with all the others, Holm-adjusted over the countries tested.
    ///
    /// A country is tested when it has at least `options.minimumDecisions` decided complaints and some other
    /// country has a decided complaint.
    static func comparisons(
        _ rows: [OverturnRates.CountryTally], overall: OutcomeTally, options: AnalysisOptions
    ) -> [Country: OverturnRates.OthersComparison] {
        let tested = rows.filter { !$0.tally.tooFewToRank && overall.decided > $0.tally.decided }
        let pValues = tested.map { row in
            let counted = row.tally.overturnedCounted
            let othersCounted = overall.overturnedCounted - counted
            return FisherExactTest.twoSided(
                counted, row.tally.decided - counted, othersCounted,
                overall.decided - row.tally.decided - othersCounted
            )
        }
        let adjusted = FisherExactTest.holm(pValues)
        var result: [Country: OverturnRates.OthersComparison] = [:]
        for (index, row) in tested.enumerated() {
            let othersDecided = overall.decided - row.tally.decided
            let othersCounted = overall.overturnedCounted - row.tally.overturnedCounted
            result[row.country] = OverturnRates.OthersComparison(
                othersDecided: othersDecided, othersOverturnedCounted: othersCounted,
                othersRate: Double(othersCounted) / Double(othersDecided), pValue: pValues[index],
                adjustedPValue: adjusted[index]
            )
        }
        return result
    }

    /// Counts of each outcome, before the option-dependent numerator and interval.
    struct Counts {
        var byOutcome: [Outcome: Int] = [:]

        subscript(_ outcome: Outcome) -> Int { byOutcome[outcome] ?? 0 }

        mutating func add(_ outcome: Outcome, _ count: Int) { byOutcome[outcome, default: 0] += count }
    }

    /// The tally of `counts` under `options`.
    static func tally(_ counts: Counts, options: AnalysisOptions) -> OutcomeTally {
        let decided = counts[.overturned] + counts[.upheld] + counts[.partiallyOverturned]
        let counted = counts[.overturned] + (options.partialCountsAsOverturned ? counts[.partiallyOverturned] : 0)
        return OutcomeTally(
            overturned: counts[.overturned], upheld: counts[.upheld],
            partiallyOverturned: counts[.partiallyOverturned], inadmissible: counts[.inadmissible],
            withdrawn: counts[.withdrawn], pending: counts[.pending], unknown: counts[.unknown],
            overturnedCounted: counted,
            rate: decided == 0 ? nil : Double(counted) / Double(decided),
            interval: WilsonInterval.interval(
                successes: counted, trials: decided, confidenceLevel: options.confidenceLevel
            ),
            tooFewToRank: decided < options.minimumDecisions
        )
    }

    /// Builds the overturn rates from complaint counts per (country, decision year, outcome).
    ///
    /// - Complexity: O(k log k) in the number of keys.
    static func make(_ outcomes: [PartialAggregate.OutcomeKey: Int], options: AnalysisOptions) -> OverturnRates {
        var overall = Counts()
        var byCountry: [Country: Counts] = [:]
        var byYear: [Int: Counts] = [:]
        var byCountryYear: [CountryYear: Counts] = [:]
        var unrecognized: Counts?
        for (key, count) in outcomes {
            overall.add(key.outcome, count)
            if let year = key.year { byYear[year, default: Counts()].add(key.outcome, count) }
            guard let country = key.country else {
                unrecognized = unrecognized ?? Counts()
                unrecognized?.add(key.outcome, count)
                continue
            }
            byCountry[country, default: Counts()].add(key.outcome, count)
            if let year = key.year {
                byCountryYear[CountryYear(country: country, year: year), default: Counts()].add(key.outcome, count)
            }
        }
        let overallTally = tally(overall, options: options)
        var countryRows = byCountry.keys.sorted().map {
            OverturnRates.CountryTally(country: $0, tally: tally(byCountry[$0]!, options: options))
        }
        let tested = comparisons(countryRows, overall: overallTally, options: options)
        for index in countryRows.indices { countryRows[index].comparison = tested[countryRows[index].country] }
        let yearRows = byYear.keys.sorted().map {
            OverturnRates.YearTally(year: $0, tally: tally(byYear[$0]!, options: options))
        }
        let countryYearRows = byCountryYear.keys.sorted().map {
            OverturnRates.CountryYearTally(
                country: $0.country, year: $0.year, tally: tally(byCountryYear[$0]!, options: options)
            )
        }
        let alpha = 1 - options.confidenceLevel
        var persistent = countryRows.filter { row in
            guard let comparison = row.comparison, let rate = row.tally.rate else { return false }
            return comparison.adjustedPValue < alpha && rate > comparison.othersRate
        }
        persistent.sort { lhs, rhs in
            let (left, right) = (lhs.tally.interval?.lower ?? 0, rhs.tally.interval?.lower ?? 0)
            return left != right ? left > right : lhs.country.alpha2 < rhs.country.alpha2
        }
        return OverturnRates(
            overall: overallTally, byCountry: countryRows, byYear: yearRows, byCountryYear: countryYearRows,
            persistent: persistent, partialYear: PartialYear.of(lastYear: yearRows.last?.year, asOf: options.asOf),
            unrecognized: unrecognized.map { tally($0, options: options) }
        )
    }

    /// A country and a calendar year, ordered by country then year.
    struct CountryYear: Hashable, Comparable {
        var country: Country
        var year: Int

        static func < (lhs: Self, rhs: Self) -> Bool { (lhs.country, lhs.year) < (rhs.country, rhs.year) }
    }
}
