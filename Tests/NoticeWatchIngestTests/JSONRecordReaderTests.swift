import Foundation
import NoticeWatchModel
import Testing

@testable import NoticeWatchIngest

/// A read item flattened to a comparable value, so whole records and broken records are asserted.
enum ReaderOutcome: Equatable, CustomStringConvertible {
    case record(line: Int?, record: Int, values: [String?])
    case broken(line: Int?, record: Int?, rawText: String, field: String?, code: String, message: String)

    init(_ item: ReadItem) {
        switch item {
        case .record(let raw):
            self = .record(line: raw.line, record: raw.record, values: raw.values)
        case .broken(let broken):
            self = .broken(
                line: broken.line, record: broken.record, rawText: broken.rawText, field: broken.field,
                code: broken.reason.code, message: broken.reason.message
            )
        }
    }

    var description: String {
        switch self {
        case .record(let line, let record, let values): "record(\(line as Any), \(record), \(values))"
        case .broken(let line, let record, let rawText, let field, let code, let message):
            "broken(\(line as Any), \(record as Any), \(rawText.debugDescription), \(field as Any), \(code), "
                + "\(message.debugDescription))"
        }
    }
}

/// The absolute path of a fixture file.
func structuredFixturePath(_ folder: String, _ name: String) -> String {
    let fixtures = Bundle.module.url(forResource: "Fixtures", withExtension: nil)!
    return fixtures.appendingPathComponent(folder).appendingPathComponent(name).path
}

/// Every item of a reader, flattened.
func drainReader(_ reader: some RecordReader) throws -> [ReaderOutcome] {
    var reader = reader
    var results: [ReaderOutcome] = []
    while let item = try reader.next() {
        results.append(ReaderOutcome(item))
    }
    return results
}

func readJSON(_ name: String, _ layout: JSONLayout, _ paths: [String]) throws -> [ReaderOutcome] {
    try drainReader(
        JSONRecordReader(
            path: structuredFixturePath("json", name), displayPath: name, layout: layout, fieldPaths: paths))
}

@Suite struct JSONRecordReaderTests {
    @Test func interpolPageSkipsEverythingButTheNotices() throws {
        let results = try readJSON(
            "page.json", .array(recordsPath: "_embedded.notices"),
            ["entity_id", "date_of_birth", "nationalities[1]", "nationalities", "_links.self.href", "missing"]
        )
        #expect(
            results == [
                .record(
                    line: 8, record: 1,
                    values: [
                        "2021/75051", "1979/01/17", nil, "[\"UY\"]", "https://example.org/notices/v1/red/2021-75051",
                        nil,
                    ]),
                .record(
                    line: 16, record: 2,
                    values: [
                        "2019/12345", nil, "BY", "[\"RU\",\"BY\"]", "https://example.org/notices/v1/red/2019-12345",
                        nil,
                    ]),
            ])
    }

    @Test func topLevelArray() throws {
        let results = try readJSON("top-level.json", .array(recordsPath: ""), ["name", "entity_id"])
        #expect(
            results == [
                .record(line: 1, record: 1, values: ["A", "2020/1"]),
                .record(line: 2, record: 2, values: ["B", "2020/2"]),
                .record(line: 3, record: 3, values: [nil, "2020/3"]),
            ])
    }

    @Test func ndjsonSkipsBlankLinesAndGoesOnAfterABrokenLine() throws {
        let results = try readJSON("lines.ndjson", .ndjson, ["entity_id", "arrest_warrants[1].issuing_country_id"])
        #expect(
            results == [
                .record(line: 1, record: 1, values: ["2018/1", nil]),
                .broken(
                    line: 4, record: 2,
                    rawText: #"{"entity_id":"2018/2","arrest_warrants":[{"issuing_country_id":"TR"} oops]}"#,
                    field: nil, code: "malformed-json",
                    message: "expected ',' or ']' after an array element, found 'o' at line 4, column 70"
                ),
                .record(line: 5, record: 3, values: ["2018/3", "HK"]),
                .broken(
                    line: 6, record: 4, rawText: #"{"entity_id":"2018/4""#, field: nil, code: "malformed-json",
                    message: "unexpected end of line at line 6, column 22"
                ),
            ])
    }

    @Test func truncatedDocumentEndsWithTheRecordInProgress() throws {
        let results = try readJSON("truncated.json", .array(recordsPath: ""), ["entity_id", "name"])
        #expect(
            results == [
                .record(line: 2, record: 1, values: ["2022/1", "A"]),
                .record(line: 3, record: 2, values: ["2022/2", "B\"]"]),
                .broken(
                    line: 4, record: 3, rawText: #"{"entity_id": "2022/3", "na"#, field: nil, code: "malformed-json",
                    message:
                        "unexpected end of file inside a string at line 4, column 30 (the file ends inside record 3)"
                ),
            ])
    }

    @Test func syntaxErrorInADocumentEndsTheFile() throws {
        let results = try readJSON("syntax-error.json", .array(recordsPath: ""), ["entity_id"])
        #expect(
            results == [
                .record(line: 2, record: 1, values: ["2022/1"]),
                .broken(
                    line: 3, record: 2, rawText: #"{"entity_id": "2022/2" "name": "B"}"#, field: nil,
                    code: "malformed-json",
                    message: "expected ',' or '}' after an object member, found '\"' at line 3, column 26"
                ),
            ])
    }

    @Test(arguments: [
        (
            "not-an-array.json",
            ReaderOutcome.broken(
                line: 1, record: nil, rawText: #"{"entity_id": "2022/1"}}}"#, field: nil, code: "unexpected-json-shape",
                message: "expected `_embedded.notices` to be an array of records, found an object at line 1, column 39"
            )
        ),
        (
            "no-records.json",
            ReaderOutcome.broken(
                line: 1, record: nil, rawText: "}", field: nil, code: "unexpected-json-shape",
                message: "the document has no `_embedded` at line 1, column 26"
            )
        ),
    ])
    func wrongShapedDocument(name: String, expected: ReaderOutcome) throws {
        let results = try readJSON(name, .array(recordsPath: "_embedded.notices"), ["entity_id"])
        #expect(results == [expected])
    }

    @Test func emptyRecordsArrayHasNoRecords() throws {
        #expect(try readJSON("empty-page.json", .array(recordsPath: "_embedded.notices"), ["entity_id"]) == [])
    }

    @Test(arguments: [
        (
            "missing-comma.json", "",
            [
                ReaderOutcome.record(line: 1, record: 1, values: ["1"]),
                .broken(
                    line: 2, record: nil, rawText: #"{"entity_id": "2"}]"#, field: nil, code: "malformed-json",
                    message: "expected ',' or ']' after record 1, found '{' at line 2, column 2"),
            ]
        ),
        (
            "truncated-before-records.json", "_embedded.notices",
            [
                .broken(
                    line: 1, record: nil, rawText: "", field: nil, code: "malformed-json",
                    message: "unexpected end of file, expected the end of a key at line 1, column 33")
            ]
        ),
        (
            "truncated-after-record.json", "_embedded.notices",
            [
                .record(line: 1, record: 1, values: ["1"]),
                .broken(
                    line: 2, record: nil, rawText: "", field: nil, code: "malformed-json",
                    message: "unexpected end of file inside the records array at line 2, column 1"),
            ]
        ),
    ])
    func documentErrorsOutsideRecordsEndTheFile(name: String, recordsPath: String, expected: [ReaderOutcome]) throws {
        #expect(try readJSON(name, .array(recordsPath: recordsPath), ["entity_id"]) == expected)
    }

    @Test func elementsThatAreNotObjectsAreBrokenAndSkipped() throws {
        let results = try readJSON("not-objects.json", .array(recordsPath: ""), ["entity_id"])
        #expect(
            results == [
                .record(line: 1, record: 1, values: ["2022/1"]),
                .broken(
                    line: 1, record: 2, rawText: "5", field: nil, code: "unexpected-json-shape",
                    message: "expected a record object, found a number at line 1, column 27"),
                .broken(
                    line: 1, record: 3, rawText: "\"x\"", field: nil, code: "unexpected-json-shape",
                    message: "expected a record object, found a string at line 1, column 30"),
                .record(line: 1, record: 4, values: ["2022/4"]),
            ])
    }

    @Test func valuesEscapesDuplicatesAndShapes() throws {
        let results = try readJSON(
            "values.ndjson", .ndjson, ["id", "n", "b", "f", "z", "o", "a", "decision.date", "key"])
        let none: [String?] = Array(repeating: nil, count: 9)
        #expect(
            results == [
                .record(
                    line: 1, record: 1,
                    values: [
                        "café 😀 \"q\" \\ / \u{8}\u{c}\n\r\t", "-12.5e3", "true", "false", nil,
                        #"{"k":[1,"a b",{}]}"#, "[]",
                        nil, nil,
                    ]),
                .broken(
                    line: 2, record: 2, rawText: #"{"id":"bad \x escape"}"#, field: nil, code: "malformed-json",
                    message: #"invalid escape `\x` at line 2, column 12"#),
                .broken(
                    line: 3, record: 3, rawText: #"{"id":"lone \ud83d surrogate"}"#, field: nil,
                    code: "malformed-json", message: #"unpaired surrogate `\ud83d` at line 3, column 13"#),
                .record(line: 4, record: 4, values: ["first", nil, nil, nil, nil, nil, nil, "2020-01-01", nil]),
                .record(line: 5, record: 5, values: none),
                .broken(
                    line: 6, record: 6, rawText: "[1,2]", field: nil, code: "unexpected-json-shape",
                    message: "expected a record object, found an array at line 6, column 1"),
                .broken(
                    line: 7, record: 7, rawText: #"{"id":"ok"} trailing"#, field: nil, code: "malformed-json",
                    message: "unexpected 't' after the record at line 7, column 13"),
                .record(line: 8, record: 8, values: ["é", nil, nil, nil, nil, nil, nil, nil, "escaped key"]),
            ])
    }

    @Test(arguments: ["", "a..b", "a[x]", "a[-1]", "a[0", "[0]", "a.[0]"])
    func invalidFieldPathsAreRejected(path: String) throws {
        #expect(
            throws: IngestError(
                code: .sourcesFileInvalidFieldPath,
                message: "`\(path)` is not a JSON field path (dotted keys with [n] indexes, such as "
                    + "`arrest_warrants[0].issuing_country_id`), for values.ndjson"
            )
        ) {
            _ = try JSONRecordReader(
                path: structuredFixturePath("json", "values.ndjson"), displayPath: "values.ndjson", layout: .ndjson,
                fieldPaths: [path]
            )
        }
    }

    @Test func missingFileIsUnreadable() {
        #expect(
            throws: IngestError(
                code: .fileUnreadable, message: "cannot open the file: No such file or directory", file: "nope.json"
            )
        ) {
            _ = try JSONRecordReader(
                path: "/nonexistent/nope.json", displayPath: "nope.json", layout: .ndjson,
                fieldPaths: [])
        }
    }
}

@Suite struct JSONRecordReaderEncodingTests {
    @Test func invalidUTF8InAReturnedValueNamesTheField() throws {
        let results = try readJSON("invalid-utf8.ndjson", .ndjson, ["id"])
        #expect(
            results == [
                .broken(
                    line: 1, record: 1, rawText: #"{"id":"a\xFFb","note":"ok"}"#, field: "id", code: "invalid-utf8",
                    message: #"the value of `id` is not valid UTF-8: a\xFFb at line 1, column 8"#),
                .record(line: 2, record: 2, values: ["c"]),
                .broken(
                    line: 3, record: 3, rawText: "\u{FEFF}{\"id\":\"bom-inside\"}", field: nil, code: "malformed-json",
                    message: "unexpected byte 0xEF where a value was expected at line 3, column 1"),
            ])
    }

    @Test func byteOrderMarkAtTheStartIsSkipped() throws {
        #expect(
            try readJSON("bom.json", .array(recordsPath: ""), ["id"]) == [
                .record(line: 1, record: 1, values: ["with-bom"])
            ])
    }
}
