import Foundation
import NoticeWatchModel
import Testing

@testable import NoticeWatchIngest

/// Workbook parts written out in the test, for what the fixture programs do not write: every xlsx cell type,
/// strict Office Open XML, phonetic runs, a chart sheet and a hidden sheet; OpenDocument repeats, covered cells,
/// annotations and a million empty rows.
@Suite("Workbook parts")
struct WorkbookPartsTests {
    static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relationships = "http://schemas.openxmlformats.org/package/2006/relationships"
    static let strict = "http://purl.oclc.org/ooxml/officeDocument/relationships"
    static let types = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    static let xlsx: [String: String] = [
        "[Content_Types].xml": "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>",
        "_rels/.rels": """
        <Relationships xmlns="\(relationships)"><Relationship Id="rId1" Type="\(types)/officeDocument" \
        Target="xl/workbook.xml"/></Relationships>
        """,
        "xl/workbook.xml": """
        <workbook xmlns="\(main)" xmlns:r="\(strict)"><workbookPr date1904="true"/><sheets>\
        <sheet name="Data" sheetId="1" state="hidden" r:id="rId1"/><sheet name="Chart1" sheetId="2" r:id="rId2"/>\
        </sheets></workbook>
        """,
        "xl/_rels/workbook.xml.rels": """
        <Relationships xmlns="\(relationships)">\
        <Relationship Id="rId1" Type="\(types)/worksheet" Target="/xl/worksheets/sheet1.xml"/>\
        <Relationship Id="rId2" Type="\(types)/chartsheet" Target="chartsheets/sheet1.xml"/>\
        <Relationship Id="rId3" Type="\(types)/sharedStrings" Target="sharedStrings.xml"/>\
        <Relationship Id="rId4" Type="\(types)/styles" Target="styles.xml"/></Relationships>
        """,
        "xl/sharedStrings.xml": """
        <sst xmlns="\(main)" count="3" uniqueCount="3"><si><t>Case ref</t></si><si><t>Country</t></si>\
        <si><r><rPr><b/></rPr><t>Fra</t></r><r><t xml:space="preserve">nce</t></r>\
        <rPh sb="0" eb="1"><t>フランス</t></rPh></si></sst>
        """,
        "xl/styles.xml": """
        <styleSheet xmlns="\(main)"><numFmts count="1"><numFmt numFmtId="164" formatCode="d\\ mmm\\ yyyy"/></numFmts>\
        <cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>\
        <cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/></cellXfs></styleSheet>
        """,
        "xl/worksheets/sheet1.xml": """
        <worksheet xmlns="\(main)"><sheetData>\
        <row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c>\
        <c r="C1" t="inlineStr"><is><t>Date of receipt</t></is></c><c r="D1" t="inlineStr"><is><t>Decision</t></is></c>\
        </row>\
        <row r="2"><c r="A2"><v>12</v></c><c r="B2" t="s"><v>2</v></c><c r="C2" s="1"><v>0</v></c>\
        <c r="D2" t="str"><f>IF(1,"Compliant","")</f><v>Compliant</v></c></row>\
        <row r="3"><c r="A3" t="inlineStr"><is><t>00042</t></is></c><c r="B3" t="inlineStr"><is><t>FR</t></is></c>\
        <c r="C3" s="2"><v>1.5</v></c><c r="D3" t="e"><v>#N/A</v></c></row>\
        <row r="4"><c r="A4" t="b"><v>1</v></c><c r="B4" t="inlineStr"><is><t>FR</t></is></c>\
        <c r="C4" t="d"><v>2021-03-15T00:00:00</v></c><c r="D4"><f>SUM(1)</f></c></row>\
        <row><c t="inlineStr"><is><t>X-5</t></is></c><c t="inlineStr"><is><t>FR</t></is></c></row>\
        </sheetData></worksheet>
        """,
        "xl/chartsheets/sheet1.xml": "<chartsheet xmlns=\"\(main)\"/>",
    ]

    @Test("Every xlsx cell type, strict namespaces, phonetic runs left out, a hidden sheet read, a chart sheet not")
    func xlsxCellTypes() throws {
        let folder = try IngestFixtures.temporaryFolder(["cases.xlsx": try ZipFixture.archive(Self.xlsx)])
        let result = try DatasetIngestor(directory: folder).ingest()
        #expect(
            IngestFixtures.lines(result) == [
                "complaint 00042 - FR 1904-01-02 - pending \"\" @cases.xlsx!Data!A3",
                "complaint 12 - FR 1904-01-01 - upheld \"Compliant\" @cases.xlsx!Data!A2",
                "complaint TRUE - FR 2021-03-15 - pending \"\" @cases.xlsx!Data!A4",
                "complaint X-5 - FR - - pending \"\" @cases.xlsx!Data!A5",
                "source cases.xlsx!Chart1 notice read=0 kept=0 merged=0 quarantined=0",
                "source cases.xlsx!Data complaint read=4 kept=4 merged=0 quarantined=0",
            ])
        let data = try #require(result.inputFiles.first { $0.path == "cases.xlsx!Data" })
        #expect(
            data.readerChoices == [
                "date system=1904 (serials from 1904-01-01)", "error values (read as empty): D3 #N/A",
                "filed_date format=iso (detected)", "formulas without a cached value (read as empty): D4",
                "header row=1 (detected)", "sheet hidden in the workbook (read)", "sheet=Data",
            ])
        let chart = try #require(result.inputFiles.first { $0.path == "cases.xlsx!Chart1" })
        #expect(
            chart.readerChoices == [
                "not read: sheet-not-a-table: a chart, dialog or macro sheet, not cells", "sheet=Chart1",
            ])
    }

    @Test("A totals row is one whose first value is a totals label; a note saying Total is data")
    func totalsRow() throws {
        var parts = Self.xlsx
        func row(_ number: Int, _ values: [String]) -> String {
            "<row r=\"\(number)\">"
                + values.enumerated().map { column, value in
                    "<c r=\"\(SheetGrid.columnName(column))\(number)\" t=\"inlineStr\"><is><t>\(value)</t></is></c>"
                }.joined() + "</row>"
        }
        parts["xl/worksheets/sheet1.xml"] =
            "<worksheet xmlns=\"\(Self.main)\"><sheetData>" + row(1, ["Case ref", "Country", "Decision"])
            + row(2, ["C-1", "FR", "Total"]) + row(3, ["Grand total:", "", "2"]) + "</sheetData></worksheet>"
        let folder = try IngestFixtures.temporaryFolder(["totals.xlsx": try ZipFixture.archive(parts)])
        let result = try DatasetIngestor(directory: folder).ingest()
        #expect(result.complaints.map(\.id) == ["C-1"])
        #expect(result.complaints.map(\.outcome) == [.unknown])
        #expect(
            result.quarantine.map { "\($0.location) \($0.reason.code) \($0.field ?? "-") \($0.rawValue)" } == [
                "totals.xlsx!Data!A3 totals-row - Grand total: | 2"
            ])
    }

    @Test("A number not styled as a date is never guessed to be a date serial, even in a date column")
    func unstyledNumberInDateColumn() throws {
        var parts = Self.xlsx
        parts["xl/worksheets/sheet1.xml"] = """
            <worksheet xmlns="\(Self.main)"><sheetData>\
            <row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c>\
            <c r="C1" t="inlineStr"><is><t>Date of receipt</t></is></c></row>\
            <row r="2"><c r="A2" t="inlineStr"><is><t>C-1</t></is></c><c r="B2" t="s"><v>2</v></c>\
            <c r="C2"><v>44197</v></c></row>\
            <row r="3"><c r="A3" t="inlineStr"><is><t>C-2</t></is></c><c r="B3" t="s"><v>2</v></c>\
            <c r="C3" s="1"><v>44197</v></c></row>\
            </sheetData></worksheet>
            """
        let folder = try IngestFixtures.temporaryFolder(["dates.xlsx": try ZipFixture.archive(parts)])
        let result = try DatasetIngestor(directory: folder).ingest()
        // This workbook counts from 1904: the styled serial 44197 is 2025-01-02.
        // The unstyled 44197 stays a number: a filing date not understood, the complaint kept.
        #expect(
            IngestFixtures.lines(result).prefix(2) == [
                "complaint C-1 - FR - - pending \"\" @dates.xlsx!Data!A2 flagged=filed_date",
                "complaint C-2 - FR 2025-01-02 - pending \"\" @dates.xlsx!Data!A3",
            ])
        #expect(result.valuesNotUnderstood.map { "\($0.field) \($0.rawValue)" } == ["filed_date 44197"])
    }

    @Test("A table away from A1: blank rows and columns skipped, said so, and locations name its first column")
    func blankRowsAndColumns() throws {
        var parts = Self.xlsx
        func cell(_ reference: String, _ value: String) -> String {
            "<c r=\"\(reference)\" t=\"inlineStr\"><is><t>\(value)</t></is></c>"
        }
        parts["xl/worksheets/sheet1.xml"] =
            "<worksheet xmlns=\"\(Self.main)\"><sheetData>"
            + "<row r=\"3\">\(cell("B3", "Case ref"))\(cell("D3", "Country"))</row>"
            + "<row r=\"4\">\(cell("B4", "C-1"))\(cell("C4", "stray note"))\(cell("D4", "FR"))</row>"
            + "<row r=\"5\"><c r=\"B5\" s=\"1\"/></row><row r=\"6\">\(cell("E6", "off the table"))</row>"
            + "<row r=\"7\">\(cell("B7", "C-2"))\(cell("D7", "Italia"))</row></sheetData></worksheet>"
        let folder = try IngestFixtures.temporaryFolder(["away.xlsx": try ZipFixture.archive(parts)])
        let result = try DatasetIngestor(directory: folder).ingest()
        #expect(result.complaints.map(\.provenance.description) == ["away.xlsx!Data!B4", "away.xlsx!Data!B7"])
        let data = try #require(result.inputFiles.first { $0.path == "away.xlsx!Data" })
        #expect(data.readerChoices.contains("columns without a header skipped: C"))
        #expect(data.readerChoices.contains("blank rows skipped=1"))
        #expect(data.rowsRead == 2)
    }

    @Test("Entities in a sheet part are never expanded: a billion-laughs sheet costs nothing")
    func entityExpansion() throws {
        var parts = Self.xlsx
        let entities = (1...9).map { level in
            "<!ENTITY lol\(level) \"" + String(repeating: "&lol\(level - 1);", count: 10) + "\">"
        }.joined()
        parts["xl/worksheets/sheet1.xml"] = """
            <?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY lol0 "lol">\(entities)]>\
            <worksheet xmlns="\(Self.main)"><sheetData>\
            <row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>\
            <row r="2"><c r="A2" t="inlineStr"><is><t>C-&lol9;</t></is></c><c r="B2" t="s"><v>2</v></c></row>\
            </sheetData></worksheet>
            """
        let folder = try IngestFixtures.temporaryFolder([
            "laughs.xlsx": try ZipFixture.archive(parts), "notices.csv": WorkbookHazardTests.notices,
        ])
        let clock = ContinuousClock.now
        let result = try DatasetIngestor(directory: folder).ingest()
        #expect(ContinuousClock.now - clock < .seconds(10))
        #expect(result.notices.map(\.id).allSatisfy { $0.utf8.count < 100 })
        #expect(result.quarantine.allSatisfy { $0.rawValue.utf8.count < 100 })
        let data = try #require(result.inputFiles.first { $0.path == "laughs.xlsx!Data" })
        // libxml2's amplification limit stops the part: the sheet is listed as not read, the run goes on.
        #expect(
            data.readerChoices.contains {
                $0.hasPrefix("not read: workbook-corrupt: the part xl/worksheets/sheet1.xml is not well-formed: ")
            })
        #expect(result.notices.map(\.id) == ["2019/1001"])
    }

    static let office = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
    static let table = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
    static let text = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"

    static func ods(_ body: String) -> [String: String] {
        [
            "mimetype": "application/vnd.oasis.opendocument.spreadsheet",
            "META-INF/manifest.xml": """
            <manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">\
            <manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.\
            spreadsheet"/></manifest:manifest>
            """,
            "content.xml": """
            <office:document-content xmlns:office="\(office)" xmlns:table="\(table)" xmlns:text="\(text)">\
            <office:body><office:spreadsheet>\(body)</office:spreadsheet></office:body></office:document-content>
            """,
        ]
    }

    static func cell(_ text: String, attributes: String = "office:value-type=\"string\"") -> String {
        "<table:table-cell \(attributes)><text:p>\(text)</text:p></table:table-cell>"
    }

    @Test("ODS: repeated rows are that many rows, a million empty rows cost nothing, spaces and annotations")
    func odsRepeats() throws {
        let header =
            "<table:table-row>"
            + ["Notice ID", "Requesting country", "Date of issue"].map { Self.cell($0) }
            .joined() + "</table:table-row>"
        let repeated =
            "<table:table-row table:number-rows-repeated=\"3\">" + Self.cell("2019/1") + Self.cell("France")
            + Self.cell("02/01/2019", attributes: "office:value-type=\"date\" office:date-value=\"2019-01-02\"")
            + "</table:table-row>"
        let various =
            "<table:table-row>" + Self.cell("12.00", attributes: "office:value-type=\"float\" office:value=\"12\"")
            + "<table:table-cell office:value-type=\"string\"><text:p>Côte<text:s/>d'Ivoire</text:p>"
            + "</table:table-cell>"
            + Self.cell(
                "06/05/2020", attributes: "office:value-type=\"date\" office:date-value=\"2020-05-06T00:00:00\"")
            + "</table:table-row>"
        let annotated =
            "<table:table-row><table:table-cell office:value-type=\"string\"><office:annotation><text:p>checked"
            + "</text:p></office:annotation><text:p>N-3</text:p></table:table-cell>"
            + "<table:table-cell table:number-columns-spanned=\"2\" office:value-type=\"string\"><text:p>FR</text:p>"
            + "</table:table-cell><table:covered-table-cell/></table:table-row>"
        let mergedDown =
            "<table:table-row>" + Self.cell("N-7")
            + "<table:table-cell table:number-rows-spanned=\"2\" office:value-type=\"string\"><text:p>Spain</text:p>"
            + "</table:table-cell></table:table-row><table:table-row>" + Self.cell("N-8")
            + "<table:covered-table-cell/></table:table-row>"
        let empty =
            "<table:table-row table:number-rows-repeated=\"1048000\"><table:table-cell "
            + "table:number-columns-repeated=\"1024\"/></table:table-row>"
        let body =
            "<table:table table:name=\"Register\"><table:table-column table:number-columns-repeated=\"2\"/>"
            + "<table:table-column table:visibility=\"collapse\"/>" + header + repeated + various + annotated
            + mergedDown
            + empty
            + "</table:table>"
        let folder = try IngestFixtures.temporaryFolder(["list.ods": try ZipFixture.archive(Self.ods(body))])
        let result = try DatasetIngestor(directory: folder).ingest()
        #expect(
            IngestFixtures.lines(result) == [
                "notice 12 unknown CI 2020-05-06 unknown - @list.ods!Register!A5",
                "notice 2019/1 unknown FR 2019-01-02 unknown - @list.ods!Register!A2",
                "notice N-3 unknown FR - unknown - @list.ods!Register!A6",
                "notice N-7 unknown ES - unknown - @list.ods!Register!A7",
                "notice N-8 unknown ES - unknown - @list.ods!Register!A8",
                "source list.ods!Register notice read=7 kept=5 merged=2 quarantined=0",
            ])
        let register = try #require(result.inputFiles.first)
        #expect(register.readerChoices.contains("hidden columns (read): C"))
        #expect(
            register.readerChoices.contains(
                "merged cells: B6:C6, B7:B8 (a header merge names every column it spans; below the header a merge's "
                    + "value fills the rows of its first column)"))
    }

    @Test("ODS: a row of values repeated past the cell limit is refused before it is expanded")
    func odsRepeatBomb() throws {
        let body =
            "<table:table table:name=\"Bomb\"><table:table-row table:number-rows-repeated=\"1000000000\">"
            + Self.cell("Notice ID") + Self.cell("Country") + "</table:table-row></table:table>"
        let folder = try IngestFixtures.temporaryFolder(["bomb.ods": try ZipFixture.archive(Self.ods(body))])
        let workbook = try Workbook(path: folder + "/bomb.ods", format: .ods)
        #expect(workbook.sheets.map(\.name) == ["Bomb"])
        do {
            _ = try workbook.grid(for: "Bomb")
            Issue.record("a repeated row past the cell limit was expanded")
        } catch {
            #expect(
                error
                    == WorkbookRefusal(
                        code: "workbook-too-large", message: "the sheet \"Bomb\" has more than 10000000 cells"))
        }
    }

    @Test("ODS: an encrypted package (its manifest says so) is refused")
    func odsEncrypted() throws {
        var parts = Self.ods("")
        parts["META-INF/manifest.xml"] = """
            <manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">\
            <manifest:file-entry manifest:full-path="content.xml"><manifest:encryption-data/>\
            </manifest:file-entry></manifest:manifest>
            """
        let folder = try IngestFixtures.temporaryFolder(["sealed.ods": try ZipFixture.archive(parts)])
        #expect(
            throws: WorkbookRefusal(
                code: "workbook-encrypted", message: "the spreadsheet is encrypted (its manifest says so)")
        ) {
            try Workbook(path: folder + "/sealed.ods", format: .ods)
        }
    }
}
