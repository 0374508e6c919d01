import Foundation
import NoticeWatchModel
import NoticeWatchPipeline
import Testing

/// A source whose every row is set aside (rows that cannot be records: no id) is a failure for cron (a silent
/// empty figure), but its report is written; a dataset that simply has no records of one kind is not, and nor is
/// a source whose values are not understood (its records are kept with those fields unknown).
@Suite("Exit status for a source entirely set aside")
struct SourceSetAsideTests {
    static let notices = """
        notice_id,requesting_country,issue_date,status,cancellation_date,charge
        2019/1001,Russian Federation,2019-03-04,Active,,"Мошенничество, ст. 159"
        2019/1002,Turkey,2019-05-06,Cancelled,2021-02-03,"Terör örgütü üyeliği"

        """

    private func dataset(_ files: [String: String]) throws -> (dataset: String, report: String) {
        let root = try PipelineTestSupport.temporaryFolder("setaside")
        for (name, text) in files {
            try Data(text.utf8).write(to: URL(fileURLWithPath: root + "/data/" + name).createFolder())
        }
        return (root + "/data", root + "/report")
    }

    @Test("Every row of a source quarantined: the report is written and the run exits with 3")
    func everyRowSetAside() throws {
        let (data, report) = try dataset([
            "notices.csv": Self.notices,
            "complaints.csv": """
            complaint_id,requesting_country,filed_date,decision,decision_date
            ,Russia,2019-06-01,Not compliant,2020-02-01
            ,"Türkiye",2019-07-01,"Compliant, subject to updates",2020-03-01

            """,
        ])
        let result = try PipelineTestSupport.run(data, into: report)
        #expect(result.exitStatus == .sourceSetAside)
        #expect(result.exitStatus.rawValue == 3)
        #expect(result.setAsideSources.count == 1)
        #expect(result.quarantined == 2)
        #expect(result.notices == 2)
        #expect(result.complaints == 0)
        #expect(FileManager.default.fileExists(atPath: report + "/report.md"))
        let quarantine = try String(contentsOfFile: report + "/quarantine.csv", encoding: .utf8)
        #expect(quarantine.contains("missing-id"))
    }

    @Test("Every value of a source not understood: its records are kept, with no failure")
    func everyValueNotUnderstood() throws {
        let (data, report) = try dataset([
            "notices.csv": Self.notices,
            "complaints.csv": """
            complaint_id,requesting_country,filed_date,decision,decision_date
            CCF/0101/19,Atlantis,2019-06-01,Not compliant,2020-02-01
            CCF/0102/19,"Erewhon, Republic of",2019-07-01,Compliant,2020-03-01

            """,
        ])
        let result = try PipelineTestSupport.run(data, into: report)
        #expect(result.exitStatus == .success)
        #expect(result.quarantined == 0)
        #expect(result.complaints == 2)
        let values = try String(contentsOfFile: report + "/values_not_understood.csv", encoding: .utf8)
        #expect(values.contains("Atlantis"))
        #expect(values.contains("\"Erewhon, Republic of\""))
    }

    @Test("Every row set aside outranks the --max-quarantined status")
    func outranksThreshold() throws {
        let (data, report) = try dataset([
            "notices.csv": Self.notices,
            "complaints.csv": "complaint_id,requesting_country,filed_date\n,Russia,2019-06-01\n",
        ])
        let result = try PipelineTestSupport.run(data, into: report, maxQuarantined: 0)
        #expect(result.exitStatus == .sourceSetAside)
    }

    @Test("A dataset of notices only is no failure")
    func noticesOnly() throws {
        let (data, report) = try dataset(["notices.csv": Self.notices])
        let result = try PipelineTestSupport.run(data, into: report)
        #expect(result.exitStatus == .success)
        #expect(result.setAsideSources.isEmpty)
        #expect(result.complaints == 0)
    }

    @Test("A source with some rows kept is no failure")
    func someRowsKept() throws {
        let (data, report) = try dataset([
            "notices.csv": Self.notices + ",Atlantis,2020-02-02,Active,,\"Fraude\"\n"
        ])
        let result = try PipelineTestSupport.run(data, into: report)
        #expect(result.exitStatus == .success)
        #expect(result.quarantined == 1)
    }
}

extension URL {
    /// The URL, after creating its parent folder.
    fileprivate func createFolder() throws -> URL {
        try FileManager.default.createDirectory(at: deletingLastPathComponent(), withIntermediateDirectories: true)
        return self
    }
}
