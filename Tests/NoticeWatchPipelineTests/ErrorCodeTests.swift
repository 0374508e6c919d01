import Foundation
import NoticeWatchModel
import Testing

@testable import NoticeWatchPipeline

@Suite("Error codes and the exit statuses cron sees")
struct ErrorCodeTests {
    /// Every code with its meaning and exit status: a new code must be added here, in the README's table and in
    /// ``ErrorCode``, or this test fails.
    static let expected: [(code: String, status: Int32, meaning: String)] = [
        ("dataset-not-found", 66, "the dataset folder does not exist, is not a folder or cannot be read"),
        ("file-unreadable", 66, "an input file (or the sources file) cannot be opened, read or decompressed"),
        ("path-not-found", 65, "a path or glob of the sources file matches no file that is read"),
        ("sources-file-syntax", 65, "the sources file is not valid YAML"),
        ("sources-file-unsupported-version", 65, "the sources file's `version` is not 1"),
        ("sources-file-unknown-key", 65, "the sources file has a key NoticeWatch does not know"),
        ("sources-file-duplicate-key", 65, "a key appears twice in one mapping of the sources file"),
        ("sources-file-missing-key", 65, "a key the sources file needs is missing (or a format cannot be told)"),
        ("sources-file-wrong-type", 65, "a value of the sources file has the wrong type"),
        ("sources-file-unknown-value", 65, "a format, record, encoding or category of the sources file is unknown"),
        ("sources-file-duplicate-name", 65, "two sources have the same name"),
        ("sources-file-unknown-field", 65, "a source maps a field its record kind does not have"),
        ("sources-file-missing-field", 65, "a source does not map a field its record kind requires"),
        ("sources-file-bad-date-format", 65, "a date format of the sources file is not one NoticeWatch reads"),
        ("sources-file-bad-date", 65, "a `snapshot_date` of the sources file is not a calendar day written yyyy-MM-dd"),
        ("sources-file-invalid-field-path", 65, "a JSON or XML field path of the sources file is not a path"),
        (
            "sources-file-unknown-namespace-prefix", 65,
            "an XML path uses a prefix not declared under `xml.namespaces`"
        ),
        ("sources-file-unknown-column", 65, "a field is mapped to a column the CSV file does not have"),
        ("sources-file-unknown-sheet", 65, "a `sheet:` of the sources file names or matches no sheet of the workbook"),
        ("mapping-not-inferred", 65, "with no sources file, a file's names fit neither notices nor complaints"),
        ("ambiguous-date-format", 65, "a date column's values fit two formats; set `format:`"),
        ("json-layout-undetected", 65, "a JSON file is neither an array of records nor an object holding one"),
        ("xml-record-element-undetected", 65, "no repeated record element was found in an XML file"),
        ("xml-namespace-unmapped", 65, "an XML element is in a namespace with no prefix under `xml.namespaces`"),
        ("malformed-xml", 65, "an XML file is malformed before its first record (later, the record is quarantined)"),
        ("no-records", 65, "no record was read from any input file"),
        ("no-as-of-date", 65, "no --as-of, no SOURCE_DATE_EPOCH and no record with a full date to take it from"),
        ("bad-source-date-epoch", 64, "SOURCE_DATE_EPOCH is not a whole number of seconds"),
        ("spill-failed", 73, "the temporary folder cannot take the records beyond the memory budget (TMPDIR)"),
        ("output-not-writable", 73, "a file or folder of the report cannot be created or written"),
        ("sqlite-failed", 73, "SQLite refused a statement while `records.sqlite` was written"),
        ("png-conversion-failed", 73, "with `--png`, `rsvg-convert` could not be started or failed on a chart"),
        ("previous-run-unreadable", 73, "the previous report's tables cannot be read to list the changes"),
        ("report-unwritable", 73, "the report folder, its lock or its `latest` link cannot be written"),
        ("generate-failed", 73, "the generated sample bundle cannot be written"),
        ("report-locked", 75, "another run is writing the same report folder"),
        (
            "report-folder-not-ours", 77,
            "the report folder is a file or holds files that are not a NoticeWatch report"
        ),
        (
            "report-folder-overlaps-dataset", 77,
            "the report folder is, is inside or is above the dataset folder or an input"
        ),
        ("files-not-read", 4, "`inspect`: a run would leave a file unread or stop on one (each is listed with why)"),
        ("init-would-overwrite", 73, "`init`: the dataset folder has a sources.yml already (`--force` replaces it)"),
    ]

    @Test("Every code has its documented meaning and exit status")
    func everyCode() {
        let found = ErrorCode.allCases.map { code in
            (code.description, RunError(code: code, message: "m").exitStatus.rawValue, code.meaning)
        }
        #expect(found.map(\.0) == Self.expected.map(\.code))
        for (code, expected) in zip(found, Self.expected) {
            #expect(code.1 == expected.status, "\(code.0)")
            #expect(code.2 == expected.meaning, "\(code.0)")
        }
        #expect(Set(found.map(\.0)).count == found.count)
    }

    @Test("The README's table of error codes is the code's")
    func readmeTable() throws {
        let readme = try String(contentsOfFile: PipelineTestSupport.packageRoot + "/README.md", encoding: .utf8)
        let rows = readme.split(separator: "\n").filter { $0.hasPrefix("| `") && $0.contains("` | ") }
            .compactMap { line -> (String, Int32, String)? in
                let cells = line.split(separator: "|", omittingEmptySubsequences: false).map {
                    $0.trimmingCharacters(in: .whitespaces)
                }
                guard cells.count == 5, cells[1].hasPrefix("`"), cells[1].hasSuffix("`"), let status = Int32(cells[2])
                else { return nil }
                return (String(cells[1].dropFirst().dropLast()), status, cells[3])
            }
        #expect(rows.map(\.0) == ErrorCode.allCases.map(\.description))
        for (row, code) in zip(rows, ErrorCode.allCases) {
            #expect(row.1 == RunError(code: code, message: "m").exitStatus.rawValue, "\(row.0)")
            #expect(row.2 == code.meaning, "\(row.0)")
        }
    }

    @Test("An error prints its place and code")
    func description() {
        let error = RunError(code: .noRecords, message: "m", file: "data/x.csv", line: 3)
        #expect(error.description == "data/x.csv:3: error[no-records]: m")
        #expect(error.exitStatus == .badData)
        #expect(RunError(code: .reportLocked, message: "busy").description == "error[report-locked]: busy")
    }
}
