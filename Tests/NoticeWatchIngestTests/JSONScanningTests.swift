import Foundation
import NoticeWatchModel
import Testing

@testable import NoticeWatchIngest

/// The JSON scanner reads strings eight bytes at a time and remembers the keys met at each member position:
/// every byte position of a stop (quote, escape, control character, end of line) and every way a key can differ
/// from the one remembered must give the records and faults that a byte-by-byte reading gives.
@Suite struct JSONScanningTests {
    /// The items of an NDJSON file holding `lines`, read for `paths`.
    static func read(_ lines: [String], _ paths: [String]) throws -> [ReaderOutcome] {
        try read(bytes: Array(lines.joined(separator: "\n").utf8), paths)
    }

    /// The items of an NDJSON file, read as ingest reads them: into one storage, with the keys remembered from a
    /// record serving the next. They must be what `next()` gives, with a new storage per record.
    static func read(bytes: [UInt8], _ paths: [String]) throws -> [ReaderOutcome] {
        let folder = try IngestFixtures.temporaryFolder(["records.ndjson": bytes])
        let path = folder + "/records.ndjson"
        var reader = try JSONRecordReader(path: path, displayPath: "records.ndjson", layout: .ndjson, fieldPaths: paths)
        let fields = RecordFields(count: reader.valueCount)
        var results: [ReaderOutcome] = []
        while let item = try reader.nextFields(into: fields) {
            switch item {
            case .record:
                results.append(.record(line: fields.line, record: fields.record, values: fields.strings))
            case .broken(let broken):
                results.append(ReaderOutcome(.broken(broken)))
            }
        }
        let itemByItem = try drainReader(
            JSONRecordReader(path: path, displayPath: "records.ndjson", layout: .ndjson, fieldPaths: paths))
        #expect(results == itemByItem)
        return results
    }

    /// Text of `count` characters mixing one- to four-byte UTF-8 sequences, whose bytes include 0xA2, 0x9C and
    /// 0xDC (a quote, a control character and a backslash with the high bit set).
    static func text(_ count: Int) -> String {
        let alphabet: [Character] = ["a", "¢", "Ü", "\u{0722}", "z", "😀", "-", " "]
        return String((0..<count).map { alphabet[$0 % alphabet.count] })
    }

    @Test("a string ending at any position is read whole", arguments: 0...24)
    func stringEnds(length: Int) throws {
        let value = Self.text(length)
        let results = try Self.read([#"{"v":"\#(value)","w":1}"#, #"{"w":2,"v":"\#(value)"}"#], ["v", "w"])
        #expect(
            results == [
                .record(line: 1, record: 1, values: [value, "1"]),
                .record(line: 2, record: 2, values: [value, "2"]),
            ])
    }

    @Test("an escape at any position is decoded", arguments: 0...20)
    func escapeAnywhere(offset: Int) throws {
        let before = String(repeating: "b", count: offset)
        let results = try Self.read(
            [#"{"v":"\#(before)\n\u00e9\"\\x"}"#, #"{"v":"\#(before)\/"}"#], ["v"])
        #expect(
            results == [
                .record(line: 1, record: 1, values: [before + "\né\"\\x"]),
                .record(line: 2, record: 2, values: [before + "/"]),
            ])
    }

    @Test("a control character at any position is a fault at its column", arguments: 0...20)
    func controlCharacterAnywhere(offset: Int) throws {
        let before = String(repeating: "c", count: offset)
        let line = "{\"v\":\"\(before)\u{1F}tail\"}"
        let skipped = "{\"u\":\"\(before)\u{01}\",\"v\":\"x\"}"
        let results = try Self.read([line, skipped], ["v"])
        #expect(
            results == [
                .broken(
                    line: 1, record: 1, rawText: line, field: nil, code: "malformed-json",
                    message: "control character byte 0x1F inside a string at line 1, column \(7 + offset)"),
                .broken(
                    line: 2, record: 2, rawText: skipped, field: nil, code: "malformed-json",
                    message: "control character byte 0x01 inside a string at line 2, column \(7 + offset)"),
            ])
    }

    @Test("a string cut by the end of the line is a fault at the line's end", arguments: 0...20)
    func unterminatedString(length: Int) throws {
        let line = #"{"v":""# + String(repeating: "d", count: length)
        let results = try Self.read([line, #"{"v":"next"}"#], ["v"])
        #expect(
            results == [
                .broken(
                    line: 1, record: 1, rawText: line, field: nil, code: "malformed-json",
                    message: "unexpected end of line inside a string at line 1, column \(7 + length)"),
                .record(line: 2, record: 2, values: ["next"]),
            ])
    }

    @Test func bytesThatAreNotUTF8AreFoundInWordsAndInTheLastBytes() throws {
        // 0xC3 0x28 is an invalid sequence; it sits in the first word of one value and in the last bytes of another.
        let bytes =
            Array(#"{"v":"ok"#.utf8) + [0xC3, 0x28] + Array(#"longer text","w":"x"}"#.utf8) + [0x0A]
            + Array(#"{"w":"x","v":"#.utf8) + [0x22, 0xC3, 0x28, 0x22, 0x7D]
        let results = try Self.read(bytes: bytes, ["v", "w"])
        #expect(
            results == [
                .broken(
                    line: 1, record: 1, rawText: #"{"v":"ok\xC3(longer text","w":"x"}"#, field: "v",
                    code: "invalid-utf8",
                    message: #"the value of `v` is not valid UTF-8: ok\xC3(longer text at line 1, column 7"#),
                .broken(
                    line: 2, record: 2, rawText: #"{"w":"x","v":"\xC3("}"#, field: "v", code: "invalid-utf8",
                    message: #"the value of `v` is not valid UTF-8: \xC3( at line 2, column 15"#),
            ])
    }

    /// Keys that differ from the ones the first record left at the same positions: another order, a longer key
    /// sharing the start, an escaped spelling, a space before the colon, a duplicate, a key too long to remember.
    @Test func keysDifferingFromTheRememberedOnesAreLookedUp() throws {
        let long = "a_key_longer_than_twenty_two_bytes"
        let lines = [
            #"{"kind":"a","status":"s1","id":"i1","\#(long)":"L1"}"#,
            #"{"status":"s2","kind":"b","id":"i2","\#(long)":"L2"}"#,
            #"{"kinder":"x","status":"s3","kind":"c","\#(long)x":"no","\#(long)":"L3"}"#,
            #"{"kin\u0064":"d","st\u0061tus":"s4","id":"i4"}"#,
            #"{"kind" : "e","status":"s5","id" :"i5"}"#,
            #"{"kind":"f","kind":"dup","status":"s6","id":"i6","id":"dup"}"#,
            #"{"kind":"g","status":"s7","id":"i7","\#(long)":"L7"}"#,
            #"{"k":1}"#,
            #"{"kind":"h"}"#,
        ]
        let results = try Self.read(lines, ["kind", "status", "id", long])
        #expect(
            results == [
                .record(line: 1, record: 1, values: ["a", "s1", "i1", "L1"]),
                .record(line: 2, record: 2, values: ["b", "s2", "i2", "L2"]),
                .record(line: 3, record: 3, values: ["c", "s3", nil, "L3"]),
                .record(line: 4, record: 4, values: ["d", "s4", "i4", nil]),
                .record(line: 5, record: 5, values: ["e", "s5", "i5", nil]),
                .record(line: 6, record: 6, values: ["f", "s6", "i6", nil]),
                .record(line: 7, record: 7, values: ["g", "s7", "i7", "L7"]),
                .record(line: 8, record: 8, values: [nil, nil, nil, nil]),
                .record(line: 9, record: 9, values: ["h", nil, nil, nil]),
            ])
    }

    @Test func aRememberedKeyWithoutItsColonIsAFault() throws {
        let results = try Self.read([#"{"kind":"a"}"#, #"{"kind" "b"}"#, #"{"kind":}"#], ["kind"])
        #expect(
            results == [
                .record(line: 1, record: 1, values: ["a"]),
                .broken(
                    line: 2, record: 2, rawText: #"{"kind" "b"}"#, field: nil, code: "malformed-json",
                    message: #"expected ':' after an object key, found '"' at line 2, column 9"#),
                .broken(
                    line: 3, record: 3, rawText: #"{"kind":}"#, field: nil, code: "malformed-json",
                    message: "unexpected '}' where a value was expected at line 3, column 9"),
            ])
    }

    /// Keys of one object that share their length and first eight bytes, or their first and last eight, are told
    /// apart, nested and in arrays.
    @Test func keysSharingTheirFirstAndLastBytesAreToldApart() throws {
        let paths = [
            "abcdefgh1", "abcdefgh2", "issuing_country_id", "issuing_cXuntry_id", "issuing_country_iX",
            "outer.abcdefgh1", "list[1].issuing_cXuntry_id",
        ]
        let line =
            #"{"issuing_cXuntry_id":"m","abcdefgh2":"two","issuing_country_iX":"t","abcdefgh1":"one","#
            + #""issuing_country_id":"c","outer":{"abcdefgh2":"no","abcdefgh1":"in"},"#
            + #""list":[{"issuing_cXuntry_id":"first"},{"issuing_country_id":"no","issuing_cXuntry_id":"second"}]}"#
        // The same positions with the keys swapped: each remembered key differs from the one met by a byte in
        // its middle, its last eight or its first eight.
        let swapped =
            #"{"issuing_country_id":"m","abcdefgh1":"two","issuing_country_iX":"t","abcdefgh2":"one","#
            + #""issuing_cXuntry_id":"c","outer":{"abcdefgh1":"no","abcdefgh2":"in"},"#
            + #""list":[{"issuing_cXuntry_id":"first"},{"issuing_cXuntry_id":"second","issuing_country_id":"no"}]}"#
        let results = try Self.read([line, swapped, line], paths)
        let values: [String?] = ["one", "two", "c", "m", "t", "in", "second"]
        #expect(
            results == [
                .record(line: 1, record: 1, values: values),
                .record(line: 2, record: 2, values: ["two", "one", "m", "c", "t", "no", "second"]),
                .record(line: 3, record: 3, values: values),
            ])
    }

    /// More keys than member positions are remembered and than nodes fit in one word of marks, with a duplicate
    /// of a key past them.
    @Test func aTrieOfManyKeysFindsEveryOne() throws {
        let keys = (0..<70).map { "key\($0)" }
        let members = keys.reversed().map { "\"\($0)\":\"\($0.uppercased())\"" } + [#""key69":"dup""#]
        let line = "{" + members.joined(separator: ",") + "}"
        let results = try Self.read([line, line], keys + ["key70"])
        let values: [String?] = keys.map { $0.uppercased() } + [nil]
        #expect(
            results == [
                .record(line: 1, record: 1, values: values),
                .record(line: 2, record: 2, values: values),
            ])
    }
}
