import Foundation
import NoticeWatchModel
import Testing

@testable import NoticeWatchIngest

/// A large XML file is read in chunks on several cores: the result must be the one reading it whole gives, and
/// a file that cannot be cut safely is read whole.
@Suite struct XMLChunkedReadingTests {
    /// One XML dataset: its sources file, the XML file's bytes, and whether it may be cut.
    struct Fixture: Sendable, CustomStringConvertible {
        var description: String
        var sources: String
        var bytes: [UInt8]
        var cuttable: Bool
    }

    static let plainSources = """
        version: 1
        sources:
          - name: cases
            path: cases.xml
            format: xml
            record: notice
            xml:
              record: case
            fields:
              id: "@ref"
              kind: kind
              requesting_country: country/@code
              issue_date:
                from: issue/date
                format: yyyy-MM-dd
              status: status
        """

    static let namespacedSources = """
        version: 1
        sources:
          - name: cases
            path: cases.xml
            format: xml
            record: notice
            xml:
              record: nw:case
              namespaces:
                nw: "urn:example:noticewatch"
            fields:
              id: "@ref"
              kind: nw:kind
              requesting_country: nw:country/@code
              issue_date:
                from: nw:issue/nw:date
                format: yyyy-MM-dd
              status: nw:status
        """

    /// Records with attributes and nested elements; blank lines, CRLF, records on one line and records without
    /// text between them; an unknown country now and then and, with `bad`, a record late in the file whose
    /// date is not a date. `prefix` names the elements (`nw:`) and `extra` goes inside the root's start tag.
    static func records(count: Int, prefix: String = "", bad: Bool = false) -> String {
        var text = ""
        for index in 0..<count {
            let p = prefix
            let country = index % 17 == 5 ? "ZZ" : (index % 2 == 0 ? "FR" : "RU")
            let date = bad && index == count - 7 ? "2020-13-45" : "2019-0\(index % 9 + 1)-1\(index % 10)"
            let id = "N\((index * 37) % (count - 3))"
            let record =
                "<\(p)case ref=\"\(id)\" n='\(index)'><\(p)kind>red-notice</\(p)kind>"
                + (index % 3 == 0 ? "\n  " : "")
                + "<\(p)country code=\"\(country)\">Name &amp; more</\(p)country>"
                + "<\(p)issue><\(p)date>\(date)</\(p)date></\(p)issue><\(p)status>active</\(p)status></\(p)case>"
            switch index % 5 {
            case 0: text += record + "\r\n"
            case 1: text += record + "\n\n"
            case 2: text += record
            default: text += "  " + record + "\n"
            }
        }
        return text
    }

    static func document(_ body: String, root: String = "cases", declaration: String = "", extra: String = "")
        -> String
    {
        "<?xml version=\"1.0\"\(declaration)?>\n<\(root)\(extra)>\n" + body + "</\(root.split(separator: " ")[0])>\n"
    }

    static let fixtures: [Fixture] = [
        Fixture(
            description: "plain", sources: plainSources, bytes: Array(document(records(count: 120)).utf8),
            cuttable: true),
        Fixture(
            description: "bad row in a later chunk", sources: plainSources,
            bytes: Array(document(records(count: 120, bad: true), declaration: " encoding=\"UTF-8\"").utf8),
            cuttable: true),
        Fixture(
            description: "namespaced", sources: namespacedSources,
            bytes: Array(
                document(
                    records(count: 100, prefix: "nw:"), root: "nw:export",
                    extra: " xmlns:nw=\"urn:example:noticewatch\" xmlns:o=\"urn:example:other\""
                ).utf8),
            cuttable: true),
        Fixture(
            description: "enclosed twice", sources: plainSources,
            bytes: Array(("<export>\n  <batch id=\"1\">" + records(count: 90) + "</batch>\n</export>\n").utf8),
            cuttable: true),
        Fixture(
            description: "windows-1252", sources: plainSources,
            bytes: windows1252(document(records(count: 90), declaration: " encoding=\"windows-1252\"")),
            cuttable: true),
        Fixture(
            description: "malformed late", sources: plainSources,
            bytes: Array(document(records(count: 100) + "<case ref=\"X\"><kind>oops</case>\n").utf8),
            cuttable: true),
        Fixture(
            description: "comment", sources: plainSources,
            bytes: Array(document(records(count: 60) + "<!-- <case ref=\"C\"> -->\n" + records(count: 40)).utf8),
            cuttable: false),
        Fixture(
            description: "doctype", sources: plainSources,
            bytes: Array(
                ("<?xml version=\"1.0\"?>\n<!DOCTYPE cases [<!ENTITY e \"x\">]>\n<cases>\n" + records(count: 100)
                    + "</cases>\n").utf8),
            cuttable: false),
        Fixture(
            description: "CDATA", sources: plainSources,
            bytes: Array(
                document(
                    records(count: 50) + "<case ref=\"D\"><kind><![CDATA[<case>]]></kind></case>\n"
                        + records(count: 50)
                ).utf8),
            cuttable: false),
    ]

    /// Text in Windows-1252: `é` and `ô` as one byte each.
    static func windows1252(_ text: String) -> [UInt8] {
        text.replacingOccurrences(of: "Name", with: "Côte é").unicodeScalars.map { UInt8($0.value) }
    }

    static func ingest(_ fixture: Fixture, chunking: FileChunk.Sizes) throws -> IngestResult {
        let folder = try IngestFixtures.temporaryFolder([
            "sources.yml": Array(fixture.sources.utf8), "cases.xml": fixture.bytes,
        ])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var ingestor = DatasetIngestor(directory: folder)
        ingestor.chunking = chunking
        return try ingestor.ingest()
    }

    static let whole = FileChunk.Sizes(minimumFileSize: .max, targetSize: .max)

    @Test(arguments: fixtures, [60, 400, 2000])
    func chunksGiveTheWholeFileResult(fixture: Fixture, targetSize: Int) throws {
        let expected = try Self.ingest(fixture, chunking: Self.whole)
        let chunked = try Self.ingest(fixture, chunking: .init(minimumFileSize: 0, targetSize: targetSize))
        #expect(IngestFixtures.lines(chunked) == IngestFixtures.lines(expected))
        #expect(chunked.conflicts == expected.conflicts)
        #expect(chunked.inputFiles == expected.inputFiles)
        #expect(chunked.sources == expected.sources)
        #expect(expected.notices.count > 40)
        #expect(chunked.valuesNotUnderstood == expected.valuesNotUnderstood)
        #expect(expected.valuesNotUnderstood.contains { $0.field == "requesting_country" })
    }

    @Test(arguments: fixtures)
    func onlySafeFilesAreCut(fixture: Fixture) throws {
        let chunks = try Self.plan(fixture, targetSize: 400)
        #expect((chunks?.count ?? 0 > 2) == fixture.cuttable)
        guard let chunks else { return }
        #expect(chunks.first?.range.lowerBound == 0)
        #expect(chunks.last?.range.upperBound == fixture.bytes.count)
        for (previous, next) in zip(chunks, chunks.dropFirst()) {
            #expect(previous.range.upperBound == next.range.lowerBound)
            #expect(fixture.bytes[next.range.lowerBound - 1] == UInt8(ascii: ">"))
        }
        #expect(chunks.first?.xml?.header == [])
        #expect(chunks.last?.xml?.trailer == [])
    }

    /// The chunks of a well-formed file that may be cut combine without reading it whole again.
    @Test(arguments: fixtures.filter { $0.cuttable && $0.description != "malformed late" })
    func chunksCombineWithoutFallingBack(fixture: Fixture) throws {
        let folder = try IngestFixtures.temporaryFolder(["cases.xml": fixture.bytes])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let specs = try SourcesFileParser(displayPath: "sources.yml").parse(fixture.sources)
        let task = FileTask(
            sourceIndex: 0, spec: specs[0], relativePath: "cases.xml", absolutePath: folder + "/cases.xml",
            format: .xml, sourcesFile: "sources.yml")
        let prepared = try task.prepare()
        let planned = try FileChunk.plan(prepared, file: 0, sizes: .init(minimumFileSize: 0, targetSize: 300))
        let chunks = try #require(planned)
        var parts: [FilePartial] = []
        for chunk in chunks {
            parts.append(try prepared.read(progress: nil, range: chunk.range, xmlFrame: chunk.xml))
        }
        #expect(!parts.contains { $0.chunkUnreliable })
        let whole = try prepared.read(progress: nil)
        let combined = try #require(FileChunk.combine(&parts))
        #expect(combined.read == whole.read)
        #expect(combined.notices.map(\.provenance) == whole.notices.map(\.provenance))
        #expect(combined.quarantine == whole.quarantine)
    }

    static func plan(_ fixture: Fixture, targetSize: Int) throws -> [FileChunk]? {
        let folder = try IngestFixtures.temporaryFolder(["cases.xml": fixture.bytes])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let specs = try SourcesFileParser(displayPath: "sources.yml").parse(fixture.sources)
        let task = FileTask(
            sourceIndex: 0, spec: specs[0], relativePath: "cases.xml", absolutePath: folder + "/cases.xml",
            format: .xml, sourcesFile: "sources.yml")
        return try FileChunk.plan(task.prepare(), file: 0, sizes: .init(minimumFileSize: 0, targetSize: targetSize))
    }

    @Test func malformedChunkFallsBackToTheWholeFileError() throws {
        let fixture = Self.fixtures.first { $0.description == "malformed late" }!
        let chunked = try Self.ingest(fixture, chunking: .init(minimumFileSize: 0, targetSize: 400))
        let malformed = chunked.quarantine.filter { $0.reason.code == "malformed-xml" }
        let text = String(decoding: fixture.bytes, as: UTF8.self)
        let line = text.prefix { $0 != "X" }.filter { $0 == "\n" || $0 == "\r\n" }.count + 1
        #expect(malformed.count == 1)
        #expect(malformed.first?.location.line == line)
        #expect(malformed.first?.reason.message.hasPrefix("malformed XML in cases.xml at line \(line): ") == true)
        #expect(chunked.sources.first?.read == 101)
    }

    /// Past line 65535 libxml2 keeps no element lines: a record's line comes from the text before it, which a
    /// chunk must see as the whole file does (records on three lines, and records with no text between them).
    @Test func linesPast65535MatchTheWholeFile() throws {
        var body = ""
        for index in 0..<30_000 {
            let country = index % 2001 == 0 || index % 2001 == 1000 ? "ZZ" : "FR"
            let record =
                "<case ref=\"N\(index)\">\n  <country code=\"\(country)\"/>\n  <status>active</status></case>"
            body += index % 4 == 3 ? record : record + "\n"
        }
        let fixture = Fixture(
            description: "long", sources: Self.plainSources, bytes: Array(Self.document(body).utf8), cuttable: true)
        let expected = try Self.ingest(fixture, chunking: Self.whole)
        let chunked = try Self.ingest(fixture, chunking: .init(minimumFileSize: 0, targetSize: 100_000))
        #expect(IngestFixtures.lines(chunked) == IngestFixtures.lines(expected))
        #expect(try Self.plan(fixture, targetSize: 100_000)?.count ?? 0 > 10)
        // Record `index` starts on line 3 + 3 × index − index / 4: two line feeds inside each record, one after
        // each but every fourth.
        let rows = expected.notices.filter { $0.requestingCountry == .unrecognized("ZZ") }
        #expect(rows.count == 30)
        #expect(rows.allSatisfy { $0.flagged == .requestingCountry })
        for row in rows {
            let index = (row.provenance.record ?? 0) - 1
            #expect(row.provenance.line == 3 + 3 * index - index / 4, "record \(index + 1)")
        }
        #expect(chunked.valuesNotUnderstood == expected.valuesNotUnderstood)
        #expect(expected.valuesNotUnderstood.map(\.count) == [30])
        #expect(expected.valuesNotUnderstood.first?.firstLocation.line == 3)
    }
}
