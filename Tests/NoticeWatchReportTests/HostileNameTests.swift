import NoticeWatchModel
import Testing

@testable import NoticeWatchReport

/// Names that break each output format, as folder, file, source and option names and raw values: each format's
/// escaping function keeps them text.
@Suite struct HostileNameTests {
    /// Names that break Markdown (code spans, tables, paragraphs, headings, emphasis, HTML) or XML.
    static let names = [
        "two\n\nparagraphs", "`code` and ``more``", "a|b|c", "<script>alert(1)</script>", "R&D &amp; co",
        "x]]>y", "# heading", "*bold* and _it_", "[link](javascript:x)", "$x^2$", "~~gone~~", "tab\there\r\nCRLF",
        "bell\u{07}del\u{7F}", "«Пётр» и محمد",
    ]

    @Test(arguments: [
        ("a|b", "a\\|b"), ("`x`", "\\`x\\`"), ("# h", "\\# h"), ("*b* _i_ ~s~", "\\*b\\* \\_i\\_ \\~s\\~"),
        ("<script>", "\\<script\\>"), ("R&amp;D", "R\\&amp;D"), ("x]]>y", "x\\]\\]\\>y"), ("$x$", "\\$x\\$"),
        ("two\n\nlines", "two  lines"), ("a\r\nb\tc", "a  b c"), ("bell\u{07}\u{7F}", "bell\u{FFFD}\u{FFFD}"),
        ("Пётр محمد", "Пётр محمد"),
    ])
    func markdownText(raw: String, expected: String) {
        #expect(Escaping.markdownText(raw) == expected)
    }

    @Test(arguments: [
        ("Datasets/sample", "`Datasets/sample`"), ("a`b", "``a`b``"), ("``x``", "``` ``x`` ```"),
        ("`", "`` ` ``"), (" lead", "`  lead `"), ("two\n\nlines", "`two  lines`"), ("<b>&amp;", "`<b>&amp;`"),
        ("ctl\u{1B}", "`ctl\u{FFFD}`"),
    ])
    func markdownCode(raw: String, expected: String) {
        #expect(Escaping.markdownCode(raw) == expected)
    }

    @Test(arguments: [
        ("x]]>y", "x]]&gt;y"), ("<script>", "&lt;script&gt;"), ("R&D", "R&amp;D"),
        ("\"q\" 'a'", "&quot;q&quot; &apos;a&apos;"),
        ("a\u{01}b\rc\u{FFFE}", "a\u{FFFD}b\u{FFFD}c\u{FFFD}"), ("tab\tline\n", "tab\tline\n"), ("Ильич", "Ильич"),
    ])
    func xml(raw: String, expected: String) {
        #expect(Escaping.xml(raw) == expected)
    }

    /// `line` without its code spans (a run of backticks up to the next run of the same length; a backslash
    /// escapes the character after it outside a span).
    static func withoutCodeSpans(_ line: Substring) -> String {
        let characters = Array(line)
        var kept = ""
        var index = 0
        while index < characters.count {
            if characters[index] == "\\" {  // an escaped character, never a delimiter
                kept += String(characters[index..<min(index + 2, characters.count)])
                index += 2
                continue
            }
            guard characters[index] == "`" else {
                kept.append(characters[index])
                index += 1
                continue
            }
            var run = 0
            while index + run < characters.count && characters[index + run] == "`" { run += 1 }
            var end = index + run
            var closed = false
            while end < characters.count {
                var other = 0
                while end + other < characters.count && characters[end + other] == "`" { other += 1 }
                if other == run {
                    closed = true
                    break
                }
                end += max(other, 1)
            }
            #expect(closed, "a code span is not closed in: \(line)")
            index = closed ? end + run : characters.count
        }
        return kept
    }

    /// How many of `line`'s `target` characters are not escaped by an odd run of backslashes, and are followed by
    /// a character `next` accepts.
    static func unescaped(_ target: Character, in line: String, next: (Character?) -> Bool = { _ in true }) -> Int {
        let characters = Array(line)
        var count = 0
        var backslashes = 0
        for (index, character) in characters.enumerated() {
            if character == target && backslashes % 2 == 0
                && next(index + 1 < characters.count ? characters[index + 1] : nil)
            {
                count += 1
            }
            backslashes = character == "\\" ? backslashes + 1 : 0
        }
        return count
    }

    /// No raw HTML or CDATA end outside code spans, no heading but the report's own, every row of each table
    /// with as many cells as its header.
    static func checkStructure(_ report: String) {
        var tableBars: Int?
        for line in report.split(separator: "\n", omittingEmptySubsequences: false) {
            let text = withoutCodeSpans(line)
            let tags = Self.unescaped("<", in: text) { $0.map { $0.isLetter || $0 == "/" || $0 == "!" } ?? false }
            #expect(tags == 0, "raw HTML in: \(line)")
            #expect(!text.contains("]]>"), "unescaped ]]> in: \(line)")
            if line.hasPrefix("#") {
                #expect(line.hasPrefix("# NoticeWatch report") || line.hasPrefix("## ") || line.hasPrefix("### "))
                #expect(!line.contains("heading"), "a name became a heading: \(line)")
            }
            if line.hasPrefix("|") {
                let bars = unescaped("|", in: String(line))
                #expect(bars == (tableBars ?? bars), "a row with other cells than its header: \(line)")
                tableBars = tableBars ?? bars
            } else {
                tableBars = nil
            }
        }
    }

    @Test("A report whose folder, files, sources, options and raw values hold such names keeps its structure")
    func wholeReport() {
        var input = ReportFixture.input
        let hostile = Self.names.joined(separator: " ")
        input.provenance = RunProvenance(
            toolVersion: "0.1.0", datasetPath: "/data/\(Self.names[0])/# heading\n\n<script>x</script>",
            options: ["--out=/tmp/`x`\n\n# heading", "--as-of=2022-06-30"])
        input.ingest.inputFiles.append(
            InputFile(
                source: "src|\(Self.names[1])", path: "notices/\(Self.names[4])*\(Self.names[5]).csv", size: 1,
                sha256: String(repeating: "d", count: 64), rowsRead: 0, readerChoices: ["delimiter=\"|\" (set)"]))
        input.ingest.notRead = [
            NotReadFile(path: "links/\(Self.names[3])\n\n# heading.csv", reason: "a FIFO (named pipe), not a file")
        ]
        input.ingest.quarantine.append(
            QuarantinedRow(
                location: ReportFixture.location("ccf-2021", "ccf/decisions.csv", line: 9), field: "outcome",
                rawValue: hostile, reason: QuarantineReason(code: "unknown-value", message: "no vocabulary maps it")))
        let report = MarkdownReport(input: input, changes: nil).render()
        Self.checkStructure(report)
        #expect(report.contains("dataset `/data/two  paragraphs/# heading  <script>x</script>`."))
        #expect(report.contains("- ``--out=/tmp/`x`  # heading``"))
        #expect(
            report.contains(
                "| links/\\<script\\>alert(1)\\</script\\>  \\# heading.csv | a FIFO (named pipe), not a file |"))
        #expect(
            report.contains("| notices/R\\&D \\&amp; co\\*x\\]\\]\\>y.csv | src\\|\\`code\\` and \\`\\`more\\`\\` |"))
    }

    @Test("Chart labels and titles are XML text whatever they hold")
    func svgLabels() {
        var document = SVGDocument(width: 100, height: 50, title: "t <script>&]]>")
        document.text("x]]><script>alert('1')</script>\u{0B}", x: 1, y: 2)
        let svg = document.render()
        #expect(svg.contains("<title>t &lt;script&gt;&amp;]]&gt;</title>"))
        #expect(svg.contains(">x]]&gt;&lt;script&gt;alert(&apos;1&apos;)&lt;/script&gt;\u{FFFD}</text>"))
        #expect(!svg.contains("<script"))
    }
}
