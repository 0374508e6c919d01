import NoticeWatchModel

/// The usable durations of one kind of record (notices or complaints): country, start day and end day (or
/// still open), one packed integer per record.
///
/// Appending is a store into an array (no hashing per record), merging is concatenation, and the as-of date
/// applies only when the figures are finished (``SurvivalFigure/make(_:of:options:exclusions:)`` sorts once).
/// Two values are equal when they hold the same durations, whatever order they were added in.
struct SpanCounts: Hashable, Sendable {
    /// `country << 46 | (start + dayBias) << 23 | end code`, where the end code is 0 for an open span and
    /// `end + dayBias` otherwise: sorting the integers sorts by country, then start, then end.
    private var packed: [UInt64] = []

    /// Added to day numbers so that every day of years 1…9999 (day numbers −719,162…2,932,896) is in
    /// 1..<2²³, leaving 0 for "open".
    private static let dayBias = 719_163
    private static let dayMask: UInt64 = (1 << 23) - 1

    /// How many durations are held.
    var count: Int { packed.count }

    /// Adds the duration of one record from day `start` to day `end` (`nil`: still open).
    ///
    /// - Precondition: the days are those of years 1…9999, as every ``CivilDate`` day is.
    mutating func add(country: Country, start: Int, end: Int?) {
        packed.append(
            UInt64(country.index) << 46 | SpanCounts.code(start) << 23 | (end.map(SpanCounts.code) ?? 0))
    }

    /// Adds every duration of `other`.
    ///
    /// - Complexity: O(m) in the durations of `other`.
    mutating func append(contentsOf other: SpanCounts) {
        packed.append(contentsOf: other.packed)
    }

    /// Calls `body` with each duration's country, start day and end day (`nil` when open), in no set order.
    func forEach(_ body: (Country, Int, Int?) -> Void) {
        for value in packed {
            let endCode = value & SpanCounts.dayMask
            body(
                Country(index: Int(value >> 46)), Int((value >> 23) & SpanCounts.dayMask) - SpanCounts.dayBias,
                endCode == 0 ? nil : Int(endCode) - SpanCounts.dayBias)
        }
    }

    static func == (lhs: SpanCounts, rhs: SpanCounts) -> Bool {
        lhs.packed.count == rhs.packed.count && lhs.packed.sorted() == rhs.packed.sorted()
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(packed.sorted())
    }

    private static func code(_ day: Int) -> UInt64 {
        let biased = day + dayBias
        precondition(biased > 0 && UInt64(biased) <= dayMask, "day number \(day) outside years 1…9999")
        return UInt64(biased)
    }
}
