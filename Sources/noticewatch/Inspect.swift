import ArgumentParser
import NoticeWatchPipeline

/// `noticewatch inspect DATASET_DIR [FILE…]`: how a run would read each file, from its first part.
struct Inspect: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show how a run would read each file of a dataset folder, reading only the first part of each.",
        discussion: """
            Per file: format, encoding, delimiter, quote and header (CSV), where the records are (JSON, XML), the \
            sheet (workbooks), the record kind and each field's column with the evidence, the date formats with \
            examples, the labels of each category field and what they map to (an unknown one with the closest \
            known label, never applied), the country values that name no member country, and the rows a run \
            would set aside; then the files a run would not read, with why. Counts are over the part read: the \
            first 4 MiB of a CSV or JSON file, the first 20,000 records of an XML file, whole sheets; --full reads \
            whole files. Nothing is written.

            Exit status: 0 when a run would read every file and stop on none; 4 when it would leave a file unread \
            or stop on one; 64, 65, 66 as for run (bad options, a wrong sources file, a missing folder).
            """
    )

    @Argument(help: "The dataset folder.")
    var datasetDirectory: String

    @Argument(help: "Only these files (paths in the dataset folder, or globs such as 'jsons/*.json').")
    var files: [String] = []

    @Flag(name: .long, help: "Read whole files instead of their first part.")
    var full = false

    @Flag(name: .long, help: "Print JSON for scripts (sorted keys; documented in Datasets/README.md).")
    var json = false

    func run() throws {
        do {
            let output = try Inspection.inspect(directory: datasetDirectory, only: files, full: full, json: json)
            print(output.text, terminator: "")
            if output.exitStatus != .success { throw ExitCode(output.exitStatus.rawValue) }
        } catch let error as PipelineError {
            TerminalLogHandler.write("noticewatch: \(error)")
            throw ExitCode(error.exitStatus.rawValue)
        }
    }
}
