import Foundation
import NoticeWatchModel
import Testing

@testable import NoticeWatchIngest

/// `sheet:` in sources.yml: a sheet by name or a glob over names; a name that matches no sheet is an error at
/// its line and column, before any row is read.
@Suite("Workbook sheets in sources.yml")
struct WorkbookSourcesFileTests {
    static let fields = """
            record: complaint
            fields:
              id: Case no.
              requesting_country: Requesting country
              filed_date: Date of receipt
              decision_date:
                from: Decision Date
                format: iso
              outcome: Decision Outcome

        """

    /// A dataset folder with openpyxl's leak.xlsx and this sources file.
    static func folder(_ sources: String) throws -> String {
        let leak = try Data(contentsOf: URL(fileURLWithPath: IngestFixtures.folder("workbooks/openpyxl/leak.xlsx")))
        return try IngestFixtures.temporaryFolder(["leak.xlsx": Array(leak), "sources.yml": Array(sources.utf8)])
    }

    static func source(sheet: String?) -> String {
        "version: 1\nsources:\n  - name: register\n    path: leak.xlsx\n"
            + (sheet.map { "    sheet: \($0)\n" } ?? "") + fields
    }

    @Test("A sheet named in sources.yml is read with the mapping given, locations in file!sheet!A12 form")
    func namedSheet() throws {
        let result = try DatasetIngestor(directory: Self.folder(Self.source(sheet: "\"Complaints 2021\""))).ingest()
        #expect(result.complaints.map(\.id) == ["00123", "2019/00034", "2021/00012", "2021/00099", "4567", "77"])
        #expect(result.complaints.map(\.provenance.description).first == "leak.xlsx!Complaints 2021!A6")
        #expect(result.inputFiles.map(\.path) == ["leak.xlsx!Complaints 2021"])
        #expect(result.sources.map(\.source) == ["register"])
        #expect(result.quarantine.map(\.reason.code) == ["repeated-header", "totals-row"])
        #expect(
            result.quarantine.map(\.location.description) == [
                "leak.xlsx!Complaints 2021!A10", "leak.xlsx!Complaints 2021!A13",
            ])
        // The outcome no vocabulary maps is a value not understood: the complaint is kept, its place in sheet form.
        #expect(
            result.valuesNotUnderstood.map { "\($0.field) \($0.rawValue) \($0.firstLocation)" } == [
                "outcome отклонено leak.xlsx!Complaints 2021!A11"
            ])
    }

    @Test("A glob over sheet names reads every sheet it matches")
    func globSheet() throws {
        let result = try DatasetIngestor(directory: Self.folder(Self.source(sheet: "\"Compl*\""))).ingest()
        #expect(result.inputFiles.map(\.path) == ["leak.xlsx!Complaints 2021"])
        #expect(result.complaints.count == 6)
    }

    @Test("Without sheet:, the sheets without the mapped columns are listed as not read")
    func everySheet() throws {
        let result = try DatasetIngestor(directory: Self.folder(Self.source(sheet: nil))).ingest()
        #expect(result.complaints.count == 6)
        #expect(result.inputFiles.map(\.path) == ["leak.xlsx!Complaints 2021", "leak.xlsx!Cover", "leak.xlsx!Notices"])
        let notices = try #require(result.inputFiles.first { $0.path == "leak.xlsx!Notices" })
        #expect(
            notices.readerChoices.contains(
                "not read: sheet-not-a-table: no row among the first 30 has the columns the source maps"))
    }

    @Test("A sheet that does not exist is an error at its line and column, naming the sheets there are")
    func unknownSheet() throws {
        let folder = try Self.folder(Self.source(sheet: "\"Complaints 2022\""))
        #expect {
            try DatasetIngestor(directory: folder).ingest()
        } throws: { error in
            (error as? IngestError)?.description
                == "sources.yml:5:12: error[sources-file-unknown-sheet]: source \"register\": sheet \"Complaints 2022\" "
                + "matches no sheet of leak.xlsx (its sheets: \"Cover\", \"Complaints 2021\", \"Notices\")"
        }
    }

    @Test("A sheet named literally that lacks a mapped column is an error naming the columns it has")
    func missingColumn() throws {
        let folder = try Self.folder(Self.source(sheet: "Notices"))
        #expect {
            try DatasetIngestor(directory: folder).ingest()
        } throws: { error in
            let error = error as? IngestError
            return error?.code == .sourcesFileUnknownColumn && error?.line == 8
                && error?.message.hasSuffix(
                    "(its columns: \"Notice ID\", \"Type\", \"Requesting country\", \"Date of issue\", \"Status\")")
                    == true
        }
    }

    @Test("sheet: on a CSV source is an error")
    func sheetOnCSV() throws {
        let folder = try IngestFixtures.temporaryFolder(text: [
            "cases.csv": "Case no.,Requesting country\nC-1,France\n",
            "sources.yml": "version: 1\nsources:\n  - name: cases\n    path: cases.csv\n    sheet: One\n"
                + "    record: complaint\n    fields:\n      id: Case no.\n      requesting_country: Requesting country\n",
        ])
        #expect {
            try DatasetIngestor(directory: folder).ingest()
        } throws: { error in
            (error as? IngestError)?.code == .sourcesFileWrongType && (error as? IngestError)?.line == 5
        }
    }
}
