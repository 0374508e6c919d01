import Foundation
import NoticeWatchModel
import Testing

@testable import NoticeWatchIngest

/// A large NDJSON file is read in chunks on several cores: the result must be the one reading it whole gives.
@Suite struct ChunkedReadingTests {
    static let sources = """
        version: 1
        sources:
          - name: lines
            path: notices.ndjson
            format: ndjson
            record: notice
            fields:
              id: entity_id
              kind: kind
              requesting_country: country
              issue_date:
                from: issued
                format: yyyy-MM-dd
              status: status
          - name: more
            path: more.ndjson
            format: ndjson
            record: notice
            fields:
              id: entity_id
              requesting_country: country
        """

    /// NDJSON lines: blank lines, CRLF endings, an unknown country, a bad date, ids out of order and repeated
    /// (with a differing value, so a conflict), and `broken` where a later line is not JSON at all.
    static func notices(broken: Bool) -> String {
        var lines: [String] = []
        for index in 0..<60 {
            let id = String(format: "N%03d", (index * 37) % 50)
            let country = index % 11 == 3 ? "ZZ" : (index % 2 == 0 ? "FR" : "RU")
            let issued = index % 13 == 5 ? "2020-13-45" : "2019-0\(index % 9 + 1)-1\(index % 10)"
            let kind = index % 7 == 0 ? "diffusion" : "red-notice"
            lines.append(
                "{\"entity_id\":\"\(id)\",\"kind\":\"\(kind)\",\"country\":\"\(country)\",\"issued\":\"\(issued)\","
                    + "\"status\":\"active\"}")
            if index % 9 == 4 { lines.append("") }
            if index % 10 == 6 { lines.append("   ") }
            if broken && index == 47 { lines.append("{\"entity_id\": \"N999\", oops}") }
        }
        return lines.enumerated().map { $0.offset % 4 == 1 ? $0.element + "\r\n" : $0.element + "\n" }.joined()
    }

    static func ingest(broken: Bool, chunking: FileChunk.Sizes) throws -> IngestResult {
        let folder = try IngestFixtures.temporaryFolder(text: [
            "sources.yml": sources, "notices.ndjson": notices(broken: broken),
            "more.ndjson": "{\"entity_id\":\"N001\",\"country\":\"DE\"}\n\n{\"entity_id\":\"N200\",\"country\":\"FR\"}",
        ])
        var ingestor = DatasetIngestor(directory: folder)
        ingestor.chunking = chunking
        return try ingestor.ingest()
    }

    static let whole = FileChunk.Sizes(minimumFileSize: .max, targetSize: .max)

    @Test(arguments: [false, true], [20, 64, 300, 1000])
    func chunksGiveTheWholeFileResult(broken: Bool, targetSize: Int) throws {
        let expected = try Self.ingest(broken: broken, chunking: Self.whole)
        let chunked = try Self.ingest(broken: broken, chunking: .init(minimumFileSize: 0, targetSize: targetSize))
        #expect(IngestFixtures.lines(chunked) == IngestFixtures.lines(expected))
        #expect(chunked.conflicts == expected.conflicts)
        #expect(chunked.inputFiles == expected.inputFiles)
        #expect(chunked.sources == expected.sources)
        #expect(!expected.conflicts.isEmpty)
        #expect(expected.quarantine.contains { $0.reason.code == "unknown-country" })
        #expect(expected.quarantine.contains { $0.reason.code == "malformed-json" } == broken)
    }

    @Test func chunksStartAtLineStartsAndCoverTheFile() throws {
        let folder = try IngestFixtures.temporaryFolder(text: [
            "sources.yml": Self.sources, "notices.ndjson": Self.notices(broken: false), "more.ndjson": "",
        ])
        let specs = try SourcesFileParser(displayPath: "sources.yml").parse(Self.sources)
        let task = FileTask(
            sourceIndex: 0, spec: specs[0], relativePath: "notices.ndjson", absolutePath: folder + "/notices.ndjson",
            format: .ndjson, sourcesFile: "sources.yml")
        let prepared = try task.prepare()
        let bytes = Array(Self.notices(broken: false).utf8)
        let planned = try FileChunk.plan(prepared, file: 3, sizes: .init(minimumFileSize: 0, targetSize: 500))
        let chunks = try #require(planned)
        #expect(chunks.count > 4)
        #expect(chunks.first?.range.lowerBound == 0)
        #expect(chunks.last?.range.upperBound == bytes.count)
        for (previous, next) in zip(chunks, chunks.dropFirst()) {
            #expect(previous.range.upperBound == next.range.lowerBound)
            #expect(bytes[next.range.lowerBound - 1] == 0x0A)
        }
        #expect(chunks.allSatisfy { $0.file == 3 })
        let unplanned = try FileChunk.plan(prepared, file: 0, sizes: Self.whole)
        #expect(unplanned == nil)
    }
}
