import NoticeWatchModel
import Testing

@testable import NoticeWatchAnalysis

/// Persistent overturns against scipy's `fisher_exact` and statsmodels' Holm adjustment on
/// `fisher-counts.csv` (see `Scripts/reference`).
@Suite struct PersistentOverturnReferenceTests {
    /// The figures of one family: each country's complaints decided in 2023, the first `overturned` of them
    /// overturned, the rest upheld, plus one pending and one withdrawn complaint that no rate counts.
    func rates(family: String) throws -> OverturnRates {
        var complaints: [Complaint] = []
        for (country, overturned, decided) in try ReferenceFixtures.fisherCounts(family: family) {
            let requesting = try #require(Country(country))
            for number in 0..<decided {
                complaints.append(
                    AnalysisExampleTests.complaint(
                        complaints.count, requesting, filed: "2022-11-02", decided: "2023-04-18",
                        number < overturned ? .overturned : .upheld))
            }
            for outcome in [Outcome.pending, .withdrawn] {
                complaints.append(
                    AnalysisExampleTests.complaint(
                        complaints.count, requesting, filed: "2023-01-09", decided: nil, outcome))
            }
        }
        let options = AnalysisOptions(asOf: AnalysisExampleTests.day("2024-12-31"), asOfOrigin: "--as-of")
        return Analysis.figures(notices: [], complaints: complaints, options: options).overturnRates
    }

    @Test(arguments: ReferenceFixtures.fisherFamilies)
    func pValuesAndListMatchScipyAndStatsmodels(family: String) throws {
        let reference = try #require(ReferenceFixtures.fisher.families[family])
        let rates = try rates(family: family)
        let tested = rates.byCountry.filter { $0.comparison != nil }
        #expect(tested.map(\.country.alpha2).sorted() == reference.map(\.country).sorted())
        for expected in reference {
            let row = try #require(rates.byCountry.first { $0.country.alpha2 == expected.country })
            let comparison = try #require(row.comparison)
            #expect(close(comparison.pValue, expected.p_value, tolerance: 1e-9), "\(family) \(expected.country) p")
            #expect(
                close(comparison.adjustedPValue, expected.p_value_holm, tolerance: 1e-9),
                "\(family) \(expected.country) Holm")
            #expect(close(comparison.othersRate, expected.others_rate), "\(family) \(expected.country) others")
        }
        let listed = Set(reference.filter(\.persistent).map(\.country))
        #expect(Set(rates.persistent.map(\.country.alpha2)) == listed)
        // Countries under the minimum are never tested.
        #expect(rates.byCountry.filter { $0.tally.decided < 10 }.allSatisfy { $0.comparison == nil })
    }

    @Test func aCountryFarBelowTheOthersIsTestedButNotListed() throws {
        let rates = try rates(family: "sample")
        let russia = try #require(rates.byCountry.first { $0.country.alpha2 == "RU" }?.comparison)
        #expect(russia.adjustedPValue < 0.05)
        #expect(!rates.persistent.contains { $0.country.alpha2 == "RU" })
    }

    @Test func theListIsOrderedByLowerBound() throws {
        let rates = try rates(family: "sample")
        let lowers = rates.persistent.compactMap(\.tally.interval?.lower)
        #expect(lowers == lowers.sorted(by: >))
        let ranked = rates.ranked.compactMap(\.tally.interval?.lower)
        #expect(ranked == ranked.sorted(by: >))
        #expect(rates.ranked.allSatisfy { !$0.tally.tooFewToRank })
    }

    @Test func fisherAndHolmOnHandCheckedTables() {
        // [[3, 1], [1, 3]]: hypergeometric probabilities 1/70, 16/70, 36/70, 16/70, 1/70; p = 34/70.
        #expect(close(FisherExactTest.twoSided(3, 1, 1, 3), 34.0 / 70.0, tolerance: 1e-12))
        #expect(FisherExactTest.twoSided(0, 0, 4, 5) == 1)
        #expect(FisherExactTest.holm([0.01, 0.04, 0.03, 0.5]) == [0.04, 0.09, 0.09, 0.5])
        #expect(FisherExactTest.holm([0.02, 0.02]) == [0.04, 0.04])
        #expect(FisherExactTest.holm([]).isEmpty)
    }
}
