import Foundation
import NoticeWatchModel
import NoticeWatchPipeline
import Testing

/// A folder of workbooks run zero-config, end to end: figures from the sheets, the cover listed as not read,
/// cell locations in the quarantine, and the same bytes from a second run.
@Suite("A folder of workbooks, end to end")
struct WorkbookRunTests {
    static let fixtures = PipelineTestSupport.packageRoot + "/Tests/NoticeWatchIngestTests/Fixtures/workbooks"

    /// A dataset folder with openpyxl's leak.xlsx and LibreOffice's .ods of another year's register.
    private func dataset() throws -> (dataset: String, root: String) {
        let root = try PipelineTestSupport.temporaryFolder("workbooks")
        let data = root + "/data"
        try FileManager.default.createDirectory(atPath: data, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Self.fixtures + "/openpyxl/leak.xlsx", toPath: data + "/leak.xlsx")
        try FileManager.default.copyItem(atPath: Self.fixtures + "/libreoffice/leak.ods", toPath: data + "/copy.ods")
        try FileManager.default.copyItem(
            atPath: Self.fixtures + "/hostile/encrypted.xlsx", toPath: data + "/sealed.xlsx")
        return (data, root)
    }

    @Test("Sheets become sources; the cover and an encrypted workbook are listed as not read, with why")
    func zeroConfigRun() throws {
        let (data, root) = try dataset()
        let result = try PipelineTestSupport.run(data, into: root + "/report")
        #expect(result.exitStatus == .success)
        #expect(result.complaints == 6)
        #expect(result.notices == 3)
        let report = try String(contentsOfFile: result.reportPath + "/report.md", encoding: .utf8)
        #expect(report.contains("leak.xlsx!Complaints 2021"))
        #expect(report.contains("copy.ods!Notices"))
        #expect(report.contains("not read: sheet-not-a-table"))
        #expect(report.contains("not read: workbook-encrypted"))
        let quarantine = try String(contentsOfFile: result.reportPath + "/quarantine.csv", encoding: .utf8)
        #expect(quarantine.contains("leak.xlsx!Complaints 2021"))
        #expect(quarantine.contains("totals-row"))
        #expect(quarantine.contains("repeated-header"))
        #expect(!quarantine.contains("отклонено"))
        let values = try String(contentsOfFile: result.reportPath + "/values_not_understood.csv", encoding: .utf8)
        #expect(values.contains("leak.xlsx!Complaints 2021,complaint,outcome,отклонено"))
        let manifest = try String(contentsOfFile: result.reportPath + "/manifest.json", encoding: .utf8)
        #expect(manifest.contains("\"leak.xlsx!Notices\""))
    }

    @Test("Two runs over the same workbooks write the same bytes")
    func byteIdentical() throws {
        let (data, root) = try dataset()
        let first = try PipelineTestSupport.run(data, into: root + "/one")
        let second = try PipelineTestSupport.run(data, into: root + "/two")
        for name in ["report.md", "quarantine.csv", "manifest.json"] {
            let one = try Data(contentsOf: URL(fileURLWithPath: first.reportPath + "/" + name))
            let two = try Data(contentsOf: URL(fileURLWithPath: second.reportPath + "/" + name))
            #expect(PipelineTestSupport.firstDifference(expected: one, found: two) == nil, "\(name)")
        }
    }
}
