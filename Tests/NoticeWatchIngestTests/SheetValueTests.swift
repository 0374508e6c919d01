import NoticeWatchModel
import Testing

@testable import NoticeWatchIngest

/// How cell values become text: date serials in both systems, numbers as text, date formats, cell references.
@Suite("Sheet cell values")
struct SheetValueTests {
    @Test(
        "1900 serials, with Lotus' 1900-02-29 kept as the invalid date it is",
        arguments: [
            ("1", "1900-01-01"), ("59", "1900-02-28"), ("60", "1900-02-29"), ("61", "1900-03-01"),
            ("44197", "2021-01-01"), ("44197.75", "2021-01-01"), ("2958465", "9999-12-31"),
        ])
    func serials1900(serial: String, iso: String) {
        #expect(SheetGrid.isoDate(serial: serial, date1904: false) == iso)
    }

    @Test("1904 serials count from 1904-01-01; out-of-range values are no date")
    func serials1904() {
        #expect(SheetGrid.isoDate(serial: "0", date1904: true) == "1904-01-01")
        #expect(SheetGrid.isoDate(serial: "42735", date1904: true) == "2021-01-01")
        #expect(SheetGrid.isoDate(serial: "0", date1904: false) == nil)
        #expect(SheetGrid.isoDate(serial: "-3", date1904: false) == nil)
        #expect(SheetGrid.isoDate(serial: "3000000", date1904: false) == nil)
        #expect(SheetGrid.isoDate(serial: "n/a", date1904: false) == nil)
    }

    @Test("A date-styled number is a date in a date column only; ids and text keep their text")
    func columnUse() {
        let grid = SheetGrid(name: "Complaints")
        let serial = CellValue.number("44197", date: true)
        #expect(grid.text(serial, use: .date) == "2021-01-01")
        #expect(grid.text(serial, use: .text) == "44197")
        #expect(grid.text(.number("44197", date: false), use: .date) == "44197")
        #expect(grid.text(.number("12.0", date: false), use: .text) == "12")
        #expect(grid.text(.number("1.2345E+5", date: false), use: .text) == "123450")
        #expect(grid.text(.number("12.5", date: false), use: .text) == "12.5")
        #expect(grid.text(.text("00123"), use: .text) == "00123")
        #expect(grid.text(.text("2019/00012"), use: .date) == "2019/00012")
        #expect(grid.text(.date(iso: "2021-03-15T10:00:00", shown: "15/03/2021"), use: .date) == "2021-03-15")
        #expect(grid.text(.date(iso: "2021-03-15", shown: "15/03/2021"), use: .text) == "15/03/2021")
        #expect(grid.text(.formulaWithoutValue("SUM(A1:A3)"), use: .text) == nil)
        #expect(grid.text(.error("#N/A"), use: .text) == nil)
        #expect(grid.text(.boolean(true), use: .text) == "TRUE")
    }

    @Test(
        "Custom number formats with a day or year token are dates",
        arguments: [
            ("dd/mm/yyyy", true), ("yyyy-mm-dd", true), ("[$-409]mmmm d, yyyy;@", true), ("d-mmm-yy", true),
            ("0.00", false), ("#,##0", false), ("[Red]0.00", false), ("\"day \"0", false), ("mm:ss", false),
            ("General", false), ("0\\d", false),
        ])
    func dateFormats(code: String, isDate: Bool) {
        #expect(XLSXWorkbook.isDateFormat(code) == isDate)
    }

    @Test("Built-in date formats are 14 to 22 and 45 to 47")
    func builtInFormats() {
        #expect(XLSXWorkbook.builtInDateFormats == Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]))
    }

    @Test("Cell references and column names")
    func references() {
        #expect(SheetGrid.columnName(0) == "A")
        #expect(SheetGrid.columnName(25) == "Z")
        #expect(SheetGrid.columnName(27) == "AB")
        #expect(SheetGrid.columnName(16383) == "XFD")
        #expect(SheetGrid.cellReference("AB12")?.column == 27)
        #expect(SheetGrid.cellReference("AB12")?.row == 12)
        #expect(SheetGrid.cellReference("$C$7")?.column == 2)
        #expect(SheetGrid.cellReference("12") == nil)
        #expect(SheetGrid.merge("D3:E3") == SheetGrid.Merge(firstRow: 3, lastRow: 3, firstColumn: 3, lastColumn: 4))
        #expect(XLSXWorkbook.resolve("worksheets/sheet1.xml", in: "xl") == "xl/worksheets/sheet1.xml")
        #expect(XLSXWorkbook.resolve("/xl/worksheets/sheet1.xml", in: "xl") == "xl/worksheets/sheet1.xml")
        #expect(XLSXWorkbook.resolve("../customXml/item1.xml", in: "xl") == "customXml/item1.xml")
    }

    @Test("Totals labels in several languages; a label that only starts like one is data")
    func totals() {
        for label in ["Total", "TOTAL:", "Grand total", "Totaux", "Итого", "Всего", "Total général"] {
            #expect(SheetTable.isTotalLabel(label), "\(label)")
        }
        for label in ["Totalitarian regime", "2019/00012", "France", ""] {
            #expect(!SheetTable.isTotalLabel(label), "\(label)")
        }
    }

    @Test("A location in a sheet reads as a cell")
    func location() {
        let origin = SourceLocation.Origin(
            source: "leak.xlsx!Complaints 2021", file: "leak.xlsx!Complaints 2021", column: "A")
        #expect(SourceLocation(in: origin, line: 12, record: 3).description == "leak.xlsx!Complaints 2021!A12")
        #expect(SourceLocation(in: origin, record: 3).description == "leak.xlsx!Complaints 2021#3")
        #expect(SourceLocation(source: "c", file: "c.csv", line: 4).description == "c.csv:4")
    }
}
