import NoticeWatchModel
import Testing

@testable import NoticeWatchIngest

/// Dated captures of the public list: which files are captures, and where each notice was seen.
@Suite("Captures of the public list")
struct CaptureSeriesTests {
    @Test(
        "A date in a folder or file name dates the file; ids, counts and hashes are not dates",
        arguments: [
            ("snapshots/2026-11-01/red_notices.csv", "2026-11-01"),
            ("red_notices_2026-11-02.csv", "2026-11-02"),
            ("scrapes/20261103/red.json", "2026-11-03"),
            ("2025_12_31-red.csv", "2025-12-31"),
            ("archive/2025-01-01/night/red-2025-01-02.csv", "2025-01-02"),
            ("red_notices.csv", nil),
            ("page_20.json", nil),
            ("red_12345678.csv", nil),
            ("2026-13-01/red.csv", nil),
            ("ids-2019-12345.csv", nil),
            ("x202611031/red.csv", nil),
        ] as [(String, String?)])
    func dating(path: String, expected: String?) {
        #expect(CaptureDating.date(ofPath: path)?.description == expected)
    }

    static let sources = """
        version: 1
        sources:
          - name: public-list
            path: captures/*
            format: csv
            record: notice
            fields:
              id: entity_id
              requesting_country: country
              issue_date:
                from: issued
                format: yyyy-MM-dd
        """

    /// Three nights as a git-scraper writes them: one notice leaves, one comes back, one changes, one is new.
    static let files: [String: String] = [
        "sources.yml": sources,
        "captures/red_notices_2026-11-01.csv": """
        entity_id,name,forename,country,issued
        2019/11111,"ИВАНОВ","Пётр, Ильич",RU,2019-03-01
        2020/22222,"AL-RASHID","محمد",AE,2020-05-05
        2021/33333,"YILMAZ","Ayşe ""Ayşo"" Y.",TR,2021-01-01

        """,
        "captures/red_notices_2026-11-02.csv": """
        entity_id,name,forename,country,issued
        2019/11111,"ИВАНОВ","Пётр, Ильич",RU,2019-03-01
        2021/33333,"YILMAZ","Ayşe ""Ayşo"" Y.",TR,2021-01-02
        2026/44444,"CHEN","伟",CN,

        """,
        "captures/red_notices_2026-11-03.csv": """
        entity_id,name,forename,country,issued
        2019/11111,"ИВАНОВ","Пётр, Ильич",RU,2019-03-01
        2020/22222,"AL-RASHID","محمد",AE,2020-05-05
        2021/33333,"YILMAZ","Ayşe ""Ayşo"" Y.",TR,2021-01-02

        """,
    ]

    @Test("Each notice's captures, and the fields that changed between them, not reported as conflicts")
    func presences() throws {
        let result = try DatasetIngestor(directory: try IngestFixtures.temporaryFolder(text: Self.files)).ingest()
        #expect(result.captures.map(\.date.description) == ["2026-11-01", "2026-11-02", "2026-11-03"])
        #expect(result.captures.map(\.seen) == [3, 3, 3])
        #expect(result.captures[1].files == ["captures/red_notices_2026-11-02.csv"])
        let byID = Dictionary(uniqueKeysWithValues: result.presences.map { ($0.id, $0) })
        #expect(result.presences.map(\.id) == ["2019/11111", "2020/22222", "2021/33333", "2026/44444"])
        #expect(byID["2019/11111"]?.captures == [0, 1, 2])
        #expect(byID["2020/22222"]?.captures == [0, 2])
        #expect(byID["2026/44444"]?.captures == [1])
        #expect(byID["2021/33333"]?.modifications == [ListModification(capture: 1, fields: ["issue_date"])])
        #expect(byID["2020/22222"]?.country == Country("AE"))
        #expect(result.conflicts.isEmpty)
        #expect(result.notices.count == 4)
        let history = byID["2020/22222"]?.history(dates: result.captures.map(\.date))
        #expect(history?.gaps == 1 && history?.capturesSeen == 2)
        #expect(history?.lastSeen.description == "2026-11-03")
    }

    @Test("Files of one date are one capture of that date: repeats in it merge as before, no modification")
    func oneDateIsOneCapture() throws {
        var files = Self.files
        files["captures/red_notices_2026-11-02.csv"] = nil
        files["captures/red_notices_2026-11-03.csv"] = nil
        files["captures/red_notices_copy_2026-11-01.csv"] = Self.files["captures/red_notices_2026-11-01.csv"]
        let result = try DatasetIngestor(directory: try IngestFixtures.temporaryFolder(text: files)).ingest()
        #expect(result.captures.map(\.date.description) == ["2026-11-01"])
        #expect(result.captures.map(\.seen) == [3])
        #expect(!result.capturesDatedByAsOf)
        #expect(result.presences.allSatisfy { $0.captures == [0] && $0.modifications.isEmpty })
        #expect(result.notices.count == 3)
        #expect(result.sources.first?.merged == 3)
    }

    @Test("Records spilled to disk give the same captures and sightings as records kept in memory")
    func spilledSeries() throws {
        let folder = try IngestFixtures.temporaryFolder(text: Self.files)
        let inMemory = try DatasetIngestor(directory: folder).ingest()
        var spilling = DatasetIngestor(directory: folder)
        spilling.recordBudget = 1
        spilling.spillPieceSize = 1
        let spilled = try spilling.ingest()
        #expect(spilled.presences == inMemory.presences)
        #expect(spilled.captures == inMemory.captures)
        #expect(spilled.conflicts.isEmpty)
    }

    /// A git-scraped `red_notices.csv`, one folder per night, read with no sources file.
    static let nightly: [String: String] = [
        "snapshots/2026-11-01/red_notices.csv": """
        entity_id,forename,name,date_of_birth,nationalities
        2005/20198,ALEXEI,PETROV,1957/05/11,RU
        2016/41701,"MARÍA JOSÉ",GARCÍA,1976/04/11,"VE,ES"

        """,
        "snapshots/2026-11-02/red_notices.csv": """
        entity_id,forename,name,date_of_birth,nationalities
        2005/20198,ALEXEI,PETROV,1957/05/11,"RU,IL"
        2026/1234,"ЮЛИЯ",SIDOROVA,1990/01/16,BY

        """,
    ]

    @Test("Zero-config nightly captures: counted by first nationality, a changed nationality is a modification")
    func zeroConfigNightly() throws {
        let result = try DatasetIngestor(directory: try IngestFixtures.temporaryFolder(text: Self.nightly)).ingest()
        #expect(result.captures.map(\.date.description) == ["2026-11-01", "2026-11-02"])
        #expect(result.presences.map(\.id) == ["2005/20198", "2016/41701", "2026/1234"])
        #expect(result.presences.allSatisfy { $0.byNationality })
        #expect(result.presences.map { $0.country?.alpha2 } == ["RU", "VE", "BY"])
        #expect(result.presences[0].modifications == [ListModification(capture: 1, fields: ["nationalities"])])
        #expect(result.presences[1].captures == [0])
        #expect(ListGrouping(of: result.presences) == .nationality)
        #expect(result.conflicts.isEmpty)
    }
}
