import NoticeWatchModel
import Testing

@testable import NoticeWatchPipeline

@Suite("The as-of date")
struct AsOfDateTests {
    static let russia = Country("RU")!
    static let here = SourceLocation(source: "s", file: "f.csv", line: 2)

    static func records(_ dates: [CivilDate?]) -> IngestResult {
        let notices = dates.enumerated().map { index, date in
            Notice(
                id: "N\(index)", kind: .redNotice, requestingCountry: .member(russia), issueDate: date, status: .active,
                cancellationDate: nil, cancellationReason: .unknown, provenance: here)
        }
        return IngestResult(
            notices: RecordList(notices), complaints: [], quarantine: [], conflicts: [], sources: [], inputFiles: [],
            sourcesFileSHA256: nil)
    }

    @Test("--as-of wins over everything")
    func givenWins() throws {
        let (date, origin) = try AsOfDate.resolve(
            given: CivilDate(year: 2020, month: 1, day: 1), sourceDateEpoch: "0",
            records: Self.records([CivilDate(year: 2024, month: 5, day: 6)]))
        #expect(date.description == "2020-01-01")
        #expect(origin == "--as-of")
    }

    @Test("SOURCE_DATE_EPOCH is next: whole days since 1970 in UTC")
    func sourceDateEpoch() throws {
        let (date, origin) = try AsOfDate.resolve(given: nil, sourceDateEpoch: "1751241600", records: Self.records([]))
        #expect(date.description == "2025-06-30")
        #expect(origin == "SOURCE_DATE_EPOCH")
    }

    @Test("A dated capture of the public list is a full date of the data; an undated scrape's placeholder is not")
    func captureDates() throws {
        // List entries carry only the id's year: the captures' dates are the only full dates.
        var records = Self.records([CivilDate(year: 2021), CivilDate(year: 2026, month: 10, day: 2)])
        records.captures = [
            ListCapture(
                date: CivilDate(year: 2026, month: 11, day: 1)!, files: ["snapshots/2026-11-01/p1.json"], seen: 2),
            ListCapture(
                date: CivilDate(year: 2026, month: 11, day: 2)!, files: ["snapshots/2026-11-02/p1.json"], seen: 2),
        ]
        let (date, origin) = try AsOfDate.resolve(given: nil, sourceDateEpoch: nil, records: records)
        #expect(date.description == "2026-11-02")
        #expect(origin != "--as-of")
        var undated = Self.records([CivilDate(year: 2021)])
        undated.captures = [ListCapture(date: CivilDate(dayNumber: 0), files: ["data.json"], seen: 1)]
        undated.capturesDatedByAsOf = true
        let error = #expect(throws: PipelineError.self) {
            try AsOfDate.resolve(given: nil, sourceDateEpoch: nil, records: undated)
        }
        #expect(error?.code == .noAsOfDate)
    }

    @Test("A malformed SOURCE_DATE_EPOCH is a bad option")
    func badEpoch() {
        let error = #expect(throws: PipelineError.self) {
            _ = try AsOfDate.resolve(given: nil, sourceDateEpoch: "yesterday", records: Self.records([]))
        }
        #expect(error?.exitStatus == .badOptions)
    }

    @Test("Otherwise the latest full date in the data; partial dates do not count")
    func latestInData() throws {
        let (date, origin) = try AsOfDate.resolve(
            given: nil, sourceDateEpoch: nil,
            records: Self.records([
                CivilDate(year: 2023, month: 2, day: 1), CivilDate(year: 2025),
                CivilDate(year: 2024, month: 11, day: 30), nil,
            ]))
        #expect(date.description == "2024-11-30")
        #expect(origin == "latest date in the data")
    }

    @Test("No full date anywhere is an error that asks for --as-of")
    func noDates() {
        let error = #expect(throws: PipelineError.self) {
            _ = try AsOfDate.resolve(given: nil, sourceDateEpoch: nil, records: Self.records([CivilDate(year: 2020)]))
        }
        #expect(error?.exitStatus == .badData)
        #expect(error?.message.contains("--as-of") == true)
    }
}
