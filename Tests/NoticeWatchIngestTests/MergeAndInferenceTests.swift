import Foundation
import NoticeWatchIngest
import NoticeWatchModel
import Testing

/// Merging duplicates across sources, inferring mappings without a sources file, and determinism.
@Suite("Merging, inference and determinism")
struct MergeAndInferenceTests {
    static let sourcesYAML = """
        version: 1
        sources:
          - name: register
            path: register.csv
            record: notice
            fields:
              id: Notice ID
              requesting_country: Country
              status: Status
              issue_date: { from: Issued, format: dd.MM.yyyy }
          - name: pages
            path: pages/*.ndjson
            record: notice
            fields:
              id: entity_id
              requesting_country: arrest_warrants[0].issuing_country_id
              kind: { value: red-notice }
        """

    static let files: [String: String] = [
        "sources.yml": sourcesYAML,
        "register.csv": """
        Notice ID,Country,Status,Issued
        2019/1,Russia,Active,12.03.2019
        2019/2,Türkiye,CANCELLED,13.03.2019
        2019/1,RU,active,12.03.2019
        2019/3,France,Active,14.03.2019

        """,
        "pages/b.ndjson": """
        {"entity_id": "2019/2", "arrest_warrants": [{"issuing_country_id": "TR"}]}

        """,
        "pages/a.ndjson": """
        {"entity_id": "2019/3", "arrest_warrants": [{"issuing_country_id": "RU"}]}
        {"entity_id": "2020/9", "arrest_warrants": [{"issuing_country_id": "XX"}]}

        """,
    ]

    @Test("duplicates merge: unknown fields take the known value, two known values conflict and the first stays")
    func duplicates() throws {
        let folder = try IngestFixtures.temporaryFolder(text: Self.files)
        let result = try DatasetIngestor(directory: folder).ingest()
        #expect(
            IngestFixtures.lines(result) == [
                "notice 2019/1 unknown RU 2019-03-12 active - @register.csv:2",
                "notice 2019/2 red-notice TR 2019-03-13 cancelled - @register.csv:3",
                "notice 2019/3 red-notice FR 2019-03-14 active - @register.csv:5",
                "notice 2020/9 red-notice XX - active - @pages/a.ndjson:2 flagged=requesting_country",
                "source pages notice read=3 kept=1 merged=2 quarantined=0",
                "source register notice read=4 kept=3 merged=1 quarantined=0",
            ])
        let conflicts = result.conflicts.map {
            "\($0.id) \($0.field): \($0.keptValue) @\($0.keptLocation) vs \($0.discardedValue) @\($0.discardedLocation)"
        }
        #expect(
            conflicts
                == ["2019/3 requesting_country: FR @register.csv:5 vs RU @pages/a.ndjson:1"])
        #expect(IngestFixtures.balances(result))
        #expect(result.inputFiles.map(\.path) == ["pages/a.ndjson", "pages/b.ndjson", "register.csv"])
        #expect(result.inputFiles.map(\.rowsRead) == [2, 1, 4])
    }

    @Test("ingesting twice gives equal results")
    func determinism() throws {
        let folder = try IngestFixtures.temporaryFolder(text: Self.files)
        let first = try DatasetIngestor(directory: folder).ingest()
        let second = try DatasetIngestor(directory: folder).ingest()
        #expect(first.notices == second.notices)
        #expect(first.complaints == second.complaints)
        #expect(first.quarantine == second.quarantine)
        #expect(first.conflicts == second.conflicts)
        #expect(first.sources == second.sources)
        #expect(first.inputFiles == second.inputFiles)
        #expect(first.sourcesFileSHA256 == second.sourcesFileSHA256)
    }

    @Test(
        "header names infer the record kind and mapping, whatever their spelling",
        arguments: [
            (
                "Notice ID,Requesting Country,date-of-issue,STATUS\nN-1,France,2019-03-12,Active\n",
                "notice",
                [
                    "id <- \"Notice ID\"", "requesting_country <- \"Requesting Country\"",
                    "issue_date <- \"date-of-issue\"", "status <- \"STATUS\"",
                ]
            ),
            (
                "complaint_id;notice_id;Country;Filed Date;Decision;decision_date\nC-1;N-1;FR;2019-03-12;Compliant;2019-09-01\n",
                "complaint",
                [
                    "id <- \"complaint_id\"", "notice_id <- \"notice_id\"", "requesting_country <- \"Country\"",
                    "filed_date <- \"Filed Date\"", "decision_date <- \"decision_date\"", "outcome <- \"Decision\"",
                ]
            ),
        ])
    func inference(csv: String, kind: String, mapping: [String]) throws {
        let folder = try IngestFixtures.temporaryFolder(text: ["export/data.csv": csv])
        let result = try DatasetIngestor(directory: folder).ingest()
        #expect(result.sources.map(\.source) == ["export/data.csv"])
        #expect(result.sources.first?.recordKind.rawValue == kind)
        #expect(result.sources.first?.mapping == mapping)
        #expect(result.notices.count + result.complaints.count == 1)
        #expect(result.sourcesFileSHA256 == nil)
    }

    @Test("a file whose headers fit neither kind stops the run, naming the file and its headers")
    func notInferred() throws {
        let folder = try IngestFixtures.temporaryFolder(text: ["people.csv": "name,age\nAnna,30\n"])
        let error = #expect(throws: IngestError.self) { try DatasetIngestor(directory: folder).ingest() }
        #expect(
            error?.description
                == "people.csv: error[mapping-not-inferred]: cannot tell whether people.csv holds notices or "
                + "complaints: no id and requesting country among its headers (found: \"name\", \"age\"); "
                + "describe it in sources.yml")
    }

    @Test("JSON keys infer a mapping too, and progress reports every file once finished")
    func jsonInference() throws {
        let page = """
            {"total": 1, "_embedded": {"notices": [
              {"entity_id": "2021/75051", "arrest_warrants": [{"issuing_country_id": "RU"}]}
            ]}}
            """
        let folder = try IngestFixtures.temporaryFolder(text: ["page1.json": page])
        let finished = FinishedFiles()
        let result = try DatasetIngestor(directory: folder).ingest { progress in
            if progress.finished { finished.add(progress.file) }
        }
        // The year of issue is the id's year when the page gives no issue date; a notice on the list is active.
        #expect(IngestFixtures.lines(result).first == "notice 2021/75051 unknown RU 2021 active - @page1.json:2")
        #expect(
            result.sources.first?.mapping == [
                "id <- \"entity_id\"",
                "requesting_country <- \"arrest_warrants[0].issuing_country_id\"",
                "issue_date <- \"entity_id\" (format: id-year)",
                "warrants <- \"arrest_warrants\"",
            ])
        #expect(finished.files == ["page1.json"])
    }
}

/// Collects file names from progress callbacks, which may come from several threads.
final class FinishedFiles: @unchecked Sendable {
    // `@unchecked Sendable`: every access to `names` holds `lock`.
    private let lock = NSLock()
    private var names: [String] = []

    func add(_ name: String) {
        lock.lock()
        names.append(name)
        lock.unlock()
    }

    var files: [String] {
        lock.lock()
        defer { lock.unlock() }
        return names.sorted()
    }
}

@Suite("XML sources through the ingestor")
struct XMLIngestTests {
    @Test("an XML file without a sources file: record element and mapping inferred")
    func inferredXML() throws {
        let xml = """
            <?xml version="1.0"?>
            <cases>
              <case><case_id>CCF/1/19</case_id><country>Russia</country><filed_date>2019-03-12</filed_date>
                <decision>Not compliant</decision></case>
              <case><case_id>CCF/2/19</case_id><country>Türkiye</country><filed_date>2019-04-01</filed_date>
                <decision></decision></case>
            </cases>
            """
        let folder = try IngestFixtures.temporaryFolder(text: ["ccf.xml": xml])
        let result = try DatasetIngestor(directory: folder).ingest()
        #expect(
            IngestFixtures.lines(result) == [
                "complaint CCF/1/19 - RU 2019-03-12 - overturned \"Not compliant\" @ccf.xml:3",
                "complaint CCF/2/19 - TR 2019-04-01 - pending \"\" @ccf.xml:5",
                "source ccf.xml complaint read=2 kept=2 merged=0 quarantined=0",
            ])
        #expect(result.inputFiles.first?.readerChoices.contains("record=case (detected)") == true)
    }
}

@Suite("Inference without a header")
struct InferenceWithoutHeaderTests {
    @Test("a first row of values is still read as the header, and the error lists it")
    func dataInFirstRow() throws {
        let folder = try IngestFixtures.temporaryFolder(text: [
            "rows.csv": "2019/1,RU,2019-03-12\n2019/2,FR,2019-03-13\n"
        ])
        let error = #expect(throws: IngestError.self) { try DatasetIngestor(directory: folder).ingest() }
        #expect(
            error?.description
                == "rows.csv: error[mapping-not-inferred]: cannot tell whether rows.csv holds notices or complaints: "
                + "no id and requesting country among its headers (found: \"2019/1\", \"RU\", \"2019-03-12\"); "
                + "describe it in sources.yml")
    }
}

@Suite("JSON sources from the sources file")
struct JSONSourceTests {
    @Test("records at a set path, dates in a list of formats tried in order")
    func recordsPathAndFormats() throws {
        let yaml = """
            version: 1
            sources:
              - name: red
                path: pages/*.json
                record: notice
                json: { records: _embedded.notices }
                fields:
                  id: entity_id
                  requesting_country: arrest_warrants[0].issuing_country_id
                  issue_date: { from: issued, format: [yyyy/MM/dd, yyyy] }
                  kind: { value: red-notice }
            """
        let page = """
            {"total": 3, "_embedded": {"notices": [
              {"entity_id": "2019/12345", "issued": "2019/03/14", "arrest_warrants": [{"issuing_country_id": "RU"}]},
              {"entity_id": "2020/1", "issued": "2020", "arrest_warrants": [{"issuing_country_id": "TJ"}]},
              {"entity_id": "2021/7", "issued": "14.03.2021", "arrest_warrants": [{"issuing_country_id": "FR"}]}
            ]}}
            """
        let folder = try IngestFixtures.temporaryFolder(text: ["sources.yml": yaml, "pages/p1.json": page])
        let result = try DatasetIngestor(directory: folder).ingest()
        #expect(
            IngestFixtures.lines(result) == [
                "notice 2019/12345 red-notice RU 2019-03-14 active - @pages/p1.json:2",
                "notice 2020/1 red-notice TJ 2020 active - @pages/p1.json:3",
                "notice 2021/7 red-notice FR - active - @pages/p1.json:4 flagged=issue_date",
                "source red notice read=3 kept=3 merged=0 quarantined=0",
            ])
        #expect(result.inputFiles.first?.readerChoices.contains("layout=records=_embedded.notices (set)") == true)
    }
}
