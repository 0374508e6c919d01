import Foundation
import NoticeWatchModel
import NoticeWatchReport
import Testing

/// `--png`: the charts also as PNG through `rsvg-convert`, only when asked for.
@Suite struct PNGOutputTests {
    @Test func noPNGIsWrittenByDefault() throws {
        let temporary = try TemporaryFolder()
        defer { temporary.remove() }
        let (folder, outputs) = try writeReport(in: temporary)
        #expect(!outputs.contains { $0.path.hasSuffix(".png") })
        let charts = try FileManager.default.contentsOfDirectory(atPath: folder + "/charts")
        #expect(charts.sorted() == ReportWriter.chartPaths.map { String($0.dropFirst("charts/".count)) }.sorted())
    }

    @Test(.enabled(if: PNGConverter.find(searchPath: "/usr/bin:/usr/local/bin:/opt/homebrew/bin") != nil))
    func everyChartIsAlsoAPNGListedInTheManifest() throws {
        let temporary = try TemporaryFolder()
        defer { temporary.remove() }
        var input = ReportFixture.input
        input.pngConverter = PNGConverter.find(searchPath: "/usr/bin:/usr/local/bin:/opt/homebrew/bin")
        let (folder, outputs) = try writeReport(input, in: temporary)
        let manifest = readText(folder, "manifest.json")
        for path in ReportWriter.chartPaths {
            let png = String(path.dropLast(4)) + ".png"
            let output = try #require(outputs.first { $0.path == png })
            let data = try #require(FileManager.default.contents(atPath: folder + "/" + png))
            #expect(data.count == output.size)
            #expect(data.prefix(4) == Data([0x89, 0x50, 0x4E, 0x47]))
            // Twice the SVG's 600 px.
            #expect(data[16..<20].reduce(0) { $0 << 8 | Int($1) } == 1_200)
            #expect(manifest.contains("\"\(png)\""))
        }
    }

    @Test func aFailingConverterStopsTheReportWithItsCode() throws {
        let temporary = try TemporaryFolder()
        defer { temporary.remove() }
        for executable in ["/bin/false", "/nonexistent/rsvg-convert"] {
            var input = ReportFixture.input
            input.pngConverter = PNGConverter(executable: executable)
            #expect {
                _ = try writeReport(input, in: temporary, name: "run-\(executable.count)")
            } throws: { error in
                (error as? ReportError)?.code == .pngConversionFailed
                    && (error as? ReportError)?.path.hasSuffix("charts/volumes.png") == true
            }
        }
    }

    @Test func theConverterIsFoundOnThePathOrNot() throws {
        let temporary = try TemporaryFolder()
        defer { temporary.remove() }
        let bin = try temporary.folder("bin")
        let empty = try temporary.folder("empty")
        let script = bin + "/rsvg-convert"
        try Data("#!/bin/sh\nexit 0\n".utf8).write(to: URL(fileURLWithPath: script))
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script)
        #expect(PNGConverter.find(searchPath: "\(empty):\(bin)") == PNGConverter(executable: script))
        #expect(PNGConverter.find(searchPath: empty) == nil)
        #expect(PNGConverter.find(searchPath: nil) == nil)
        #expect(PNGConverter.find(searchPath: "::") == nil)
    }
}
