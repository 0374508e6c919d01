import Foundation
public import NoticeWatchModel

/// The Kaplan–Meier estimator with right censoring, Greenwood variance and pointwise confidence intervals.
public enum KaplanMeier {
    /// The durations observed at one time: how many ended there (events) and how many were last seen there
    /// (censored).
    public struct Tally: Hashable, Sendable {
        /// Days since the start.
        public var time: Int
        /// Durations that ended at `time`.
        public var events: Int
        /// Durations last seen at `time` (right-censored).
        public var censored: Int

        /// Creates a tally.
        public init(time: Int, events: Int, censored: Int) {
            self.time = time
            self.events = events
            self.censored = censored
        }
    }

    /// Collapses (duration, ended) pairs into one ``Tally`` per distinct time, ascending.
    ///
    /// - Complexity: O(n log n).
    public static func tallies(durations: [(time: Int, ended: Bool)]) -> [Tally] {
        var result: [Tally] = []
        for item in durations.sorted(by: { $0.time < $1.time }) {
            if result.last?.time != item.time { result.append(Tally(time: item.time, events: 0, censored: 0)) }
            if item.ended { result[result.count - 1].events += 1 } else { result[result.count - 1].censored += 1 }
        }
        return result
    }

    /// The Kaplan–Meier curve: one step per tally, with the survival just after its time and a pointwise interval.
    ///
    /// S(t) = ∏ over event times tᵢ ≤ t of (nᵢ − dᵢ) / nᵢ, with nᵢ the subjects whose duration is at least tᵢ
    /// (censored subjects count as at risk at their own time, as in lifelines and R). Greenwood's variance
    /// sum is V(t) = Σ dᵢ / (nᵢ(nᵢ − dᵢ)) over event times tᵢ ≤ t. Intervals, with z the normal critical
    /// value for `confidenceLevel`:
    /// - ``SurvivalIntervalMethod/logLog``: `exp(−exp(log(−log S) ± z·√V / log S))` (lifelines'
    ///   "exponential Greenwood").
    /// - ``SurvivalIntervalMethod/log``: `exp(log S ± z·√V)`, upper bound clamped to 1 (R survfit's default).
    /// - ``SurvivalIntervalMethod/plain``: `S ± z·S·√V`, clamped to [0, 1].
    ///
    /// Where S = 1 (no event yet) every method gives [1, 1], the degenerate limit (lifelines and R print the
    /// same). Where S = 0 the interval is `nil`: no transform is defined there.
    ///
    /// - Parameters:
    ///   - tallies: distinct times, ascending, as ``tallies(durations:)`` returns them.
    ///   - method: the transform.
    ///   - confidenceLevel: for example 0.95.
    /// - Complexity: O(n) in the number of tallies.
    public static func curve(
        _ tallies: [Tally], method: SurvivalIntervalMethod, confidenceLevel: Double
    ) -> [SurvivalStep] {
        let z = NormalDistribution.criticalValue(confidenceLevel: confidenceLevel)
        var atRisk = tallies.reduce(0) { $0 + $1.events + $1.censored }
        var survival = 1.0
        var greenwood = 0.0
        var steps: [SurvivalStep] = []
        steps.reserveCapacity(tallies.count)
        for tally in tallies {
            precondition(steps.last.map { $0.time < tally.time } ?? true, "tallies must be ascending and distinct")
            if tally.events > 0 {
                let n = Double(atRisk)
                let d = Double(tally.events)
                survival *= (n - d) / n
                if atRisk > tally.events { greenwood += d / (n * (n - d)) }
            }
            steps.append(
                SurvivalStep(
                    time: tally.time, atRisk: atRisk, events: tally.events, censored: tally.censored,
                    survival: survival,
                    interval: interval(survival: survival, greenwood: greenwood, z: z, method: method)
                )
            )
            atRisk -= tally.events + tally.censored
        }
        return steps
    }

    /// The pointwise interval at one step; see ``curve(_:method:confidenceLevel:)``.
    static func interval(
        survival s: Double, greenwood v: Double, z: Double, method: SurvivalIntervalMethod
    ) -> ConfidenceInterval? {
        guard s > 0 else { return nil }
        guard s < 1 else { return ConfidenceInterval(lower: 1, upper: 1) }
        let root = v.squareRoot()
        switch method {
        case .logLog:
            let logS = log(s)
            let lower = exp(-exp(log(-logS) - z * root / logS))
            let upper = exp(-exp(log(-logS) + z * root / logS))
            return ConfidenceInterval(lower: lower, upper: upper)
        case .log:
            let logS = log(s)
            return ConfidenceInterval(lower: exp(logS - z * root), upper: min(1, exp(logS + z * root)))
        case .plain:
            let half = z * s * root
            return ConfidenceInterval(lower: max(0, s - half), upper: min(1, s + half))
        }
    }

    /// Tolerance of ``SurvivalQuantileRule/first`` for "S(t) ≤ q": products of ratios such as
    /// 9/10 · 8/9 · … · 5/6 land a rounding error away from ½, and a curve that is exactly at q has reached it.
    static let crossingTolerance = 1e-12
    /// Tolerance of ``SurvivalQuantileRule/r`` for "the curve is exactly at q": R's
    /// `quantile.survfit(tolerance = sqrt(.Machine$double.eps))`.
    static let rTolerance = Double.ulpOfOne.squareRoot()

    /// The `probability` quantile of the estimated distribution (the share that has ended) and its interval.
    ///
    /// The estimate is read off the curve at the level 1 − probability under `rule`:
    /// - ``SurvivalQuantileRule/first``: the first step time with S(t) ≤ 1 − probability.
    /// - ``SurvivalQuantileRule/r``: the same, except where S is within √ε of the level: then the midpoint of
    ///   that step's time and the time of the curve's next drop, or of the last step time when the curve ends
    ///   at the level (R's `quantile.survfit`). An uncensored sample's median is then the usual midpoint.
    ///
    /// The interval is where the pointwise band crosses the same level, under the same rule (Brookmeyer–Crowley
    /// style, as R's `quantile.survfit` and lifelines' `median_survival_times(confidence_interval_)`): the lower
    /// limit from the lower band, the upper limit from the upper band. A step with S = 0 counts as a band of
    /// [0, 0]. Each value is `nil` ("not reached") when the curve or band never gets that low.
    ///
    /// - Complexity: O(n) in the number of steps.
    public static func quantile(
        _ probability: Double, of steps: [SurvivalStep], rule: SurvivalQuantileRule = .r
    ) -> SurvivalQuantile {
        let level = 1 - probability
        let last = steps.last.map { Double($0.time) }
        func crossing(_ value: (SurvivalStep) -> Double) -> Double? {
            switch rule {
            case .first:
                return steps.first { value($0) <= level + crossingTolerance }.map { Double($0.time) }
            case .r:
                guard let index = steps.firstIndex(where: { value($0) <= level + rTolerance }) else { return nil }
                let time = Double(steps[index].time)
                guard value(steps[index]) > level - rTolerance else { return time }
                let next = steps[(index + 1)...].first { value($0) <= level - rTolerance }
                return (time + (next.map { Double($0.time) } ?? last ?? time)) / 2
            }
        }
        return SurvivalQuantile(
            probability: probability, estimate: crossing(\.survival),
            lower: crossing { $0.interval?.lower ?? 0 }, upper: crossing { $0.interval?.upper ?? 0 }
        )
    }

    /// Subjects at risk at the start of `day`: those whose duration (event or censoring) is at least `day`.
    ///
    /// - Complexity: O(n) in the number of steps.
    public static func atRisk(day: Int, of steps: [SurvivalStep]) -> Int {
        steps.reduce(0) { $1.time >= day ? $0 + $1.events + $1.censored : $0 }
    }
}
