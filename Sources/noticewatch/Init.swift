import ArgumentParser
import NoticeWatchPipeline

/// `noticewatch init DATASET_DIR`: writes the sources.yml that reproduces what a run infers.
struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write DATASET_DIR/sources.yml from what a run without one infers, each choice with its reason.",
        discussion: """
            Whole files are read. The file written reproduces the run without a sources file (the same figures): \
            one source per file (per sheet of a workbook), with the reader choices, the record kind, each \
            field's column and date format, each with a comment saying why (`# detected: 97% of 1,234 values \
            parse as dd.MM.yyyy`); edit a line instead of writing the file. Files with no record and files a \
            run does not read are listed in comments. An existing sources.yml is never replaced without \
            --force; no other file is touched.

            Exit status: 0 when written; 73 when the folder has a sources.yml already (without --force) or it \
            cannot be written; 65, 66 as for run.
            """
    )

    @Argument(help: "The dataset folder.")
    var datasetDirectory: String

    @Flag(name: .long, help: "Replace an existing sources.yml (its mapping is ignored: every file is inferred).")
    var force = false

    func run() throws {
        do {
            print(try Inspection.initialize(directory: datasetDirectory, force: force), terminator: "")
        } catch let error as PipelineError {
            TerminalLogHandler.write("noticewatch: \(error)")
            throw ExitCode(error.exitStatus.rawValue)
        }
    }
}
