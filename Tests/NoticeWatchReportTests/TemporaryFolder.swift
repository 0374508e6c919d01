import Foundation
import NoticeWatchModel
import NoticeWatchReport

/// An empty folder under the system's temporary folder, removed by `remove()`.
struct TemporaryFolder {
    let path: String

    init() throws {
        var template = Array((NSTemporaryDirectory() + "/noticewatch-report-XXXXXX").utf8CString)
        let created = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
        guard let created else { throw CocoaError(.fileWriteUnknown) }
        path = String(cString: created)
    }

    /// A new empty subfolder.
    func folder(_ name: String) throws -> String {
        let folder = path + "/" + name
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
        return folder
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }
}

/// The text of `folder/path`, or an empty string when it cannot be read.
func readText(_ folder: String, _ path: String) -> String {
    guard let data = FileManager.default.contents(atPath: folder + "/" + path) else { return "" }
    return String(decoding: data, as: UTF8.self)
}

/// Writes the fixture (or `input`) into a new folder `name` and returns the folder and the outputs.
func writeReport(
    _ input: ReportInput = ReportFixture.input, in temporary: TemporaryFolder, name: String = "run",
    previous: String? = nil
) throws -> (folder: String, outputs: [OutputFile]) {
    let folder = try temporary.folder(name)
    let outputs = try ReportWriter.write(input, to: folder, previous: previous)
    return (folder, outputs)
}
