public import NoticeWatchModel

/// Plain descriptive statistics of observed (uncensored) durations: quantiles and a fixed-bucket histogram.
public enum ObservedDurations {
    /// The probabilities of ``SurvivalSummary/observedQuantiles``.
    public static let probabilities: [Double] = [0.25, 0.5, 0.75, 0.9]

    /// The upper bounds (inclusive, days) of the histogram buckets; one open bucket follows the last.
    public static let bucketBounds: [Int] = [30, 90, 180, 365, 730, 1826]

    /// The `p`-quantile of `sorted` by linear interpolation between order statistics: Hyndman and Fan's
    /// type 7, the default of numpy `quantile`, pandas `quantile` and R `quantile`.
    ///
    /// With h = (n − 1)·p, the value is x₍⌊h⌋₎ + (h − ⌊h⌋)·(x₍⌊h⌋+1₎ − x₍⌊h⌋₎) on 0-based order statistics.
    ///
    /// - Parameters:
    ///   - p: in [0, 1].
    ///   - sorted: the sample, ascending.
    /// - Returns: the quantile, or `nil` for an empty sample.
    public static func quantile(_ p: Double, sorted: [Int]) -> Double? {
        guard let first = sorted.first else { return nil }
        guard sorted.count > 1 else { return Double(first) }
        let h = Double(sorted.count - 1) * p
        let below = min(Int(h.rounded(.down)), sorted.count - 1)
        let above = min(below + 1, sorted.count - 1)
        let fraction = h - Double(below)
        let low = Double(sorted[below])
        return low + fraction * (Double(sorted[above]) - low)
    }

    /// The type-7 quantiles at ``probabilities`` of the durations of events in `tallies`.
    ///
    /// - Complexity: O(n) in the number of events.
    public static func quantiles(of tallies: [KaplanMeier.Tally]) -> [ObservedQuantile] {
        let sorted = tallies.flatMap { Array(repeating: $0.time, count: $0.events) }
        return probabilities.map { ObservedQuantile(probability: $0, days: quantile($0, sorted: sorted)) }
    }

    /// Event durations counted in the buckets ≤30, 31–90, 91–180, 181–365, 366–730, 731–1826 and >1826 days.
    /// The first bucket's `lowerExclusive` is −1 (durations start at 0); the last is open.
    ///
    /// - Complexity: O(n) in the number of tallies.
    public static func histogram(of tallies: [KaplanMeier.Tally]) -> [HistogramBucket] {
        var buckets: [HistogramBucket] = []
        var lower = -1
        for bound in bucketBounds {
            let label = lower < 0 ? "≤\(bound) days" : "\(lower + 1)–\(bound) days"
            buckets.append(HistogramBucket(label: label, lowerExclusive: lower, upperInclusive: bound, count: 0))
            lower = bound
        }
        buckets.append(HistogramBucket(label: ">\(lower) days", lowerExclusive: lower, upperInclusive: nil, count: 0))
        for tally in tallies where tally.events > 0 {
            let index = bucketBounds.firstIndex { tally.time <= $0 } ?? bucketBounds.count
            buckets[index].count += tally.events
        }
        return buckets
    }
}
