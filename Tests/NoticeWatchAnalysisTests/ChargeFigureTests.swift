import NoticeWatchAnalysis
import NoticeWatchModel
import Testing

/// Notices by charge category: a notice counts under each category its warrants cite, shares over the notices
/// with a charge, per requesting country, and the same whatever the split of the records.
@Suite struct ChargeFigureTests {
    static let options = AnalysisOptions(asOf: CivilDate(year: 2025, month: 6, day: 30)!, asOfOrigin: "--as-of")

    static func notice(_ id: String, _ country: String, _ warrants: [(String, String)]) -> Notice {
        Notice(
            id: id, kind: .redNotice, requestingCountry: CountryValue(country), issueDate: nil, status: .active,
            cancellationDate: nil, cancellationReason: .unknown,
            warrants: warrants.map { Warrant(matching: $0.1, translation: nil, issuingCountry: CountryValue($0.0)) },
            provenance: SourceLocation(source: "details", file: "details.json"))
    }

    static let notices = [
        notice("2016/1", "RU", [("RU", "Участие в незаконном вооружённом формировании"), ("RU", "Терроризм")]),
        notice("2016/2", "RU", [("RU", "Мошенничество")]),
        notice("2016/3", "RU", [("RU", "Убийство"), ("KZ", "Мошенничество")]),
        notice("2021/4", "AR", [("AR", "Estafa")]),
        notice("2020/5", "HK", [("HK", "Conspiracy to defraud")]),
        notice("2023/6", "UA", []),
        notice("2023/7", "FR", [("FR", "")]),
    ]

    @Test func countsEachCategoryCitedOverNoticesWithACharge() throws {
        let figure = Analysis.figures(notices: Self.notices, complaints: [], options: Self.options).noticeCharges
        #expect(figure.overall.notices == 5)
        #expect(figure.overall.rows.map(\.category) == ChargeCategory.allCases)
        #expect(figure.overall.rows.map(\.notices) == [1, 1, 0, 4, 0])
        #expect(figure.overall.rows[3].share == 0.8)
        let interval = try #require(figure.overall.rows[3].interval)
        #expect(abs(interval.lower - 0.3755) < 0.0001 && abs(interval.upper - 0.9638) < 0.0001)
        #expect(figure.severalCountries == 1)
        #expect(figure.countries.map { $0.country?.alpha2 } == ["RU", "AR", nil])
        #expect(figure.countries[0].notices == 3)
        #expect(figure.countries[0].rows.map(\.notices) == [1, 1, 0, 2, 0])
        #expect(figure.countries[2].rows.map(\.notices) == [0, 0, 0, 1, 0])
    }

    @Test func sameFigureForAnySplit() {
        let whole = Analysis.figures(notices: Self.notices, complaints: [], options: Self.options).noticeCharges
        let sharded = Analysis.aggregate(
            asOf: Self.options.asOf, notices: Self.notices, complaints: [], shardSize: 2
        ).finish(options: Self.options).noticeCharges
        #expect(sharded == whole)
        var split = PartialAggregate(asOf: Self.options.asOf)
        for notice in Self.notices.reversed() {
            var one = PartialAggregate(asOf: Self.options.asOf)
            one.add(notice.facts)
            split.merge(one)
        }
        #expect(split.finish(options: Self.options).noticeCharges == whole)
    }

    @Test func noChargeNoFigure() {
        let figure = Analysis.figures(notices: [Self.notices[5]], complaints: [], options: Self.options)
            .noticeCharges
        #expect(figure.overall.notices == 0 && figure.countries.isEmpty && figure.severalCountries == 0)
        #expect(figure.overall.rows.allSatisfy { $0.notices == 0 && $0.interval == nil })
    }
}
