import NoticeWatchModel

/// The usable durations of one kind of record (notices or complaints) at one as-of date, counted by country,
/// length in days and whether the duration ended (an event) or is still open (censored at the as-of date).
///
/// Its size is bounded by countries × days × 2 whatever the number of records, so that counting millions of
/// records read back from storage needs no memory per record. Durations under ``denseDays`` are counted in
/// one array per country (an increment, no hashing); longer ones, which only odd dates give, in a dictionary.
/// A duration that starts after the as-of date, or ends after it, is not timed: it is counted apart, for the
/// exclusions table.
struct SpanCounts: Hashable, Sendable {
    /// The as-of day number: open durations end here, and later days are excluded.
    let asOf: Int
    /// Per country index, counts at `days × 2 + (ended ? 1 : 0)` for durations under ``denseDays`` (each array
    /// as long as its longest duration needs; four bytes a count, as no run has 2³² records); the last array,
    /// at ``unrecognizedIndex``, for countries not recognized.
    private var dense: [[UInt32]] = Array(repeating: [], count: CountryTable.members.count + 1)
    /// The slot of records whose country is not recognized: in the overall curve, in no country's.
    private static let unrecognizedIndex = CountryTable.members.count
    /// Longer durations, by `country << 40 | days << 1 | ended`.
    private var sparse: [UInt64: Int] = [:]
    /// Durations that start after the as-of date.
    private(set) var startsLate = 0
    /// Durations that start by the as-of date but end after it.
    private(set) var endsLate = 0

    /// Durations shorter than this many days (about 45 years) are counted in the arrays.
    static let denseDays = 1 << 14

    /// No durations yet, at day `asOf`.
    init(asOf: Int) {
        self.asOf = asOf
    }

    /// Counts the duration of one record from day `start` to day `end` (`nil`: still open).
    mutating func add(country: Country?, start: Int, end: Int?) {
        if start > asOf { return startsLate += 1 }
        let last = end ?? asOf
        if last > asOf { return endsLate += 1 }
        let days = last - start
        let ended = end == nil ? 0 : 1
        guard days < SpanCounts.denseDays else {
            // days ≤ asOf − start < 2³⁹ for the days of years 1…9999.
            let index = country?.index ?? SpanCounts.unrecognizedIndex
            sparse[UInt64(index) << 40 | UInt64(days) << 1 | UInt64(ended), default: 0] += 1
            return
        }
        let slot = days * 2 + ended
        let index = country?.index ?? SpanCounts.unrecognizedIndex
        if dense[index].count <= slot { grow(index, to: slot) }
        dense[index][slot] &+= 1
    }

    /// Makes room in country `index`'s array for `slot`, at least doubling it.
    private mutating func grow(_ index: Int, to slot: Int) {
        // An even size: a censored count and an event count for each day.
        let size = min(max(slot + 2 - slot % 2, dense[index].count * 2, 64), SpanCounts.denseDays * 2)
        dense[index] += repeatElement(0, count: size - dense[index].count)
    }

    /// Adds every duration of `other`, which must be counted at the same as-of day.
    ///
    /// - Complexity: O(m) in the countries × days of `other`.
    mutating func merge(_ other: SpanCounts) {
        precondition(asOf == other.asOf, "durations counted at different as-of dates cannot be merged")
        for (index, counts) in other.dense.enumerated() where !counts.isEmpty {
            if dense[index].count < counts.count { grow(index, to: counts.count - 1) }
            for (slot, count) in counts.enumerated() where count != 0 { dense[index][slot] &+= count }
        }
        sparse.merge(other.sparse, uniquingKeysWith: +)
        startsLate += other.startsLate
        endsLate += other.endsLate
    }

    /// The tallies per country (by country order, then `nil` for countries not recognized), each in increasing
    /// time.
    ///
    /// - Complexity: O(countries × days + k log k) for k long durations.
    func talliesByCountry() -> [(country: Country?, tallies: [KaplanMeier.Tally])] {
        var long: [Int: [(key: UInt64, count: Int)]] = [:]
        for (key, count) in sparse { long[Int(key >> 40), default: []].append((key, count)) }
        var result: [(country: Country?, tallies: [KaplanMeier.Tally])] = []
        for index in dense.indices {
            var tallies: [KaplanMeier.Tally] = []
            let counts = dense[index]
            var slot = 0
            while slot + 1 < counts.count {
                let (censored, events) = (Int(counts[slot]), Int(counts[slot + 1]))
                if censored != 0 || events != 0 {
                    tallies.append(KaplanMeier.Tally(time: slot / 2, events: events, censored: censored))
                }
                slot += 2
            }
            for (key, count) in (long[index] ?? []).sorted(by: { $0.key < $1.key }) {
                let time = Int((key >> 1) & ((1 << 39) - 1))
                if tallies.last?.time != time { tallies.append(KaplanMeier.Tally(time: time, events: 0, censored: 0)) }
                if key & 1 == 1 {
                    tallies[tallies.count - 1].events += count
                } else {
                    tallies[tallies.count - 1].censored += count
                }
            }
            guard !tallies.isEmpty else { continue }
            result.append((index == SpanCounts.unrecognizedIndex ? nil : Country(index: index), tallies))
        }
        return result
    }

    /// Equal when they hold the same durations at the same as-of date, however the arrays grew.
    static func == (lhs: SpanCounts, rhs: SpanCounts) -> Bool {
        guard lhs.asOf == rhs.asOf, lhs.startsLate == rhs.startsLate, lhs.endsLate == rhs.endsLate else {
            return false
        }
        let left = lhs.talliesByCountry()
        let right = rhs.talliesByCountry()
        return left.count == right.count
            && zip(left, right).allSatisfy { $0.country == $1.country && $0.tallies == $1.tallies }
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(asOf)
        hasher.combine(startsLate)
        hasher.combine(endsLate)
        for (country, tallies) in talliesByCountry() {
            hasher.combine(country)
            hasher.combine(tallies)
        }
    }
}
