import Foundation
import NoticeWatchModel
import NoticeWatchReport
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// `report.html`: well-formed, self-contained, every chart and section of `report.md`, country rows anchored.
@Suite struct HTMLReportTests {
    static let sample = FiguresJSONTests.repository + "/Reports/sample"

    /// The page parsed as XML (the page is XHTML-compatible), or a failure with the parser's message.
    static func parse(_ html: String) throws -> XMLDocument {
        try XMLDocument(data: Data(html.utf8), options: [])
    }

    static func headings(ofMarkdown markdown: String) -> [String] {
        markdown.split(separator: "\n").filter { $0.hasPrefix("## ") || $0.hasPrefix("### ") }
            .map { line in
                let text = line.drop { $0 == "#" }.dropFirst()
                return String(text).replacingOccurrences(of: "\\", with: "")
                    .replacingOccurrences(of: "*", with: "").replacingOccurrences(of: "`", with: "")
            }
    }

    static func checkSelfContained(_ html: String) {
        #expect(!html.lowercased().contains("<script"))
        for asset in ["<link", "<img", "<iframe", "<object", "<embed", "@import", "url("] {
            #expect(!html.lowercased().contains(asset), "\(asset)")
        }
        let reference = try! NSRegularExpression(pattern: #"(src|href)\s*=\s*["']?\s*(https?:|//)"#, options: [])
        #expect(reference.firstMatch(in: html, range: NSRange(html.startIndex..., in: html)) == nil)
    }

    @Test func sampleReportIsWellFormedAndHasEverySectionAndChart() throws {
        let html = try String(contentsOfFile: Self.sample + "/report.html", encoding: .utf8)
        let markdown = try String(contentsOfFile: Self.sample + "/report.md", encoding: .utf8)
        let document = try Self.parse(html)
        Self.checkSelfContained(html)
        let headings = try document.nodes(forXPath: "//*[local-name()='h2' or local-name()='h3']")
            .compactMap(\.stringValue)
        let expected = Self.headings(ofMarkdown: markdown)
        #expect(expected.count > 10)
        #expect(headings == expected)
        for path in ReportWriter.chartPaths {
            let name = String(path.dropFirst("charts/".count).dropLast(".svg".count))
            let figures = try document.nodes(
                forXPath: "//*[local-name()='figure'][@id='chart-\(name)']/*[local-name()='svg']")
            #expect(figures.count == 1, "\(path) is inlined once")
        }
        // Every id is unique, and the link in the text points at the inlined chart.
        let ids = try document.nodes(forXPath: "//@id").compactMap(\.stringValue)
        #expect(Set(ids).count == ids.count)
        #expect(html.contains("<a href=\"#chart-volumes\">charts/volumes.svg</a>"))
        // The Russian rows of the volume and rate tables are anchored.
        #expect(ids.contains("complaint-volumes-ru"))
        #expect(ids.contains("overturn-rates-ru"))
        let row = try document.nodes(forXPath: "//*[@id='overturn-rates-ru']/*[local-name()='td']")
            .compactMap(\.stringValue)
        #expect(row.contains("Russia"))
        #expect(html.contains("position: sticky") && html.contains("size: A4"))
        // Each definition of figures.json has its anchor.
        let figures = try FiguresJSONTests.figures(Self.sample)
        for definition in figures["definitions"]?.array?.compactMap({ $0["id"]?.string }) ?? [] {
            #expect(ids.contains("definition-" + definition), "\(definition)")
        }
    }

    @Test func rawValuesAreEscapedThroughOneFunction() throws {
        var input = ReportFixture.input
        let hostile = "<script>alert('x')</script> ünïcødé Ру́сский 中文 \" onload=\"x\" &"
        input.ingest.quarantine.append(
            QuarantinedRow(
                location: ReportFixture.location("ccf-2021", "ccf/<b>.csv", line: 9), field: "outcome",
                rawValue: hostile, reason: QuarantineReason(code: "unknown-outcome", message: "not an outcome")))
        let temporary = try TemporaryFolder()
        defer { temporary.remove() }
        let (folder, outputs) = try writeReport(input, in: temporary)
        #expect(outputs.contains { $0.path == "report.html" })
        let html = readText(folder, "report.html")
        _ = try Self.parse(html)
        Self.checkSelfContained(html)
        #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"))
        #expect(html.contains("ünïcødé Ру́сский 中文"))
        #expect(
            Self.headings(ofMarkdown: readText(folder, "report.md"))
                == (try Self.parse(html).nodes(forXPath: "//*[local-name()='h2' or local-name()='h3']")
                    .compactMap(\.stringValue)))
        let manifest = readText(folder, "manifest.json")
        #expect(manifest.contains("\"path\": \"report.html\""))
    }

    /// A page that loads the sample report in a 600 px frame and writes, as JSON in its `<pre>`, the frame's
    /// width, the elements reaching outside it (but inside a table's scrolling box) and each chart's size.
    static let layoutProbe = """
        <!DOCTYPE html>
        <html><body style="margin:0">
        <iframe id="page" src="report.html" style="width:600px;height:800px;border:0"></iframe>
        <pre id="result">pending</pre>
        <script>
        document.getElementById('page').addEventListener('load', () => {
          const d = document.getElementById('page').contentDocument;
          const width = d.documentElement.clientWidth;
          const overflowing = [];
          for (const e of d.querySelectorAll('body *')) {
            if (e.parentElement && e.parentElement.closest('.table')) continue;
            const r = e.getBoundingClientRect();
            if (r.right > width + 0.5 || r.left < -0.5) overflowing.push(e.tagName + '#' + e.id);
          }
          const charts = [...d.querySelectorAll('figure.chart svg')].map(s => {
            const r = s.getBoundingClientRect();
            return {id: s.closest('figure').id, width: r.width, height: r.height};
          });
          document.getElementById('result').textContent =
            JSON.stringify({width, count: overflowing.length, overflowing: overflowing.slice(0, 10), charts});
        });
        </script>
        </body></html>
        """

    static func measureLayout(chromium: String, in temporary: TemporaryFolder) throws -> ParsedJSON? {
        let folder = try temporary.folder("layout")
        try FileManager.default.copyItem(atPath: Self.sample + "/report.html", toPath: folder + "/report.html")
        try Self.layoutProbe.write(toFile: folder + "/probe.html", atomically: false, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: chromium)
        process.arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--allow-file-access-from-files",
            "--virtual-time-budget=10000", "--dump-dom", "file://" + folder + "/probe.html",
        ]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let dom = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard let start = dom.firstRange(of: "<pre id=\"result\">"), let end = dom.firstRange(of: "</pre>")
        else { return nil }
        let text = String(dom[start.upperBound..<end.lowerBound]).replacingOccurrences(of: "&quot;", with: "\"")
            .replacingOccurrences(of: "&amp;", with: "&")
        return try ParsedJSON.parse(text)
    }

    @Test func headlessChromiumRendersTheSampleReport() throws {
        let candidates = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
        guard let chromium = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            return  // No browser on this machine: the XML checks above stand in for rendering.
        }
        let temporary = try TemporaryFolder()
        defer { temporary.remove() }
        func render(_ output: String) throws -> Data? {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: chromium)
            process.arguments = [
                "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--window-size=600,4000",
                "--no-pdf-header-footer", output, "file://" + Self.sample + "/report.html",
            ]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            #expect(process.terminationStatus == 0)
            return FileManager.default.contents(atPath: String(output.split(separator: "=").last ?? ""))
        }
        // A screenshot at a newspaper column's width.
        let png = try #require(try render("--screenshot=" + temporary.path + "/report.png"))
        #expect(png.prefix(8) == Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        #expect(png.count > 20_000, "a blank page compresses to a few kilobytes")
        // Laid out at 600 px, in a test page that measures it (the report itself has no script): nothing but
        // the inside of a scrolling table box reaches past the page's width, and every chart is drawn.
        let measured = try #require(try Self.measureLayout(chromium: chromium, in: temporary))
        #expect(measured["count"] == .integer(0), "overflowing: \(measured["overflowing"] ?? ParsedJSON.null)")
        let charts = measured["charts"]?.array ?? []
        #expect(charts.count == ReportWriter.chartPaths.count)
        for chart in charts {
            #expect((chart["width"]?.double ?? 0) > 300 && (chart["height"]?.double ?? 0) > 100, "\(chart)")
            #expect((chart["width"]?.double ?? .infinity) <= (measured["width"]?.double ?? 0))
        }
        // Printed: every page is A4 (595 × 842 points), and the report takes several.
        let pdf = try #require(try render("--print-to-pdf=" + temporary.path + "/report.pdf"))
        let text = String(decoding: pdf, as: UTF8.self)
        let boxes = text.matches(of: #/\/MediaBox \[0 0 ([0-9.]+) ([0-9.]+)\]/#)
        #expect(boxes.count >= 5)
        for box in boxes {
            #expect(abs((Double(box.output.1) ?? 0) - 595.3) < 1 && abs((Double(box.output.2) ?? 0) - 841.9) < 1)
        }
    }
}
