import Foundation
import Testing

@testable import NoticeWatchPipeline

@Suite("Resolving paths before comparing folders")
struct ResolvedPathTests {
    @Test("`.`, `..` and links are resolved, as far as the path exists and beyond")
    func resolves() throws {
        let root = ResolvedPath(try PipelineTestSupport.temporaryFolder("resolve")).path
        try FileManager.default.createDirectory(atPath: root + "/data/2025", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: root + "/alias", withDestinationPath: root + "/data")
        #expect(ResolvedPath(root + "/alias/2025").path == root + "/data/2025")
        #expect(ResolvedPath(root + "/data/./2025/../2025/").path == root + "/data/2025")
        #expect(ResolvedPath(root + "/missing/deeper/../../data").path == root + "/data")
        #expect(ResolvedPath(root + "/alias/new/../report").path == root + "/data/report")
        #expect(ResolvedPath("/").path == "/")
        #expect(ResolvedPath(root + "/data").contains(ResolvedPath(root + "/alias/2025/x.csv")))
        #expect(!ResolvedPath(root + "/data").contains(ResolvedPath(root + "/data-old")))
    }
}
