import NoticeWatchAnalysis
import NoticeWatchModel
import Testing

/// Kaplan–Meier curves, intervals, quantiles and descriptive statistics against lifelines and numpy.
///
/// lifelines gives the log(−log) band directly. For R's `conf.type = "log"` there is no R here: the script
/// derives `exp(log S ∓ z·√V)` from lifelines' own Greenwood sum, and the plain band is derived below from the
/// formula `S ± z·S·√V` and the same sum.
struct KaplanMeierReferenceTests {
    let z = NormalDistribution.criticalValue(confidenceLevel: 0.95)

    func fit(_ name: String, method: SurvivalIntervalMethod) throws -> [SurvivalStep] {
        let tallies = KaplanMeier.tallies(durations: try ReferenceFixtures.durations(case: name))
        return KaplanMeier.curve(tallies, method: method, confidenceLevel: 0.95)
    }

    /// The reference row of each step; lifelines adds a row at time 0 when no duration is 0.
    func rows(_ steps: [SurvivalStep], _ reference: ReferenceFixtures.KMCase) throws -> [Int] {
        let rows = try steps.map { step in try #require(reference.times.firstIndex(of: step.time)) }
        let extra = reference.times.count - steps.count
        #expect(extra == (steps.first?.time == 0 ? 0 : 1))
        if extra == 1 { #expect(reference.times[0] == 0 && reference.survival[0] == 1) }
        return rows
    }

    @Test(arguments: ReferenceFixtures.kmCases)
    func curveAndLogLogBandMatchLifelines(name: String) throws {
        let reference = try #require(ReferenceFixtures.km.cases[name])
        let steps = try fit(name, method: .logLog)
        for (step, row) in zip(steps, try rows(steps, reference)) {
            let label = "\(name) at \(step.time)"
            #expect(close(step.survival, reference.survival[row]), "\(label): S \(step.survival)")
            #expect(step.atRisk == reference.at_risk[row], "\(label): at risk")
            #expect(step.events == reference.observed[row], "\(label): events")
            #expect(step.censored == reference.censored[row], "\(label): censored")
            if step.survival == 0 {
                // lifelines prints [0, 0] where the curve is 0; no transform is defined there.
                #expect(step.interval == nil, "\(label)")
            } else {
                let interval = try #require(step.interval, "\(label)")
                #expect(close(interval.lower, reference.loglog_lower[row]), "\(label): lower \(interval.lower)")
                #expect(close(interval.upper, reference.loglog_upper[row]), "\(label): upper \(interval.upper)")
            }
        }
    }

    @Test(arguments: ReferenceFixtures.kmCases)
    func logBandMatchesTheFormulaOnLifelinesGreenwood(name: String) throws {
        let reference = try #require(ReferenceFixtures.km.cases[name])
        let steps = try fit(name, method: .log)
        for (step, row) in zip(steps, try rows(steps, reference)) {
            guard step.survival > 0 else {
                // The formula gives exp(−∞) = 0 where the curve is 0 (R prints NA); no interval is given there.
                #expect(step.interval == nil, "\(name) at \(step.time)")
                continue
            }
            #expect(close(step.interval?.lower, reference.log_lower[row]), "\(name) at \(step.time): lower")
            #expect(close(step.interval?.upper, reference.log_upper[row]), "\(name) at \(step.time): upper")
        }
    }

    @Test(arguments: ReferenceFixtures.kmCases)
    func plainBandMatchesTheFormulaOnLifelinesGreenwood(name: String) throws {
        let reference = try #require(ReferenceFixtures.km.cases[name])
        let steps = try fit(name, method: .plain)
        for (step, row) in zip(steps, try rows(steps, reference)) {
            let s = reference.survival[row]
            let half = z * s * reference.greenwood[row].squareRoot()
            let expected: ConfidenceInterval? =
                s == 0 ? nil : ConfidenceInterval(lower: max(0, s - half), upper: min(1, s + half))
            #expect(close(step.interval?.lower, expected?.lower), "\(name) at \(step.time): lower")
            #expect(close(step.interval?.upper, expected?.upper), "\(name) at \(step.time): upper")
        }
    }

    @Test(arguments: ReferenceFixtures.kmCases)
    func quantilesMatchLifelinesMedianSurvivalTimes(name: String) throws {
        let reference = try #require(ReferenceFixtures.km.cases[name])
        let steps = try fit(name, method: .logLog)
        guard !ReferenceFixtures.exactFlatCases.contains(name) else { return }
        let median = KaplanMeier.quantile(0.5, of: steps, rule: .first)
        #expect(median.estimate == reference.median, "\(name): median")
        #expect(median.lower == reference.median_lower, "\(name): median lower")
        #expect(median.upper == reference.median_upper, "\(name): median upper")
        for expected in reference.quantiles {
            let quantile = KaplanMeier.quantile(expected.probability, of: steps, rule: .first)
            let label = "\(name) at \(expected.probability)"
            #expect(quantile.estimate == expected.estimate, "\(label): estimate")
            #expect(quantile.lower == expected.lower, "\(label): lower")
            #expect(quantile.upper == expected.upper, "\(label): upper")
        }
    }

    @Test(arguments: ReferenceFixtures.kmCases)
    func quantilesOnTheLogBandMatchLifelinesCrossingRule(name: String) throws {
        let reference = try #require(ReferenceFixtures.km.cases[name])
        let steps = try fit(name, method: .log)
        guard !ReferenceFixtures.exactFlatCases.contains(name) else { return }
        for expected in reference.log_quantiles {
            let quantile = KaplanMeier.quantile(expected.probability, of: steps, rule: .first)
            let label = "\(name) at \(expected.probability)"
            #expect(quantile.estimate == expected.estimate, "\(label): estimate")
            #expect(quantile.lower == expected.lower, "\(label): lower")
            #expect(quantile.upper == expected.upper, "\(label): upper")
        }
    }

    @Test(arguments: ReferenceFixtures.kmCases)
    func quantilesByRsRuleMatchRsFormula(name: String) throws {
        let reference = try #require(ReferenceFixtures.km.cases[name])
        for (method, expectedQuantiles) in [
            (SurvivalIntervalMethod.logLog, reference.r_quantiles), (.log, reference.r_log_quantiles),
        ] {
            let steps = try fit(name, method: method)
            for expected in expectedQuantiles {
                let quantile = KaplanMeier.quantile(expected.probability, of: steps, rule: .r)
                let label = "\(name) \(method) at \(expected.probability)"
                #expect(quantile.estimate == expected.estimate, "\(label): estimate")
                #expect(quantile.lower == expected.lower, "\(label): lower")
                #expect(quantile.upper == expected.upper, "\(label): upper")
            }
        }
    }

    @Test(arguments: ReferenceFixtures.kmCases)
    func quantilesByTheFirstRuleMatchTheFormula(name: String) throws {
        let reference = try #require(ReferenceFixtures.km.cases[name])
        let steps = try fit(name, method: .logLog)
        for expected in reference.first_quantiles {
            let quantile = KaplanMeier.quantile(expected.probability, of: steps, rule: .first)
            let label = "\(name) at \(expected.probability)"
            #expect(quantile.estimate == expected.estimate, "\(label): estimate")
            #expect(quantile.lower == expected.lower, "\(label): lower")
            #expect(quantile.upper == expected.upper, "\(label): upper")
        }
    }

    @Test func rsRuleTakesTheMidpointOfAnExactFlatAndTheFirstRuleDoesNot() throws {
        let steps = try fit("half-flat", method: .logLog)
        #expect(KaplanMeier.quantile(0.5, of: steps, rule: .r).estimate == 25)
        #expect(KaplanMeier.quantile(0.5, of: steps, rule: .first).estimate == 20)
        let toEnd = try fit("half-flat-to-end", method: .logLog)
        #expect(KaplanMeier.quantile(0.5, of: toEnd, rule: .r).estimate == 11.5)
        #expect(KaplanMeier.quantile(0.5, of: toEnd, rule: .first).estimate == 8)
    }

    @Test(arguments: ReferenceFixtures.kmCases)
    func atRiskAndObservedQuantilesMatchNumpy(name: String) throws {
        let reference = try #require(ReferenceFixtures.km.cases[name])
        let tallies = KaplanMeier.tallies(durations: try ReferenceFixtures.durations(case: name))
        let steps = KaplanMeier.curve(tallies, method: .logLog, confidenceLevel: 0.95)
        for day in [365, 730, 1826, 3652] {
            #expect(KaplanMeier.atRisk(day: day, of: steps) == reference.at_risk_on_day[String(day)], "\(name) \(day)")
        }
        let observed = ObservedDurations.quantiles(of: tallies)
        #expect(observed.map(\.probability) == [0.25, 0.5, 0.75, 0.9])
        for (value, expected) in zip(observed, reference.observed_quantiles) {
            #expect(close(value.days, expected), "\(name) at \(value.probability): \(String(describing: value.days))")
        }
    }

    @Test func histogramBucketsAreFixed() {
        let tallies = [0, 30, 31, 90, 365, 366, 1826, 1827, 5000].map {
            KaplanMeier.Tally(time: $0, events: 1, censored: 1)
        }
        let buckets = ObservedDurations.histogram(of: tallies)
        #expect(
            buckets.map(\.label) == [
                "≤30 days", "31–90 days", "91–180 days", "181–365 days", "366–730 days", "731–1826 days", ">1826 days",
            ])
        #expect(buckets.map(\.count) == [2, 2, 0, 1, 1, 1, 2])
        #expect(buckets.map(\.lowerExclusive) == [-1, 30, 90, 180, 365, 730, 1826])
        #expect(buckets.map(\.upperInclusive) == [30, 90, 180, 365, 730, 1826, nil])
    }
}
