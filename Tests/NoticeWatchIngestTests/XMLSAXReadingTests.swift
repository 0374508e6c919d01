import Foundation
import NoticeWatchModel
import Testing

@testable import NoticeWatchIngest

/// Reading records from libxml2's SAX events: values as bytes, attribute values decoded as libxml2's tree
/// decodes them, records longer than the pieces pushed to the parser, and where reading stops.
@Suite struct XMLSAXReadingTests {
    /// Writes `text` to a new temporary folder as `name` and returns its path.
    private func temporaryFile(_ name: String, _ text: String) throws -> String {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("noticewatch-xml-sax-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent(name).path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    private func read(_ path: String, record: String = "case", _ paths: [String]) throws -> [ReaderOutcome] {
        try drainReader(
            XMLRecordReader(
                path: path, displayPath: URL(fileURLWithPath: path).lastPathComponent, recordElement: record,
                namespaces: [:], fieldPaths: paths))
    }

    /// `count` records `<case n="…"><country>C…</country></case>`, one a line.
    private func cases(_ numbers: ClosedRange<Int>) -> String {
        numbers.map { "  <case n=\"\($0)\"><country>C\($0)</country></case>\n" }.joined()
    }

    private func records(_ numbers: ClosedRange<Int>, firstLine: Int) -> [ReaderOutcome] {
        numbers.map { .record(line: firstLine + $0 - numbers.lowerBound, record: $0, values: ["\($0)", "C\($0)"]) }
    }

    @Test func attributeValuesAndTextAreDecodedAsInTheTree() throws {
        let results = try readXML("attribute-values.xml", record: "case", ["@ref", "@kind", "country", "empty"])
        #expect(
            results == [
                .record(line: 7, record: 1, values: ["A&B", "k1", "RU", nil]),
                .record(line: 8, record: 2, values: ["ABC", nil, "TR", nil]),
                .record(line: 10, record: 3, values: ["a\nb c d", nil, "CN", nil]),
                .broken(
                    line: 11, record: 4, rawText: "&org;", field: "@ref", code: "xml-entity-not-expanded",
                    message: "the entity reference `&org;` in `@ref` is not expanded (entities are never substituted)"),
                .record(line: 12, record: 5, values: ["E", nil, "ES", ""]),
            ])
    }

    struct BytesCase: Sendable, CustomTestStringConvertible {
        var file: String
        var record: String
        var namespaces: [String: String]
        var paths: [String]
        var testDescription: String { file }
    }

    @Test(arguments: [
        BytesCase(
            file: "flat.xml", record: "case", namespaces: [:], paths: ["@ref", "country", "filed", "missing"]),
        BytesCase(
            file: "namespaced.xml", record: "nw:case", namespaces: ["nw": "urn:example:noticewatch"],
            paths: ["@ref", "nw:country", "nw:country/@code", "nw:decision/nw:date"]),
        BytesCase(file: "attribute-values.xml", record: "case", namespaces: [:], paths: ["@ref", "country"]),
        BytesCase(file: "internal-entity.xml", record: "case", namespaces: [:], paths: ["@ref", "body"]),
        BytesCase(file: "malformed-late.xml", record: "case", namespaces: [:], paths: ["@n", "country"]),
    ])
    func bytesAreTheTextValues(_ testCase: BytesCase) throws {
        let path = structuredFixturePath("xml", testCase.file)
        let expected = try drainReader(
            XMLRecordReader(
                path: path, displayPath: testCase.file, recordElement: testCase.record,
                namespaces: testCase.namespaces, fieldPaths: testCase.paths))
        var reader = try XMLRecordReader(
            path: path, displayPath: testCase.file, recordElement: testCase.record, namespaces: testCase.namespaces,
            fieldPaths: testCase.paths)
        let fields = RecordFields(count: testCase.paths.count)
        var found: [ReaderOutcome] = []
        while let item = try reader.nextFields(into: fields) {
            switch item {
            case .record:
                found.append(
                    .init(.record(RawRecord(line: fields.line, record: fields.record, values: fields.strings))))
            case .broken(let broken):
                found.append(.init(.broken(broken)))
            }
        }
        #expect(!expected.isEmpty)
        #expect(found == expected)
    }

    @Test func recordsLongerThanThePiecesPushedKeepTheirValues() throws {
        let long = String(repeating: "x", count: 300_000)
        let text =
            "<?xml version=\"1.0\"?>\n<cases>\n" + cases(1...3)
            + "  <case n=\"4\"><country>\n\(long)\n</country><note>\(long)</note></case>\n" + cases(5...2_000)
            + "</cases>\n"
        let results = try read(temporaryFile("long.xml", text), ["@n", "country"])
        #expect(results.count == 2_000)
        #expect(Array(results[0..<3]) == records(1...3, firstLine: 3))
        #expect(results[3] == .record(line: 6, record: 4, values: ["4", long]))
        #expect(Array(results[4...]) == records(5...2_000, firstLine: 9))
    }

    /// Every record completed before the error comes out whole, however far libxml2 had read ahead of it.
    @Test func recordsJustBeforeAnErrorComeOutWhole() throws {
        let text =
            "<?xml version=\"1.0\"?>\n<cases>\n" + cases(1...19) + "  <case n=\"20\"><country>&nope;</country></case>\n"
            + cases(21...40) + "</cases>\n"
        let results = try read(temporaryFile("undeclared.xml", text), ["@n", "country"])
        #expect(
            results == records(1...19, firstLine: 3) + [
                .broken(
                    line: 22, record: nil, rawText: "", field: nil, code: "malformed-xml",
                    message: "malformed XML in undeclared.xml at line 22: Entity 'nope' not defined")
            ])
    }

    /// The error's line is the last element's, as the tree gave it.
    @Test func theLastRecordBeforeExtraContentComesOut() throws {
        let text = "<?xml version=\"1.0\"?>\n<cases>\n" + cases(1...5) + "</cases>\n<cases>\n"
        let results = try read(temporaryFile("extra.xml", text), ["@n", "country"])
        #expect(
            results == records(1...5, firstLine: 3) + [
                .broken(
                    line: 7, record: nil, rawText: "", field: nil, code: "malformed-xml",
                    message: "malformed XML in extra.xml at line 7: Extra content at the end of the document")
            ])
    }

    /// An element or attribute whose prefix is not declared is named `q:country` in the tree: no path matches it.
    @Test func anUndeclaredNamespacePrefixDoesNotStopReading() throws {
        let text =
            "<?xml version=\"1.0\"?>\n<cases>\n" + cases(1...2)
            + "  <case q:n=\"3\"><q:country>X</q:country></case>\n"
            + cases(4...5) + "</cases>\n"
        let results = try read(temporaryFile("prefix.xml", text), ["@n", "country"])
        #expect(
            results == records(1...2, firstLine: 3) + [.record(line: 5, record: 3, values: [nil, nil])]
                + records(4...5, firstLine: 6))
    }

    /// libxml2's tree builder refuses a text node over 10,000,000 bytes (without `XML_PARSE_HUGE`), and reading
    /// stops there as it did on the tree.
    @Test func aHugeTextNodeStopsReading() throws {
        let text =
            "<?xml version=\"1.0\"?>\n<cases>\n" + cases(1...2) + "  <case n=\"3\"><country>"
            + String(repeating: "a", count: 10_000_100) + "</country></case>\n" + cases(4...5) + "</cases>\n"
        let results = try read(temporaryFile("huge.xml", text), ["@n", "country"])
        #expect(
            results == records(1...2, firstLine: 3) + [
                .broken(
                    line: 5, record: nil, rawText: "", field: nil, code: "malformed-xml",
                    message: "malformed XML in huge.xml at line 5: libxml2 stopped reading")
            ])
    }
}
