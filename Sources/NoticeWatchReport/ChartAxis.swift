/// Axis ranges and ticks of the charts: counts from zero, shares scaled to the data, and the least number of
/// labels that keeps them apart.
enum ChartAxis {
    /// The least distance in px between two labelled ticks of a horizontal axis.
    static let minimumLabelSpacing = 56.0

    /// A count axis from 0 to `end` (≥ `maximum`) with ticks every `step`: 1, 2 or 5 times a power of ten,
    /// at most 5 intervals.
    static func counts(maximum: Int) -> (end: Int, step: Int) {
        guard maximum > 0 else { return (1, 1) }
        var magnitude = 1
        while true {
            for factor in [1, 2, 5] {
                let step = factor * magnitude
                if (maximum + step - 1) / step <= 5 { return ((maximum + step - 1) / step * step, step) }
            }
            magnitude *= 10
        }
    }

    /// A share axis from `lower` to `upper` that holds every value in `minimum...maximum` with at least half a point to spare,
    /// in steps of 1, 2, 5, 10, 20 or 25 percentage points (at most 6 intervals), never below 0 or above 1.
    static func shares(minimum: Double, maximum: Double) -> (lower: Double, upper: Double, step: Double) {
        let low = max(0, min(minimum, maximum))
        let high = min(1, max(minimum, maximum))
        for points in [1, 2, 5, 10, 20, 25] {
            let step = Double(points) / 100
            // Whole steps at least half a point beyond the values, computed on integers of points so that the
            // bounds print exactly.
            let lowerPoints = max(0, Int(((low * 100 - 0.5) / Double(points)).rounded(.down)) * points)
            let upperPoints = min(100, Int(((high * 100 + 0.5) / Double(points)).rounded(.up)) * points)
            let lower = low <= 0 ? 0 : Double(lowerPoints) / 100
            let upper = high >= 1 ? 1 : Double(upperPoints) / 100
            if (upper - lower) / step <= 6.000_1 { return (lower, upper, step) }
        }
        return (0, 1, 0.25)
    }

    /// Every `k`-th of `count` evenly spaced positions `spacing` px apart, starting with the first, with `k`
    /// the least that puts labelled ticks at least ``minimumLabelSpacing`` apart.
    static func labelEvery(spacing: Double) -> Int {
        guard spacing > 0 else { return 1 }
        return max(1, Int((minimumLabelSpacing / spacing).rounded(.up)))
    }

    /// `0%`, `75%`, `2.5%`: a share as a percentage with the decimals its step needs.
    static func percent(_ share: Double, step: Double) -> String {
        let decimals = abs((step * 100).rounded() - step * 100) < 1e-9 ? 0 : 1
        return FixedDecimal.format(share * 100, decimals: decimals) + "%"
    }
}
