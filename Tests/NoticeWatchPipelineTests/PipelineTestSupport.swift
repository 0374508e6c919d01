import Foundation
import Logging
import NoticeWatchModel
import NoticeWatchPipeline

/// Paths and helpers shared by the end-to-end tests.
enum PipelineTestSupport {
    /// The package's root folder (this file is at Tests/NoticeWatchPipelineTests/).
    static let packageRoot: String = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    /// The committed sample bundle and its committed report.
    static let sampleDataset = packageRoot + "/Datasets/sample"
    static let sampleReport = packageRoot + "/Reports/sample"
    /// The as-of date `make run` passes for the sample.
    static let sampleAsOf = CivilDate(year: 2025, month: 6, day: 30)!

    /// A new empty folder under the system's temporary folder.
    static func temporaryFolder(_ label: String) throws -> String {
        let path = NSTemporaryDirectory() + "noticewatch-\(label)-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// A logger that discards everything: the tests look at results, not at standard error.
    static let quietLogger = Logger(label: "noticewatch-tests") { _ in SwiftLogNoOpLogHandler() }

    /// Every regular file below `folder`, as relative paths, sorted.
    static func files(in folder: String) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: folder) else { return [] }
        var paths: [String] = []
        while let path = enumerator.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: folder + "/" + path, isDirectory: &isDirectory),
                !isDirectory.boolValue
            {
                paths.append(path)
            }
        }
        return paths.sorted()
    }

    /// The first difference between two text files, as "line N: expected … / found …", or `nil` when equal.
    static func firstDifference(expected: Data, found: Data) -> String? {
        guard expected != found else { return nil }
        let expectedLines = String(decoding: expected, as: UTF8.self).split(
            separator: "\n", omittingEmptySubsequences: false)
        let foundLines = String(decoding: found, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        for index in 0..<max(expectedLines.count, foundLines.count) {
            let old = index < expectedLines.count ? String(expectedLines[index]) : "<end of file>"
            let new = index < foundLines.count ? String(foundLines[index]) : "<end of file>"
            if old != new {
                return "line \(index + 1):\n  expected: \(old.prefix(300))\n  found:    \(new.prefix(300))"
            }
        }
        return "the files differ in bytes that are not text (sizes \(expected.count) and \(found.count))"
    }

    /// Runs the pipeline on `dataset` into `output` with the sample's as-of date.
    @discardableResult
    static func run(
        _ dataset: String, into output: String, maxQuarantined: Int? = nil, asOf: CivilDate? = sampleAsOf
    ) throws -> Pipeline.Result {
        try Pipeline.run(
            RunConfiguration(
                datasetDirectory: dataset, outputDirectory: output, asOf: asOf, maxQuarantined: maxQuarantined),
            logger: quietLogger)
    }
}
