import Foundation
import NoticeWatchIngest
import NoticeWatchModel
import Testing

/// Inputs compressed with gzip read exactly like the plain files they hold.
@Suite("Gzip-compressed inputs")
struct GzipInputTests {
    /// One plain input and the sources entry that reads it (`FILE` stands for its path).
    struct Case: CustomTestStringConvertible, Sendable {
        var file: String
        var content: String
        var source: String
        var testDescription: String { file }
    }

    static let cases: [Case] = [
        Case(
            file: "notices.csv",
            content: """
                Notice ID,Country,Issued,Status
                N1,Russia,2019-03-12,active
                N2,Atlantis,2019-03-13,active
                "N3","Türkiye",2019-03-14,"CANCELLED"
                N4,France,not a date,active

                """,
            source: """
                  - name: register
                    path: FILE
                    record: notice
                    fields:
                      id: Notice ID
                      requesting_country: Country
                      status: Status
                      issue_date: { from: Issued, format: yyyy-MM-dd }
                """),
        Case(
            file: "cases.ndjson",
            content: """
                {"id": "C1", "country": "RU", "outcome": "overturned"}
                {"id": "C2", "country": "XX"}
                {"id": "C3", "country":
                {"id": "C4", "country": "TR", "outcome": "upheld"}

                """,
            source: """
                  - name: cases
                    path: FILE
                    record: complaint
                    fields:
                      id: id
                      requesting_country: country
                      outcome: outcome
                """),
        Case(
            file: "pages.json",
            content: """
                [
                  {"entity_id": "2019/1", "warrants": [{"country": "RU"}]},
                  {"entity_id": "2019/2", "warrants": [{"country": "ZZ"}]},
                  {"entity_id": "2019/3", "warrants": [{"country": "CN"}]}
                ]

                """,
            source: """
                  - name: pages
                    path: FILE
                    record: notice
                    fields:
                      id: entity_id
                      requesting_country: warrants[0].country
                """),
        Case(
            file: "export.xml",
            content: """
                <?xml version="1.0" encoding="UTF-8"?>
                <cases>
                  <case ref="C-1"><country>RU</country><filed>2020-01-01</filed></case>
                  <case ref="C-2"><country>Nowhere</country><filed>2020-01-02</filed></case>
                  <case ref="C-3">
                    <country>TR</country>
                    <filed>2020-01-03</filed>
                  </case>
                </cases>

                """,
            source: """
                  - name: export
                    path: FILE
                    record: complaint
                    xml:
                      record: case
                    fields:
                      id: "@ref"
                      requesting_country: country
                      filed_date: { from: filed, format: yyyy-MM-dd }
                """),
    ]

    /// A dataset folder holding `file` (plain, or compressed when `compress` is set) and its sources file.
    static func folder(_ testCase: Case, compress: Bool) throws -> String {
        let name = compress ? testCase.file + ".gz" : testCase.file
        let sources = "version: 1\nsources:\n" + testCase.source.replacingOccurrences(of: "FILE", with: name) + "\n"
        let folder = try IngestFixtures.temporaryFolder(text: ["sources.yml": sources, testCase.file: testCase.content])
        if compress { try gzip(folder + "/" + testCase.file) }
        return folder
    }

    /// Compresses `path` in place with `gzip -n` (the file becomes `path.gz`).
    static func gzip(_ path: String, keep: Bool = false) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/gzip")
        process.arguments = (keep ? ["-n", "-k"] : ["-n"]) + [path]
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
    }

    static func bytes(_ path: String) throws -> [UInt8] {
        Array(try Data(contentsOf: URL(fileURLWithPath: path)))
    }

    @Test(
        "the .gz file gives the same records, values not understood and accounting as the plain file", arguments: cases)
    func sameAsPlain(_ testCase: Case) throws {
        let plain = try DatasetIngestor(directory: Self.folder(testCase, compress: false)).ingest()
        let compressedFolder = try Self.folder(testCase, compress: true)
        let compressed = try DatasetIngestor(directory: compressedFolder).ingest()
        let renamed = IngestFixtures.lines(compressed).map {
            $0.replacingOccurrences(of: testCase.file + ".gz", with: testCase.file)
        }
        #expect(renamed == IngestFixtures.lines(plain))
        #expect(!plain.valuesNotUnderstood.isEmpty)
        #expect(
            compressed.valuesNotUnderstood.map {
                "\($0.field) \($0.rawValue) \($0.count) \($0.firstLocation.line ?? 0)"
            }
                == plain.valuesNotUnderstood.map {
                    "\($0.field) \($0.rawValue) \($0.count) \($0.firstLocation.line ?? 0)"
                })
        #expect(IngestFixtures.balances(compressed))

        let stored = try Self.bytes(compressedFolder + "/" + testCase.file + ".gz")
        let input = try #require(compressed.inputFiles.first)
        #expect(input.path == testCase.file + ".gz")
        #expect(input.size == stored.count)
        #expect(input.sha256 == SHA256.hexDigest(of: stored))
        #expect(input.readerChoices.contains("compression=gzip (detected)"))
        #expect(plain.inputFiles.first?.readerChoices.contains("compression=gzip (detected)") == false)
        #expect(input.readerChoices.filter { $0 != "compression=gzip (detected)" } == plain.inputFiles[0].readerChoices)
    }

    @Test("a compressed file is detected by its magic bytes, whatever its name")
    func detectedByContent() throws {
        let testCase = Self.cases[0]
        let folder = try Self.folder(testCase, compress: true)
        try FileManager.default.moveItem(
            atPath: folder + "/" + testCase.file + ".gz", toPath: folder + "/" + testCase.file)
        try "version: 1\nsources:\n\(testCase.source.replacingOccurrences(of: "FILE", with: testCase.file))\n"
            .write(toFile: folder + "/sources.yml", atomically: true, encoding: .utf8)
        let plain = try DatasetIngestor(directory: Self.folder(testCase, compress: false)).ingest()
        let compressed = try DatasetIngestor(directory: folder).ingest()
        #expect(IngestFixtures.lines(compressed) == IngestFixtures.lines(plain))
        #expect(compressed.inputFiles[0].readerChoices.contains("compression=gzip (detected)"))
    }

    @Test("a file inflating to several buffers gives the same rows and line numbers as the plain file")
    func largeFile() throws {
        var text = "notice_id,requesting_country,issue_date,status\n"
        for index in 1...60_000 {
            text += index % 9_999 == 0 ? "N\(index),Ruritania,2020-01-02,active\n" : "N\(index),RU,2020-01-02,active\n"
        }
        let plainFolder = try IngestFixtures.temporaryFolder(text: ["notices.csv": text])
        let folder = try IngestFixtures.temporaryFolder(text: ["notices.csv": text])
        try Self.gzip(folder + "/notices.csv")
        let plain = try DatasetIngestor(directory: plainFolder).ingest()
        let compressed = try DatasetIngestor(directory: folder).ingest()
        #expect(text.utf8.count > 3 << 19)
        #expect(compressed.notices.count == 60_000)
        #expect(
            compressed.notices.filter { $0.requestingCountry == .unrecognized("Ruritania") }
                .compactMap(\.provenance.line).sorted()
                == [10_000, 19_999, 29_998, 39_997, 49_996, 59_995])
        #expect(compressed.valuesNotUnderstood.map(\.count) == [6])
        #expect(
            IngestFixtures.lines(compressed).map { $0.replacingOccurrences(of: "notices.csv.gz", with: "notices.csv") }
                == IngestFixtures.lines(plain))
    }

    @Test("concatenated gzip members are read as one stream")
    func concatenatedMembers() throws {
        let header = "notice_id,requesting_country,issue_date,status\n"
        let folder = try IngestFixtures.temporaryFolder(text: [
            "a.csv": header + "N1,RU,2020-01-02,active\n", "b.csv": "N2,TR,2020-01-03,cancelled\n",
        ])
        try Self.gzip(folder + "/a.csv")
        try Self.gzip(folder + "/b.csv")
        let joined = try Self.bytes(folder + "/a.csv.gz") + Self.bytes(folder + "/b.csv.gz")
        try FileManager.default.removeItem(atPath: folder + "/a.csv.gz")
        try FileManager.default.removeItem(atPath: folder + "/b.csv.gz")
        try Data(joined).write(to: URL(fileURLWithPath: folder + "/notices.csv.gz"))
        let result = try DatasetIngestor(directory: folder).ingest()
        #expect(
            IngestFixtures.lines(result) == [
                "notice N1 unknown RU 2020-01-02 active - @notices.csv.gz:2",
                "notice N2 unknown TR 2020-01-03 cancelled - @notices.csv.gz:3",
                "source notices.csv.gz notice read=2 kept=2 merged=0 quarantined=0",
            ])
    }

    @Test("without a sources file, x.csv.gz and pages/*.json.gz are picked up by their inner extension")
    func inferenceFindsCompressedFiles() throws {
        let folder = try IngestFixtures.temporaryFolder(text: [
            "notices.csv": "notice_id,requesting_country,issue_date,status\nN1,RU,2020-01-02,active\n",
            "notes.txt.gz": "not an input",
        ])
        try Self.gzip(folder + "/notices.csv")
        let result = try DatasetIngestor(directory: folder).ingest()
        #expect(result.notices.map(\.id) == ["N1"])
        #expect(result.inputFiles.map(\.path) == ["notices.csv.gz"])
        #expect(result.sources.map(\.source) == ["notices.csv.gz"])
    }

    @Test("a glob such as pages/*.json.gz matches compressed files, whose format comes from the inner extension")
    func globOfCompressedFiles() throws {
        let folder = try IngestFixtures.temporaryFolder(text: [
            "sources.yml": """
            version: 1
            sources:
              - name: pages
                path: pages/*.json.gz
                record: notice
                fields:
                  id: entity_id
                  requesting_country: country

            """,
            "pages/1.json": #"[{"entity_id": "A", "country": "RU"}]"#,
            "pages/2.json": #"[{"entity_id": "B", "country": "FR"}]"#,
        ])
        try Self.gzip(folder + "/pages/1.json")
        try Self.gzip(folder + "/pages/2.json")
        let result = try DatasetIngestor(directory: folder).ingest()
        #expect(result.notices.map(\.id) == ["A", "B"])
        #expect(result.inputFiles.map(\.path) == ["pages/1.json.gz", "pages/2.json.gz"])
    }

    @Test("a truncated gzip stream stops the run with file-unreadable, naming the file and zlib's reason")
    func truncated() throws {
        let rows = (1...2000).map { "N\($0),RU,2020-01-02,active\n" }.joined()
        let folder = try IngestFixtures.temporaryFolder(text: [
            "notices.csv": "notice_id,requesting_country,issue_date,status\n" + rows
        ])
        try Self.gzip(folder + "/notices.csv")
        let whole = try Self.bytes(folder + "/notices.csv.gz")
        try Data(whole.prefix(whole.count - 12)).write(to: URL(fileURLWithPath: folder + "/notices.csv.gz"))
        let error = #expect(throws: IngestError.self) { _ = try DatasetIngestor(directory: folder).ingest() }
        #expect(error?.code == .fileUnreadable)
        #expect(error?.file == "notices.csv.gz")
        #expect(error?.message.hasPrefix("the gzip-compressed file is corrupt or truncated after ") == true)
        #expect(error?.message.hasSuffix(" uncompressed bytes: unexpected end of the compressed data") == true)
    }

    @Test("corrupt compressed bytes stop the run with zlib's message")
    func corrupt() throws {
        let folder = try IngestFixtures.temporaryFolder(text: [
            "notices.csv": "notice_id,requesting_country,issue_date,status\nN1,RU,2020-01-02,active\n"
        ])
        try Self.gzip(folder + "/notices.csv")
        var bytes = try Self.bytes(folder + "/notices.csv.gz")
        for index in 10..<(bytes.count - 8) { bytes[index] = 0xFF }
        try Data(bytes).write(to: URL(fileURLWithPath: folder + "/notices.csv.gz"))
        let error = #expect(throws: IngestError.self) { _ = try DatasetIngestor(directory: folder).ingest() }
        #expect(error?.code == .fileUnreadable)
        #expect(error?.file == "notices.csv.gz")
        #expect(
            error?.message
                == "the gzip-compressed file is corrupt or truncated after 0 uncompressed bytes: invalid block type")
    }
}
