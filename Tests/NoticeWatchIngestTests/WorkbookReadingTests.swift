import Foundation
import NoticeWatchModel
import Testing

@testable import NoticeWatchIngest

/// Workbooks written by openpyxl and LibreOffice (Scripts/fixtures/make_workbooks.py), read zero-config: each
/// sheet a source, the header found below the title rows, layout rows set aside, dates from serials, ids as text.
@Suite("Workbooks read directly")
struct WorkbookReadingTests {
    /// A dataset folder holding only the fixture `relative` (under `Fixtures/workbooks/`), named `name`.
    static func folder(with relative: String, as name: String? = nil) throws -> String {
        let bytes = try Data(contentsOf: URL(fileURLWithPath: IngestFixtures.folder("workbooks/" + relative)))
        return try IngestFixtures.temporaryFolder([name ?? (relative as NSString).lastPathComponent: Array(bytes)])
    }

    /// The records, quarantine and accounting every version of the leak gives, its file named `file`.
    static func expected(_ file: String, notice44197: String = "44197", totals: String = "Total") -> [String] {
        let complaints = "\(file)!Complaints 2021"
        let notices = "\(file)!Notices"
        return [
            "notice 000987 diffusion CI 2019-12-01 active - @\(notices)!A5",
            "notice 12345 red-notice TR 2020-06-18 active - @\(notices)!A6",
            "notice 2019/00012 red-notice FR 2019-02-04 cancelled - @\(notices)!A4",
            "complaint 00123 000987 CI 2021-02-02 2021-08-02 upheld \"Compliant\" @\(complaints)!A6",
            "complaint 2019/00034 - RU 2019-05-15 2020-03-10 unknown \"отклонено\" @\(complaints)!A11 flagged=outcome",
            "complaint 2021/00012 2019/00012 FR 2021-01-15 2021-10-31 overturned "
                + "\"Non conforme – données effacées\" @\(complaints)!A5",
            "complaint 2021/00099 - MX 2021-05-14 2022-02-08 partially-overturned "
                + "\"Conforme sous réserve de mises à jour\" @\(complaints)!A8",
            "complaint 4567 12345 TR 2021-04-14 - pending \"Pending\" @\(complaints)!A7",
            "complaint 77 \(notice44197) ES 2021-02-23 - withdrawn \"withdrawn\" @\(complaints)!A12",
            "quarantine \(complaints)!A10 #5 - repeated-header: the header repeated inside the sheet, not a record "
                + "raw=\"Case no. | Requesting country | Date of receipt | Date | Outcome | Notes | Days open | Notice\"",
            "quarantine \(complaints)!A13 #8 - totals-row: a totals row (\"Total\"), not a record "
                + "raw=\(totals.debugDescription)",
            "source \(complaints) complaint read=8 kept=6 merged=0 quarantined=2",
            "source \(file)!Cover notice read=0 kept=0 merged=0 quarantined=0",
            "source \(notices) notice read=3 kept=3 merged=0 quarantined=0",
        ]
    }

    @Test("openpyxl's workbook: two tables read, the cover listed as not read, every hazard handled")
    func openpyxlWorkbook() throws {
        let result = try IngestFixtures.ingest("workbooks/openpyxl")
        #expect(IngestFixtures.lines(result) == Self.expected("leak.xlsx"))
        #expect(IngestFixtures.balances(result))
        let cover = try #require(result.inputFiles.first { $0.path == "leak.xlsx!Cover" })
        #expect(cover.rowsRead == 0)
        #expect(
            cover.readerChoices.contains {
                $0.hasPrefix(
                    "not read: sheet-not-a-table: no row among the first 30 has an id and a requesting country")
            })
        let coverSource = try #require(result.sources.first { $0.source == "leak.xlsx!Cover" })
        #expect(coverSource.mapping.first?.hasPrefix("none: not read: sheet-not-a-table") == true)
        let sheet = try #require(result.inputFiles.first { $0.path == "leak.xlsx!Complaints 2021" })
        #expect(
            sheet.readerChoices == [
                "date system=1900", "decision_date format=iso (detected)", "filed_date format=iso (detected)",
                "formulas without a cached value (read as empty): G5, G6, G7, G8, G13",
                "header rows=3 and 4 (detected: the merged group names of row 3 joined to row 4's; 2 rows above not "
                    + "read)",
                "hidden columns (read): G",
                "hidden rows (read): 8",
                "merged cells: A1:G1, A3:A4, B3:B4, C3:C4, D3:E3, F3:F4, G3:G4, H3:H4 (a header merge names every "
                    + "column it spans; below the header a merge's value fills the rows of its first column)",
                "sheet=Complaints 2021",
            ])
        // The workbook is hashed as a file: every sheet's entry carries its bytes' digest.
        #expect(Set(result.inputFiles.map(\.sha256)).count == 1)
        let mapping = try #require(result.sources.first { $0.source == "leak.xlsx!Complaints 2021" }).mapping
        #expect(mapping.contains("decision_date <- \"Decision Date\""))
        #expect(mapping.contains("outcome <- \"Decision Outcome\""))
    }

    @Test("The 1904 date system gives the same dates from serials 1462 days smaller; ids stay as stored")
    func mac1904() throws {
        let result = try IngestFixtures.ingest("workbooks/mac1904")
        // The notice id cell holds the serial 42735 styled as a date: an id column keeps the number.
        #expect(IngestFixtures.lines(result) == Self.expected("leak-1904.xlsx", notice44197: "42735"))
        let sheet = try #require(result.inputFiles.first { $0.path == "leak-1904.xlsx!Notices" })
        #expect(sheet.readerChoices.contains("date system=1904 (serials from 1904-01-01)"))
    }

    @Test("LibreOffice's .xlsx: shared strings, rich text and cached formula values give the same records")
    func libreOfficeXLSX() throws {
        let result = try DatasetIngestor(directory: Self.folder(with: "libreoffice/leak-recalculated.xlsx")).ingest()
        #expect(IngestFixtures.lines(result) == Self.expected("leak-recalculated.xlsx", totals: "Total | 7"))
        let sheet = try #require(result.inputFiles.first { $0.path == "leak-recalculated.xlsx!Complaints 2021" })
        // LibreOffice calculated every formula: the cached values are read (none is missing; G7's is empty text).
        #expect(!sheet.readerChoices.contains { $0.hasPrefix("formulas without a cached value") })
    }

    @Test("LibreOffice's .ods: repeated rows and cells, covered cells of merges, date cells")
    func libreOfficeODS() throws {
        let result = try DatasetIngestor(directory: Self.folder(with: "libreoffice/leak.ods")).ingest()
        // An ODS date cell in an id column gives the text it shows, not its ISO value.
        #expect(
            IngestFixtures.lines(result) == Self.expected("leak.ods", notice44197: "01/01/2021", totals: "Total | 7"))
        let sheet = try #require(result.inputFiles.first { $0.path == "leak.ods!Complaints 2021" })
        #expect(sheet.readerChoices.contains("hidden rows (read): 8"))
        #expect(sheet.readerChoices.contains("hidden columns (read): G"))
        #expect(
            sheet.readerChoices.contains(
                "header rows=3 and 4 (detected: the merged group names of row 3 joined to row 4's; 2 rows above not read)"
            ))
    }

    @Test("The same workbook read twice gives the same result")
    func deterministic() throws {
        let first = try IngestFixtures.ingest("workbooks/openpyxl")
        let second = try IngestFixtures.ingest("workbooks/openpyxl")
        #expect(IngestFixtures.lines(first) == IngestFixtures.lines(second))
        #expect(first.inputFiles == second.inputFiles)
    }
}
