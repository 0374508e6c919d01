import NoticeWatchModel
import Testing

@testable import NoticeWatchIngest

func readXML(
    _ name: String, record: String, namespaces: [String: String] = [:], _ paths: [String]
) throws -> [ReadResult] {
    try readAll(XMLRecordReader(
        path: fixturePath("xml", name), displayPath: name, recordElement: record, namespaces: namespaces,
        fieldPaths: paths
    ))
}

@Suite struct XMLRecordReaderTests {
    @Test func probe() throws {
        for r in try readXML("flat.xml", record: "case", ["@ref", "country", "filed", "missing"]) { print(r) }
        for r in try readXML("namespaced.xml", record: "nw:case", namespaces: ["nw": "urn:example:noticewatch"], ["@ref", "nw:country", "nw:country/@code", "nw:decision/nw:date", "nw:decision", "nw:note"]) { print(r) }
        for r in try readXML("malformed.xml", record: "case", ["country"]) { print(r) }
        for r in try readXML("external-entity.xml", record: "case", ["country", "id"]) { print(r) }
        for r in try readXML("billion-laughs.xml", record: "case", ["country"]) { print(r) }
    }
}
