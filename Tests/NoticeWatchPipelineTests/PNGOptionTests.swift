import Foundation
import NoticeWatchModel
import NoticeWatchPipeline
import Testing

@Suite("--png")
struct PNGOptionTests {
    static let converterInstalled = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
        .contains { FileManager.default.isExecutableFile(atPath: $0 + "/rsvg-convert") }

    @Test(
        "With rsvg-convert on the PATH, every chart is also a PNG, in the manifest; the other files are unchanged",
        .enabled(if: converterInstalled))
    func chartsAlsoAsPNG() throws {
        let output = try PipelineTestSupport.temporaryFolder("png") + "/report"
        let result = try Pipeline.run(
            RunConfiguration(
                datasetDirectory: PipelineTestSupport.sampleDataset, outputDirectory: output,
                asOf: PipelineTestSupport.sampleAsOf, chartsAsPNG: true),
            logger: PipelineTestSupport.quietLogger)
        #expect(result.exitStatus == .success)
        let files = PipelineTestSupport.files(in: output)
        let committed = PipelineTestSupport.files(in: PipelineTestSupport.sampleReport)
        let pngs = files.filter { $0.hasSuffix(".png") }
        #expect(pngs == committed.filter { $0.hasSuffix(".svg") }.map { String($0.dropLast(4)) + ".png" })
        #expect(files.filter { !$0.hasSuffix(".png") } == committed)
        let manifest = try String(contentsOfFile: output + "/manifest.json", encoding: .utf8)
        for png in pngs { #expect(manifest.contains("\"\(png)\"")) }
        for svg in committed where svg.hasSuffix(".svg") {
            let written = try Data(contentsOf: URL(fileURLWithPath: output + "/" + svg))
            let expected = try Data(contentsOf: URL(fileURLWithPath: PipelineTestSupport.sampleReport + "/" + svg))
            #expect(written == expected, "\(svg) is the same with --png")
        }
    }
}
