import NoticeWatchModel
import Testing

@Suite("Civil dates")
struct CivilDateTests {
    @Test("Every day from 1900-01-01 to 2100-12-31 has consecutive day numbers that round-trip")
    func everyDay() {
        var expectedNumber = -25_567  // 1900-01-01
        var mismatches: [String] = []
        var previous: CivilDate?
        for year in 1900...2100 {
            for month in 1...12 {
                for day in 1...CivilDate.daysIn(month: month, year: year) {
                    guard let date = CivilDate(year: year, month: month, day: day) else {
                        mismatches.append("\(year)-\(month)-\(day) rejected")
                        continue
                    }
                    let back = CivilDate(dayNumber: expectedNumber)
                    if date.dayNumber != expectedNumber || back != date || back.precision != .day {
                        mismatches.append("\(date): \(String(describing: date.dayNumber)) vs \(expectedNumber)")
                    }
                    if let previous, !(previous < date) {
                        mismatches.append("\(previous) does not sort before \(date)")
                    }
                    previous = date
                    expectedNumber += 1
                }
            }
        }
        #expect(mismatches == [])
        #expect(expectedNumber == 47_846 + 1)  // 2100-12-31 was the last
        #expect(expectedNumber - -25_567 == 201 * 365 + 49)
    }

    @Test(
        "Known day numbers",
        arguments: [
            ("1970-01-01", 0), ("1969-12-31", -1), ("2000-03-01", 11_017), ("2000-02-29", 11_016),
            ("2000-01-01", 10_957), ("2024-02-29", 19_782), ("2019-03-12", 17_967), ("1900-01-01", -25_567),
            ("2100-12-31", 47_846), ("0001-01-01", -719_162), ("9999-12-31", 2_932_896),
        ])
    func knownDayNumbers(text: String, number: Int) {
        let date = CivilDate(iso: text)
        #expect(date?.dayNumber == number)
        #expect(CivilDate(dayNumber: number).description == text)
    }

    @Test(
        "Leap years follow the Gregorian rule",
        arguments: [(2000, true), (1900, false), (2100, false), (2024, true), (2023, false), (1600, true)])
    func leapYears(year: Int, leap: Bool) {
        #expect(CivilDate.isLeap(year) == leap)
        #expect(CivilDate.daysIn(month: 2, year: year) == (leap ? 29 : 28))
        #expect((CivilDate(year: year, month: 2, day: 29) != nil) == leap)
    }

    @Test("Month lengths")
    func monthLengths() {
        #expect(
            (1...12).map { CivilDate.daysIn(month: $0, year: 2019) } == [
                31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31,
            ])
    }

    @Test(
        "Days that do not exist are rejected",
        arguments: [
            (2019, 2, 29), (2019, 13, 1), (2019, 4, 31), (2019, 0, 1), (2019, 1, 0), (2019, 1, 32),
            (1900, 2, 29), (0, 1, 1), (10_000, 1, 1), (2019, -1, 1),
        ])
    func invalid(year: Int, month: Int, day: Int) {
        #expect(CivilDate(year: year, month: month, day: day) == nil)
    }

    @Test("Partial dates out of range are rejected")
    func invalidPartial() {
        #expect(CivilDate(year: 2019, month: 13) == nil)
        #expect(CivilDate(year: 2019, month: 0) == nil)
        #expect(CivilDate(year: 0) == nil)
        #expect(CivilDate(year: 10_000) == nil)
    }

    @Test("A partial date keeps its precision, prints at it and has no day number")
    func partial() {
        let month = CivilDate(year: 2019, month: 3)!
        #expect(month.precision == .month)
        #expect(month.description == "2019-03")
        #expect(month.dayNumber == nil)
        #expect((month.year, month.month, month.day) == (2019, 3, 0))

        let year = CivilDate(year: 2019)!
        #expect(year.precision == .year)
        #expect(year.description == "2019")
        #expect(year.dayNumber == nil)

        let full = CivilDate(year: 2019, month: 3, day: 12)!
        #expect(full.precision == .day)
        #expect(full.description == "2019-03-12")
        #expect(CivilDate.Precision.year < .month && CivilDate.Precision.month < .day)
    }

    @Test("A partial date sorts before the full dates it covers and after earlier ones")
    func partialOrdering() {
        let dates = ["2019-01-01", "2019", "2018-12-31", "2019-03", "2019-02-28", "2019-03-01", "2019-01", "2020"]
            .map { CivilDate(iso: $0)! }
        #expect(
            dates.sorted().map(\.description) == [
                "2018-12-31", "2019", "2019-01", "2019-01-01", "2019-02-28", "2019-03", "2019-03-01", "2020",
            ])
        #expect(CivilDate(year: 2019)! != CivilDate(year: 2019, month: 1)!)
    }

    @Test("Years before 1000 print with four digits")
    func padding() {
        #expect(CivilDate(year: 999, month: 1, day: 5)!.description == "0999-01-05")
        #expect(CivilDate(year: 7)!.description == "0007")
        #expect(CivilDate(iso: "0999-01-05") == CivilDate(year: 999, month: 1, day: 5))
    }

    @Test(
        "ISO dates parse at their precision",
        arguments: [
            ("2019-03-12", CivilDate(year: 2019, month: 3, day: 12)), ("2019-03", CivilDate(year: 2019, month: 3)),
            ("2019", CivilDate(year: 2019)), ("2024-02-29", CivilDate(year: 2024, month: 2, day: 29)),
            ("0001-01-01", CivilDate(year: 1, month: 1, day: 1)), ("9999-12", CivilDate(year: 9999, month: 12)),
        ])
    func parses(text: String, date: CivilDate?) {
        #expect(date != nil)
        #expect(CivilDate(iso: text) == date)
        #expect(CivilDate(iso: text)?.description == text)
    }

    @Test(
        "Text that is not an ISO date of an existing day is rejected",
        arguments: [
            "", "2019-3-12", "2019-03-1", "19-03-12", "02019-03-12", "2019/03/12", "2019-02-29", "2019-13",
            "2019-00", "0000", "2019-03-12T10:00", "2019-03-12 ", " 2019", "2019-", "-2019", "2019--03",
            "2019-03-12-01", "20a9", "\u{FF12}\u{FF10}\u{FF11}\u{FF19}", "12.03.2019",
        ])
    func rejects(text: String) {
        #expect(CivilDate(iso: text) == nil)
    }

    @Test("Signed fields are not ISO dates", arguments: ["+201", "2019-+3", "2019-03-+1"])
    func signedFields(text: String) {
        #expect(CivilDate(iso: text) == nil)
    }
}
