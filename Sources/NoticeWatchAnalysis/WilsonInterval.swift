import Foundation
public import NoticeWatchModel

/// The Wilson score interval for a binomial proportion.
public enum WilsonInterval {
    /// The Wilson score interval for `successes` out of `trials` at `confidenceLevel`.
    ///
    /// With p̂ = x / n and z the two-sided normal critical value, the interval is
    /// `(p̂ + z²/2n) / (1 + z²/n) ± z·√(p̂(1 − p̂)/n + z²/4n²) / (1 + z²/n)`, computed in the same order as
    /// statsmodels' `proportion_confint(method="wilson")`. At x = 0 the lower bound is exactly 0 and at x = n
    /// the upper bound is exactly 1 (their mathematical values), so the estimate always lies inside.
    ///
    /// - Parameters:
    ///   - successes: x, in 0...trials.
    ///   - trials: n.
    ///   - confidenceLevel: for example 0.95.
    /// - Returns: the interval, or `nil` when `trials` is 0 (no proportion to estimate).
    public static func interval(successes: Int, trials: Int, confidenceLevel: Double) -> ConfidenceInterval? {
        guard trials > 0 else { return nil }
        precondition((0...trials).contains(successes), "successes \(successes) outside 0...\(trials)")
        let z = NormalDistribution.criticalValue(confidenceLevel: confidenceLevel)
        let n = Double(trials)
        let p = Double(successes) / n
        let z2 = z * z
        let denominator = 1 + z2 / n
        let center = (p + z2 / (2 * n)) / denominator
        var distance = z * (p * (1 - p) / n + z2 / (4 * n * n)).squareRoot()
        distance /= denominator
        let lower = successes == 0 ? 0 : max(0, center - distance)
        let upper = successes == trials ? 1 : min(1, center + distance)
        return ConfidenceInterval(lower: lower, upper: upper)
    }

    /// The line every report prints beside a Wilson interval.
    static func methodText(confidenceLevel: Double) -> String {
        "\(Percent.level(confidenceLevel)) Wilson score interval (as statsmodels proportion_confint, "
            + "method=\"wilson\"; normal quantile from Wichura's AS 241)"
    }
}
