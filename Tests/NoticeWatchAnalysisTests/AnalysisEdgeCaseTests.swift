import NoticeWatchAnalysis
import NoticeWatchModel
import Testing

/// Empty inputs, partial as-of dates and the wording of definitions under each option.
struct AnalysisEdgeCaseTests {
    static func options(
        asOf: String = "2024-06-30", level: Double = 0.95, method: SurvivalIntervalMethod = .logLog
    ) -> AnalysisOptions {
        AnalysisOptions(
            asOf: CivilDate(iso: asOf)!, asOfOrigin: "latest date in the data", confidenceLevel: level,
            survivalInterval: method
        )
    }

    @Test func noRecordsGiveEmptyButCompleteFigures() {
        let figures = Analysis.figures(notices: [], complaints: [], options: Self.options())
        #expect(figures.volumes.rows.count == Country.allMembers.count)
        #expect(figures.volumes.rows.allSatisfy { $0.rank == 1 && $0.total == 0 && $0.share == 0 })
        #expect(figures.volumes.rows.allSatisfy { $0.byYear.isEmpty && $0.changeFromPreviousYear == nil })
        #expect(figures.volumes.years.isEmpty && figures.volumes.total == 0 && figures.volumes.unknownYear == 0)
        #expect(figures.overturnRates.overall.rate == nil && figures.overturnRates.overall.interval == nil)
        #expect(figures.overturnRates.byCountry.isEmpty && figures.overturnRates.persistent.isEmpty)
        #expect(figures.noticeCancellations.overall.cancelledShare == nil)
        #expect(figures.noticeCancellations.byCountry.isEmpty)
        #expect(figures.noticeSurvival.isEmpty && figures.complaintSurvival.isEmpty && figures.exclusions.isEmpty)
        #expect(figures.definitions.count == 17)
        #expect(figures.reviewDelays.groups.isEmpty && figures.dataTypes.isEmpty && figures.noticesInForce.isEmpty)
        #expect(figures.noticeCharges.overall.notices == 0 && figures.noticeCharges.countries.isEmpty)
    }

    @Test(arguments: [("2024", 3_287), ("2024-02", 2_981), ("2024-06-30", 3_103)])
    func partialAsOfDateStandsForItsLastDay(asOf: String, censoredAt: Int) {
        let notice = Notice(
            id: "N/1", kind: .redNotice, requestingCountry: .member(Country("FR")!),
            issueDate: CivilDate(year: 2016, month: 1, day: 1), status: .active, cancellationDate: nil,
            cancellationReason: .unknown, provenance: SourceLocation(source: "edge", file: "notices.csv", line: 2)
        )
        let figures = Analysis.figures(notices: [notice], complaints: [], options: Self.options(asOf: asOf))
        #expect(figures.noticeSurvival.first?.curve.map(\.time) == [censoredAt])
        #expect(figures.noticeSurvival.first?.curve.first?.interval == ConfidenceInterval(lower: 1, upper: 1))
    }

    @Test(arguments: [
        (
            SurvivalIntervalMethod.logLog,
            "95% pointwise CI, Greenwood variance, log(−log) transform (= lifelines default; R survfit default is "
                + "conf.type='log')"
        ),
        (
            .log,
            "95% pointwise CI, Greenwood variance, log transform (= R survfit default conf.type='log'; lifelines "
                + "uses log(−log))"
        ),
        (.plain, "95% pointwise CI, Greenwood variance, no transform, S ± z·se clamped to [0, 1]"),
    ])
    func survivalDefinitionNamesTheTransform(method: SurvivalIntervalMethod, sentence: String) {
        for definition in Analysis.definitions(options: Self.options(method: method))
        where definition.id.hasSuffix("time-to-cancellation") || definition.id.hasSuffix("time-to-decision") {
            #expect(definition.text.contains(sentence), "\(definition.id): \(definition.text)")
        }
    }

    @Test(arguments: [(0.9, "90% Wilson score interval"), (0.995, "99.5% Wilson score interval")])
    func wilsonDefinitionNamesTheLevel(level: Double, phrase: String) {
        let definitions = Analysis.definitions(options: Self.options(level: level))
        #expect(
            definitions.filter { $0.text.contains(phrase) }.map(\.id) == [
                "overturn-rate", "notice-cancelled-share", "notice-ccf-share", "notice-charges",
                "review-delay-over-limit",
            ])
    }

    @Test func definitionsNameTheAsOfDateAndItsOrigin() {
        let definition = Analysis.definitions(options: Self.options()).first { $0.id == "notice-time-to-cancellation" }
        #expect(definition?.text.contains("as-of date 2024-06-30 (latest date in the data)") == true)
    }

    @Test func confidenceLevelChangesOnlyTheIntervals() {
        let complaint = Complaint(
            id: "CCF/1", noticeID: nil, requestingCountry: .member(Country("MD")!),
            filedDate: CivilDate(year: 2020, month: 1, day: 1), decisionDate: CivilDate(year: 2020, month: 9, day: 1),
            outcome: .overturned, outcomeLabel: "Not compliant",
            provenance: SourceLocation(source: "edge", file: "complaints.csv", line: 2)
        )
        let narrow = Analysis.figures(notices: [], complaints: [complaint], options: Self.options(level: 0.8))
        let wide = Analysis.figures(notices: [], complaints: [complaint], options: Self.options(level: 0.99))
        #expect(narrow.overturnRates.overall.rate == wide.overturnRates.overall.rate)
        let narrowLower = narrow.overturnRates.overall.interval?.lower ?? 0
        let wideLower = wide.overturnRates.overall.interval?.lower ?? 1
        #expect(wideLower < narrowLower)
    }
}
