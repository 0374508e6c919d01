import NoticeWatchModel
import Testing

@testable import NoticeWatchReport

@Suite struct SQLiteRowTests {
    /// The text of each text cell as bound: up to the NUL that ends it.
    func texts(_ row: SQLiteRow) -> [String?] {
        row.cells.map { cell in
            guard case .text(let start) = cell else { return nil }
            let end = row.bytes[start...].firstIndex(of: 0) ?? row.bytes.endIndex
            return String(decoding: row.bytes[start..<end], as: UTF8.self)
        }
    }

    static let dates: [CivilDate] = [
        CivilDate(year: 2019, month: 3, day: 12)!, CivilDate(year: 2019, month: 11, day: 1)!,
        CivilDate(year: 2019, month: 3)!, CivilDate(year: 2019, month: 12)!, CivilDate(year: 2019)!,
        CivilDate(year: 7, month: 1, day: 31)!, CivilDate(year: 9999, month: 12, day: 31)!,
        CivilDate(dayNumber: -719_468), CivilDate(dayNumber: 0),
    ]

    @Test(arguments: dates) func datesAreWrittenAsTheirDescription(date: CivilDate) {
        var row = SQLiteRow()
        row.append(date)
        #expect(texts(row) == [date.description])
    }

    @Test func cellsKeepTheirOrderAndKinds() {
        var row = SQLiteRow()
        row.append("Türkiye")
        row.append(Int?.none)
        row.append(42)
        row.append(String?.none)
        row.append(utf8: Array("RU".utf8))
        row.append(CivilDate?.none)
        row.append(SourceLocation(source: "ccf", file: "a.csv", line: 7))
        #expect(texts(row) == ["Türkiye", nil, nil, nil, "RU", nil, "ccf", "a.csv", nil, nil])
        #expect(row.cells.count == 10)
        if case .integer(let number) = row.cells[2] { #expect(number == 42) } else { Issue.record("not an integer") }
        if case .integer(let line) = row.cells[8] { #expect(line == 7) } else { Issue.record("not an integer") }
        if case .null = row.cells[9] {} else { Issue.record("the record is not NULL") }

        row.removeAll()
        row.append("again")
        #expect(texts(row) == ["again"])
    }

    @Test func textEndsAtItsFirstNulByteAsACStringDoes() {
        var row = SQLiteRow()
        row.append("before\u{0}after")
        row.append("next")
        #expect(texts(row) == ["before", "next"])
    }
}
