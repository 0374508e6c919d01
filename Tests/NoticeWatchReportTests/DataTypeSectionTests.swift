import NoticeWatchModel
import NoticeWatchReport
import Testing

/// The sections on red notices and diffusions and on review delays, and their CSV tables.
@Suite struct DataTypeSectionTests {
    static func tally(_ overturned: Int, _ upheld: Int, tooFew: Bool = false) -> OutcomeTally {
        let decided = overturned + upheld
        return OutcomeTally(
            overturned: overturned, upheld: upheld, partiallyOverturned: 0, inadmissible: 0, withdrawn: 0,
            pending: 1, overturnedCounted: overturned, rate: Double(overturned) / Double(decided),
            interval: ConfidenceInterval(lower: 0.25, upper: 0.75), tooFewToRank: tooFew)
    }

    static var input: ReportInput {
        var figures = ReportFixture.figures
        let russia = Country("RU")!
        figures.dataTypes = DataTypeSplit(
            overall: [
                DataTypeSplit.Row(
                    country: nil, dataType: .redNotice, complaints: 31, share: 0.62, tally: tally(15, 15)),
                DataTypeSplit.Row(country: nil, dataType: .diffusion, complaints: 19, share: 0.38, tally: tally(12, 6)),
            ],
            byCountry: [
                DataTypeSplit.Row(
                    country: russia, dataType: .redNotice, complaints: 21, share: 0.7, tally: tally(10, 10)),
                DataTypeSplit.Row(
                    country: russia, dataType: .diffusion, complaints: 9, share: 0.3, tally: tally(4, 4, tooFew: true)),
            ],
            differences: [
                DataTypeSplit.Difference(
                    country: nil, difference: 2.0 / 3.0 - 0.5, interval: ConfidenceInterval(lower: -0.1, upper: 0.4),
                    tooFew: false)
            ])
        figures.reviewDelays = ReviewDelays(
            groups: [
                ReviewDelays.Group(
                    scope: .overall, survival: ReportFixture.complaintSurvival[0],
                    limits: [
                        ReviewDelays.LimitShare(
                            limit: .access, decidedWithin: 3, decidedAfter: 6, pendingPast: 1, pendingWithin: 2,
                            share: 0.7, interval: ConfidenceInterval(lower: 0.397, upper: 0.892), tooFew: false)
                    ])
            ], fromAdmissibility: 8, fromFiling: 4)
        return ReportInput(ingest: ReportFixture.ingest, figures: figures, provenance: ReportFixture.provenance)
    }

    @Test("the report compares diffusions with red notices in a sentence with both intervals and the difference")
    func dataTypeSection() throws {
        let temporary = try TemporaryFolder()
        defer { temporary.remove() }
        let (folder, outputs) = try writeReport(Self.input, in: temporary)
        let text = readText(folder, "report.md")
        let sentence =
            "Complaints about diffusions were overturned more often than those about red notices: 66.7% of 18 "
            + "decided complaints (95% CI 25.0–75.0%) against 50.0% of 30 (25.0–75.0%), a difference of +16.7 points "
            + "(95% CI −10.0 to +40.0 points, Newcombe); the interval includes 0, so no difference is shown."
        #expect(text.contains("- " + sentence + "\n"))
        #expect(text.contains("\n" + sentence + "\n"))
        #expect(text.contains("| Red notice | 31 | 62.0% | 30 | 15 | 15 | 0 | 50.0% | 25.0–75.0% |  |"))
        #expect(
            text.contains("| Russia | Diffusion | 9 | 30.0% | 8 | 4 | 4 | 0 | 50.0% | 25.0–75.0% | too few decisions |")
        )
        #expect(outputs.map(\.path).contains("complaints_by_data_type.csv"))
        let csv = readText(folder, "complaints_by_data_type.csv")
        #expect(
            csv.contains(
                "overall,,,diffusion,19,0.3800,18,12,6,0,0,0,1,0,12,0.6667,0.2500,0.7500,false,0.1667,-0.1000,0.4000"))
    }

    @Test("review delays say how many count from filing, and the share over the limit with pending past it")
    func reviewDelaySection() throws {
        let temporary = try TemporaryFolder()
        defer { temporary.remove() }
        let (folder, _) = try writeReport(Self.input, in: temporary)
        let text = readText(folder, "report.md")
        #expect(
            text.contains("4 of 12 durations are counted from filing, because their source gives no admissibility date")
        )
        #expect(
            text.contains(
                "70.0% (95% CI 39.7–89.2%) of 10 access requests took longer than 4 months from admissibility (or "
                    + "filing, where not given): 6 decided after the limit and 1 still pending past it on 2022-06-30; "
                    + "2 pending within the limit are not counted."))
        let csv = readText(folder, "review_delays.csv")
        #expect(csv.contains("overall,all,from_filing,,4,,,"))
        #expect(csv.contains("overall,all,share_over_limit,access-4-months,0.7000,0.3970,0.8920,"))
        #expect(csv.contains("overall,all,pending_past,access-4-months,1,,,"))
    }
}
