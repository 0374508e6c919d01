import NoticeWatchModel
import Testing

@testable import NoticeWatchIngest

@Suite struct JSONRecordReaderDiscoveryTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var file: String
        var given: JSONLayout?
        var sample: Int
        var layout: JSONLayout
        var paths: [String]
        var testDescription: String { file }
    }

    @Test(arguments: [
        Case(
            file: "page.json", given: nil, sample: 10, layout: .array(recordsPath: "_embedded.notices"),
            paths: [
                "_links.self.href", "date_of_birth", "entity_id", "forename", "name", "nationalities[0]",
                "nationalities[1]",
            ]
        ),
        Case(
            file: "one-line-page.json", given: nil, sample: 10, layout: .array(recordsPath: "_embedded.notices"),
            paths: ["entity_id", "forename", "name"]
        ),
        Case(
            file: "details.ndjson", given: nil, sample: 10, layout: .ndjson,
            paths: [
                "_embedded.links", "arrest_warrants[0].charge", "arrest_warrants[0].issuing_country_id",
                "arrest_warrants[1].issuing_country_id", "entity_id", "nationalities[0]", "nationalities[1]",
            ]
        ),
        Case(
            file: "details.ndjson", given: .ndjson, sample: 1, layout: .ndjson,
            paths: [
                "_embedded.links", "arrest_warrants[0].charge", "arrest_warrants[0].issuing_country_id", "entity_id",
            ]
        ),
        Case(
            file: "top-level.json", given: nil, sample: 10, layout: .array(recordsPath: ""),
            paths: ["entity_id", "name"]),
        Case(
            file: "lines.ndjson", given: nil, sample: 10, layout: .ndjson,
            paths: [
                "arrest_warrants[0].issuing_country_id", "arrest_warrants[1].issuing_country_id", "entity_id",
            ]),
    ])
    func discoversLayoutAndPaths(_ testCase: Case) throws {
        let found = try JSONRecordReader.discoverFieldPaths(
            path: structuredFixturePath("json", testCase.file), displayPath: testCase.file, layout: testCase.given,
            sampleRecords: testCase.sample
        )
        #expect(found.layout == testCase.layout)
        #expect(found.paths == testCase.paths)
    }
}
