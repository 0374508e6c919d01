import NoticeWatchModel
import Testing

@testable import NoticeWatchAnalysis

/// The aggregate's counts by packed key must count exactly what a dictionary would, whatever the order of the
/// counts and however the table grew.
@Suite("Count tables")
struct CountTableTests {
    typealias FilingKey = PartialAggregate.FilingKey
    typealias OutcomeKey = PartialAggregate.OutcomeKey
    typealias NoticeKey = PartialAggregate.NoticeKey

    @Test("Keys pack and unpack to themselves, years absent, negative and large included")
    func keysRoundTrip() {
        let countries = [Country(index: 0), Country(index: 1), Country(index: CountryTable.members.count - 1)]
        for country in countries {
            for year in [nil, 0, 1, -44, 1999, 9999, 3_999_999] as [Int?] {
                let filing = FilingKey(country: country, year: year)
                #expect(FilingKey(packed: filing.packed) == filing)
                for outcome in Outcome.allCases {
                    let key = OutcomeKey(country: country, year: year, outcome: outcome)
                    #expect(OutcomeKey(packed: key.packed) == key)
                }
            }
            for status in NoticeStatus.allCases {
                for reason in CancellationReason.allCases {
                    let key = NoticeKey(country: country, status: status, reason: reason)
                    #expect(NoticeKey(packed: key.packed) == key)
                }
            }
        }
    }

    @Test("Counts equal a dictionary's through growth, merging and any order of adding")
    func countsLikeADictionary() {
        var generator = SplitMix64(seed: 7)
        var table = CountTable<FilingKey>()
        var expected: [FilingKey: Int] = [:]
        for _ in 0..<20_000 {
            let key = FilingKey(
                country: Country(index: Int.random(in: 0..<CountryTable.members.count, using: &generator)),
                year: Bool.random(using: &generator) ? nil : Int.random(in: 1990...2030, using: &generator))
            let count = Int.random(in: 1...3, using: &generator)
            table.add(key, count)
            expected[key, default: 0] += count
        }
        #expect(table.dictionary == expected)
        #expect(table.keyCount == expected.count)
        var reversed = CountTable<FilingKey>()
        for (key, count) in expected.sorted(by: { $0.key.packed > $1.key.packed }) { reversed.add(key, count) }
        #expect(reversed == table)
        var halves = (CountTable<FilingKey>(), CountTable<FilingKey>())
        for (index, (key, count)) in expected.enumerated() {
            if index % 2 == 0 { halves.0.add(key, count) } else { halves.1.add(key, count) }
        }
        halves.0.merge(halves.1)
        #expect(halves.0 == table)
        #expect(CountTable<FilingKey>() != table)
        #expect(CountTable<FilingKey>().dictionary.isEmpty)
    }
}
