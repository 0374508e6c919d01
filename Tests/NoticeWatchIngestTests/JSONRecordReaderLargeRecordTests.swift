import Foundation
import NoticeWatchModel
import Testing

@testable import NoticeWatchIngest

/// Records larger than the reader's buffer and records split across its chunks.
@Suite struct JSONRecordReaderLargeRecordTests {
    /// Writes `text` to a new temporary file and returns its path.
    private func temporaryFile(_ name: String, _ text: String) throws -> String {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("noticewatch-json-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    @Test(arguments: [JSONLayout.ndjson, .array(recordsPath: "_embedded.notices")])
    func recordsLargerThanTheBufferAndAcrossChunks(layout: JSONLayout) throws {
        let big = String(repeating: "é", count: 3 * JSONInput.chunkSize / 2)
        let records = (1...3000).map { #"{"entity_id": "\#($0)", "charge": "\#($0 == 1500 ? big : "x")"}"# }
        let text: String
        switch layout {
        case .ndjson: text = records.joined(separator: "\n") + "\n"
        case .array: text = #"{"_embedded": {"notices": ["# + records.joined(separator: ",\n") + "]}}"
        }
        let path = try temporaryFile("large.json", text)
        defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
        var reader = try JSONRecordReader(
            path: path, displayPath: "large.json", layout: layout, fieldPaths: ["entity_id", "charge"])
        var count = 0
        while let item = try reader.next() {
            count += 1
            guard case .record(let record) = item else {
                Issue.record("record \(count) is broken: \(item)")
                continue
            }
            #expect(record.record == count)
            #expect(record.line == count)
            #expect(record.values == ["\(count)", count == 1500 ? big : "x"])
        }
        #expect(count == 3000)
    }
}
