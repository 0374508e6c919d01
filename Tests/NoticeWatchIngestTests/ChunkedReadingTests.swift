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
        #expect(chunked.valuesNotUnderstood == expected.valuesNotUnderstood)
        #expect(expected.valuesNotUnderstood.contains { $0.field == "requesting_country" })
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

    static let csvSources = """
        version: 1
        sources:
          - name: rows
            path: complaints.csv
            format: csv
            record: complaint
            csv:
              delimiter: ","
              header: true
            fields:
              id: id
              notice_id: notice
              requesting_country: country
              filed_date:
                from: filed
                format: yyyy-MM-dd
              outcome: outcome
        """

    /// CSV rows after a header: blank lines, CRLF and LF endings, an unknown country, ids repeated with another
    /// outcome; `broken` adds a row with a missing field late in the file, `quoted` a quoted field.
    static func complaints(broken: Bool, quoted: Bool) -> String {
        var lines = ["id,notice,country,filed,outcome"]
        for index in 0..<80 {
            let id = "C\((index * 29) % 70 + 100)"
            let country = index % 12 == 7 ? "XX" : (index % 3 == 0 ? "TR" : "EG")
            let outcome = index % 5 == 0 ? "upheld" : "overturned"
            let notice = quoted && index == 33 ? "\"N1, N2\"" : "N\(index)"
            lines.append("\(id),\(notice),\(country),2021-0\(index % 9 + 1)-0\(index % 9 + 1),\(outcome)")
            if index % 8 == 2 { lines.append("") }
            if broken && index == 61 { lines.append("C999,N1,FR") }
        }
        return lines.enumerated().map { $0.offset % 3 == 2 ? $0.element + "\r\n" : $0.element + "\n" }.joined()
    }

    @Test(arguments: [(false, false), (true, false), (false, true)], [30, 200, 700])
    func csvChunksGiveTheWholeFileResult(variant: (broken: Bool, quoted: Bool), targetSize: Int) throws {
        let folder = try IngestFixtures.temporaryFolder(text: [
            "sources.yml": Self.csvSources,
            "complaints.csv": "\u{FEFF}" + Self.complaints(broken: variant.broken, quoted: variant.quoted),
        ])
        var whole = DatasetIngestor(directory: folder)
        whole.chunking = Self.whole
        let expected = try whole.ingest()
        var chunking = DatasetIngestor(directory: folder)
        chunking.chunking = .init(minimumFileSize: 0, targetSize: targetSize)
        let chunked = try chunking.ingest()
        #expect(IngestFixtures.lines(chunked) == IngestFixtures.lines(expected))
        #expect(chunked.conflicts == expected.conflicts)
        #expect(chunked.inputFiles == expected.inputFiles)
        #expect(chunked.sources == expected.sources)
        #expect(chunked.valuesNotUnderstood == expected.valuesNotUnderstood)
        #expect(expected.valuesNotUnderstood.contains { $0.field == "requesting_country" })
        #expect(expected.quarantine.contains { $0.reason.code == "wrong-field-count" } == variant.broken)
    }

    @Test func csvChunksWithAndWithoutQuotes() throws {
        for quoted in [false, true] {
            let text = Self.complaints(broken: false, quoted: quoted)
            let folder = try IngestFixtures.temporaryFolder(text: [
                "sources.yml": Self.csvSources, "complaints.csv": text,
            ])
            let specs = try SourcesFileParser(displayPath: "sources.yml").parse(Self.csvSources)
            let task = FileTask(
                sourceIndex: 0, spec: specs[0], relativePath: "complaints.csv",
                absolutePath: folder + "/complaints.csv", format: .csv, sourcesFile: "sources.yml")
            let planned = try FileChunk.plan(
                try task.prepare(), file: 0, sizes: .init(minimumFileSize: 0, targetSize: 300))
            let chunks = try #require(planned)
            #expect(chunks.count > 2)
            let bytes = Array(text.utf8)
            for chunk in chunks.dropFirst() {
                #expect(bytes[chunk.range.lowerBound - 1] == 0x0A)
                #expect(bytes[..<chunk.range.lowerBound].filter { $0 == 0x22 }.count % 2 == 0)
            }
        }
    }
}
