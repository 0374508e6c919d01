import NoticeWatchModel
import Testing

@testable import NoticeWatchAnalysis

@Suite("Durations counted by country, length and outcome")
struct SpanCountsTests {
    static let russia = Country("RU")!
    static let turkey = Country("TR")!

    @Test("Every length, short or long, ended or open, comes back as its tally, whatever the growth of the arrays")
    func tallies() {
        let asOf = 200_000
        var counts = SpanCounts(asOf: asOf)
        let lengths = [0, 1, 2, 31, 32, 63, 64, 65, 127, 16_383, 16_384, 16_385, 150_000]
        for length in lengths {
            counts.add(country: Self.russia, start: asOf - length - 5, end: asOf - 5)
            counts.add(country: Self.russia, start: asOf - length, end: nil)
        }
        counts.add(country: Self.turkey, start: 10, end: 12)
        counts.add(country: Self.turkey, start: 10, end: 12)
        counts.add(country: Self.turkey, start: asOf + 1, end: nil)
        counts.add(country: Self.turkey, start: 10, end: asOf + 3)
        let tallies = counts.talliesByCountry()
        #expect(tallies.map(\.country) == [Self.russia, Self.turkey])
        #expect(
            tallies[0].tallies
                == lengths.map { KaplanMeier.Tally(time: $0, events: 1, censored: 1) })
        #expect(tallies[1].tallies == [KaplanMeier.Tally(time: 2, events: 2, censored: 0)])
        #expect(counts.startsLate == 1)
        #expect(counts.endsLate == 1)
    }

    @Test("Merging adds counts and equals counting everything in one place")
    func merging() {
        var whole = SpanCounts(asOf: 1000)
        var first = SpanCounts(asOf: 1000)
        var second = SpanCounts(asOf: 1000)
        for day in 0..<300 {
            let end = day % 3 == 0 ? nil : day + day % 17
            whole.add(country: day % 2 == 0 ? Self.russia : Self.turkey, start: day, end: end)
            if day < 150 {
                first.add(country: day % 2 == 0 ? Self.russia : Self.turkey, start: day, end: end)
            } else {
                second.add(country: day % 2 == 0 ? Self.russia : Self.turkey, start: day, end: end)
            }
        }
        var merged = second
        merged.merge(first)
        #expect(merged == whole)
        #expect(merged.hashValue == whole.hashValue)
        #expect(first != whole)
    }
}
