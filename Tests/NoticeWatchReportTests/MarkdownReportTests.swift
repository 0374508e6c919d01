import NoticeWatchModel
import NoticeWatchReport
import Testing

@Suite struct MarkdownReportTests {
    func report(_ input: ReportInput = ReportFixture.input) throws -> String {
        let temporary = try TemporaryFolder()
        defer { temporary.remove() }
        let (folder, _) = try writeReport(input, in: temporary)
        return readText(folder, "report.md")
    }

    @Test func summaryStatesTheHeadlineFiguresInSentences() throws {
        let text = try report()
        let expected = [
            "- 5 complaints were counted, about the notices of 2 member countries.",
            "- The most complaints concern notices requested by Russia: 3 (60.0% of all), 1.5 times as many as for "
                + "the next, Türkiye (2).",
            "- Of 3 decided complaints, 2 were overturned (66.7%, 95% CI 20.8–93.9%).",
            "- Of 2 decided complaints about notices requested by Russia, 2 were overturned (100.0%, 95% CI 70.0–100.0%).",
            "- Of 1 decided complaint about notices requested by Türkiye, 0 were overturned (0.0%, 95% CI 0.0–79.3%). "
                + "Too few decisions to rank.",
            "- Countries whose overturn rate is above the overall rate even at the lower end of its 95% interval: Russia.",
            "- Of 3 notices, 2 had ended (cancelled, withdrawn or expired) by 2022-06-30; 1 of the 1 with a known "
                + "reason followed a CCF decision.",
            "- The median time to cancellation of a notice is 500 days (95% CI 365–not reached), Kaplan–Meier over 3 "
                + "notices (1 still open, censored at 2022-06-30).",
            "- The median time to decision of a complaint is not reached: fewer than half of 1 complaints had ended by "
                + "2022-06-30 (Kaplan–Meier).",
        ]
        #expect(text.contains("## Summary\n\n" + expected.joined(separator: "\n") + "\n"))
    }

    @Test func volumeTableShowsTheTopCountriesAndSumsTheRest() throws {
        let text = try report()
        #expect(
            text.contains(
                """
                | Rank | Country | Complaints | Share | 2020 | 2021 | Change from previous year |
                | ---: | --- | ---: | ---: | ---: | ---: | ---: |
                | 1 | Russia | 3 | 60.0% | 1 | 2 | +1 |
                |  | Other countries (1) | 2 | 40.0% | 2 | 0 | -2 |
                |  | All countries | 5 | 100.0% | 3 | 2 | -1 |
                """))
        #expect(text.contains("All \(Country.allMembers.count) member countries are in `complaint_volumes.csv`;"))
        #expect(text.contains("![Complaints per requesting country](charts/volumes.svg)"))
    }

    @Test func rateTablesMarkCountriesWithTooFewDecisions() throws {
        let text = try report()
        #expect(
            text.contains(
                """
                | All countries | 3 | 2 | 1 | 0 | 66.7% | 20.8–93.9% |  |
                | Russia | 2 | 2 | 0 | 0 | 100.0% | 70.0–100.0% | persistent |
                | Türkiye | 1 | 0 | 1 | 0 | 0.0% | 0.0–79.3% | too few to rank |
                """))
        #expect(text.contains("| Russia | 2 | 2 | 100.0% | 70.0% | 66.7% | 3.3 points |"))
        #expect(text.contains("| Türkiye | 1 | 0 | 1 | 100.0% | 20.7–100.0% | 0 | 0 | — | — |"))
    }

    @Test func survivalTablesSayNotReachedAndLabelObservedQuantiles() throws {
        let text = try report()
        #expect(
            text.contains(
                "| All countries | 3 | 2 | 1 | 365 (365–not reached) | 500 (365–not reached) | not reached | 2 | 1 | 0 | 0 |"
            ))
        #expect(text.contains("**Observed durations, not estimates.**"))
        #expect(text.contains("| All countries | 2 | 365.0 | 432.5 | — | — |"))
        #expect(
            text.contains("| Group | ≤30 days | ≤90 days | ≤180 days | ≤1 year | ≤2 years | ≤5 years | \\>5 years |"))
    }

    @Test func methodPrintsEveryDefinitionOptionAndExclusion() throws {
        let text = try report()
        #expect(
            text.contains(
                "### Overturn rate\n\n`overturn-rate`: Overturned / decided, where decided = overturned + "
                    + "upheld + partially overturned.\n"))
        #expect(text.contains("- As-of date: 2022-06-30, from --as-of."))
        #expect(text.contains("- Minimum decided complaints to rank a country: 2."))
        #expect(text.contains("| notice-time-to-cancellation | missing-issue-date | 1 |"))
    }

    @Test func dataQualityAndProvenanceEscapeRawValues() throws {
        let text = try report()
        #expect(text.contains("| ccf-2021 | complaint | 6 | 4 | 1 | 1 | yes |"))
        #expect(
            text.contains(
                "| unknown-country | 1 | ccf/decisions.csv:7 requesting\\_country \"=cmd\\|' /C calc'!A0\" |"
            ))
        #expect(text.contains("The first record read was kept. 1 conflict:"))
        #expect(text.contains("Sources file SHA-256: `\(String(repeating: "c", count: 64))`."))
        #expect(
            text.contains(
                "| notices/red.json | notices-2021 | 2,048 | 4 | \(String(repeating: "b", count: 64)) | format=json (detected) |"
            ))
        #expect(text.contains("- `as-of=2022-06-30`\n- `minimum-decisions=2`\n- `top-countries=1`\n"))
        #expect(!text.contains("Changes since the previous run"))
    }

    @Test func emptyFiguresRenderWithoutFailing() throws {
        let text = try report(ReportFixture.emptyInput)
        #expect(text.contains("- No complaint had been decided."))
        #expect(text.contains("- No country's overturn rate is above the overall rate beyond its 95% interval."))
        #expect(text.contains("No country meets this condition."))
        #expect(text.contains("No row was quarantined."))
        #expect(text.contains("Sources file SHA-256: none (the mapping was inferred from headers)."))
    }
}
