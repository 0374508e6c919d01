import NoticeWatchModel
import Testing

@testable import NoticeWatchIngest

/// Dates, vocabularies, countries and the quarantine reasons of normalization.
@Suite("Normalization")
struct NormalizationTests {
    @Test(
        "date formats parse what they describe and nothing else",
        arguments: [
            ("dd.MM.yyyy", "12.03.2019", "2019-03-12"), ("dd.MM.yyyy", "1.3.2019", "2019-03-01"),
            ("yyyy/MM/dd", "2019/03/12", "2019-03-12"), ("MM/dd/yyyy", "03/12/2019", "2019-03-12"),
            ("yyyyMMdd", "20190312", "2019-03-12"), ("yyyyMMdd", "2019312", "-"), ("iso", "2019-03-12", "2019-03-12"),
            ("iso", "2019-03-12T10:15:00Z", "2019-03-12"), ("iso", "2019-03-12 10:15", "2019-03-12"),
            ("iso", "2019-03", "2019-03"), ("iso", "2019", "2019"), ("yyyy-MM", "2019-03", "2019-03"),
            ("yyyy", "2019", "2019"), ("dd.MM.yyyy", "30.02.2019", "-"), ("iso", "2019-3-12", "-"),
            ("dd.MM.yyyy", "12.03.2019x", "-"),
        ])
    func dateFormats(format: String, value: String, expected: String) throws {
        let parsed = try #require(DateFormat(format))
        #expect(parsed.parse(value)?.description ?? "-" == expected)
    }

    @Test(
        "date format strings that are not patterns are refused", arguments: ["dd/mm/yy", "MM/yyyy/MM", "dd.yyyy", "x"])
    func badFormats(_ text: String) {
        #expect(DateFormat(text) == nil)
    }

    @Test("detection picks the format that fits the values, and refuses to guess day against month")
    func detection() {
        func decide(_ values: [String]) -> DateFormatDetector.Decision {
            var detector = DateFormatDetector()
            for value in values { detector.observe(value) }
            return detector.decide()
        }
        #expect(decide(["12.03.2019", "25.12.2020"]) == .format(DateFormat("dd.MM.yyyy")!))
        #expect(decide(["03/12/2019", "12/25/2020"]) == .format(DateFormat("MM/dd/yyyy")!))
        #expect(decide(["2019/03/12", ""]) == .format(DateFormat("yyyy/MM/dd")!))
        #expect(decide(["2019-03-12", "2019", "garbage"]) == .format(.iso))
        #expect(decide(["", "n/a"]) == .none)
        #expect(
            decide(["01/02/2019", "03/04/2019", "01/02/2019"])
                == .ambiguous(
                    DateFormat("dd/MM/yyyy")!, DateFormat("MM/dd/yyyy")!, examples: ["01/02/2019", "03/04/2019"]))
    }

    @Test(
        "default vocabularies map English and French wordings, case-insensitively",
        arguments: [
            (NormalizedField.outcome, "Not compliant", "overturned"), (.outcome, "DATA DELETED", "overturned"),
            (.outcome, "non conforme", "overturned"), (.outcome, "Compliant", "upheld"),
            (.outcome, "conforme", "upheld"),
            (.outcome, "Compliant subject to updates", "partially-overturned"),
            (.outcome, "not admissible", "inadmissible"), (.outcome, "Precautionary blocking", "pending"),
            (.outcome, "partially-overturned", "partially-overturned"), (.status, "CANCELLED", "cancelled"),
            (.status, "Active", "active"), (.status, "annulée", "cancelled"), (.kind, "Red Notice", "red-notice"),
            (.kind, "diffusion", "diffusion"), (.cancellationReason, "CCF decision", "ccf-decision"),
        ])
    func vocabularies(field: NormalizedField, label: String, category: String) {
        #expect(Vocabulary(field: field, overrides: [:]).category(for: label) == category)
    }

    @Test("a source's values add to the defaults and win on a clash")
    func overrides() {
        let vocabulary = Vocabulary(field: .outcome, overrides: ["Effacé": "withdrawn", "compliant": "overturned"])
        #expect(vocabulary.category(for: " effacé ") == "withdrawn")
        #expect(vocabulary.category(for: "Compliant") == "overturned")
        #expect(vocabulary.category(for: "Maybe") == nil)
    }

    @Test("a value not understood makes its field unknown; only a row with no id is set aside")
    func valuesNotUnderstood() throws {
        let yaml = """
            version: 1
            sources:
              - name: ccf
                path: cases.csv
                record: complaint
                fields:
                  id: ref
                  requesting_country: country
                  filed_date: { from: filed, format: dd.MM.yyyy }
                  outcome:
                    from: decision
                    values: { "Data deleted by NCB": withdrawn }
            """
        let csv = """
            ref,country,filed,decision
            C-1,Narnia,12.03.2019,Compliant
            C-2,Russia,31.02.2019,Compliant
            C-3,Russia,12.03.2019,Maybe
            ,Russia,12.03.2019,Compliant
            C-5,Russia,12.03.2019,
            C-6,RU,01.04.2019,data deleted by ncb
            C-7,Narnia,13.03.2019,Maybe

            """
        let folder = try IngestFixtures.temporaryFolder(text: ["sources.yml": yaml, "cases.csv": csv])
        let result = try DatasetIngestor(directory: folder).ingest()
        #expect(
            IngestFixtures.lines(result) == [
                "complaint C-1 - Narnia 2019-03-12 - upheld \"Compliant\" @cases.csv:2 flagged=requesting_country",
                "complaint C-2 - RU - - upheld \"Compliant\" @cases.csv:3 flagged=filed_date",
                "complaint C-3 - RU 2019-03-12 - unknown \"Maybe\" @cases.csv:4 flagged=outcome",
                "complaint C-5 - RU 2019-03-12 - pending \"\" @cases.csv:6",
                "complaint C-6 - RU 2019-04-01 - withdrawn \"data deleted by ncb\" @cases.csv:7",
                "complaint C-7 - Narnia 2019-03-13 - unknown \"Maybe\" @cases.csv:8 "
                    + "flagged=requesting_country,outcome",
                "quarantine cases.csv:5 #4 id missing-id: no value for id: a row without an id cannot be a record "
                    + "raw=\"Russia, 12.03.2019, Compliant\"",
                "source ccf complaint read=7 kept=6 merged=0 quarantined=1",
            ])
        #expect(IngestFixtures.balances(result))
        #expect(result.sources.first?.withValuesNotUnderstood == 4)
        #expect(
            result.valuesNotUnderstood.map { "\($0.field) \($0.rawValue) ×\($0.count) @\($0.firstLocation)" } == [
                "filed_date 31.02.2019 ×1 @cases.csv:3", "outcome Maybe ×2 @cases.csv:4",
                "requesting_country Narnia ×2 @cases.csv:2",
            ])
    }

    @Test("a date column that fits both day-first and month-first stops the run")
    func ambiguousDates() throws {
        let csv = "notice_id,country,issue_date\nN-1,FR,01/02/2019\nN-2,FR,03/04/2019\n"
        let folder = try IngestFixtures.temporaryFolder(text: ["notices.csv": csv])
        let error = #expect(throws: IngestError.self) { try DatasetIngestor(directory: folder).ingest() }
        #expect(
            error?.description
                == "notices.csv: error[ambiguous-date-format]: source \"notices.csv\", field \"issue_date\" "
                + "(from \"issue_date\"): values such as \"01/02/2019\", \"03/04/2019\" fit both dd/MM/yyyy and "
                + "MM/dd/yyyy; set `format:` for this field in sources.yml")
    }

    @Test("one day-first value decides the column; values no format fits become unknown dates")
    func detectedColumn() throws {
        let csv = "notice_id,country,issue_date\nN-1,FR,01/02/2019\nN-2,FR,25/04/2019\nN-3,FR,soon\n"
        let folder = try IngestFixtures.temporaryFolder(text: ["notices.csv": csv])
        let result = try DatasetIngestor(directory: folder).ingest()
        #expect(
            IngestFixtures.lines(result) == [
                "notice N-1 unknown FR 2019-02-01 unknown - @notices.csv:2",
                "notice N-2 unknown FR 2019-04-25 unknown - @notices.csv:3",
                "notice N-3 unknown FR - unknown - @notices.csv:4 flagged=issue_date",
                "source notices.csv notice read=3 kept=3 merged=0 quarantined=0",
            ])
        #expect(result.inputFiles.first?.readerChoices.contains("issue_date format=dd/MM/yyyy (detected)") == true)
    }
}

@Suite("CSV options from the sources file")
struct CSVOptionsTests {
    @Test("no header: fields by position; encoding, delimiter and constants as set")
    func positions() throws {
        let yaml = """
            version: 1
            sources:
              - name: ncb
                path: "*.txt"
                format: csv
                record: notice
                csv: { delimiter: "|", encoding: windows-1251, header: false }
                fields:
                  id: 1
                  requesting_country: 2
                  status: { from: 3, values: { "Аннулирован": cancelled } }
                  kind: { value: diffusion }
            """
        let rows: [UInt8] =
            Array("R-1|RU|".utf8) + [0xC0, 0xED, 0xED, 0xF3, 0xEB, 0xE8, 0xF0, 0xEE, 0xE2, 0xE0, 0xED]
            + Array("\nR-2|TJ|active\n".utf8)
        let folder = try IngestFixtures.temporaryFolder(["sources.yml": Array(yaml.utf8), "export.txt": rows])
        let result = try DatasetIngestor(directory: folder).ingest()
        #expect(
            IngestFixtures.lines(result) == [
                "notice R-1 diffusion RU - cancelled - @export.txt:1",
                "notice R-2 diffusion TJ - active - @export.txt:2",
                "source ncb notice read=2 kept=2 merged=0 quarantined=0",
            ])
        #expect(
            result.inputFiles.first?.readerChoices == [
                "delimiter=\"|\" (set)", "encoding=windows-1251 (set)", "header=false (set)",
                "quote=\"\\\"\" (default)",
            ])
    }
}
