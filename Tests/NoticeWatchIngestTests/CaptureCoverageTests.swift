import NoticeWatchModel
import Testing

@testable import NoticeWatchIngest

/// Capture dates from `sources.yml`, status by observation, single scrapes and the service's own totals.
@Suite("Captures: dates, status by observation and the service's totals")
struct CaptureCoverageTests {
    /// One list entry as the service writes it (names invented, in several scripts).
    static func entry(_ id: String, _ forename: String, _ name: String, _ nationalities: [String]) -> String {
        let url = "https://ws-public.interpol.int/notices/v1/red/" + id.split(separator: "/").joined(separator: "-")
        let codes = nationalities.map { "\"\($0)\"" }.joined(separator: ", ")
        return """
            {"forename": "\(forename)", "date_of_birth": "1979/01/17", "entity_id": "\(id)", \
            "nationalities": [\(codes)], "name": "\(name)", "_links": {"self": {"href": "\(url)"}, \
            "images": {"href": "\(url)/images"}, "thumbnail": {"href": "\(url)/images/1"}}}
            """
    }

    /// A list page: `total`, `query` and `_embedded.notices`, as `GET /notices/v1/red` returns it.
    static func page(total: Int, query: String, _ entries: [String]) -> String {
        """
        {"total": \(total), "query": {\(query)}, "_embedded": {"notices": [
        \(entries.joined(separator: ",\n"))
        ]}, "_links": {"self": {"href": "https://ws-public.interpol.int/notices/v1/red?page=1&resultPerPage=20"}}}
        """
    }

    static let petrov = entry("2005/20198", "ALEXEI", "PETROV", ["RU"])
    static let garcia = entry("2016/41701", "MARÍA JOSÉ", "GARCÍA", ["VE", "ES"])
    static let sidorova = entry("2026/1234", "ЮЛИЯ", "СИДОРОВА", ["BY"])
    static let rashid = entry("2020/22222", "محمد", "AL-RASHID", ["AE"])

    @Test("A list page's total and query are read from its start; paging is not part of the query")
    func pageHeader() {
        let header = ListPageHeader(
            prefix: Array(#"{"total": 6862, "query": {"page": 1, "resultPerPage": 20}, "_embedded": {"#.utf8))
        #expect(header == ListPageHeader(total: 6862, query: ""))
        let sliced = ListPageHeader(
            prefix: Array(
                #"""
                {"query": {"page": 2, "nationality": "RU", "resultPerPage": 160, "ageMin": 30},
                 "_embedded": {"notices": [{"name": "a \"}\" b", "x": [1, {"y": 2}]}]}, "total": 412}
                """#.utf8))
        #expect(sliced == ListPageHeader(total: 412, query: "ageMin=30&nationality=RU"))
        // A prefix cut inside the entries still gives what came before them.
        let cut = Array(#"{"total": 20, "_embedded": {"notices": [{"entity_id": "2019/1"#.utf8)
        #expect(ListPageHeader(prefix: cut) == ListPageHeader(total: 20, query: ""))
        #expect(ListPageHeader(prefix: Array("\u{FEFF}{\"total\": 7}".utf8)) == ListPageHeader(total: 7, query: ""))
        #expect(ListPageHeader(prefix: Array(#"[{"entity_id": "2019/1"}]"#.utf8)) == nil)
        #expect(ListPageHeader(prefix: Array(#"{"total": "many", "query": {}}"#.utf8)) == nil)
        #expect(ListPageHeader(prefix: Array(#"{"_embedded": {"notices": []}}"#.utf8)) == nil)
    }

    @Test("The service's total: one per distinct query (its pages share it), summed over queries")
    func serviceTotal() {
        let headers = [
            ListPageHeader(total: 300, query: "nationality=RU"), ListPageHeader(total: 302, query: "nationality=RU"),
            ListPageHeader(total: 41, query: "nationality=TJ"), ListPageHeader(total: 0, query: "nationality=VU"),
        ]
        #expect(ListPageHeader.serviceTotal(of: headers) == 343)
        #expect(ListPageHeader.serviceTotal(of: []) == nil)
    }

    @Test("snapshot_date dates a source's files, over a date in their paths; the notices seen are active")
    func snapshotDates() throws {
        let yaml = """
            version: 1
            sources:
              - name: night-one
                path: scrape-a/red_notices_2020-01-01.csv
                record: notice
                snapshot_date: 2026-11-01
                fields: { id: entity_id, nationalities: nationalities }
              - name: night-two
                path: scrape-b/red_notices.csv
                record: notice
                snapshot_date: "2026-11-02"
                fields: { id: entity_id, nationalities: nationalities }
            """
        let header = "entity_id,forename,name,date_of_birth,nationalities\n"
        let files = [
            "sources.yml": yaml,
            "scrape-a/red_notices_2020-01-01.csv": header
                + "2005/20198,ALEXEI,PETROV,1957/05/11,RU\n2016/41701,\"MARÍA JOSÉ\",GARCÍA,1976/04/11,\"VE,ES\"\n",
            "scrape-b/red_notices.csv": header + "2005/20198,ALEXEI,PETROV,1957/05/11,RU\n"
                + "2026/1234,\"ЮЛИЯ\",\"СИДОРОВА\",1990/01/16,BY\n",
        ]
        let result = try DatasetIngestor(directory: try IngestFixtures.temporaryFolder(text: files)).ingest()
        #expect(result.captures.map(\.date.description) == ["2026-11-01", "2026-11-02"])
        #expect(
            result.captures.map(\.files) == [["scrape-a/red_notices_2020-01-01.csv"], ["scrape-b/red_notices.csv"]])
        #expect(result.presences.map(\.captures) == [[0, 1], [0], [1]])
        #expect(result.notices.map(\.status) == [.active, .active, .active])
    }

    @Test("A single undated scrape is one capture, dated later by the as-of date, with the service's total")
    func singleScrape() throws {
        let files = [
            "data.json": Self.page(
                total: 6862, query: #""page": 1, "resultPerPage": 20"#,
                [
                    Self.petrov, Self.garcia, Self.sidorova,
                ])
        ]
        let result = try DatasetIngestor(directory: try IngestFixtures.temporaryFolder(text: files)).ingest()
        #expect(result.capturesDatedByAsOf)
        #expect(result.captures.count == 1)
        #expect(result.captures.first?.seen == 3)
        #expect(result.captures.first?.serviceTotal == 6862)
        #expect(result.captures.first?.files == ["data.json"])
        #expect(result.notices.map(\.status) == [.active, .active, .active])
    }

    @Test("Spilled to disk, a single scrape gives the same capture, total and statuses as in memory")
    func spilledScrape() throws {
        let files = [
            "jsons/RU.json": "[\n" + [Self.petrov, Self.sidorova].joined(separator: ",\n") + "\n]\n",
            "jsons/VE.json": "[\n" + Self.garcia + "\n]\n", "jsons/ES.json": "[\n" + Self.garcia + "\n]\n",
            "jsons/VU.json": "[]\n",
        ]
        let folder = try IngestFixtures.temporaryFolder(text: files)
        let inMemory = try DatasetIngestor(directory: folder).ingest()
        var spilling = DatasetIngestor(directory: folder)
        spilling.recordBudget = 1
        spilling.spillPieceSize = 1
        let spilled = try spilling.ingest()
        #expect(inMemory.captures.map(\.seen) == [3])
        #expect(inMemory.captures.first?.serviceTotal == nil)
        #expect(spilled.captures == inMemory.captures)
        #expect(Array(spilled.notices).map(\.status) == [.active, .active, .active])
        #expect(Array(inMemory.notices).map(\.status) == [.active, .active, .active])
    }

    @Test("An export with its own status is no scrape: no capture, its statuses stand")
    func exportIsNoCapture() throws {
        let csv = """
            entity_id,country,status,issued
            2019/11111,RU,Cancelled,2019-03-01
            2020/22222,AE,,2020-05-05

            """
        let yaml = """
            version: 1
            sources:
              - name: register
                path: register.csv
                record: notice
                fields:
                  id: entity_id
                  requesting_country: country
                  status: status
                  issue_date: { from: issued, format: yyyy-MM-dd }
            """
        let folder = try IngestFixtures.temporaryFolder(text: ["sources.yml": yaml, "register.csv": csv])
        let result = try DatasetIngestor(directory: folder).ingest()
        #expect(result.captures.isEmpty)
        #expect(result.notices.map(\.status) == [.cancelled, .unknown])
    }

    @Test("A status given and not understood stays unknown and flagged, even on the list")
    func statusNotUnderstoodStays() throws {
        let night = """
            entity_id,name,nationalities,state
            2019/11111,"ИВАНОВ",RU,on the run
            2020/22222,"AL-RASHID",AE,

            """
        let yaml = """
            version: 1
            sources:
              - name: nightly
                path: "*/red_notices.csv"
                record: notice
                fields: { id: entity_id, nationalities: nationalities, status: state }
            """
        let files = [
            "sources.yml": yaml, "2026-11-01/red_notices.csv": night, "2026-11-02/red_notices.csv": night,
        ]
        let result = try DatasetIngestor(directory: try IngestFixtures.temporaryFolder(text: files)).ingest()
        #expect(result.captures.count == 2)
        #expect(result.notices.map(\.status) == [.unknown, .active])
        #expect(result.notices.map { $0.flagged.contains(NormalizedField.status.flag) } == [true, false])
    }

    @Test("Nightly list pages per query: the service's totals summed per capture beside the notices seen")
    func nightlyTotals() throws {
        let ru = #""nationality": "RU", "page": 1, "resultPerPage": 160"#
        let ruTwo = #""nationality": "RU", "page": 2, "resultPerPage": 160"#
        let ae = #""nationality": "AE", "page": 1, "resultPerPage": 160"#
        let files = [
            "snapshots/2026-11-01/RU-1.json": Self.page(total: 2, query: ru, [Self.petrov]),
            "snapshots/2026-11-01/RU-2.json": Self.page(total: 2, query: ruTwo, [Self.sidorova]),
            "snapshots/2026-11-01/AE-1.json": Self.page(total: 2, query: ae, [Self.rashid, Self.garcia]),
            // The second night's crawl stopped after its first page: 1 of the 4 notices the service counts.
            "snapshots/2026-11-02/RU-1.json": Self.page(total: 2, query: ru, [Self.petrov]),
            "snapshots/2026-11-02/AE-1.json": Self.page(total: 2, query: ae, []),
            "snapshots/2026-11-03/RU-1.json": Self.page(total: 2, query: ru, [Self.petrov, Self.sidorova]),
            "snapshots/2026-11-03/AE-1.json": Self.page(total: 2, query: ae, [Self.rashid, Self.garcia]),
        ]
        let result = try DatasetIngestor(directory: try IngestFixtures.temporaryFolder(text: files)).ingest()
        #expect(result.captures.map(\.seen) == [4, 1, 4])
        #expect(result.captures.map(\.serviceTotal) == [4, 4, 4])
        #expect(result.presences.map(\.captures) == [[0, 1, 2], [0, 2], [0, 2], [0, 2]])
    }
}
