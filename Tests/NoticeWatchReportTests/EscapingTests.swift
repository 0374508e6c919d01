import NoticeWatchModel
import Testing

@testable import NoticeWatchReport

@Suite struct EscapingTests {
    @Test(arguments: [
        ("plain text", "plain text"),
        ("a|b", "a\\|b"),
        ("*bold* _it_", "\\*bold\\* \\_it\\_"),
        ("<script>", "\\<script\\>"),
        ("[link](x)", "\\[link\\](x)"),
        ("two\nlines\ttab", "two lines tab"),
        ("back\\slash", "back\\\\slash"),
        ("bell\u{07}", "bell\u{FFFD}"),
    ])
    func markdownCellsCannotFormatOrBreakATable(raw: String, expected: String) {
        #expect(Escaping.markdownText(raw) == expected)
    }

    @Test func markdownTablesAlignNumericColumnsRight() {
        var table = MarkdownTable(header: ["Country", "Complaints"], right: [1])
        table.append(["Russia", "1,204"])
        #expect(table.render() == "| Country | Complaints |\n| --- | ---: |\n| Russia | 1,204 |\n")
    }

    @Test func longRawValuesAreShortenedInExamples() {
        #expect(MarkdownTable.truncate(String(repeating: "x", count: 70)) == String(repeating: "x", count: 59) + "…")
        #expect(MarkdownTable.truncate("short") == "short")
    }

    @Test func svgTextIsEscaped() {
        #expect(Escaping.xml("R&D <\"q\"> 'a'\u{01}") == "R&amp;D &lt;&quot;q&quot;&gt; &apos;a&apos;\u{FFFD}")
    }

    @Test func jsonIsSortedIndentedAndEscaped() {
        let value = JSONValue.object([
            ("zeta", .array([.integer(1), .number("0.5000"), .null])),
            ("alpha", .string("tab\there \"q\" \\ \u{01}")),
            ("empty", .object([])),
            ("flag", .bool(false)),
        ])
        #expect(
            value.render() == """
                {
                  "alpha": "tab\\there \\"q\\" \\\\ \\u0001",
                  "empty": {},
                  "flag": false,
                  "zeta": [
                    1,
                    0.5000,
                    null
                  ]
                }

                """)
    }

    @Test func partialOverturnsCountedAreSaidSo() throws {
        var input = ReportFixture.input
        input.figures.options.partialCountsAsOverturned = true
        let text = MarkdownReport(input: input, changes: nil).render()
        #expect(
            text.contains("- Of 3 decided complaints, 2 were overturned in full or in part (66.7%, 95% CI 20.8–93.9%).")
        )
        #expect(
            text.contains("- Partially overturned complaints (\"compliant subject to updates\") count as overturned."))
    }

    @Test func countAxesEndOnARoundStep() {
        #expect(ChartAxis.counts(maximum: 0) == (1, 1))
        #expect(ChartAxis.counts(maximum: 3) == (3, 1))
        #expect(ChartAxis.counts(maximum: 7) == (8, 2))
        #expect(ChartAxis.counts(maximum: 109) == (150, 50))
        #expect(ChartAxis.counts(maximum: 1_800) == (2_000, 500))
    }

    @Test func shareAxesHoldTheValuesWithHalfAPointToSpare() {
        // Five curves between 72% and 100%: 70–100% in steps of 5 points.
        #expect(ChartAxis.shares(minimum: 0.72, maximum: 1) == (0.7, 1, 0.05))
        // 70.0% exactly is too close to a bound of 70%: 65–100% would take 7 steps of 5, so steps of 10.
        #expect(ChartAxis.shares(minimum: 0.7, maximum: 1) == (0.6, 1, 0.1))
        #expect(ChartAxis.shares(minimum: 0.2, maximum: 1) == (0, 1, 0.2))
        #expect(ChartAxis.shares(minimum: 0, maximum: 1) == (0, 1, 0.2))
        #expect(ChartAxis.shares(minimum: 0.55, maximum: 0.83) == (0.5, 0.9, 0.1))
        #expect(ChartAxis.percent(0.65, step: 0.05) == "65%")
        #expect(ChartAxis.percent(0.025, step: 0.005) == "2.5%")
    }

    @Test func labelsAreThinnedToKeepThemApart() {
        #expect(ChartAxis.labelEvery(spacing: 60) == 1)
        #expect(ChartAxis.labelEvery(spacing: 30) == 2)
        #expect(ChartAxis.labelEvery(spacing: 10) == 6)
    }
}
