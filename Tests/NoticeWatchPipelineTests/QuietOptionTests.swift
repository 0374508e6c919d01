import Foundation
import Testing

/// `noticewatch run --quiet`, run as cron runs it: the built executable, its output captured.
@Suite("--quiet")
struct QuietOptionTests {
    /// The executable `swift build` wrote beside the tests, when there is one.
    static let executable: String? = {
        let candidate = PipelineTestSupport.packageRoot + "/.build/debug/noticewatch"
        return FileManager.default.isExecutableFile(atPath: candidate) ? candidate : nil
    }()

    /// Runs the executable with `arguments`: its status, standard output and standard error.
    static func run(_ arguments: [String]) throws -> (status: Int32, output: String, errors: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(executable))
        process.arguments = arguments
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let written = output.fileHandleForReading.readDataToEndOfFile()
        let logged = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (
            process.terminationStatus, String(decoding: written, as: UTF8.self), String(decoding: logged, as: UTF8.self)
        )
    }

    static func sampleRun(into output: String, _ extra: [String]) -> [String] {
        ["run", PipelineTestSupport.sampleDataset, "--out", output, "--as-of", "2025-06-30"] + extra
    }

    @Test("A good night writes nothing at all, though the sample has quarantined rows and conflicts")
    func goodNightIsSilent() throws {
        guard Self.executable != nil else { return }
        let output = try PipelineTestSupport.temporaryFolder("quiet") + "/report"
        let loud = try Self.run(Self.sampleRun(into: output, []))
        #expect(loud.status == 0)
        #expect(loud.errors.contains("warning: source 'notices-register'"), "the sample does warn without --quiet")
        #expect(loud.output.contains("Report: "))
        let quiet = try Self.run(Self.sampleRun(into: output, ["--quiet"]))
        #expect(quiet.status == 0)
        #expect(quiet.output.isEmpty)
        #expect(quiet.errors.isEmpty)
        let report = try String(contentsOfFile: output + "/report.md", encoding: .utf8)
        #expect(report.contains("### Quarantined rows"), "the warnings stay in the report")
    }

    @Test("A threshold exceeded writes the held warnings, the error and the summary, with status 2")
    func thresholdExceededSpeaks() throws {
        guard Self.executable != nil else { return }
        let output = try PipelineTestSupport.temporaryFolder("quiet-threshold") + "/report"
        let result = try Self.run(Self.sampleRun(into: output, ["--quiet", "--max-quarantined", "1"]))
        #expect(result.status == 2)
        #expect(result.errors.contains("warning: source 'notices-register': 1 of 1199 rows quarantined"))
        #expect(result.errors.contains("2 rows quarantined, over the limit of 1 set by --max-quarantined"))
        #expect(result.output.contains("2 rows quarantined (see quarantine.csv)"))
    }

    @Test("A failed run writes its error; --quiet with --verbose is refused")
    func failureSpeaks() throws {
        guard Self.executable != nil else { return }
        let output = try PipelineTestSupport.temporaryFolder("quiet-failure") + "/report"
        let missing = try Self.run(["run", output + "-no-such-dataset", "--out", output, "--quiet"])
        #expect(missing.status == 66)
        #expect(missing.errors.contains("error[dataset-not-found]"))
        let both = try Self.run(Self.sampleRun(into: output, ["--quiet", "--verbose"]))
        #expect(both.status == 64)
        #expect(both.errors.contains("--quiet and --verbose cannot be used together"))
    }
}
