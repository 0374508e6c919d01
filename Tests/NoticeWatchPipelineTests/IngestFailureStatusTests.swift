import NoticeWatchIngest
import Testing

@testable import NoticeWatchPipeline

@Suite("Ingest failures and the exit statuses cron sees")
struct IngestFailureStatusTests {
    @Test(
        "Each ingest failure maps to its exit status",
        arguments: [
            ("dataset-not-found", NoticeWatchPipeline.ExitStatus.unreadableInput),
            ("file-unreadable", .unreadableInput),
            ("spill-failed", .cannotWriteReport), ("ambiguous-date-format", .badData), ("no-records", .badData),
        ])
    func statuses(code: String, status: NoticeWatchPipeline.ExitStatus) {
        let error = PipelineError(IngestError(code: code, message: "m", file: "data/x.csv", line: 3))
        #expect(error.exitStatus == status)
        #expect(error.description == "data/x.csv:3: error[\(code)]: m")
    }
}
