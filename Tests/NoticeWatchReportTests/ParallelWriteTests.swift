import Foundation
import NoticeWatchModel
import Testing

@testable import NoticeWatchReport

/// Files rendered and written on two threads must be the files written on one, in the same order, and a failure
/// must name the same file.
@Suite struct ParallelWriteTests {
    /// Files named `f0.csv`…, each its own bytes; the names in `missing` go into a folder that does not exist.
    static func files(_ count: Int, missing: Set<Int> = []) -> [(path: String, render: @Sendable () -> [UInt8])] {
        (0..<count).map { index in
            let path = missing.contains(index) ? "absent/f\(index).csv" : "f\(index).csv"
            return (path, { Array(String(repeating: "row \(index)\n", count: index * 50).utf8) })
        }
    }

    @Test("Two threads write the files one thread writes, described in the same order", arguments: [0, 1, 2, 9])
    func sameFiles(count: Int) throws {
        let temporary = try TemporaryFolder()
        defer { temporary.remove() }
        let one = try ReportWriter.write(Self.files(count), in: try temporary.folder("one"), threads: 1)
        let two = try ReportWriter.write(Self.files(count), in: try temporary.folder("two"), threads: 2)
        #expect(one == two)
        #expect(two.map(\.path) == (0..<count).map { "f\($0).csv" })
        for file in two {
            let bytes = try Data(contentsOf: URL(fileURLWithPath: temporary.path + "/two/" + file.path))
            #expect(bytes.count == file.size)
        }
    }

    @Test("The first file that cannot be written is the one named, on one thread or two", arguments: [1, 2])
    func firstFailureNamed(threads: Int) throws {
        let temporary = try TemporaryFolder()
        defer { temporary.remove() }
        let folder = try temporary.folder("out")
        #expect {
            try ReportWriter.write(Self.files(8, missing: [3, 6]), in: folder, threads: threads)
        } throws: { error in
            (error as? ReportError)?.path == folder + "/absent/f3.csv"
                && (error as? ReportError)?.code == .outputNotWritable
        }
    }
}
