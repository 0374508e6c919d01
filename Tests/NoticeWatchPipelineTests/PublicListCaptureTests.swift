import Foundation
import NoticeWatchModel
import NoticeWatchPipeline
import Testing

/// Scrapes of the public list through a whole run: a single undated scrape is a capture on the as-of date, a
/// night whose crawl fell short of the service's own total is partial, and dated captures date the run.
@Suite("Captures of the public list in the report")
struct PublicListCaptureTests {
    static func entry(_ id: String, _ forename: String, _ name: String, _ nationality: String) -> String {
        let url = "https://ws-public.interpol.int/notices/v1/red/" + id.split(separator: "/").joined(separator: "-")
        return """
            {"forename": "\(forename)", "date_of_birth": "1979/01/17", "entity_id": "\(id)", \
            "nationalities": ["\(nationality)"], "name": "\(name)", "_links": {"self": {"href": "\(url)"}, \
            "images": {"href": "\(url)/images"}}}
            """
    }

    static func page(total: Int, page: Int, _ entries: [String]) -> String {
        """
        {"total": \(total), "query": {"page": \(page), "resultPerPage": 2}, "_embedded": {"notices": [
        \(entries.joined(separator: ",\n"))
        ]}, "_links": {"self": {"href": "https://ws-public.interpol.int/notices/v1/red?page=\(page)&resultPerPage=2"}}}
        """
    }

    static let notices = [
        entry("2005/20198", "ALEXEI", "PETROV", "RU"), entry("2016/41701", "MARÍA JOSÉ", "GARCÍA", "VE"),
        entry("2026/1234", "ЮЛИЯ", "СИДОРОВА", "BY"), entry("2020/22222", "محمد", "AL-RASHID", "AE"),
    ]

    private func dataset(_ files: [String: String]) throws -> (dataset: String, report: String) {
        let root = try PipelineTestSupport.temporaryFolder("captures")
        for (name, text) in files {
            let url = URL(fileURLWithPath: root + "/data/" + name)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return (root + "/data", root + "/report")
    }

    @Test("One undated list page: one capture on the as-of date with its count; its notices count as active")
    func singleScrape() throws {
        let (data, report) = try dataset([
            "data.json": Self.page(total: 3, page: 1, Array(Self.notices.prefix(3)))
        ])
        let asOf = CivilDate(year: 2026, month: 12, day: 1)!
        try PipelineTestSupport.run(data, into: report, asOf: asOf)
        let markdown = try String(contentsOfFile: report + "/report.md", encoding: .utf8)
        #expect(markdown.contains("1 capture of Interpol's public notices list, from 2026-12-01 to 2026-12-01"))
        #expect(markdown.contains("| 2026-12-01 | 3 | — | 3 | ok |"))
        #expect(markdown.contains("One capture: no change can be measured yet."))
        #expect(markdown.contains("has status active, observed on the date of the last capture"))
        // The notices on the list are active by observation: none is of unknown status in the cancellation table.
        #expect(markdown.contains("| All countries | 3 | 0 | 0 | 0.0% |"))
        let captures = try String(contentsOfFile: report + "/public_list_captures.csv", encoding: .utf8)
        #expect(
            captures.split(whereSeparator: \.isNewline).dropFirst().first == "2026-12-01,3,3,,1.0000,false,data.json")
    }

    @Test("A night crawled short of the service's total is partial: removals across it are unreliable")
    func partialNight() throws {
        let full = [
            "page-1.json": Self.page(total: 4, page: 1, Array(Self.notices[0..<2])),
            "page-2.json": Self.page(total: 4, page: 2, Array(Self.notices[2..<4])),
        ]
        var files: [String: String] = [:]
        for (name, text) in full {
            files["snapshots/2026-11-01/" + name] = text
            files["snapshots/2026-11-03/" + name] = text
        }
        // The crawl of the second night stopped after its first page.
        files["snapshots/2026-11-02/page-1.json"] = full["page-1.json"]
        let (data, report) = try dataset(files)
        let result = try PipelineTestSupport.run(data, into: report, asOf: nil)
        #expect(result.asOf == CivilDate(year: 2026, month: 11, day: 3))
        let captures = try String(contentsOfFile: report + "/public_list_captures.csv", encoding: .utf8)
        let rows = captures.split(whereSeparator: \.isNewline).dropFirst().map { line in
            line.split(separator: ",", omittingEmptySubsequences: false).prefix(6).joined(separator: ",")
        }
        #expect(
            rows == [
                "2026-11-01,4,4,,1.0000,false", "2026-11-02,2,4,0.5000,0.5000,true",
                "2026-11-03,4,4,2.0000,1.0000,false",
            ])
        let markdown = try String(contentsOfFile: report + "/report.md", encoding: .utf8)
        #expect(markdown.contains("| 2026-11-01 | 2026-11-02 | 0 | 2 | 0 | 0 | no (partial capture) |"))
        #expect(markdown.contains("| 2026-11-02 | 2026-11-03 | 0 | 0 | 2 | 0 | no (partial capture) |"))
    }
}
