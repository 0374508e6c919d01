import NoticeWatchModel
import Testing

@testable import NoticeWatchIngest

/// A CSV file with quote characters is cut into chunks too: at line feeds outside quoted fields, with the same
/// records, lines and quarantine as one reader over the whole file, and read whole when a cut lands inside a row.
@Suite struct QuotedCSVChunkTests {
    static let sources = """
        version: 1
        sources:
          - name: quoted
            path: complaints.csv
            format: csv
            record: complaint
            csv:
              delimiter: ","
              quote: '"'
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

    /// One hazard per variant, among quoted rows: line breaks (LF, CRLF, lone CR) and doubled quotes inside
    /// quoted fields, blank lines, CRLF row ends.
    enum Variant: String, CaseIterable, Sendable {
        /// Only fields that open and close their quotes.
        case clean
        /// A quote inside an unquoted field (`N"7`), which puts the quote count out of step with the rows.
        case strayQuote
        /// A quote opened late in the file and never closed.
        case unterminated
        /// Text after a closing quote (`"N1"x`).
        case textAfterQuote
    }

    static func complaints(_ variant: Variant) -> String {
        var lines = ["id,notice,country,filed,outcome"]
        for index in 0..<90 {
            let id = "C\((index * 31) % 75 + 100)"
            let country = index % 13 == 4 ? "\"Not, a country\"" : (index % 4 == 0 ? "\"TR\"" : "EG")
            var notice = index % 3 == 0 ? "\"N\(index), \"\"big\"\"\nsecond line\"" : "N\(index)"
            if index % 7 == 2 { notice = "\"N\(index)\r\nafter CRLF\rafter CR\"" }
            if variant == .strayQuote && index == 20 { notice = "N\"7" }
            if variant == .textAfterQuote && index == 50 { notice = "\"N1\"x" }
            let outcome = index % 5 == 0 ? "\"Not_Compliant\"" : "upheld"
            lines.append("\(id),\(notice),\(country),2021-0\(index % 9 + 1)-1\(index % 9),\(outcome)")
            if index % 11 == 5 { lines.append("") }
        }
        if variant == .unterminated { lines.append("C999,\"N999,FR,2021-01-01,upheld") }
        return lines.enumerated().map { $0.offset % 3 == 1 ? $0.element + "\r\n" : $0.element + "\n" }.joined()
    }

    static func ingest(_ variant: Variant, chunking: FileChunk.Sizes) throws -> IngestResult {
        let folder = try IngestFixtures.temporaryFolder(text: [
            "sources.yml": sources, "complaints.csv": complaints(variant),
        ])
        var ingestor = DatasetIngestor(directory: folder)
        ingestor.chunking = chunking
        return try ingestor.ingest()
    }

    @Test(arguments: Variant.allCases, [16, 90, 400, 1500])
    func chunksGiveTheWholeFileResult(variant: Variant, targetSize: Int) throws {
        let expected = try Self.ingest(variant, chunking: .init(minimumFileSize: .max, targetSize: .max))
        let chunked = try Self.ingest(variant, chunking: .init(minimumFileSize: 0, targetSize: targetSize))
        #expect(IngestFixtures.lines(chunked) == IngestFixtures.lines(expected))
        #expect(chunked.conflicts == expected.conflicts)
        #expect(chunked.inputFiles == expected.inputFiles)
        #expect(chunked.sources == expected.sources)
        #expect(chunked.valuesNotUnderstood == expected.valuesNotUnderstood)
        #expect(expected.valuesNotUnderstood.contains { $0.field == "requesting_country" })
        #expect(expected.complaints.contains { $0.noticeID == "N3, \"big\"\nsecond line" })
        #expect(expected.complaints.contains { $0.noticeID == "N2\r\nafter CRLF\rafter CR" })
        #expect(expected.quarantine.contains { $0.reason.code == "unterminated-quote" } == (variant == .unterminated))
        #expect(expected.quarantine.contains { $0.reason.code == "text-after-quote" } == (variant == .textAfterQuote))
    }

    @Test("cuts fall after a line feed with an even number of quotes before it")
    func cutsAreOutsideQuotedFields() throws {
        let text = Self.complaints(.clean)
        let folder = try IngestFixtures.temporaryFolder(text: ["sources.yml": Self.sources, "complaints.csv": text])
        let specs = try SourcesFileParser(displayPath: "sources.yml").parse(Self.sources)
        let task = FileTask(
            sourceIndex: 0, spec: specs[0], relativePath: "complaints.csv", absolutePath: folder + "/complaints.csv",
            format: .csv, sourcesFile: "sources.yml")
        let chunks = try #require(
            try FileChunk.plan(try task.prepare(), file: 0, sizes: .init(minimumFileSize: 0, targetSize: 200)))
        let bytes = Array(text.utf8)
        #expect(chunks.count > 5)
        #expect(chunks.first?.range.lowerBound == 0)
        #expect(chunks.last?.range.upperBound == bytes.count)
        for (previous, next) in zip(chunks, chunks.dropFirst()) {
            #expect(previous.range.upperBound == next.range.lowerBound)
            #expect(bytes[next.range.lowerBound - 1] == 0x0A)
            #expect(bytes[..<next.range.lowerBound].filter { $0 == 0x22 }.count % 2 == 0)
        }
    }

    @Test("quotes are counted eight bytes at a time as one by one", arguments: [0, 1, 7, 8, 9, 63, 200])
    func quoteCount(length: Int) {
        let bytes = (0..<length).map { UInt8(truncatingIfNeeded: $0 * 37 % 5 == 0 ? 0x22 : 0x21 + $0 % 3) }
        let counted = bytes.withUnsafeBytes { FileChunk.countQuotes($0, 0x22) }
        #expect(counted == bytes.filter { $0 == 0x22 }.count)
    }
}
