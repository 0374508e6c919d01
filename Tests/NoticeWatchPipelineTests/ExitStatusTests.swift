import Foundation
import NoticeWatchModel
import NoticeWatchPipeline
import Testing

/// Cron relies on the exit statuses: each failure class has its own, and a failed run never touches the report.
@Suite("Exit statuses and failures")
struct ExitStatusTests {
    @Test("A missing dataset folder is an unreadable input, and no report folder appears")
    func missingDataset() throws {
        let root = try PipelineTestSupport.temporaryFolder("missing")
        let error = #expect(throws: PipelineError.self) {
            try PipelineTestSupport.run(root + "/no-such-folder", into: root + "/report")
        }
        #expect(error?.exitStatus == .unreadableInput)
        #expect(error?.code == .datasetNotFound)
        #expect(!FileManager.default.fileExists(atPath: root + "/report"))
    }

    @Test("A mistake in the sources file is bad data, named with its line and column, and the old report stays")
    func badSourcesFile() throws {
        let root = try PipelineTestSupport.temporaryFolder("badsources")
        let dataset = root + "/data"
        try FileManager.default.createDirectory(atPath: dataset, withIntermediateDirectories: true)
        try "notice_id,requesting_country,issue_date\nN1,RU,2020-01-02\n"
            .write(toFile: dataset + "/notices.csv", atomically: false, encoding: .utf8)
        try PipelineTestSupport.run(dataset, into: root + "/report")
        let before = try Data(contentsOf: URL(fileURLWithPath: root + "/report/report.md"))
        try """
        version: 1
        sources:
          - name: notices
            path: notices.csv
            record: notice
            colour: red
            fields:
              id: notice_id
              requesting_country: requesting_country
        """.write(toFile: dataset + "/sources.yml", atomically: false, encoding: .utf8)
        let error = #expect(throws: PipelineError.self) { try PipelineTestSupport.run(dataset, into: root + "/report") }
        #expect(error?.exitStatus == .badData)
        #expect(error?.description.contains("sources.yml:6:5: error[") == true, "\(error?.description ?? "")")
        #expect(try Data(contentsOf: URL(fileURLWithPath: root + "/report/report.md")) == before)
    }

    @Test("More quarantined rows than --max-quarantined still writes the report but exits with 2")
    func quarantineThreshold() throws {
        let output = try PipelineTestSupport.temporaryFolder("threshold") + "/report"
        let result = try PipelineTestSupport.run(PipelineTestSupport.sampleDataset, into: output, maxQuarantined: 1)
        #expect(result.exitStatus == .quarantineOverThreshold)
        #expect(result.exitStatus.rawValue == 2)
        #expect(result.quarantined == 2)
        #expect(FileManager.default.fileExists(atPath: output + "/report.md"))
        let within = try PipelineTestSupport.run(PipelineTestSupport.sampleDataset, into: output, maxQuarantined: 2)
        #expect(within.exitStatus == .success)
    }

    @Test("When the inputs change, the report says what changed since the previous run")
    func changesSincePrevious() throws {
        let root = try PipelineTestSupport.temporaryFolder("changes")
        let dataset = root + "/data"
        try FileManager.default.createDirectory(atPath: dataset, withIntermediateDirectories: true)
        let header = "complaint_id,requesting_country,filed_date,decision,decision_date\n"
        try (header + "C1,RU,2020-01-02,Not compliant,2020-06-01\n")
            .write(toFile: dataset + "/complaints.csv", atomically: false, encoding: .utf8)
        try PipelineTestSupport.run(dataset, into: root + "/report", asOf: nil)
        try (header + "C1,RU,2020-01-02,Not compliant,2020-06-01\nC2,Turkey,2020-02-03,Compliant,2020-09-01\n")
            .write(toFile: dataset + "/complaints.csv", atomically: false, encoding: .utf8)
        try PipelineTestSupport.run(dataset, into: root + "/report", asOf: nil)
        let files = PipelineTestSupport.files(in: root + "/report")
        #expect(files.contains("changes_since_previous.csv"))
        let report = try String(contentsOfFile: root + "/report/report.md", encoding: .utf8)
        #expect(report.contains("Changes since the previous run"))
    }

    @Test("Every exit status has a distinct code and a meaning for --help")
    func statusesAreDistinct() {
        let codes = ExitStatus.allCases.map(\.rawValue)
        #expect(Set(codes).count == codes.count)
        #expect(ExitStatus.allCases.allSatisfy { !$0.meaning.isEmpty })
    }
}
