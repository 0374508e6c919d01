import Foundation
import NoticeWatchModel
import Testing

@testable import NoticeWatchIngest

/// Line numbers past libxml2's 16-bit default and records read across its input chunks.
@Suite struct XMLRecordReaderLineTests {
    @Test func lineNumbersPast65535AreExact() throws {
        let count = 70_000
        var text = "<?xml version=\"1.0\"?>\n<cases>\n"
        for number in 1...count {
            text += "<case n=\"\(number)\"><country>C\(number)</country></case>\n"
        }
        text += "</cases>\n"
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("noticewatch-xml-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("lines.xml").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))

        var reader = try XMLRecordReader(
            path: path, displayPath: "lines.xml", recordElement: "case", namespaces: [:],
            fieldPaths: ["@n", "country"])
        var seen = 0
        while let item = try reader.next() {
            seen += 1
            guard case .record(let record) = item else {
                Issue.record("record \(seen) is broken: \(item)")
                continue
            }
            if record.record != seen || record.line != seen + 2 || record.values != ["\(seen)", "C\(seen)"] {
                Issue.record("record \(seen) read as \(record)")
                break
            }
        }
        #expect(seen == count)
    }
}
