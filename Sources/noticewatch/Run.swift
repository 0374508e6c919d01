import ArgumentParser
import Foundation
import Logging
import NoticeWatchModel
import NoticeWatchPipeline

/// `noticewatch run DATASET_DIR --out REPORT_DIR`: the nightly command.
struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Read a dataset folder and write its report.",
        discussion: """
            The report folder is replaced whole and atomically: a run killed at any moment leaves the previous \
            report as it was. A lock keeps two runs from writing it at once.

            Only what NoticeWatch wrote is replaced: an absent path, an empty folder, a NoticeWatch report (its \
            manifest.json says so) or, with --keep, a folder of NoticeWatch runs. Anything else stops the run \
            before it reads a file, with status 77; so does a report folder that is the dataset folder, inside it, \
            above it or above an input file, even with --force.

            Standard error gets one warning line per source with quarantined rows; progress lines per stage \
            when it is a terminal (or with --verbose); the details are in the report. With --quiet nothing is \
            written unless the run ends with a status other than 0: then the warnings and the summary are \
            written as without it.

            Exit status:
            \(ExitStatus.allCases.map { "  \(String($0.rawValue).padding(toLength: 4, withPad: " ", startingAt: 0))\($0.meaning)" }.joined(separator: "\n"))
            """
    )

    @Argument(help: "The dataset folder: input files and, usually, a sources.yml.")
    var datasetDirectory: String

    @Option(name: .long, help: ArgumentHelp("The report folder to write (replaced whole).", valueName: "report-dir"))
    var out: String

    @Option(
        name: .customLong("as-of"),
        help: ArgumentHelp(
            "The day the data describes (YYYY-MM-DD): active notices are censored here. Default: SOURCE_DATE_EPOCH, else the latest date in the data.",
            valueName: "date"))
    var asOf: String?

    @Option(name: .customLong("min-decisions"), help: "Countries with fewer decided complaints are not ranked by rate.")
    var minDecisions: Int = 10

    @Flag(name: .customLong("count-partial-as-overturned"), help: "Count 'compliant subject to updates' as overturned.")
    var countPartialAsOverturned = false

    @Option(name: .customLong("top"), help: "Countries shown in the Markdown volume table before the rest is summed.")
    var top: Int = 20

    @Option(
        name: .customLong("km-ci"),
        help: "Kaplan–Meier interval transform: loglog (lifelines' default), log (R survfit's default) or plain.")
    var kmInterval: String = SurvivalIntervalMethod.logLog.rawValue

    @Option(
        name: .customLong("km-quantile"),
        help: "Kaplan–Meier quantile rule: r (R survfit's midpoint on an exact flat) or first (as lifelines).")
    var kmQuantile: String = SurvivalQuantileRule.r.rawValue

    @Option(
        name: .customLong("max-quarantined"),
        help: "Exit with status 2 (the report still written) when more rows than this are quarantined.")
    var maxQuarantined: Int?

    @Option(name: .long, help: "Keep the newest N runs as dated folders under the report folder, with a 'latest' link.")
    var keep: Int?

    @Flag(
        name: .long,
        help: ArgumentHelp(
            "Replace a non-empty report folder that is not a NoticeWatch report.",
            discussion: "Never a file, the dataset folder, a folder inside or above it, or above an input file."))
    var force = false

    @Flag(
        name: .customLong("records-database"), inversion: .prefixedNo,
        help: ArgumentHelp(
            "Write records.sqlite with every record.",
            discussion:
                "--no-records-database: the same figures, tables and charts, faster and far smaller; the next run "
                + "cannot list the changes since this one.")
    )
    var recordsDatabase = true

    @Option(
        name: .customLong("records-in-memory"),
        help: ArgumentHelp(
            "Records kept in memory before the rest are spilled to sorted files under TMPDIR (the outputs are the same).",
            valueName: "n"))
    var recordsInMemory: Int = 100_000

    @Flag(
        name: .long,
        help: ArgumentHelp(
            "Also write each chart as PNG (charts/<name>.png), when rsvg-convert is installed.",
            discussion: "Never by default: a PNG's bytes depend on the converter and the fonts of the machine."))
    var png = false

    @Flag(name: .long, help: "Per-file detail on standard error.")
    var verbose = false

    @Flag(
        name: .long,
        help: ArgumentHelp(
            "Write nothing unless the run fails or a threshold such as --max-quarantined is exceeded (for cron).",
            discussion: "Warnings stay in the report; they are written with the failure when there is one."))
    var quiet = false

    func validate() throws {
        if let asOf, parsedAsOf(asOf) == nil {
            throw ValidationError("--as-of must be a full date as YYYY-MM-DD, not '\(asOf)'.")
        }
        guard SurvivalIntervalMethod(rawValue: kmInterval) != nil else {
            throw ValidationError("--km-ci must be one of loglog, log, plain; not '\(kmInterval)'.")
        }
        guard SurvivalQuantileRule(rawValue: kmQuantile) != nil else {
            throw ValidationError("--km-quantile must be one of r, first; not '\(kmQuantile)'.")
        }
        guard minDecisions >= 1 else { throw ValidationError("--min-decisions must be at least 1.") }
        guard top >= 1 else { throw ValidationError("--top must be at least 1.") }
        if let maxQuarantined, maxQuarantined < 0 { throw ValidationError("--max-quarantined cannot be negative.") }
        if let keep, keep < 1 { throw ValidationError("--keep must be at least 1.") }
        guard recordsInMemory >= 0 else { throw ValidationError("--records-in-memory cannot be negative.") }
        if quiet, verbose { throw ValidationError("--quiet and --verbose cannot be used together.") }
    }

    func run() throws {
        MallocArenas.useOne()
        let interactive = isatty(STDERR_FILENO) != 0
        let level: Logger.Level = verbose ? .debug : (interactive && !quiet ? .info : .warning)
        let held = quiet ? HeldLines() : nil
        var logger = Logger(label: "noticewatch") { _ in TerminalLogHandler(held: held) }
        logger.logLevel = level

        let configuration = RunConfiguration(
            datasetDirectory: datasetDirectory, outputDirectory: out, asOf: asOf.flatMap(parsedAsOf),
            minimumDecisions: minDecisions, partialCountsAsOverturned: countPartialAsOverturned, topCountries: top,
            survivalInterval: SurvivalIntervalMethod(rawValue: kmInterval) ?? .logLog,
            maxQuarantined: maxQuarantined, keep: keep,
            sourceDateEpoch: ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"], recordsDatabase: recordsDatabase,
            recordsInMemory: recordsInMemory, survivalQuantileRule: SurvivalQuantileRule(rawValue: kmQuantile) ?? .r,
            force: force, chartsAsPNG: png)
        do {
            let result = try Pipeline.run(configuration, logger: logger)
            if quiet, result.exitStatus == .success { return }
            held?.release()
            print("Report: \(result.reportPath)/report.md")
            print(
                "\(result.notices) notices, \(result.complaints) complaints, \(result.quarantined) rows quarantined"
                    + (result.quarantined > 0 ? " (see quarantine.csv)" : "")
                    + "; as of \(result.asOf) (\(result.asOfOrigin))")
            if result.exitStatus != .success { throw ExitCode(result.exitStatus.rawValue) }
        } catch let error as PipelineError {
            held?.release()
            TerminalLogHandler.write("noticewatch: \(error)")
            throw ExitCode(error.exitStatus.rawValue)
        } catch {
            held?.release()
            throw error
        }
    }

    private func parsedAsOf(_ text: String) -> CivilDate? {
        guard let date = CivilDate(iso: text), date.precision == .day else { return nil }
        return date
    }
}
