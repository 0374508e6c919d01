import Foundation
import NoticeWatchPipeline
import Testing

/// The README documents what the code does: these tests keep the two from drifting apart.
@Suite("The README")
struct DocumentationTests {
    static let readme =
        (try? String(contentsOfFile: PipelineTestSupport.packageRoot + "/README.md", encoding: .utf8)) ?? ""

    @Test("Prints every figure's definition exactly as the sample report's Method section does")
    func definitionsMatchReport() throws {
        let report = try String(contentsOfFile: PipelineTestSupport.sampleReport + "/report.md", encoding: .utf8)
        let definitions = report.split(separator: "\n").filter { $0.hasPrefix("`") && $0.contains("`: ") }
        #expect(definitions.count >= 8)
        for definition in definitions {
            #expect(Self.readme.contains(definition), "README lacks: \(definition.prefix(80))…")
        }
    }

    @Test("Documents every output file the sample report has")
    func outputsDocumented() {
        for path in PipelineTestSupport.files(in: PipelineTestSupport.sampleReport) {
            #expect(Self.readme.contains("`\(path)`"), "README does not document \(path)")
        }
    }

    @Test("Lists every exit status in its table")
    func exitStatusesDocumented() {
        for status in ExitStatus.allCases {
            #expect(Self.readme.contains("\n| \(status.rawValue) | "), "README lacks exit status \(status.rawValue)")
        }
    }

    @Test("Gives the two commands a new user needs")
    func twoCommands() {
        #expect(Self.readme.contains("make run"))
        #expect(Self.readme.contains("make test"))
    }
}
