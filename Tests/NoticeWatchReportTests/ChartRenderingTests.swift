import Foundation
import NoticeWatchModel
import Testing

@testable import NoticeWatchReport

/// Every chart laid out as a reader sees it at 600 px wide: no text under the minimum size, none outside the
/// drawing, no two texts overlapping (boxes estimated with ``TextMetrics``), for a small run, an empty run, a
/// crowded run and the committed sample report; rendered with `rsvg-convert` when it is installed.
@Suite struct ChartRenderingTests {
    static let inputs: [String: ReportInput] = [
        "fixture": ReportFixture.input, "empty": ReportFixture.emptyInput, "crowded": CrowdedChartFixture.input,
    ]

    /// The repository's `Reports/sample`, found from this file's path.
    static let sampleReport = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Reports/sample").path

    static func chart(_ path: String, of input: String) -> Data {
        let chart = SVGCharts.all.first { $0.path == path }!
        return Data(chart.draw(inputs[input]!).utf8)
    }

    static func expectReadable(_ data: Data, _ name: String) {
        let layout = ChartTextLayout(svg: data)
        #expect(layout.parseError == nil, "\(name): \(layout.parseError ?? "")")
        #expect(layout.width == ChartFrame.width, "\(name)")
        #expect(layout.boxes.count >= 3, "\(name): a title, a caption and a source line at least")
        #expect(layout.tooSmall.isEmpty, "\(name): smaller than \(SVGDocument.minimumFontSize) px: \(layout.tooSmall)")
        #expect(layout.outside.isEmpty, "\(name): outside the drawing: \(layout.outside)")
        let pairs = layout.overlapping
        #expect(pairs.isEmpty, "\(name): \(pairs.count) overlapping: \(pairs.prefix(5).map { "\($0.0) and \($0.1)" })")
    }

    @Test(arguments: ["fixture", "empty", "crowded"], ReportWriter.chartPaths)
    func noTextOverlapsOrIsTooSmall(input: String, path: String) {
        Self.expectReadable(Self.chart(path, of: input), "\(input) \(path)")
    }

    @Test(arguments: ReportWriter.chartPaths)
    func theCommittedSampleChartsAreReadable(path: String) throws {
        let data = try #require(FileManager.default.contents(atPath: Self.sampleReport + "/" + path))
        Self.expectReadable(data, "sample \(path)")
    }

    @Test(arguments: ReportWriter.chartPaths)
    func everyCaptionNamesItsSourceFilesDateAndVersion(path: String) {
        let layout = ChartTextLayout(svg: Self.chart(path, of: "crowded"))
        let caption = layout.boxes.map(\.text).joined(separator: " ")
        #expect(caption.contains("As of 2025-06-30. NoticeWatch 0.1.0."), "\(path)")
        if path.contains("notice-") {
            #expect(caption.contains("Source: api_pages/ (2 files), 通报/红色通报登记册.xml."), "\(caption)")
        } else {
            #expect(
                caption.contains("Source: données/plaintes_2024_été.csv, жалобы/реестр_жалоб_2025.csv."), "\(caption)")
        }
    }

    @Test(arguments: ReportWriter.chartPaths)
    func coloursComeFromTheDocumentedPalette(path: String) throws {
        let text = String(decoding: Self.chart(path, of: "crowded"), as: UTF8.self)
        let allowed = Set(
            SVGDocument.palette + [SVGDocument.grid, SVGDocument.axis, SVGDocument.secondaryText, "#FFFFFF", "none"])
        let pattern = try Regex(#"(?:fill|stroke)="([^"]*)""#)
        let used = Set(text.matches(of: pattern).map { String($0.output[1].substring!) })
        #expect(used.isSubset(of: allowed), "\(used.subtracting(allowed))")
        #expect(!text.contains(" id=\""), "no ids: charts are inlined together in one page")
    }

    @Test(arguments: SVGCharts.all.map(\.path))
    func inlineMarkupIsTheSVGElementAlone(path: String) {
        let chart = SVGCharts.all.first { $0.path == path }!
        let markup = SVGCharts.inlineMarkup(chart, CrowdedChartFixture.input)
        #expect(markup.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(markup.hasSuffix("</svg>\n"))
        #expect("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + markup == chart.draw(CrowdedChartFixture.input))
    }

    @Test func textWidthsFollowTheDocumentedTable() {
        // Helvetica: "0" 556, "i" 222, "W" 944, per 1000 at 10 px, times the 1.1 margin.
        #expect(abs(TextMetrics.width("0", size: 10) - 6.116) < 1e-9)
        #expect(abs(TextMetrics.width("iW", size: 10) - 12.826) < 1e-9)
        #expect(TextMetrics.width("Türkiye", size: 12) == TextMetrics.width("Turkiye", size: 12))
        #expect(abs(TextMetrics.width("通报", size: 10) - 22) < 1e-9)
        #expect(TextMetrics.width("m", size: 10, bold: true) > TextMetrics.width("m", size: 10))
        let lines = TextMetrics.wrap("Source: a b c d e f g h i j k l m n", width: 40, size: 11)
        #expect(lines.count > 1 && lines.allSatisfy { TextMetrics.width($0, size: 11) <= 40 })
        #expect(
            TextMetrics.wrap("Saint Vincent and the Grenadines", width: 1_000, size: 11) == [
                "Saint Vincent and the Grenadines"
            ])
    }

    static let converter = ["/usr/bin/rsvg-convert", "/usr/local/bin/rsvg-convert", "/opt/homebrew/bin/rsvg-convert"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    @Test(.enabled(if: converter != nil), arguments: ReportWriter.chartPaths)
    func rsvgConvertRendersEveryChartAt600PixelsWide(path: String) throws {
        let temporary = try TemporaryFolder()
        defer { temporary.remove() }
        let svg = try temporary.folder("svg") + "/chart.svg"
        try Self.chart(path, of: "crowded").write(to: URL(fileURLWithPath: svg))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.converter!)
        process.arguments = ["--format=png", "--output=\(svg).png", svg]
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let png = try #require(FileManager.default.contents(atPath: svg + ".png"))
        #expect(png.prefix(8) == Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        let width = png[16..<20].reduce(0) { $0 << 8 | Int($1) }
        #expect(width == 600)
    }
}
