import ArgumentParser
import NoticeWatchModel
import NoticeWatchPipeline

/// `noticewatch generate`: the deterministic synthetic bundles.
struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a deterministic synthetic dataset with planted rates.",
        discussion: """
            Without --bench: the messy sample bundle of Datasets/sample (CSV, JSON pages, NDJSON and XML, with \
            planted duplicates and broken rows; PLANTED.md lists what was planted). With --bench: the large \
            benchmark bundle (csv/, ndjson/ and xml/ folders): with --profile realistic (the default) files shaped \
            like real exports and read with no sources file, with --profile clean clean files and a sources.yml \
            in each folder.
            """
    )

    @Option(name: .long, help: "The seed of the generator: the same seed gives the same bytes.")
    var seed: UInt64 = 20_250_630

    @Option(
        name: .long, help: ArgumentHelp("The folder to write (created; must be empty or absent).", valueName: "dir"))
    var out: String

    @Flag(name: .long, help: "Write the benchmark bundle instead of the sample bundle.")
    var bench = false

    @Option(name: .long, help: "Notices in the benchmark bundle.")
    var notices: Int = 1_000_000

    @Option(name: .long, help: "Complaints in the benchmark bundle.")
    var complaints: Int = 300_000

    @Option(name: .long, help: "The benchmark bundle's profile: realistic or clean.")
    var profile: String = "realistic"

    func validate() throws {
        guard notices >= 1, complaints >= 1 else {
            throw ValidationError("--notices and --complaints must be at least 1.")
        }
        guard ["realistic", "clean"].contains(profile) else {
            throw ValidationError("--profile must be realistic or clean, not \(profile).")
        }
    }

    func run() throws {
        do {
            let summary = try Generation.write(
                to: out, seed: seed, bench: bench, notices: notices, complaints: complaints, profile: profile)
            print(summary)
        } catch {
            TerminalLogHandler.write("noticewatch: \(error)")
            throw ExitCode(error.exitStatus.rawValue)
        }
    }
}
