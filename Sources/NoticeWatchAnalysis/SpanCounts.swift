import NoticeWatchModel

/// The usable durations of one kind of record (notices or complaints) at one as-of date, counted by country,
/// length in days and whether the duration ended (an event) or is still open (censored at the as-of date).
///
/// Its size is bounded by countries × days × 2 whatever the number of records, so that counting millions of
/// records read back from storage needs no memory per record. A duration that starts after the as-of date, or
/// ends after it, is not timed: it is counted apart, for the exclusions table.
struct SpanCounts: Hashable, Sendable {
    /// The as-of day number: open durations end here, and later days are excluded.
    let asOf: Int
    /// Durations by `country << 40 | days << 1 | ended`: sorting the keys sorts by country, then length, with
    /// censored before events of the same length.
    private(set) var counts: [UInt64: Int] = [:]
    /// Durations that start after the as-of date.
    private(set) var startsLate = 0
    /// Durations that start by the as-of date but end after it.
    private(set) var endsLate = 0

    /// No durations yet, at day `asOf`.
    init(asOf: Int) {
        self.asOf = asOf
    }

    /// Counts the duration of one record from day `start` to day `end` (`nil`: still open).
    mutating func add(country: Country, start: Int, end: Int?) {
        if start > asOf { return startsLate += 1 }
        let last = end ?? asOf
        if last > asOf { return endsLate += 1 }
        // days ≤ asOf − start < 2³⁹ for the days of years 1…9999.
        counts[UInt64(country.index) << 40 | UInt64(last - start) << 1 | (end == nil ? 0 : 1), default: 0] += 1
    }

    /// Adds every duration of `other`, which must be counted at the same as-of day.
    ///
    /// - Complexity: O(m) in the keys of `other`.
    mutating func merge(_ other: SpanCounts) {
        precondition(asOf == other.asOf, "durations counted at different as-of dates cannot be merged")
        counts.merge(other.counts, uniquingKeysWith: +)
        startsLate += other.startsLate
        endsLate += other.endsLate
    }

    /// The tallies per country (by country order), each in increasing time.
    ///
    /// - Complexity: O(k log k) in the keys.
    func talliesByCountry() -> [(country: Country, tallies: [KaplanMeier.Tally])] {
        var result: [(country: Country, tallies: [KaplanMeier.Tally])] = []
        for key in counts.keys.sorted() {
            let country = Country(index: Int(key >> 40))
            let time = Int((key >> 1) & ((1 << 39) - 1))
            let count = counts[key]!
            if result.last?.country != country { result.append((country, [])) }
            var tallies = result[result.count - 1].tallies
            if tallies.last?.time != time { tallies.append(KaplanMeier.Tally(time: time, events: 0, censored: 0)) }
            if key & 1 == 1 {
                tallies[tallies.count - 1].events += count
            } else {
                tallies[tallies.count - 1].censored += count
            }
            result[result.count - 1].tallies = tallies
        }
        return result
    }
}
