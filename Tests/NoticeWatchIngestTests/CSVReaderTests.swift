import Foundation
import NoticeWatchModel
import Testing

@testable import NoticeWatchIngest

/// The CSV reader on its own: chunk boundaries, line numbers, encodings.
@Suite("CSV reader")
struct CSVReaderTests {
    /// Every item of `bytes` read with `dialect` and `chunkSize`, as text.
    static func read(_ bytes: [UInt8], dialect: CSVDialect, chunkSize: Int, columns: [Int]) throws -> [String] {
        let folder = try IngestFixtures.temporaryFolder(["file.csv": bytes])
        var reader = try CSVReader(
            path: folder + "/file.csv", displayPath: "file.csv", dialect: dialect, chunkSize: chunkSize)
        reader.select(columns: columns)
        var items: [String] = []
        while let item = try reader.next() {
            switch item {
            case .record(let raw):
                items.append("\(raw.line ?? 0)#\(raw.record) " + raw.values.map { $0 ?? "nil" }.joined(separator: "|"))
            case .broken(let broken):
                items.append("\(broken.line ?? 0)#\(broken.record ?? 0) \(broken.reason) raw=\(broken.rawText)")
            }
        }
        return items
    }

    static func dialect(_ encoding: TextEncoding = .utf8, bom: Int = 0, delimiter: UInt8 = 0x2C) -> CSVDialect {
        CSVDialect(encoding: encoding, bomLength: bom, delimiter: delimiter, quote: 0x22, hasHeader: true, choices: [])
    }

    static let tricky = Array(
        "a,b,c\r\n1,\"x\r\ny\",3\r\r\n\"q\"\"q\",,\"\"\n4,5\n\"6\",\"7\"\"\",\"8\r9\"\r10,11,12\n\n13,\"é€\",14\r\n\"15,16,17"
            .utf8)

    static let trickyItems = [
        "2#1 1|x\r\ny|3",
        "5#2 q\"q||",
        "6#3 wrong-field-count: expected 3 fields, found 2 raw=4,5",
        "7#4 6|7\"|8\r9",
        "9#5 10|11|12",
        "11#6 13|é€|14",
        "12#7 unterminated-quote: a quoted field opened on line 12 is not closed at the end of the file "
            + "raw=\"15,16,17",
    ]

    @Test("rows come out the same whatever the chunk size", arguments: [1, 2, 3, 5, 7, 64, 1 << 20])
    func chunkBoundaries(chunkSize: Int) throws {
        let items = try Self.read(Self.tricky, dialect: Self.dialect(), chunkSize: chunkSize, columns: [0, 1, 2])
        #expect(items == Self.trickyItems)
    }

    @Test("a row longer than the limit is broken and reading goes on at its next line", arguments: [1, 4, 64])
    func longRow(chunkSize: Int) throws {
        let bytes = Array("a,b\n1,\"open\n2,x\n3,y\n".utf8)
        let folder = try IngestFixtures.temporaryFolder(["file.csv": bytes])
        var reader = try CSVReader(
            path: folder + "/file.csv", displayPath: "file.csv", dialect: Self.dialect(), chunkSize: chunkSize,
            maxRowBytes: 12)
        reader.select(columns: [0, 1])
        var items: [String] = []
        while let item = try reader.next() {
            switch item {
            case .record(let raw):
                items.append("\(raw.line ?? 0)#\(raw.record) " + raw.values.map { $0 ?? "" }.joined(separator: "|"))
            case .broken(let broken): items.append("\(broken.line ?? 0)#\(broken.record ?? 0) \(broken.reason.code)")
            }
        }
        #expect(items == ["2#1 row-too-long", "3#2 2|x", "4#3 3|y"])
    }

    @Test("UTF-16 with surrogate pairs across chunk boundaries", arguments: [1, 2, 3, 4, 1 << 20])
    func utf16(chunkSize: Int) throws {
        let text = "id,name\n1,\u{1F600}é\n2,ok\n"
        let little: [UInt8] = [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let big: [UInt8] = [0xFE, 0xFF] + text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        let expected = ["2#1 1|\u{1F600}é", "3#2 2|ok"]
        #expect(
            try Self.read(little, dialect: Self.dialect(.utf16LE, bom: 2), chunkSize: chunkSize, columns: [0, 1])
                == expected)
        #expect(
            try Self.read(big, dialect: Self.dialect(.utf16BE, bom: 2), chunkSize: chunkSize, columns: [0, 1])
                == expected)
    }

    @Test(
        "single-byte encodings decode through their tables; undefined bytes are invalid",
        arguments: [
            (TextEncoding.windows1252, [0x80, 0x9C, 0xE9] as [UInt8], "€œé"),
            (.windows1251, [0xCF, 0xF0, 0xE8, 0xE2, 0xE5, 0xF2], "Привет"),
            (.iso88591, [0x80, 0xE9], "\u{80}é"),
        ])
    func singleByte(encoding: TextEncoding, bytes: [UInt8], expected: String) throws {
        let items = try Self.read(
            Array("v\n".utf8) + bytes + [0x0A], dialect: Self.dialect(encoding), chunkSize: 3, columns: [0])
        #expect(items == ["2#1 " + expected])
    }

    @Test("a byte undefined in Windows-1252 breaks its row, naming the offset and column")
    func undefinedByte() throws {
        let items = try Self.read(
            Array("v,w\nok,".utf8) + [0x81] + [0x0A], dialect: Self.dialect(.windows1252), chunkSize: 1 << 20,
            columns: [0, 1])
        #expect(
            items == [
                "2#1 invalid-encoding: byte 0x81 at byte offset 7 in column 2 \"w\" is not valid windows-1252 raw=ok,\\x81"
            ])
    }

    @Test("sniffing finds the delimiter, the encoding and whether there is a header")
    func sniffing() throws {
        let folder = try IngestFixtures.temporaryFolder(text: [
            "semicolon.csv": "a;b;c\n\"x;y\";2;3\n4;5;6\n", "pipes.csv": "1|2019-01-02|x\n2|2019-01-03|y\n",
        ])
        let semicolon = try FileScan(path: folder + "/semicolon.csv", displayPath: "semicolon.csv", checkUTF8: true)
        #expect(
            CSVSniffer.dialect(for: CSVOptions(), scan: semicolon).choices == [
                "delimiter=\";\" (detected)", "encoding=utf-8 (detected)", "header=true (detected)",
                "quote=\"\\\"\" (default)",
            ])
        let pipes = try FileScan(path: folder + "/pipes.csv", displayPath: "pipes.csv", checkUTF8: true)
        let dialect = CSVSniffer.dialect(for: CSVOptions(header: true), scan: pipes)
        #expect(dialect.delimiter == 0x7C)
        #expect(CSVSniffer.dialect(for: CSVOptions(), scan: pipes).hasHeader == false)
        #expect(dialect.choices.contains("header=true (set)"))
        #expect(pipes.sha256 == SHA256.hexDigest(of: Array("1|2019-01-02|x\n2|2019-01-03|y\n".utf8)))
    }
}

@Suite("Dataset files")
struct DatasetFilesTests {
    @Test(
        "globs: * and ? within a folder, ** across folders",
        arguments: [
            ("api_pages/*.json", "api_pages/page1.json", true), ("api_pages/*.json", "api_pages/sub/p.json", false),
            ("api_pages/**/*.json", "api_pages/sub/p.json", true), ("**/*.json", "page.json", true),
            ("page?.json", "page1.json", true), ("page?.json", "page10.json", false),
            ("cases.csv", "cases.csv", true), ("cases.csv", "old/cases.csv", false),
        ])
    func globs(pattern: String, path: String, matches: Bool) {
        #expect(DatasetFiles.matches(pattern: pattern, path: path) == matches)
    }

    @Test("listing is recursive, sorted by path, and skips hidden files and folders")
    func listing() throws {
        let folder = try IngestFixtures.temporaryFolder(text: [
            "b.csv": "", "a/z.json": "", "a/b/c.xml": "", ".hidden/x.csv": "", ".DS_Store": "", "A.csv": "",
        ])
        #expect(try DatasetListing(directory: folder).files == ["A.csv", "a/b/c.xml", "a/z.json", "b.csv"])
    }
}
