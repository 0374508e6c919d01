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
            "- 5 complaints were counted, filed 2020–2021, about the notices of 2 member countries.",
            "- The most complaints concern notices requested by Russia: 3 (60.0% of all), 1.5 times as many as for "
                + "the next, Türkiye (2).",
            "- Of 3 decided complaints, 2 were overturned (66.7%, 95% CI 20.8–93.9%).",
            "- Of 2 decided complaints about notices requested by Russia, 2 were overturned (100.0%, 95% CI 70.0–100.0%).",
            "- Of 1 decided complaint about notices requested by Türkiye, 0 were overturned (0.0%, 95% CI 0.0–79.3%). "
                + "Too few decisions to rank.",
            "- Complaints were overturned more often than for all other countries together, by more than chance "
                + "would plausibly give (Fisher's exact test, Holm-adjusted over the countries tested, 0.05), for: "
                + "Russia. This does not say why.",
            "- Of 3 notices, 2 had ended (cancelled, withdrawn or expired) by 2022-06-30; 1 of the 1 with a known "
                + "reason followed a CCF decision.",
            "- The median time to cancellation of a notice is not given: 3 notices, 2 ended, are too few "
                + "(Kaplan–Meier needs at least 10 and 5).",
            "- The median time to decision of a complaint is not given: 1 complaint, 1 ended, are too few "
                + "(Kaplan–Meier needs at least 10 and 5).",
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

    @Test func aPartialLastYearIsLabelledAndNotCompared() throws {
        var input = ReportFixture.input
        input.figures.volumes.partialYear = PartialYear(year: 2021, lastMonth: 6, lastDay: nil)
        for index in input.figures.volumes.rows.indices {
            input.figures.volumes.rows[index].changeFromPreviousYear = nil
        }
        input.figures.overturnRates.partialYear = PartialYear(year: 2021, lastMonth: 6, lastDay: nil)
        let text = try report(input)
        #expect(
            text.contains(
                """
                | Rank | Country | Complaints | Share | 2020 | 2021 (partial: Jan–Jun) | Change from previous year |
                | ---: | --- | ---: | ---: | ---: | ---: | ---: |
                | 1 | Russia | 3 | 60.0% | 1 | 2 | — |
                """))
        #expect(text.contains("| All countries | 5 | 100.0% | 3 | 2 | — |"))
        #expect(
            text.contains(
                "2021 (partial: Jan–Jun) is covered only up to the as-of date 2022-06-30, so it is not comparable "
                    + "with a full year: no change is given, for want of two complete years."))
        #expect(text.contains("- 5 complaints were counted, filed 2020–2021 (partial: Jan–Jun), about"))
        #expect(text.contains("| 2021 (partial: Jan–Jun) | 3 | 2 | 1 | 0 | 66.7% |"))
    }

    @Test func midpointQuantilesPrintTheirHalfDay() throws {
        var input = ReportFixture.input
        // A group large enough to be estimated, whose median is the midpoint of a flat at exactly 50%.
        input.figures.noticeSurvival[0].subjects = 20
        input.figures.noticeSurvival[0].events = 12
        input.figures.noticeSurvival[0].quantiles[1] = SurvivalQuantile(
            probability: 0.5, estimate: 1_204.5, lower: 980, upper: 1_400.5)
        var text = try report(input)
        #expect(text.contains("| All countries | 20 | 12 | 1 | 365 (365–not reached) | 1,204.5 (980–1,400.5) |"))
        #expect(text.contains("The median time to cancellation of a notice is 1,204.5 days (95% CI 980–1,400.5)"))
        #expect(text.contains("quantile rule r"))
        input.figures.options.survivalQuantileRule = .first
        text = try report(input)
        #expect(text.contains("quantile rule first"))
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
        #expect(text.contains("| Russia | 2 | 2 | 100.0% | 70.0–100.0% | 30.0% | 0.0042 | 0.0084 |"))
        #expect(text.contains("Each country with at least 2 decided complaints (1 country here) is compared"))
        #expect(text.contains("| Türkiye | 1 | 0 | 1 | 100.0% | 20.7–100.0% | 0 | 0 | — | — |"))
    }

    @Test func survivalTablesSayNotReachedAndLabelObservedQuantiles() throws {
        let text = try report()
        #expect(
            text.contains(
                "| All countries | 3 | 2 | 1 | too few | too few | too few | 2 | 1 | 0 | 0 |"
            ))
        #expect(text.contains("*too few* marks a group with fewer than 10 durations or fewer than 5 ended ones"))
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
        #expect(text.contains("| ccf-2021 | complaint | 6 | 4 | 1 | 0 | 1 | yes |"))
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
        #expect(
            text.contains(
                "- No country's complaints were overturned more often than all other countries' by more than chance "
                    + "would plausibly give (Fisher's exact test, Holm-adjusted, 0.05)."))
        #expect(text.contains("No country meets this condition."))
        #expect(text.contains("No row was quarantined."))
        #expect(text.contains("Sources file SHA-256: none (the mapping was inferred from headers)."))
    }
}
