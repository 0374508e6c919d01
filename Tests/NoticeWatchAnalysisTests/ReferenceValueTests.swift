import NoticeWatchAnalysis
import NoticeWatchModel
import Testing

/// The normal quantile and the Wilson interval against scipy and statsmodels.
struct ReferenceValueTests {
    @Test func everyNormalQuantileMatchesScipy() {
        #expect(ReferenceFixtures.normal.quantiles.count == 17)
        for item in ReferenceFixtures.normal.quantiles {
            let value = NormalDistribution.quantile(item.p)
            #expect(close(value, item.quantile), "p = \(item.p): \(value) against \(item.quantile)")
        }
    }

    @Test(arguments: [(0.0, -Double.infinity), (1.0, Double.infinity)])
    func normalQuantileAtTheEnds(p: Double, expected: Double) {
        #expect(NormalDistribution.quantile(p) == expected)
    }

    @Test(arguments: [-0.1, 1.5, Double.nan])
    func normalQuantileOutsideTheUnitIntervalIsNaN(p: Double) {
        #expect(NormalDistribution.quantile(p).isNaN)
    }

    @Test func criticalValueAt95Percent() {
        #expect(close(NormalDistribution.criticalValue(confidenceLevel: 0.95), 1.959963984540054, tolerance: 1e-15))
    }

    @Test func everyWilsonIntervalMatchesStatsmodels() throws {
        #expect(ReferenceFixtures.wilson.intervals.count == 14)
        for item in ReferenceFixtures.wilson.intervals {
            let interval = try #require(
                WilsonInterval.interval(
                    successes: item.successes, trials: item.trials, confidenceLevel: item.confidence
                )
            )
            let label = "\(item.successes)/\(item.trials) at \(item.confidence)"
            #expect(close(interval.lower, item.lower), "\(label): lower \(interval.lower) against \(item.lower)")
            #expect(close(interval.upper, item.upper), "\(label): upper \(interval.upper) against \(item.upper)")
        }
    }

    @Test func wilsonWithNoTrialsIsNil() {
        #expect(WilsonInterval.interval(successes: 0, trials: 0, confidenceLevel: 0.95) == nil)
    }

    @Test(arguments: [(0, 7), (7, 7)])
    func wilsonContainsTheEstimateAtTheEnds(successes: Int, trials: Int) throws {
        let interval = try #require(
            WilsonInterval.interval(successes: successes, trials: trials, confidenceLevel: 0.95)
        )
        #expect(interval.contains(Double(successes) / Double(trials)))
    }

    @Test(arguments: [
        (0.25, [1, 2, 3, 4, 10], 2.0), (0.5, [1, 2, 3, 4, 10], 3.0), (0.9, [1, 2, 3, 4, 10], 7.6),
        (0.75, [10, 20], 17.5), (0.5, [42], 42.0),
    ])
    func observedQuantileIsType7(p: Double, sample: [Int], expected: Double) {
        #expect(close(ObservedDurations.quantile(p, sorted: sample), expected, tolerance: 1e-12))
    }

    @Test func observedQuantileOfNothingIsNil() {
        #expect(ObservedDurations.quantile(0.5, sorted: []) == nil)
    }
}
