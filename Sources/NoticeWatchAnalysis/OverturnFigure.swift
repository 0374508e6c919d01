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
                + "of decision; complaints with no decision date are in no year row. Interval: "
                + WilsonInterval.methodText(confidenceLevel: options.confidenceLevel) + ". Countries with fewer "
                + "than \(options.minimumDecisions) decided complaints are shown but marked too few to rank."
        )
    }

    /// The definition of the persistent overturns the report prints.
    static func persistentDefinition(options: AnalysisOptions) -> FigureDefinition {
        FigureDefinition(
            id: persistentID, title: "Persistent overturns",
            text: "Countries with at least \(options.minimumDecisions) decided complaints whose overturn rate's "
                + "\(Percent.level(options.confidenceLevel)) Wilson lower bound is above the overall overturn "
                + "rate: even the low end of the interval exceeds the rate over all countries. Listed by lower "
                + "bound, descending, then ISO alpha-2 code."
        )
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
        let countryRows = byCountry.keys.sorted().map {
            OverturnRates.CountryTally(country: $0, tally: tally(byCountry[$0]!, options: options))
        }
        let yearRows = byYear.keys.sorted().map {
            OverturnRates.YearTally(year: $0, tally: tally(byYear[$0]!, options: options))
        }
        let countryYearRows = byCountryYear.keys.sorted().map {
            OverturnRates.CountryYearTally(
                country: $0.country, year: $0.year, tally: tally(byCountryYear[$0]!, options: options)
            )
        }
        var persistent: [OverturnRates.CountryTally] = []
        if let overallRate = overallTally.rate {
            persistent = countryRows.filter { row in
                !row.tally.tooFewToRank && (row.tally.interval.map { $0.lower > overallRate } ?? false)
            }
            persistent.sort { lhs, rhs in
                let (left, right) = (lhs.tally.interval!.lower, rhs.tally.interval!.lower)
                return left != right ? left > right : lhs.country.alpha2 < rhs.country.alpha2
            }
        }
        return OverturnRates(
            overall: overallTally, byCountry: countryRows, byYear: yearRows, byCountryYear: countryYearRows,
            persistent: persistent, unrecognized: unrecognized.map { tally($0, options: options) }
        )
    }

    /// A country and a calendar year, ordered by country then year.
    struct CountryYear: Hashable, Comparable {
        var country: Country
        var year: Int

        static func < (lhs: Self, rhs: Self) -> Bool { (lhs.country, lhs.year) < (rhs.country, rhs.year) }
    }
}
