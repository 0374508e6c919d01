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

    @Test func survivalAxisStepsGrowWithTheSpan() {
        #expect(SVGCharts.niceSpan(0) == (10, 10))
        #expect(SVGCharts.niceSpan(45) == (50, 10))
        #expect(SVGCharts.niceSpan(200) == (270, 90))
        #expect(SVGCharts.niceSpan(1156) == (1460, 365))
        #expect(SVGCharts.niceSpan(4000) == (4380, 730))
    }
}
