import NoticeWatchModel
import Testing

@testable import NoticeWatchIngest

@Suite struct XMLRecordReaderErrorTests {
    @Test func malformedXMLYieldsTheRecordsBeforeTheErrorThenEnds() throws {
        let results = try readXML("malformed.xml", record: "case", ["country"])
        #expect(
            results == [
                .record(line: 3, record: 1, values: ["RU"]),
                .record(line: 4, record: 2, values: ["TR"]),
                .broken(
                    line: 5, record: nil, rawText: "", field: nil, code: "malformed-xml",
                    message:
                        "malformed XML in malformed.xml at line 5: Opening and ending tag mismatch: country line 5 "
                        + "and countr"),
            ])
    }

    @Test func malformedLateInALongerFileKeepsEveryEarlierRecord() throws {
        let results = try readXML("malformed-late.xml", record: "case", ["@n", "country"])
        let expectedRecords = (1...40).map {
            ReaderOutcome.record(line: $0 + 2, record: $0, values: ["\($0)", "C\($0)"])
        }
        #expect(
            results == expectedRecords + [
                .broken(
                    line: 43, record: nil, rawText: "", field: nil, code: "malformed-xml",
                    message:
                        "malformed XML in malformed-late.xml at line 43: Opening and ending tag mismatch: filed line "
                        + "43 and case")
            ])
    }

    @Test func billionLaughsIsRefusedWithoutExpanding() throws {
        let results = try readXML("billion-laughs.xml", record: "case", ["country"])
        #expect(
            results == [
                .broken(
                    line: 15, record: nil, rawText: "", field: nil, code: "malformed-xml",
                    message: "malformed XML in billion-laughs.xml at line 15: Detected an entity reference loop")
            ])
    }

    @Test func missingFileIsUnreadable() {
        #expect(
            throws: IngestError(
                code: .fileUnreadable, message: "cannot open the file: No such file or directory", file: "nope.xml"
            )
        ) {
            _ = try XMLRecordReader(
                path: "/nonexistent/nope.xml", displayPath: "nope.xml", recordElement: "case", namespaces: [:],
                fieldPaths: []
            )
        }
    }

    struct DiscoveryCase: Sendable, CustomTestStringConvertible {
        var file: String
        var given: String?
        var element: String
        var paths: [String]
        var testDescription: String { file }
    }

    @Test(arguments: [
        DiscoveryCase(file: "flat.xml", given: nil, element: "case", paths: ["@ref", "country", "filed"]),
        DiscoveryCase(
            file: "namespaced.xml", given: nil, element: "nw:case",
            paths: [
                "@ref", "nw:country", "nw:country/@code", "nw:decision/nw:date", "nw:decision/nw:outcome", "nw:note",
                "o:country",
            ]),
        DiscoveryCase(file: "namespaced.xml", given: "o:case", element: "o:case", paths: ["@ref", "nw:country"]),
        DiscoveryCase(file: "malformed-late.xml", given: nil, element: "case", paths: ["@n", "country"]),
    ])
    func discoversRecordElementAndPaths(_ testCase: DiscoveryCase) throws {
        let found = try XMLRecordReader.discoverFieldPaths(
            path: structuredFixturePath("xml", testCase.file), displayPath: testCase.file,
            recordElement: testCase.given,
            namespaces: ["nw": "urn:example:noticewatch", "o": "urn:example:other"], sampleRecords: 5
        )
        #expect(found.recordElement == testCase.element)
        #expect(found.paths == testCase.paths)
    }

    @Test func discoveryAsksForAPrefixForAnUnmappedNamespace() {
        #expect(
            throws: IngestError(
                code: .xmlNamespaceUnmapped,
                message: "`case` is in the namespace \"urn:example:noticewatch\", which has no prefix: add one under "
                    + "`xml.namespaces` in the sources file (for example `nw: \"urn:example:noticewatch\"`)",
                file: "namespaced.xml"
            )
        ) {
            _ = try XMLRecordReader.discoverFieldPaths(
                path: structuredFixturePath("xml", "namespaced.xml"), displayPath: "namespaced.xml", recordElement: nil,
                namespaces: [:], sampleRecords: 5
            )
        }
    }

    @Test func discoveryOnADocumentBrokenBeforeAnyRecord() {
        #expect(
            throws: IngestError(
                code: .malformedXML,
                message:
                    "malformed XML before the first record: Opening and ending tag mismatch: country line 5 and countr",
                file: "malformed.xml", line: 5
            )
        ) {
            _ = try XMLRecordReader.discoverFieldPaths(
                path: structuredFixturePath("xml", "malformed.xml"), displayPath: "malformed.xml", recordElement: nil,
                namespaces: [:], sampleRecords: 5
            )
        }
    }
}
