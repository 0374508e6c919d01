import NoticeWatchModel
import Testing

@testable import NoticeWatchIngest

/// NDJSON values reach the normalizer as bytes referred to in the reader's buffer (strings without escapes,
/// numbers, literals) or copied (unescaped strings, compact objects): the records must be what the text values
/// give, whether the file is read whole or in chunks.
@Suite struct JSONByteValuesTests {
    static let sources = """
        version: 1
        sources:
          - name: api
            path: complaints.ndjson
            format: ndjson
            record: complaint
            fields:
              id: case.id
              notice_id: case.id
              requesting_country: country
              filed_date:
                from: filed
                format: iso
              outcome: outcome
        """

    /// One hazard per line: a number as id, an escaped country, an escaped label with a no-break space, a nested
    /// object as the label (compact text, unknown), a duplicate key (the first wins), `null` and `true` values;
    /// `id` and `notice_id` read the same path.
    static let lines = [
        #"{"case":{"id":1042},"country":"FR","filed":"2021-03-04","outcome":"upheld"}"#,
        #"{"case":{"id":"C\u0032"},"country":"\u0046R","filed":"2021-03-04T10:00:00Z","outcome":"Not\u00A0Compliant"}"#,
        #"{"case":{"id":"C3"},"country":" de ","filed":null,"outcome":"donn\u00e9es effac\u00e9es"}"#,
        #"{"case":{"id":"C4"},"country":"TR","filed":"2021-02-30","outcome":"upheld"}"#,
        #"{"case":{"id":"C5"},"country":"TR","outcome":{"a": [1, "x y"]}}"#,
        #"{"case":{"id":"C6","id":"C7"},"country":"TR","outcome":true}"#,
        #"{"case":{"id":"C8"},"country":"RU","filed":"2021-03","outcome":"  withdrawn  "}"#,
    ]

    /// The records of the file, read whole (`targetSize` `nil`) or in chunks of about `targetSize` bytes.
    static func ingest(targetSize: Int?) throws -> IngestResult {
        let text = lines.joined(separator: "\n")
        let folder = try IngestFixtures.temporaryFolder(text: ["sources.yml": sources, "complaints.ndjson": text])
        var ingestor = DatasetIngestor(directory: folder)
        ingestor.chunking =
            targetSize.map { .init(minimumFileSize: 0, targetSize: $0) } ?? .init(minimumFileSize: .max, targetSize: 1)
        return try ingestor.ingest()
    }

    @Test("values as bytes give the records and values not understood of the text values", arguments: [nil, 40, 300])
    func records(targetSize: Int?) throws {
        let result = try Self.ingest(targetSize: targetSize)
        let kept = result.complaints.map {
            "\($0.id) \($0.noticeID ?? "-") \($0.requestingCountry.code) \($0.filedDate?.description ?? "-") "
                + "\($0.outcome.rawValue) \($0.outcomeLabel.debugDescription) line \($0.provenance.line ?? 0)"
        }
        #expect(
            kept == [
                #"1042 1042 FR 2021-03-04 upheld "upheld" line 1"#,
                #"C2 C2 FR 2021-03-04 overturned "Not\#u{00A0}Compliant" line 2"#,
                #"C3 C3 DE - overturned "données effacées" line 3"#,
                #"C4 C4 TR - upheld "upheld" line 4"#,
                #"C5 C5 TR - unknown "{\"a\":[1,\"x y\"]}" line 5"#,
                #"C6 C6 TR - unknown "true" line 6"#,
                #"C8 C8 RU 2021-03 withdrawn "withdrawn" line 7"#,
            ])
        #expect(result.quarantine.isEmpty)
        let values = result.valuesNotUnderstood.map {
            "\($0.firstLocation.line ?? 0) \($0.field) \($0.rawValue.debugDescription) ×\($0.count)"
        }
        #expect(
            values == [
                #"4 filed_date "2021-02-30" ×1"#,
                #"6 outcome "true" ×1"#,
                #"5 outcome "{\"a\":[1,\"x y\"]}" ×1"#,
            ])
    }
}
