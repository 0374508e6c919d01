import Testing

@testable import NoticeWatchModel

/// The country lookup key costs work in proportion to the value, and no more than the longest name for a lookup.
@Suite("Country keys are linear and capped")
struct CountryKeyTests {
    /// Scalars handed out one at a time, counting how many were asked for.
    final class CountingScalars: Sequence {
        let scalar: Unicode.Scalar
        let count: Int
        private(set) var taken = 0

        init(_ scalar: Unicode.Scalar, count: Int) {
            self.scalar = scalar
            self.count = count
        }

        func makeIterator() -> AnyIterator<Unicode.Scalar> {
            AnyIterator { [self] in
                guard taken < count else { return nil }
                taken += 1
                return scalar
            }
        }
    }

    @Test("A lookup folds no further than the longest known name: 4 Mi Cyrillic letters read as far as that")
    func lookupIsCapped() {
        let value = CountingScalars("Ж", count: 4 << 20)
        #expect(CountryTable.key(value, limit: CountryTable.longestKey) == nil)
        // Each Cyrillic letter folds to two bytes: the fold stops at the first byte over the limit.
        #expect(value.taken == CountryTable.longestKey / 2 + 1)
        #expect(CountryTable.longestKey < 100)
    }

    @Test("Folding with no limit gives a key as long as the value's letters, one pass in any script")
    func keyLengthIsLinear() {
        let count = 1 << 20
        let key = CountryTable.key(String(repeating: "Ж", count: count))
        #expect(key.utf8.count == 2 * count)
        #expect(key.unicodeScalars.allSatisfy { $0 == "ж" })
        let mixed = CountryTable.key(String(repeating: "Çà&Ω1 ", count: 1000))
        #expect(mixed == String(repeating: "caandω1", count: 1000))
    }

    @Test(
        "Long and non-Latin values are unknown; names up to the longest still resolve",
        arguments: [
            (String(repeating: "Россия", count: 100_000), nil), (String(repeating: "Russia", count: 20), nil),
            ("  Türkiye  ", "TR"), ("Bolivia (Plurinational State of)", "BO"), ("Россия", nil),
            (" " + String(repeating: " ", count: 100_000) + "France", "FR"),
        ] as [(String, String?)])
    func lookups(value: String, expected: String?) {
        #expect(Country(value)?.alpha2 == expected)
    }

    @Test("Every member's longest name is within the lookup's limit")
    func limitCoversEveryName() {
        for entry in CountryTable.members {
            for name in [entry.english, entry.french, entry.spanish] + entry.aliases {
                #expect(CountryTable.key(name).utf8.count <= CountryTable.longestKey)
            }
        }
    }
}
