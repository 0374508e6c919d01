import NoticeWatchAnalysis
import NoticeWatchModel
import Testing

/// Records with a field unknown count wherever the field is not needed; a figure that needs it leaves them out
/// and says why; a country not recognized is one unranked row.
struct UnknownValuesAnalysisTests {
    static let options = AnalysisOptions(asOf: CivilDate(iso: "2024-06-30")!, asOfOrigin: "--as-of")
    static let ru = CountryValue.member(Country("RU")!)
    static let place = SourceLocation(source: "register", file: "register.csv", line: 2)

    static func day(_ text: String) -> CivilDate { CivilDate(iso: text)! }

    static func complaint(
        _ id: String, _ country: CountryValue, filed: String?, decided: String?, _ outcome: Outcome,
        flagged: FlaggedFields = []
    ) -> Complaint {
        Complaint(
            id: id, noticeID: nil, requestingCountry: country, filedDate: filed.map(day),
            decisionDate: decided.map(day),
            outcome: outcome, outcomeLabel: "", flagged: flagged, provenance: place)
    }

    static func notice(
        _ id: String, _ country: CountryValue, issued: String?, _ status: NoticeStatus, cancelled: String? = nil,
        flagged: FlaggedFields = []
    ) -> Notice {
        Notice(
            id: id, kind: .redNotice, requestingCountry: country, issueDate: issued.map(day), status: status,
            cancellationDate: cancelled.map(day), cancellationReason: .unknown, flagged: flagged, provenance: place)
    }

    static let complaints = [
        complaint("C1", ru, filed: "2022-01-10", decided: "2022-09-01", .overturned),
        complaint("C2", ru, filed: "2022-02-10", decided: "2023-01-01", .upheld),
        complaint(
            "C3", .unrecognized("Kosovo"), filed: "2023-03-01", decided: "2023-10-01", .overturned,
            flagged: .requestingCountry),
        complaint("C4", ru, filed: "2023-04-01", decided: "2023-12-01", .unknown, flagged: .outcome),
        complaint("C5", ru, filed: nil, decided: nil, .pending, flagged: .filedDate),
    ]

    static let notices = [
        notice("N1", ru, issued: "2020-01-01", .cancelled, cancelled: "2021-01-01"),
        notice("N2", ru, issued: "2020-01-01", .active),
        notice("N3", ru, issued: "2020-01-01", .unknown, flagged: .status),
        notice("N4", ru, issued: "2020-01-01", .unknown),
        notice("N5", .unrecognized("TW"), issued: nil, .active, flagged: [.requestingCountry, .issueDate]),
    ]

    static var figures: Figures { Analysis.figures(notices: notices, complaints: complaints, options: options) }

    @Test func anUnrecognizedCountryCountsInTotalsInOneUnrankedRow() {
        let figures = Self.figures
        #expect(figures.volumes.total == 5)
        #expect(figures.volumes.unrecognized == 1)
        #expect(figures.volumes.unrecognizedByYear == [0, 1])
        #expect(figures.volumes.totalByYear == [2, 2])
        #expect(figures.volumes.unknownYear == 1)
        #expect(figures.volumes.rows.count == Country.allMembers.count)
        #expect(figures.volumes.rows.first.map { ($0.country.alpha2, $0.total, $0.rank) } ?? ("", 0, 0) == ("RU", 4, 1))
        #expect(figures.overturnRates.byCountry.map(\.country.alpha2) == ["RU"])
        #expect(figures.overturnRates.unrecognized?.overturned == 1)
        #expect(figures.overturnRates.overall.overturned == 2)
        #expect(figures.noticeCancellations.byCountry.map { $0.country?.alpha2 } == ["RU"])
        #expect(figures.noticeCancellations.unrecognized?.notices == 1)
        #expect(figures.noticeSurvival.map { $0.country?.alpha2 } == [nil, "RU"])
    }

    @Test func anOutcomeNotUnderstoodIsCountedInNoDenominator() {
        let overall = Self.figures.overturnRates.overall
        #expect(overall.unknown == 1)
        #expect(overall.decided == 3)
        #expect(overall.rate == 2.0 / 3.0)
    }

    @Test func theCancelledShareIsOverKnownStatusWithTheUnknownBesideIt() {
        let overall = Self.figures.noticeCancellations.overall
        #expect(overall.notices == 5)
        #expect(overall.unknownStatus == 2)
        #expect(overall.cancelled == 1)
        #expect(overall.cancelledShare == 1.0 / 3.0)
    }

    @Test func eachFigureNamesTheRecordsItLeftOutForAValueNotUnderstood() {
        let exclusions = Self.figures.exclusions.map { "\($0.figure) \($0.reason) \($0.count)" }
        #expect(
            exclusions == [
                "complaint-time-to-decision filing-date-not-understood 1",
                "complaint-time-to-decision outcome-not-understood 1",
                "complaint-volume filing-date-not-understood 1",
                "notice-cancelled-share status-not-understood 1",
                "notice-cancelled-share unknown-status 1",
                "notice-in-force-after-complaint missing-notice-id 2",
                "notice-time-to-cancellation issue-date-not-understood 1",
                "notice-time-to-cancellation status-not-understood 1",
                "notice-time-to-cancellation unknown-status 1",
                "overturn-rate outcome-not-understood 1",
                "review-delay missing-filing-date 1",
            ])
    }

    @Test func partialAggregatesOfShardsGiveTheWhole() {
        var first = PartialAggregate(asOf: Self.options.asOf, notices: Self.notices.prefix(2), complaints: [])
        let second = PartialAggregate(
            asOf: Self.options.asOf, notices: Self.notices.dropFirst(2), complaints: Self.complaints)
        first.merge(second)
        #expect(first == PartialAggregate(asOf: Self.options.asOf, notices: Self.notices, complaints: Self.complaints))
    }
}
