internal import NoticeWatchIngest
internal import NoticeWatchReport

/// A failure that stops a run before a report is written, with the exit status cron sees.
///
/// `description` is the one-paragraph message the command prints.
public struct PipelineError: Error, Sendable, CustomStringConvertible {
    /// Stable kebab-case code (`dataset-not-found`, `report-locked`).
    public var code: String
    public var message: String
    public var exitStatus: ExitStatus

    public init(code: String, message: String, exitStatus: ExitStatus) {
        self.code = code
        self.message = message
        self.exitStatus = exitStatus
    }

    public var description: String { "error[\(code)]: \(message)" }

    /// Maps an ingest failure to the exit status it means for cron: a missing or unreadable input is
    /// ``ExitStatus/unreadableInput``; everything else (the sources file, ambiguous dates, no records) is
    /// ``ExitStatus/badData``.
    init(_ error: IngestError) {
        let unreadable: Set<String> = ["dataset-not-found", "file-unreadable", "no-matching-files"]
        self.init(
            code: error.code, message: error.description,
            exitStatus: unreadable.contains(error.code) ? .unreadableInput : .badData)
    }

    /// Maps a report-writing failure.
    init(_ error: ReportError) {
        self.init(code: error.code, message: error.description, exitStatus: .cannotWriteReport)
    }
}
