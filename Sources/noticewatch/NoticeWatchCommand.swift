import ArgumentParser
import NoticeWatchPipeline

@main
struct NoticeWatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "noticewatch",
        abstract: "Turn Interpol notice and CCF complaint files into publishable, reproducible figures.",
        discussion: """
            NoticeWatch reads a dataset folder of CSV, JSON and XML exports (described by its sources.yml, or \
            inferred from the headers), normalizes notices and complaints, computes complaint volumes, overturn \
            rates and time to cancellation, and writes a report folder.
            """,
        version: Pipeline.version,
        subcommands: [Inspect.self, Init.self, Run.self, Generate.self],
        defaultSubcommand: nil
    )
}
