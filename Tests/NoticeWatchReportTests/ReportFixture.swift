import NoticeWatchModel
import NoticeWatchReport

/// A small hand-built run: three notices, four complaints, two quarantined rows, one conflict, and figures
/// that match them closely enough to read. Countries are looked up by code, never by table index.
enum ReportFixture {
    static let ru = Country("RU")!
    static let tr = Country("TR")!

    static func location(_ source: String, _ file: String, line: Int? = nil, record: Int? = nil) -> SourceLocation {
        SourceLocation(source: source, file: file, line: line, record: record)
    }

    static let notices = [
        Notice(
            id: "2019/1", kind: .redNotice, requestingCountry: .member(ru),
            issueDate: CivilDate(year: 2019, month: 1, day: 10),
            status: .cancelled, cancellationDate: CivilDate(year: 2020, month: 1, day: 10),
            cancellationReason: .ccfDecision,
            provenance: location("notices-2021", "notices/red.json", record: 1)
        ),
        Notice(
            id: "2019/2", kind: .redNotice, requestingCountry: .member(ru),
            issueDate: CivilDate(year: 2019, month: 5, day: 1),
            status: .active, cancellationDate: nil, cancellationReason: .unknown,
            provenance: location("notices-2021", "notices/red.json", record: 2)
        ),
        Notice(
            id: "2020/7", kind: .diffusion, requestingCountry: .member(tr), issueDate: CivilDate(year: 2020),
            status: .withdrawn, cancellationDate: nil, cancellationReason: .unknown,
            provenance: location("notices-2021", "notices/red.json", record: 4)
        ),
    ]

    static let complaints = [
        Complaint(
            id: "CCF/1/20", noticeID: "2019/1", requestingCountry: .member(ru),
            filedDate: CivilDate(year: 2020, month: 2, day: 1),
            decisionDate: CivilDate(year: 2021, month: 3, day: 1), outcome: .overturned, outcomeLabel: "Not compliant",
            provenance: location("ccf-2021", "ccf/decisions.csv", line: 2)
        ),
        Complaint(
            id: "CCF/2/20", noticeID: nil, requestingCountry: .member(ru),
            filedDate: CivilDate(year: 2021, month: 1, day: 5),
            decisionDate: CivilDate(year: 2021, month: 9, day: 1), outcome: .overturned, outcomeLabel: "Data deleted",
            provenance: location("ccf-2021", "ccf/decisions.csv", line: 3)
        ),
        Complaint(
            id: "CCF/3/21", noticeID: "2020/7", requestingCountry: .member(tr),
            filedDate: CivilDate(year: 2020, month: 6, day: 1),
            decisionDate: CivilDate(year: 2021, month: 2, day: 1), outcome: .upheld,
            outcomeLabel: "=HYPERLINK(\"http://evil.example\",\"Compliant\")", dataType: .diffusion,
            requestType: .deletion, admissibilityDate: CivilDate(year: 2020, month: 7, day: 1),
            provenance: location("ccf-2021", "ccf/decisions.csv", line: 4)
        ),
        Complaint(
            id: "CCF/4/21", noticeID: nil, requestingCountry: .member(tr), filedDate: CivilDate(year: 2020),
            decisionDate: nil, outcome: .pending, outcomeLabel: "Under examination",
            provenance: location("ccf-2021", "ccf/decisions.csv", line: 6)
        ),
    ]

    static let quarantine = [
        QuarantinedRow(
            location: location("ccf-2021", "ccf/decisions.csv", line: 7), field: "requesting_country",
            rawValue: "=cmd|' /C calc'!A0",
            reason: QuarantineReason(code: "unknown-country", message: "not a member country")
        ),
        QuarantinedRow(
            location: location("notices-2021", "notices/red.json", record: 3), field: nil,
            rawValue: "{\"entity_id\": null}",
            reason: QuarantineReason(code: "missing-id", message: "the record has no id")
        ),
    ]

    static let conflicts = [
        DuplicateConflict(
            recordKind: .complaint, id: "CCF/2/20", field: "outcome", keptValue: "Data deleted",
            keptLocation: location("ccf-2021", "ccf/decisions.csv", line: 3), discardedValue: "-compliant",
            discardedLocation: location("ccf-2021", "ccf/decisions.csv", line: 5)
        )
    ]

    static let ingest = IngestResult(
        notices: RecordList(notices), complaints: RecordList(complaints), quarantine: quarantine,
        conflicts: conflicts,
        sources: [
            SourceAccounting(
                source: "ccf-2021", recordKind: .complaint, read: 6, kept: 4, merged: 1, quarantined: 1,
                mapping: ["from sources.yaml"]),
            SourceAccounting(
                source: "notices-2021", recordKind: .notice, read: 4, kept: 3, merged: 0, quarantined: 1,
                mapping: ["id <- entity_id (inferred)", "country <- issuing_country_id (inferred)"]),
        ],
        inputFiles: [
            InputFile(
                source: "notices-2021", path: "notices/red.json", size: 2048, sha256: String(repeating: "b", count: 64),
                rowsRead: 4, readerChoices: ["format=json (detected)"]),
            InputFile(
                source: "ccf-2021", path: "ccf/decisions.csv", size: 512, sha256: String(repeating: "a", count: 64),
                rowsRead: 6, readerChoices: ["delimiter=\";\" (detected)", "encoding=utf-8 (detected)"]),
        ],
        sourcesFileSHA256: String(repeating: "c", count: 64)
    )

    static func interval(_ lower: Double, _ upper: Double) -> ConfidenceInterval {
        ConfidenceInterval(lower: lower, upper: upper)
    }

    static func tally(
        overturned: Int, upheld: Int, partial: Int = 0, inadmissible: Int = 0, withdrawn: Int = 0, pending: Int = 0,
        rate: Double?, interval: ConfidenceInterval?, tooFew: Bool
    ) -> OutcomeTally {
        OutcomeTally(
            overturned: overturned, upheld: upheld, partiallyOverturned: partial, inadmissible: inadmissible,
            withdrawn: withdrawn, pending: pending, overturnedCounted: overturned, rate: rate, interval: interval,
            tooFewToRank: tooFew
        )
    }

    static let options = AnalysisOptions(
        asOf: CivilDate(year: 2022, month: 6, day: 30)!, asOfOrigin: "--as-of", minimumDecisions: 2, topCountries: 1
    )

    static var volumes: ComplaintVolumes {
        var rows = [
            ComplaintVolumes.Row(
                country: ru, total: 3, rank: 1, share: 0.6, byYear: [1, 2], changeFromPreviousYear: 1),
            ComplaintVolumes.Row(
                country: tr, total: 2, rank: 2, share: 0.4, byYear: [2, 0], changeFromPreviousYear: -2),
        ]
        for country in Country.allMembers where country != ru && country != tr {
            rows.append(
                ComplaintVolumes.Row(
                    country: country, total: 0, rank: 3, share: 0, byYear: [0, 0], changeFromPreviousYear: 0))
        }
        return ComplaintVolumes(rows: rows, years: [2020, 2021], total: 5, totalByYear: [3, 2], unknownYear: 0)
    }

    static let overall = tally(
        overturned: 2, upheld: 1, pending: 1, rate: 2.0 / 3.0, interval: interval(0.20765, 0.93851), tooFew: false)
    static let russia = tally(overturned: 2, upheld: 0, rate: 1, interval: interval(0.70, 1), tooFew: false)
    static let turkey = tally(
        overturned: 0, upheld: 1, pending: 1, rate: 0, interval: interval(0, 0.79346), tooFew: true)

    /// Russia against the other countries, as a larger data set would give it (the table's own counts are too
    /// small for a test to find anything).
    static let russiaComparison = OverturnRates.OthersComparison(
        othersDecided: 40, othersOverturnedCounted: 12, othersRate: 0.3, pValue: 0.004_2, adjustedPValue: 0.008_4)

    static var rates: OverturnRates {
        OverturnRates(
            overall: overall,
            byCountry: [
                .init(country: ru, tally: russia, comparison: russiaComparison), .init(country: tr, tally: turkey),
            ],
            byYear: [.init(year: 2021, tally: overall)],
            byCountryYear: [
                .init(country: ru, year: 2021, tally: russia), .init(country: tr, year: 2021, tally: turkey),
            ],
            persistent: [.init(country: ru, tally: russia, comparison: russiaComparison)]
        )
    }

    static var cancellations: NoticeCancellations {
        NoticeCancellations(
            overall: .init(
                country: nil, notices: 3, cancelled: 2, cancelledShare: 2.0 / 3.0,
                cancelledInterval: interval(0.2077, 0.9385),
                withKnownReason: 1, byCCF: 1, ccfShare: 1, ccfInterval: interval(0.2065, 1)
            ),
            byCountry: [
                .init(
                    country: ru, notices: 2, cancelled: 1, cancelledShare: 0.5,
                    cancelledInterval: interval(0.0945, 0.9055),
                    withKnownReason: 1, byCCF: 1, ccfShare: 1, ccfInterval: interval(0.2065, 1)),
                .init(
                    country: tr, notices: 1, cancelled: 1, cancelledShare: 1, cancelledInterval: interval(0.2065, 1),
                    withKnownReason: 0, byCCF: 0, ccfShare: nil, ccfInterval: nil),
            ]
        )
    }

    static let histogram = [
        ("≤30 days", 0, 30), ("≤90 days", 30, 90), ("≤180 days", 90, 180), ("≤1 year", 180, 365),
        ("≤2 years", 365, 730),
        ("≤5 years", 730, 1826),
    ]

    static func survival(_ country: Country?, curve: [SurvivalStep], median: SurvivalQuantile, counts: [Int])
        -> SurvivalSummary
    {
        let events = curve.reduce(0) { $0 + $1.events }
        let censored = curve.reduce(0) { $0 + $1.censored }
        var buckets = histogram.enumerated().map { offset, bucket in
            HistogramBucket(label: bucket.0, lowerExclusive: bucket.1, upperInclusive: bucket.2, count: counts[offset])
        }
        buckets.append(HistogramBucket(label: ">5 years", lowerExclusive: 1826, upperInclusive: nil, count: counts[6]))
        return SurvivalSummary(
            country: country, subjects: events + censored, events: events, censored: censored, curve: curve,
            quantiles: [
                SurvivalQuantile(
                    probability: 0.25, estimate: curve.first.map { Double($0.time) },
                    lower: curve.first.map { Double($0.time) }, upper: nil),
                median,
                SurvivalQuantile(probability: 0.75, estimate: nil, lower: nil, upper: nil),
            ],
            atRisk: [
                AtRisk(day: 365, count: 2), AtRisk(day: 730, count: 1), AtRisk(day: 1826, count: 0),
                AtRisk(day: 3652, count: 0),
            ],
            observedQuantiles: [
                ObservedQuantile(probability: 0.25, days: 365), ObservedQuantile(probability: 0.5, days: 432.5),
                ObservedQuantile(probability: 0.75, days: nil), ObservedQuantile(probability: 0.9, days: nil),
            ],
            histogram: buckets,
            atRiskSeries: stride(from: 0, through: curve.last?.time ?? 0, by: 365).map { day in
                AtRisk(day: day, count: curve.reduce(0) { $1.time >= day ? $0 + $1.events + $1.censored : $0 })
            },
            atRiskStep: 365
        )
    }

    static var noticeSurvival: [SurvivalSummary] {
        [
            survival(
                nil,
                curve: [
                    SurvivalStep(
                        time: 365, atRisk: 3, events: 1, censored: 0, survival: 2.0 / 3.0,
                        interval: interval(0.05409, 0.94522)),
                    SurvivalStep(
                        time: 500, atRisk: 2, events: 1, censored: 0, survival: 1.0 / 3.0,
                        interval: interval(0.00896, 0.77415)),
                    SurvivalStep(
                        time: 1156, atRisk: 1, events: 0, censored: 1, survival: 1.0 / 3.0,
                        interval: interval(0.00896, 0.77415)),
                ],
                median: SurvivalQuantile(probability: 0.5, estimate: 500, lower: 365, upper: nil),
                counts: [0, 0, 0, 1, 1, 0, 0]
            ),
            survival(
                ru,
                curve: [
                    SurvivalStep(
                        time: 365, atRisk: 2, events: 1, censored: 0, survival: 0.5,
                        interval: interval(0.00578, 0.91044)),
                    SurvivalStep(
                        time: 1156, atRisk: 1, events: 0, censored: 1, survival: 0.5,
                        interval: interval(0.00578, 0.91044)),
                ],
                median: SurvivalQuantile(probability: 0.5, estimate: 365, lower: nil, upper: nil),
                counts: [0, 0, 0, 1, 0, 0, 0]
            ),
        ]
    }

    static var complaintSurvival: [SurvivalSummary] {
        [
            survival(
                nil,
                curve: [
                    SurvivalStep(
                        time: 239, atRisk: 4, events: 1, censored: 0, survival: 0.75, interval: interval(0.1941, 0.9613)
                    )
                ],
                median: SurvivalQuantile(probability: 0.5, estimate: nil, lower: nil, upper: nil),
                counts: [0, 0, 0, 1, 0, 0, 0]
            )
        ]
    }

    static var figures: Figures {
        var figures = Figures(
            options: options, volumes: volumes, overturnRates: rates, noticeCancellations: cancellations,
            noticeSurvival: noticeSurvival, complaintSurvival: complaintSurvival,
            exclusions: [Exclusion(figure: "notice-time-to-cancellation", reason: "missing-issue-date", count: 1)],
            definitions: [
                FigureDefinition(
                    id: "complaint-volume", title: "Complaint volume",
                    text: "Complaints per requesting country, by year of filing."),
                FigureDefinition(
                    id: "overturn-rate", title: "Overturn rate",
                    text: "Overturned / decided, where decided = overturned + upheld + partially overturned."),
            ]
        )
        figures.reviewDelays = ReviewDelays(
            groups: [
                ReviewDelays.Group(scope: .overall, survival: complaintSurvival[0], limits: []),
                ReviewDelays.Group(scope: .country(ru), survival: noticeSurvival[1], limits: []),
            ], fromAdmissibility: 4, fromFiling: 0)
        return figures
    }

    static let provenance = RunProvenance(
        toolVersion: "0.1.0", datasetPath: "Datasets/sample",
        options: ["top-countries=1", "as-of=2022-06-30", "minimum-decisions=2"]
    )

    static var input: ReportInput { ReportInput(ingest: ingest, figures: figures, provenance: provenance) }

    /// A run with no records at all: every figure empty or undefined.
    static var emptyInput: ReportInput {
        let empty = OutcomeTally(
            overturned: 0, upheld: 0, partiallyOverturned: 0, inadmissible: 0, withdrawn: 0, pending: 0,
            overturnedCounted: 0, rate: nil, interval: nil, tooFewToRank: true
        )
        let noRow = NoticeCancellations.Row(
            country: nil, notices: 0, cancelled: 0, cancelledShare: nil, cancelledInterval: nil, withKnownReason: 0,
            byCCF: 0, ccfShare: nil, ccfInterval: nil
        )
        let figures = Figures(
            options: options,
            volumes: ComplaintVolumes(rows: [], years: [], total: 0, totalByYear: [], unknownYear: 0),
            overturnRates: OverturnRates(overall: empty, byCountry: [], byYear: [], byCountryYear: [], persistent: []),
            noticeCancellations: NoticeCancellations(overall: noRow, byCountry: []), noticeSurvival: [],
            complaintSurvival: [], exclusions: [], definitions: []
        )
        let ingest = IngestResult(
            notices: [], complaints: [], quarantine: [], conflicts: [], sources: [], inputFiles: [],
            sourcesFileSHA256: nil
        )
        return ReportInput(ingest: ingest, figures: figures, provenance: provenance)
    }
}
