import Foundation
import NoticeWatchModel
import NoticeWatchPipeline
import Testing

/// The committed sample report is the project's golden file: the code's output must not drift from it.
/// After an intended change of output, re-record it with `make golden` and review the diff.
@Suite("The committed sample report")
struct SampleReportTests {
    @Test("Running on Datasets/sample reproduces Reports/sample byte for byte")
    func matchesCommittedReport() throws {
        let output = try PipelineTestSupport.temporaryFolder("golden") + "/report"
        try PipelineTestSupport.run(PipelineTestSupport.sampleDataset, into: output)
        let expected = PipelineTestSupport.files(in: PipelineTestSupport.sampleReport)
        let found = PipelineTestSupport.files(in: output)
        #expect(found == expected, "the report's files changed; re-record with `make golden` if intended")
        for path in expected where found.contains(path) {
            let old = try Data(contentsOf: URL(fileURLWithPath: PipelineTestSupport.sampleReport + "/" + path))
            let new = try Data(contentsOf: URL(fileURLWithPath: output + "/" + path))
            let difference = PipelineTestSupport.firstDifference(expected: old, found: new)
            #expect(difference == nil, "\(path) drifted from the committed report at \(difference ?? "")")
        }
    }

    @Test("Two runs on the same inputs give byte-identical outputs, SQLite included")
    func reproducible() throws {
        let root = try PipelineTestSupport.temporaryFolder("twice")
        try PipelineTestSupport.run(PipelineTestSupport.sampleDataset, into: root + "/first")
        try PipelineTestSupport.run(PipelineTestSupport.sampleDataset, into: root + "/second")
        let files = PipelineTestSupport.files(in: root + "/first")
        #expect(files == PipelineTestSupport.files(in: root + "/second"))
        #expect(files.contains("records.sqlite"))
        for path in files {
            let first = try Data(contentsOf: URL(fileURLWithPath: root + "/first/" + path))
            let second = try Data(contentsOf: URL(fileURLWithPath: root + "/second/" + path))
            #expect(first == second, "\(path) differs between two identical runs")
        }
    }

    @Test("A rerun into the same folder on the same inputs leaves the report unchanged")
    func rerunIsIdempotent() throws {
        let output = try PipelineTestSupport.temporaryFolder("rerun") + "/report"
        try PipelineTestSupport.run(PipelineTestSupport.sampleDataset, into: output)
        let first = try Data(contentsOf: URL(fileURLWithPath: output + "/report.md"))
        try PipelineTestSupport.run(PipelineTestSupport.sampleDataset, into: output)
        let second = try Data(contentsOf: URL(fileURLWithPath: output + "/report.md"))
        #expect(first == second)
        #expect(!PipelineTestSupport.files(in: output).contains("changes_since_previous.csv"))
    }
}
