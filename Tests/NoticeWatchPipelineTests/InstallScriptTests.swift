import Foundation
import Testing

/// `Scripts/install.sh` (what `make install` runs) on the executable the tests were built with, into a temporary
/// prefix. The man page comes from `--help` here: the generate-manual plugin would start a second build of the
/// package while this one is in use (`make install` runs it; its page is checked by hand).
@Suite("make install")
struct InstallScriptTests {
    @Test("Installs the binary, a man page naming every option, completions for three shells and the schema")
    func installsEverything() throws {
        guard let executable = QuietOptionTests.executable else { return }
        let prefix = try PipelineTestSupport.temporaryFolder("install") + "/prefix"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: PipelineTestSupport.packageRoot + "/Scripts/install.sh")
        process.arguments = [executable, prefix, "debug"]
        var environment = ProcessInfo.processInfo.environment
        environment["SWIFT"] = "false"
        environment["SOURCE_DATE_EPOCH"] = "1751241600"
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(FileManager.default.isExecutableFile(atPath: prefix + "/bin/noticewatch"))
        let man = try String(contentsOfFile: prefix + "/share/man/man1/noticewatch.1", encoding: .utf8)
        #expect(man.hasPrefix(".TH NOTICEWATCH 1 \"2025-06-30\""))
        for option in ["--out", "--as-of", "--max-quarantined", "--quiet", "--keep", "--seed", "--full", "--json"] {
            #expect(man.contains(option), "the man page lacks \(option)")
        }
        let completions = [
            "share/bash-completion/completions/noticewatch", "share/zsh/site-functions/_noticewatch",
            "share/fish/vendor_completions.d/noticewatch.fish",
        ]
        for path in completions {
            let script = try String(contentsOfFile: prefix + "/" + path, encoding: .utf8)
            #expect(script.contains("--max-quarantined"), "\(path) completes the options")
            #expect(script.contains("inspect") && script.contains("init"), "\(path) completes the subcommands")
        }
        let schema = try Data(contentsOf: URL(fileURLWithPath: prefix + "/share/noticewatch/figures.schema.json"))
        let committed = try Data(
            contentsOf: URL(
                fileURLWithPath: PipelineTestSupport.packageRoot + "/Sources/NoticeWatchReport/figures.schema.json"))
        #expect(schema == committed)
    }
}
