import NoticeWatchModel
import Testing

@testable import NoticeWatchIngest

func readXML(
    _ name: String, record: String, namespaces: [String: String] = [:], _ paths: [String]
) throws -> [ReaderOutcome] {
    try drainReader(
        XMLRecordReader(
            path: structuredFixturePath("xml", name), displayPath: name, recordElement: record, namespaces: namespaces,
            fieldPaths: paths
        ))
}

let noticeWatchNamespace = ["nw": "urn:example:noticewatch"]

@Suite struct XMLRecordReaderTests {
    @Test func flatExportWithAttributesEmptyAndRepeatedElements() throws {
        let results = try readXML("flat.xml", record: "case", ["@ref", "country", "filed", "missing", "@missing"])
        #expect(
            results == [
                .record(line: 3, record: 1, values: ["C-1", "RU", "2020-01-01", nil, nil]),
                .record(line: 4, record: 2, values: ["C-2", "TR", "", nil, nil]),
                .record(line: 9, record: 3, values: [nil, "CN", "2021-05-06", nil, nil]),
            ])
    }

    @Test func namespacesMatchByURINotByTheDocumentsPrefixes() throws {
        let results = try readXML(
            "namespaced.xml", record: "nw:case", namespaces: noticeWatchNamespace,
            ["@ref", "nw:country", "nw:country/@code", "nw:decision/nw:date", "nw:decision", "nw:note", "country"]
        )
        #expect(
            results == [
                .record(
                    line: 3, record: 1,
                    values: [
                        "A", "Russia", "RU", "2021-02-03", "2021-02-03Data deleted", nil, nil,
                    ]),
                .record(
                    line: 9, record: 2,
                    values: ["B", "Turkey", "TR", "2022-03-04", "2022-03-04", "a <b> & c and text", nil]),
            ])
    }

    @Test func otherNamespaceIsAnotherElement() throws {
        let results = try readXML(
            "namespaced.xml", record: "o:case",
            namespaces: ["o": "urn:example:other", "nw": "urn:example:noticewatch"],
            ["@ref", "nw:country", "o:country"]
        )
        #expect(results == [.record(line: 8, record: 1, values: ["not-a-record", "XX", nil])])
    }

    @Test func entitiesInMappedFieldsAreNeverExpandedNorFetched() throws {
        let results = try readXML("external-entity.xml", record: "case", ["country", "id"])
        #expect(
            results == [
                .broken(
                    line: 7, record: 1, rawText: "&local;", field: "country", code: "xml-entity-not-expanded",
                    message:
                        "the entity reference `&local;` in `country` is not expanded (entities are never substituted)"),
                .record(line: 8, record: 2, values: ["RU", "2"]),
                .broken(
                    line: 9, record: 3, rawText: "&remote;", field: "id", code: "xml-entity-not-expanded",
                    message: "the entity reference `&remote;` in `id` is not expanded "
                        + "(entities are never substituted)"),
            ])
    }

    @Test func unmappedEntityDoesNotBreakTheRecord() throws {
        let results = try readXML("external-entity.xml", record: "case", ["id"])
        #expect(
            results == [
                .record(line: 7, record: 1, values: ["1"]),
                .record(line: 8, record: 2, values: ["2"]),
                .broken(
                    line: 9, record: 3, rawText: "&remote;", field: "id", code: "xml-entity-not-expanded",
                    message: "the entity reference `&remote;` in `id` is not expanded "
                        + "(entities are never substituted)"),
            ])
    }

    @Test func internalEntitiesInTextAndAttributesAreNotExpandedButCharacterReferencesAre() throws {
        let results = try readXML("internal-entity.xml", record: "case", ["@ref", "body"])
        #expect(
            results == [
                .broken(
                    line: 6, record: 1, rawText: "&org;", field: "@ref", code: "xml-entity-not-expanded",
                    message: "the entity reference `&org;` in `@ref` is not expanded (entities are never substituted)"),
                .broken(
                    line: 7, record: 2, rawText: "&org;", field: "body", code: "xml-entity-not-expanded",
                    message: "the entity reference `&org;` in `body` is not expanded (entities are never substituted)"),
                .record(line: 8, record: 3, values: ["3", "& é"]),
            ])
    }

    @Test(arguments: [
        (
            "@ref/x", ErrorCode.sourcesFileInvalidFieldPath,
            "`@ref/x` is not an XML path: an attribute (`@…`) can only be the last step"
        ),
        (
            "nw:a//nw:b", .sourcesFileInvalidFieldPath,
            "`nw:a//nw:b` is not an XML path (steps such as `nw:decision/nw:date`, `@ref`, `nw:country/@code`)"
        ),
        (
            "x:country", .sourcesFileUnknownNamespacePrefix,
            "the prefix `x` in `x:country` is not declared under `xml.namespaces`"
        ),
    ])
    func invalidPathsAreRejected(path: String, code: ErrorCode, message: String) {
        #expect(throws: IngestError(code: code, message: message)) {
            _ = try XMLRecordReader(
                path: structuredFixturePath("xml", "flat.xml"), displayPath: "flat.xml", recordElement: "case",
                namespaces: noticeWatchNamespace, fieldPaths: [path]
            )
        }
    }
}
