import Foundation
import NoticeWatchModel
import NoticeWatchPipeline
import Testing

/// A scraper's output folder with detail documents (warrants, charges in several scripts) and a capped scrape
/// (one notice written many times): the charges figure and the exact repeats reach every output.
@Suite struct WarrantReportTests {
    static let fixtures = PipelineTestSupport.packageRoot + "/Tests/NoticeWatchIngestTests/Fixtures/warrants"

    /// A dataset folder holding copies of `files` (paths under the fixtures folder).
    static func dataset(_ files: [String]) throws -> String {
        let folder = try PipelineTestSupport.temporaryFolder("warrants-data")
        for file in files {
            let name = (file as NSString).lastPathComponent
            try FileManager.default.copyItem(atPath: fixtures + "/" + file, toPath: folder + "/" + name)
        }
        return folder
    }

    static func text(_ folder: String, _ name: String) throws -> String {
        try String(contentsOfFile: folder + "/" + name, encoding: .utf8)
    }

    @Test("Notices by charge: overall and per requesting country, with Wilson intervals, in CSV and Markdown")
    func chargesFigure() throws {
        let dataset = try Self.dataset([
            "details/red_notices_details.json", "capped-scrape/interpol_red_notices_ALL.csv",
        ])
        let output = try PipelineTestSupport.temporaryFolder("warrants-report") + "/report"
        defer { try? FileManager.default.removeItem(atPath: dataset) }
        try PipelineTestSupport.run(dataset, into: output)
        let csv = try Self.text(output, "notices_by_charge.csv").components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(
            csv.prefix(6) == [
                "scope,country_code,country_name,charge_category,notices,notices_with_charge,share,ci_lower,ci_upper",
                "all,,,terrorism,2,8,0.2500,0.0715,0.5907",
                "all,,,homicide,2,8,0.2500,0.0715,0.5907",
                "all,,,drugs,1,8,0.1250,0.0224,0.4709",
                "all,,,fraud,3,8,0.3750,0.1368,0.6943",
                "all,,,other,1,8,0.1250,0.0224,0.4709",
            ])
        let russia = Country("RU")!.name
        #expect(csv[6] == "requesting-country,RU,\(russia),terrorism,1,2,0.5000,0.0945,0.9055")
        #expect(csv[9] == "requesting-country,RU,\(russia),fraud,1,2,0.5000,0.0945,0.9055")
        #expect(csv.dropFirst(11).first?.hasPrefix("requesting-country,AR,") == true)
        #expect(csv.contains("unrecognized,,Unrecognized / not a member,fraud,1,1,1.0000,0.2065,1.0000"))
        #expect(csv.last == "several-countries,,,,1,,,,")
        let report = try Self.text(output, "report.md")
        #expect(report.contains("## Notices by charge\n"))
        #expect(report.contains("| Terrorism, illegal armed formation | 2 | 25.0% | 7.1–59.1% |"))
        #expect(report.contains("| Fraud | 3 | 37.5% | 13.7–69.4% |"))
        #expect(report.contains("| Notices with a charge | 8 |"))
        #expect(report.contains("1 notice has warrants from several countries and counts for the first warrant's."))
        #expect(report.contains("`notice-charges`: A notice counts when one of its arrest warrants names a charge"))
    }

    @Test("Exact repeats of a capped scrape are counted per source in the accounting, the report and the manifest")
    func exactRepeats() throws {
        let dataset = try Self.dataset(["capped-scrape/interpol_red_notices_ALL.csv"])
        let output = try PipelineTestSupport.temporaryFolder("warrants-repeats") + "/report"
        defer { try? FileManager.default.removeItem(atPath: dataset) }
        try PipelineTestSupport.run(dataset, into: output)
        let accounting = try Self.text(output, "accounting.csv").components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(accounting.first?.hasPrefix("source,record_kind,read,kept,merged,exact_repeats,quarantined,") == true)
        #expect(
            accounting.dropFirst().first?.hasPrefix("interpol_red_notices_ALL.csv,notice,17,4,13,12,0,true,0,") == true)
        let report = try Self.text(output, "report.md")
        #expect(report.contains("| interpol\\_red\\_notices\\_ALL.csv | notice | 17 | 4 | 13 | 12 | 0 | yes | 0 |"))
        #expect(!report.contains("\n## Notices by charge\n"))
        #expect(!FileManager.default.fileExists(atPath: output + "/notices_by_charge.csv"))
        let manifest = try Self.text(output, "manifest.json")
        #expect(manifest.contains("\"exact_repeats\": 12"))
    }
}
