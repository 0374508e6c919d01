import Foundation
import NoticeWatchIngest
import NoticeWatchModel
import NoticeWatchPipeline
import Testing

@Suite("--no-records-database")
struct RecordsDatabaseOptionTests {
    /// The sample run without the database, into a new folder.
    static func runWithoutDatabase(into output: String) throws {
        _ = try Pipeline.run(
            RunConfiguration(
                datasetDirectory: PipelineTestSupport.sampleDataset, outputDirectory: output,
                asOf: PipelineTestSupport.sampleAsOf, recordsDatabase: false),
            logger: PipelineTestSupport.quietLogger)
    }

    @Test("The figures, tables and charts are those of the full report; only the database is left out")
    func sameFiguresWithoutTheDatabase() throws {
        let output = try PipelineTestSupport.temporaryFolder("no-database") + "/report"
        try Self.runWithoutDatabase(into: output)
        let committed = PipelineTestSupport.sampleReport
        let files = PipelineTestSupport.files(in: output)
        #expect(
            files == PipelineTestSupport.files(in: committed).filter { $0 != "records.sqlite" && $0 != "metadata.json" }
        )
        for file in files where file.hasSuffix(".csv") || file.hasSuffix(".svg") || file == "figures.json" {
            let written = try Data(contentsOf: URL(fileURLWithPath: output + "/" + file))
            let expected = try Data(contentsOf: URL(fileURLWithPath: committed + "/" + file))
            #expect(written == expected, "\(file) differs from the full report's")
        }
        let report = try String(contentsOfFile: output + "/report.md", encoding: .utf8)
        #expect(report.contains("- `records_database=false`"))
        #expect(report.contains("`conflicts.csv` (`records.sqlite` was not written: --no-records-database)."))
        let manifest = try String(contentsOfFile: output + "/manifest.json", encoding: .utf8)
        #expect(!manifest.contains("records.sqlite"))
        #expect(manifest.contains("\"records_database=false\""))
    }

    @Test("A run after one without the database leaves out the changes and succeeds")
    func nextRunLeavesOutTheChanges() throws {
        let output = try PipelineTestSupport.temporaryFolder("after-no-database") + "/report"
        try Self.runWithoutDatabase(into: output)
        let result = try PipelineTestSupport.run(PipelineTestSupport.sampleDataset, into: output)
        #expect(result.exitStatus == .success)
        let files = PipelineTestSupport.files(in: output)
        #expect(files.contains("records.sqlite"))
        #expect(!files.contains("changes_since_previous.csv"))
        let report = try String(contentsOfFile: output + "/report.md", encoding: .utf8)
        #expect(!report.contains("## Changes since the previous run"))
    }

    @Test("A previous report with a damaged database still gets a new report, with its database, without changes")
    func damagedPreviousDatabase() throws {
        let output = try PipelineTestSupport.temporaryFolder("damaged-previous") + "/report"
        try PipelineTestSupport.run(PipelineTestSupport.sampleDataset, into: output)
        try Data("not a database".utf8).write(to: URL(fileURLWithPath: output + "/records.sqlite"))
        let result = try Pipeline.run(
            RunConfiguration(
                datasetDirectory: PipelineTestSupport.sampleDataset, outputDirectory: output,
                asOf: PipelineTestSupport.sampleAsOf, topCountries: 10),
            logger: PipelineTestSupport.quietLogger)
        #expect(result.exitStatus == .success)
        let files = PipelineTestSupport.files(in: output)
        #expect(!files.contains("changes_since_previous.csv"))
        let database = try Data(contentsOf: URL(fileURLWithPath: output + "/records.sqlite"))
        #expect(database.starts(with: Array("SQLite format 3".utf8)))
        let committed = try Data(
            contentsOf: URL(fileURLWithPath: PipelineTestSupport.sampleReport + "/complaint_volumes.csv"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: output + "/complaint_volumes.csv")) == committed)
    }

    @Test("Any number of records in memory gives the same report, and the default is ingest's")
    func recordsInMemory() throws {
        #expect(
            RunConfiguration(datasetDirectory: "d", outputDirectory: "o").recordsInMemory
                == DatasetIngestor.standardRecordBudget)
        for budget in [0, 1500] {
            let output = try PipelineTestSupport.temporaryFolder("budget-\(budget)") + "/report"
            _ = try Pipeline.run(
                RunConfiguration(
                    datasetDirectory: PipelineTestSupport.sampleDataset, outputDirectory: output,
                    asOf: PipelineTestSupport.sampleAsOf, recordsInMemory: budget),
                logger: PipelineTestSupport.quietLogger)
            for file in PipelineTestSupport.files(in: PipelineTestSupport.sampleReport) {
                let written = try Data(contentsOf: URL(fileURLWithPath: output + "/" + file))
                let expected = try Data(contentsOf: URL(fileURLWithPath: PipelineTestSupport.sampleReport + "/" + file))
                #expect(written == expected, "\(file) differs with \(budget) records in memory")
            }
        }
    }
}
