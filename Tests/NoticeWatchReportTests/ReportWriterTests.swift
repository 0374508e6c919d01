import Foundation
import NoticeWatchModel
import NoticeWatchReport
import Testing

@Suite struct ReportWriterTests {
    @Test func writesEveryDocumentedFile() throws {
        let temporary = try TemporaryFolder()
        defer { temporary.remove() }
        let (_, outputs) = try writeReport(in: temporary)
        #expect(
            outputs.map(\.path) == [
                "accounting.csv", "charts/complaint-survival.svg", "charts/complaints-per-year.svg",
                "charts/notice-survival.svg", "charts/overturn-rate-by-year.svg", "charts/overturn-rates.svg",
                "charts/review-delays.svg", "charts/volumes.svg", "complaint_volumes.csv",
                "complaints_by_data_type.csv", "conflicts.csv", "exclusions.csv", "figures.json", "input_files.csv",
                "metadata.json", "notice_cancellations.csv", "notices_in_force.csv", "overturn_rates.csv",
                "quarantine.csv", "records.sqlite", "report.html", "report.md", "review_delays.csv",
                "survival_by_notice_kind.csv", "survival_complaints.csv", "survival_notices.csv",
                "survival_summary.csv", "values_not_understood.csv", "manifest.json",
            ]
        )
    }

    @Test func twoWritesGiveIdenticalBytes() throws {
        let temporary = try TemporaryFolder()
        defer { temporary.remove() }
        let first = try writeReport(in: temporary, name: "first")
        let second = try writeReport(in: temporary, name: "second")
        #expect(first.outputs == second.outputs)
        for output in first.outputs {
            let a = FileManager.default.contents(atPath: first.folder + "/" + output.path)
            let b = FileManager.default.contents(atPath: second.folder + "/" + output.path)
            #expect(a != nil && a == b, "\(output.path) differs")
            #expect(a.map { SHA256.hexDigest(of: $0) } == output.sha256)
            #expect(a?.count == output.size)
        }
    }
}
