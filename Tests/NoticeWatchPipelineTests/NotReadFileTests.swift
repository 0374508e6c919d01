import Foundation
import NoticeWatchModel
import NoticeWatchPipeline
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Links out of the dataset folder and special files end in the report as "not read", never in the figures.
@Suite("Entries not read, in the report")
struct NotReadFileTests {
    static let notices = """
        notice_id,requesting_country,issue_date,status,cancellation_date,charge
        2019/1001,Russian Federation,2019-03-04,Active,,"Мошенничество, ст. 159"
        2019/1002,Turkey,2019-05-06,Cancelled,2021-02-03,"Terör örgütü üyeliği"

        """

    @Test("A link to /proc/self/environ, a link out and a FIFO are listed in report.md and manifest.json")
    func listedInTheReport() throws {
        let root = try PipelineTestSupport.temporaryFolder("notread")
        let data = root + "/data"
        try FileManager.default.createDirectory(atPath: data + "/links", withIntermediateDirectories: true)
        try Data(Self.notices.utf8).write(to: URL(fileURLWithPath: data + "/notices.csv"))
        try Data("complaint_id,requesting_country\nCCF/9/99,France\n".utf8).write(
            to: URL(fileURLWithPath: root + "/outside.csv"))
        try FileManager.default.createSymbolicLink(
            atPath: data + "/links/environ.csv", withDestinationPath: "/proc/self/environ")
        try FileManager.default.createSymbolicLink(atPath: data + "/outside.csv", withDestinationPath: "../outside.csv")
        #expect(mkfifo(data + "/links/pipe.json", 0o600) == 0)
        let result = try PipelineTestSupport.run(data, into: root + "/report")
        #expect(result.exitStatus == .success)
        #expect(result.notices == 2 && result.complaints == 0)
        let report = try String(contentsOfFile: root + "/report/report.md", encoding: .utf8)
        #expect(
            report.contains(
                """
                | Not read | Why |
                | --- | --- |
                | links/environ.csv | outside the dataset (a link out of the folder) |
                | links/pipe.json | a FIFO (named pipe), not a file |
                | outside.csv | outside the dataset (a link out of the folder) |

                """))
        #expect(!report.contains("CCF/9/99"))
        let manifest = try String(contentsOfFile: root + "/report/manifest.json", encoding: .utf8)
        #expect(
            manifest.contains(
                """
                  "not_read": [
                    {
                      "path": "links/environ.csv",
                      "reason": "outside the dataset (a link out of the folder)"
                    },
                """))
        let environ = (try? String(contentsOfFile: "/proc/self/environ", encoding: .utf8)) ?? ""
        for variable in environ.split(separator: "\0") where variable.count > 12 {
            #expect(!report.contains(variable) && !manifest.contains(variable))
        }
    }
}
