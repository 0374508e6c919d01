import NoticeWatchIngest
import NoticeWatchModel
import Testing

/// Mistakes in `sources.yml` stop the run before any data row is read, with the line and column.
@Suite("Sources file errors")
struct SourcesFileErrorTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var yaml: String
        var expected: String
        var testDescription: String { name }
    }

    static let csv = "Case ref,Land,Filed,Decision\nC-1,Russia,2019-03-12,Not compliant\n"

    static func source(_ body: String) -> String {
        "version: 1\nsources:\n  - name: cases\n    path: cases.csv\n" + body
    }

    static let fields = "    fields:\n      id: Case ref\n      requesting_country: Land\n"

    static let cases: [Case] = [
        Case(
            name: "unknown top-level key", yaml: "version: 1\nsourcez: []\n",
            expected: "sources.yml:2:1: error[sources-file-unknown-key]: unknown key \"sourcez\" in the top level "
                + "(expected one of: version, sources)"),
        Case(
            name: "unknown csv key", yaml: source("    record: complaint\n    csv:\n      delimter: \";\"\n" + fields),
            expected: "sources.yml:7:7: error[sources-file-unknown-key]: unknown key \"delimter\" in csv "
                + "(expected one of: delimiter, quote, encoding, header)"),
        Case(
            name: "header not a boolean",
            yaml: source("    record: complaint\n    csv:\n      header: maybe\n" + fields),
            expected: "sources.yml:7:15: error[sources-file-wrong-type]: \"header\" must be true or false"),
        Case(
            name: "unknown format", yaml: source("    format: xls\n    record: complaint\n" + fields),
            expected: "sources.yml:5:13: error[sources-file-unknown-value]: unknown format \"xls\" "
                + "(expected one of: csv, json, ndjson, xml, xlsx, ods)"),
        Case(
            name: "snapshot date not a calendar day",
            yaml: source("    record: complaint\n    snapshot_date: 2026-02-30\n" + fields),
            expected: "sources.yml:6:20: error[sources-file-bad-date]: bad snapshot_date \"2026-02-30\" (expected "
                + "a calendar day written yyyy-MM-dd, such as 2026-11-01)"),
        Case(
            name: "snapshot date written day first",
            yaml: source("    record: complaint\n    snapshot_date: \"01.11.2026\"\n" + fields),
            expected: "sources.yml:6:20: error[sources-file-bad-date]: bad snapshot_date \"01.11.2026\" (expected "
                + "a calendar day written yyyy-MM-dd, such as 2026-11-01)"),
        Case(
            name: "unknown record", yaml: source("    record: person\n" + fields),
            expected: "sources.yml:5:13: error[sources-file-unknown-value]: unknown record \"person\" "
                + "(expected one of: notice, complaint)"),
        Case(
            name: "unknown encoding",
            yaml: source("    record: complaint\n    csv:\n      encoding: ebcdic\n" + fields),
            expected: "sources.yml:7:17: error[sources-file-unknown-value]: unknown encoding \"ebcdic\" (expected "
                + "one of: utf-8, utf-16, utf-16le, utf-16be, windows-1252, windows-1251, iso-8859-1)"),
        Case(
            name: "unknown category",
            yaml: source(
                "    record: complaint\n" + fields
                    + "      outcome:\n        from: Decision\n        values:\n          \"Data deleted\": deleted\n"),
            expected: "sources.yml:12:27: error[sources-file-unknown-value]: unknown outcome category \"deleted\" "
                + "(expected one of: overturned, upheld, partially-overturned, inadmissible, withdrawn, pending, unknown)"
        ),
        Case(
            name: "bad date format",
            yaml: source(
                "    record: complaint\n" + fields
                    + "      filed_date:\n        from: Filed\n        format: dd/mm/yy\n"),
            expected: "sources.yml:11:17: error[sources-file-bad-date-format]: bad date format \"dd/mm/yy\" "
                + "(use yyyy, MM, dd and separators, such as dd.MM.yyyy, or iso)"),
        Case(
            name: "unknown field", yaml: source("    record: complaint\n" + fields + "      colour: Land\n"),
            expected: "sources.yml:9:7: error[sources-file-unknown-field]: unknown complaint field \"colour\" "
                + "(expected one of: id, notice_id, requesting_country, filed_date, decision_date, outcome, data_type, request_type, admissibility_date)"
        ),
        Case(
            name: "field mapped twice", yaml: source("    record: complaint\n" + fields + "      id: Land\n"),
            expected: "sources.yml:9:7: error[sources-file-duplicate-key]: key \"id\" appears twice in fields"),
        Case(
            name: "required field unmapped", yaml: source("    record: complaint\n    fields:\n      id: Case ref\n"),
            expected: "sources.yml:7:7: error[sources-file-missing-field]: source \"cases\" does not map the "
                + "required field \"requesting_country\""),
        Case(
            name: "duplicate source name",
            yaml: source("    record: complaint\n" + fields)
                + "  - name: cases\n    path: cases.csv\n    record: complaint\n" + fields,
            expected: "sources.yml:9:11: error[sources-file-duplicate-name]: duplicate source name \"cases\" "
                + "(first used on line 3)"),
        Case(
            name: "column not in the header",
            yaml: source("    record: complaint\n    fields:\n      id: Case ref\n      requesting_country: Country\n"),
            expected: "sources.yml:8:27: error[sources-file-unknown-column]: field \"requesting_country\" is mapped "
                + "to column \"Country\", which cases.csv does not have (its columns: \"Case ref\", \"Land\", "
                + "\"Filed\", \"Decision\")"),
        Case(
            name: "path matching no file",
            yaml: "version: 1\nsources:\n  - name: cases\n    path: missing/*.csv\n    record: complaint\n" + fields,
            expected: "sources.yml:4:11: error[path-not-found]: source \"cases\": path \"missing/*.csv\" matches no "
                + "file in the dataset folder"),
        Case(
            name: "YAML syntax", yaml: "version: 1\nsources:\n  - name: [cases\n",
            expected: "sources.yml:4:1: error[sources-file-syntax]: invalid YAML: did not find expected ',' or ']'"),
    ]

    @Test("each mistake is reported with its code, place and whole message", arguments: cases)
    func mistake(_ testCase: Case) throws {
        let folder = try IngestFixtures.temporaryFolder(text: ["sources.yml": testCase.yaml, "cases.csv": Self.csv])
        let error = #expect(throws: IngestError.self) { try DatasetIngestor(directory: folder).ingest() }
        #expect(error?.description == testCase.expected)
        #expect(error?.isConfigurationError == testCase.expected.contains("error[sources-file"))
    }

    @Test("a missing dataset folder is dataset-not-found")
    func missingFolder() {
        let error = #expect(throws: IngestError.self) {
            try DatasetIngestor(directory: "/nonexistent/noticewatch-dataset").ingest()
        }
        #expect(
            error?.description
                == "/nonexistent/noticewatch-dataset: error[dataset-not-found]: the dataset folder does not exist, "
                + "is not a folder or cannot be read")
    }
}
