import NoticeWatchModel
import Testing

@testable import NoticeWatchAnalysis

/// A small hand-counted data set: every figure checked against values worked out on paper.
struct AnalysisExampleTests {
    static let ru = Country("RU")!
    static let tr = Country("TR")!
    static let cn = Country("CN")!
    static let tj = Country("TJ")!

    static func day(_ text: String) -> CivilDate { CivilDate(iso: text)! }

    static func complaint(
        _ number: Int, _ country: Country, filed: String?, decided: String?, _ outcome: Outcome
    ) -> Complaint {
        Complaint(
            id: "CCF/\(number)", noticeID: nil, requestingCountry: .member(country), filedDate: filed.map(day),
            decisionDate: decided.map(day), outcome: outcome, outcomeLabel: outcome.rawValue,
            provenance: SourceLocation(source: "example", file: "complaints.csv", line: number + 1)
        )
    }

    static func notice(
        _ number: Int, _ country: Country, issued: String?, _ status: NoticeStatus, cancelled: String?,
        _ reason: CancellationReason
    ) -> Notice {
        Notice(
            id: "N/\(number)", kind: .redNotice, requestingCountry: .member(country), issueDate: issued.map(day),
            status: status, cancellationDate: cancelled.map(day), cancellationReason: reason,
            provenance: SourceLocation(source: "example", file: "notices.csv", line: number + 1)
        )
    }

    static let complaints = [
        complaint(1, ru, filed: "2022-01-10", decided: "2022-07-10", .overturned),
        complaint(2, ru, filed: "2022-02-01", decided: "2022-12-01", .overturned),
        complaint(3, ru, filed: "2023-03-01", decided: "2023-09-01", .upheld),
        complaint(4, ru, filed: "2023-04-01", decided: "2024-01-15", .partiallyOverturned),
        complaint(5, ru, filed: "2023-05-01", decided: nil, .pending),
        complaint(6, ru, filed: nil, decided: "2023-02-01", .inadmissible),
        complaint(7, ru, filed: "2023-06-01", decided: "2023-05-01", .overturned),
        complaint(8, ru, filed: "2022-07", decided: "2023-01-01", .withdrawn),
        complaint(9, tr, filed: "2023-01-01", decided: "2023-08-01", .overturned),
        complaint(10, tr, filed: "2023-02-01", decided: "2024-09-01", .upheld),
        complaint(11, tr, filed: "2024-01-01", decided: nil, .upheld),
        complaint(12, cn, filed: "2022-05-05", decided: "2023-05-05", .upheld),
        complaint(13, cn, filed: "2023-05-05", decided: "2024-01-01", .pending),
        complaint(14, cn, filed: "2024-02-02", decided: "2024-03-03", .overturned),
    ]

    static let notices = [
        notice(1, ru, issued: "2020-01-01", .active, cancelled: nil, .unknown),
        notice(2, ru, issued: "2020-01-01", .cancelled, cancelled: "2021-01-01", .ccfDecision),
        notice(3, ru, issued: "2020-01-01", .cancelled, cancelled: nil, .unknown),
        notice(4, ru, issued: "2019", .withdrawn, cancelled: "2020-01-01", .withdrawnByRequestingCountry),
        notice(5, tj, issued: "2021-01-01", .unknown, cancelled: nil, .unknown),
        notice(6, tj, issued: "2025-01-01", .active, cancelled: nil, .unknown),
        notice(7, tj, issued: "2018-03-03", .expired, cancelled: "2024-12-01", .other),
        notice(8, tj, issued: "2018-03-03", .active, cancelled: "2022-01-01", .unknown),
        notice(9, tj, issued: nil, .active, cancelled: nil, .unknown),
        notice(10, tj, issued: "2018-03-03", .expired, cancelled: "2022-05", .subjectLocated),
    ]

    static func figures(partial: Bool = false, minimumDecisions: Int = 10, asOf: String = "2024-06-30") -> Figures {
        let options = AnalysisOptions(
            asOf: day(asOf), asOfOrigin: "--as-of", minimumDecisions: minimumDecisions,
            partialCountsAsOverturned: partial
        )
        return Analysis.figures(notices: notices, complaints: complaints, options: options)
    }

    @Test func volumesRankSharesAndChanges() throws {
        let volumes = Self.figures().volumes
        #expect(volumes.years == [2022, 2023, 2024])
        #expect(volumes.total == 14)
        #expect(volumes.totalByYear == [4, 7, 2])
        #expect(volumes.unknownYear == 1)
        #expect(volumes.rows.count == Country.allMembers.count)
        let top = Array(volumes.rows.prefix(3))
        #expect(top.map(\.country) == [Self.ru, Self.cn, Self.tr])
        #expect(top.map(\.rank) == [1, 2, 2])
        #expect(top.map(\.total) == [8, 3, 3])
        #expect(top.map(\.byYear) == [[3, 4, 0], [1, 1, 1], [0, 2, 1]])
        // 2024 ends at the as-of date 2024-06-30: partial, so the change compares 2023 with 2022.
        #expect(volumes.partialYear == PartialYear(year: 2024, lastMonth: 6, lastDay: nil))
        #expect(volumes.label(year: 2024) == "2024 (partial: Jan–Jun)" && volumes.label(year: 2023) == "2023")
        #expect(volumes.changeYears.map { [$0.later, $0.earlier] } == [2023, 2022])
        #expect(top.map(\.changeFromPreviousYear) == [1, 0, 2])
        #expect(top[0].share == 8.0 / 14.0)
        let rest = volumes.rows.dropFirst(3)
        #expect(rest.allSatisfy { $0.total == 0 && $0.rank == 4 && $0.share == 0 && $0.changeFromPreviousYear == 0 })
        #expect(rest.map(\.country.alpha2) == rest.map(\.country.alpha2).sorted())
        #expect(Self.figures().overturnRates.partialYear?.label == "2024 (partial: Jan–Jun)")
    }

    @Test func aCompleteLastYearIsComparedWithTheYearBefore() {
        let volumes = Self.figures(asOf: "2024-12-31").volumes
        #expect(volumes.partialYear == nil)
        #expect(volumes.changeYears.map { [$0.later, $0.earlier] } == [2024, 2023])
        #expect(volumes.rows.prefix(3).map(\.changeFromPreviousYear) == [-4, 0, -1])
        // An as-of date in a later year leaves 2024 complete too.
        #expect(Self.figures(asOf: "2025-03-01").volumes.partialYear == nil)
    }

    @Test func partialYearsNameTheMonthsCovered() throws {
        let midMonth = try #require(PartialYear.of(lastYear: 2025, asOf: Self.day("2025-06-15")))
        #expect(midMonth.label == "2025 (partial: Jan–15 Jun)")
        #expect(PartialYear.of(lastYear: 2025, asOf: Self.day("2025-01-31"))?.label == "2025 (partial: Jan)")
        #expect(PartialYear.of(lastYear: 2025, asOf: Self.day("2025-12-30"))?.label == "2025 (partial: Jan–30 Dec)")
        #expect(PartialYear.of(lastYear: 2025, asOf: Self.day("2025-12-31")) == nil)
        // A month-only as-of date stands for the month's last day.
        #expect(
            PartialYear.of(lastYear: 2025, asOf: try #require(CivilDate(year: 2025, month: 2)))?.label
                == "2025 (partial: Jan–Feb)")
        #expect(PartialYear.of(lastYear: 2025, asOf: try #require(CivilDate(year: 2025))) == nil)
    }

    @Test func overturnRatesCountEveryOutcome() throws {
        let rates = Self.figures().overturnRates
        let overall = rates.overall
        #expect(
            [
                overall.overturned, overall.upheld, overall.partiallyOverturned, overall.pending, overall.inadmissible,
                overall.withdrawn,
            ] == [5, 4, 1, 2, 1, 1]
        )
        #expect(overall.decided == 10 && overall.overturnedCounted == 5 && overall.rate == 0.5)
        #expect(overall.tooFewToRank == false)
        #expect(rates.byCountry.map(\.country) == [Self.cn, Self.ru, Self.tr])
        #expect(rates.byCountry.map(\.tally.rate) == [0.5, 0.6, 1.0 / 3.0])
        #expect(rates.byCountry.allSatisfy { $0.tally.tooFewToRank })
        #expect(rates.byYear.map(\.year) == [2022, 2023, 2024])
        #expect(rates.byYear.map(\.tally.decided) == [2, 4, 3])
        #expect(rates.byYear.map(\.tally.rate) == [1, 0.5, 1.0 / 3.0])
        #expect(
            rates.byCountryYear.map { "\($0.country.alpha2) \($0.year)" }
                == ["CN 2023", "CN 2024", "RU 2022", "RU 2023", "RU 2024", "TR 2023", "TR 2024"]
        )
        #expect(rates.persistent.isEmpty)
        let expected = WilsonInterval.interval(successes: 5, trials: 10, confidenceLevel: 0.95)
        #expect(overall.interval == expected)
    }

    @Test func partialCountsInTheNumeratorOnlyWhenAsked() {
        let rates = Self.figures(partial: true).overturnRates
        #expect(rates.overall.overturnedCounted == 6 && rates.overall.decided == 10)
        #expect(rates.byCountry.first { $0.country == Self.ru }?.tally.rate == 0.8)
    }

    @Test func persistentOverturnsAreAboveTheOverallRate() {
        var complaints: [Complaint] = []
        for number in 0..<50 {
            complaints.append(
                Self.complaint(
                    number, Self.ru, filed: "2023-01-01", decided: "2023-06-01", number < 40 ? .overturned : .upheld)
            )
            complaints.append(
                Self.complaint(
                    100 + number, Self.tr, filed: "2023-01-01", decided: "2023-06-01",
                    number < 5 ? .overturned : .upheld)
            )
        }
        complaints.append(Self.complaint(999, Self.cn, filed: "2023-01-01", decided: "2023-06-01", .overturned))
        let options = AnalysisOptions(asOf: Self.day("2024-06-30"), asOfOrigin: "--as-of")
        let rates = Analysis.figures(notices: [], complaints: complaints, options: options).overturnRates
        #expect(rates.overall.rate == 46.0 / 101.0)
        #expect(rates.persistent.map(\.country) == [Self.ru])
        #expect(rates.byCountry.map(\.tally.tooFewToRank) == [true, false, false])
    }

    @Test func cancellationShares() {
        let cancellations = Self.figures().noticeCancellations
        #expect(cancellations.overall.notices == 10 && cancellations.overall.cancelled == 5)
        #expect(cancellations.overall.withKnownReason == 4 && cancellations.overall.byCCF == 1)
        #expect(cancellations.overall.ccfShare == 0.25)
        #expect(cancellations.byCountry.map(\.country) == [Self.ru, Self.tj])
        // Tajikistan's six notices include one of unknown status: the share is over the five of known status.
        #expect(cancellations.overall.unknownStatus == 1)
        #expect(cancellations.byCountry.map(\.unknownStatus) == [0, 1])
        #expect(cancellations.byCountry.map(\.cancelledShare) == [0.75, 2.0 / 5.0])
        #expect(cancellations.byCountry.map(\.ccfShare) == [0.5, 0])
        #expect(
            cancellations.byCountry[0].cancelledInterval
                == WilsonInterval.interval(successes: 3, trials: 4, confidenceLevel: 0.95)
        )
    }

    @Test func exclusionsAreCountedPerReason() {
        let exclusions = Self.figures().exclusions.map { "\($0.figure) \($0.reason) \($0.count)" }
        #expect(
            exclusions == [
                "complaint-time-to-decision decision-date-after-as-of 1",
                "complaint-time-to-decision missing-decision-date 1",
                "complaint-time-to-decision missing-filing-date 1",
                "complaint-time-to-decision negative-duration 1",
                "complaint-time-to-decision partial-filing-date 1",
                "notice-cancelled-share unknown-status 1",
                "notice-in-force-after-complaint missing-notice-id 5",
                "notice-time-to-cancellation active-with-cancellation-date 1",
                "notice-time-to-cancellation cancellation-date-after-as-of 1",
                "notice-time-to-cancellation ended-without-cancellation-date 1",
                "notice-time-to-cancellation issue-date-after-as-of 1",
                "notice-time-to-cancellation missing-issue-date 1",
                "notice-time-to-cancellation partial-cancellation-date 1",
                "notice-time-to-cancellation partial-issue-date 1",
                "notice-time-to-cancellation unknown-status 1",
                "review-delay decision-date-after-as-of 1",
                "review-delay inadmissible 1",
                "review-delay missing-decision-date 1",
                "review-delay negative-duration 1",
                "review-delay partial-filing-date 1",
            ]
        )
    }

    @Test func complaintTimeToDecision() throws {
        let survival = Self.figures().complaintSurvival
        #expect(survival.map(\.country) == [nil, Self.cn, Self.ru, Self.tr])
        let overall = survival[0]
        #expect(overall.subjects == 9 && overall.events == 7 && overall.censored == 2)
        #expect(overall.curve.map(\.time) == [30, 181, 184, 212, 289, 303, 365, 422, 426])
        #expect(overall.curve.map(\.atRisk) == [9, 8, 7, 6, 5, 4, 3, 2, 1])
        #expect(abs(overall.curve[4].survival - 4.0 / 9.0) < 1e-15)
        #expect(overall.quantiles.map(\.probability) == [0.25, 0.5, 0.75])
        #expect(overall.quantiles[1].estimate == 289)
        #expect(overall.quantiles[2].estimate == 365)
        #expect(
            overall.atRisk == [
                AtRisk(day: 365, count: 3), AtRisk(day: 730, count: 0),
                AtRisk(day: 1826, count: 0), AtRisk(day: 3652, count: 0),
            ])
        #expect(overall.observedQuantiles.map(\.days) == [182.5, 212, 296, 327.8])
        #expect(overall.histogram.map(\.count) == [1, 0, 0, 6, 0, 0, 0])
        #expect(survival.dropFirst().map(\.subjects) == [3, 5, 1])
    }

    @Test func numberAtRiskAtRegularDaysIsCountedOnTheSameDaysInEveryGroup() {
        let complaints = Self.figures().complaintSurvival
        // Longest duration 426 days (over a year): every 90 days up to it.
        #expect(complaints[0].atRiskStep == 90)
        #expect(complaints[0].atRiskSeries.map(\.day) == [0, 90, 180, 270, 360])
        #expect(complaints[0].atRiskSeries.map(\.count) == [9, 8, 8, 5, 3])
        for country in complaints.dropFirst() {
            #expect(country.atRiskStep == 90)
            #expect(country.atRiskSeries.map(\.day) == [0, 90, 180, 270, 360])
            #expect(country.atRiskSeries.first?.count == country.subjects)
        }
        #expect(
            complaints.dropFirst().map { $0.atRiskSeries.map(\.count) }.reduce([0, 0, 0, 0, 0]) {
                zip($0, $1).map(+)
            } == [9, 8, 8, 5, 3])
        // Longest notice duration 1,642 days (over three years): every year.
        let notices = Self.figures().noticeSurvival
        #expect(notices[0].atRiskStep == 365)
        #expect(
            notices[0].atRiskSeries == [
                AtRisk(day: 0, count: 2), AtRisk(day: 365, count: 2), AtRisk(day: 730, count: 1),
                AtRisk(day: 1_095, count: 1), AtRisk(day: 1_460, count: 1),
            ])
        #expect(SurvivalFigure.atRiskStep(longest: 90) == 7)
        #expect(SurvivalFigure.atRiskStep(longest: 91) == 30)
        #expect(SurvivalFigure.atRiskStep(longest: 366) == 90)
        #expect(SurvivalFigure.atRiskStep(longest: 1_096) == 365)
    }

    @Test func noticeTimeToCancellation() {
        let survival = Self.figures().noticeSurvival
        #expect(survival.map(\.country) == [nil, Self.ru])
        #expect(survival[0].curve.map(\.time) == [366, 1642])
        #expect(survival[0].curve.map(\.events) == [1, 0])
        #expect(survival[0].curve.map(\.survival) == [0.5, 0.5])
    }

    @Test func definitionsComeInReportOrder() {
        let definitions = Self.figures().definitions
        #expect(
            definitions.map(\.id) == [
                "complaint-volume", "overturn-rate", "persistent-overturns", "complaints-by-data-type",
                "notice-cancelled-share", "notice-ccf-share", "notice-nationalities", "notice-charges",
                "notice-time-to-cancellation", "notice-time-to-cancellation-by-kind", "complaint-time-to-decision",
                "review-delay", "review-delay-over-limit", "notice-in-force-after-complaint",
                "observed-duration-quantiles", "duration-histogram", "exclusions",
            ]
        )
        #expect(definitions.allSatisfy { !$0.title.isEmpty && !$0.text.isEmpty })
        let survival = definitions[8].text
        #expect(
            survival.contains(
                "95% pointwise CI, Greenwood variance, log(−log) transform (= lifelines default; R survfit default "
                    + "is conf.type='log')"
            )
        )
        #expect(survival.contains("as-of date 2024-06-30 (--as-of)"))
        #expect(definitions[1].text.contains("95% Wilson score interval"))
        #expect(definitions[1].text.contains("count in the denominator only"))
        let partial = Self.figures(partial: true).definitions[1].text
        #expect(partial.contains("Partially overturned complaints count as overturned"))
    }
}
