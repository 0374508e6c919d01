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
    /// Where the problem is, `file:line:column` as far as known, or `nil`.
    public var location: String?

    public init(code: String, message: String, exitStatus: ExitStatus, location: String? = nil) {
        self.code = code
        self.message = message
        self.exitStatus = exitStatus
        self.location = location
    }

    /// `sources.yml:12:5: error[sources-file-unknown-key]: …`, or without the place when there is none.
    public var description: String {
        (location.map { "\($0): " } ?? "") + "error[\(code)]: \(message)"
    }

    /// Maps an ingest failure to the exit status it means for cron: a missing or unreadable input is
    /// ``ExitStatus/unreadableInput``; a temporary folder that cannot take the records beyond the memory
    /// budget is ``ExitStatus/cannotWriteReport``; everything else (the sources file, ambiguous dates, no
    /// records) is ``ExitStatus/badData``.
    init(_ error: IngestError) {
        let unreadable: Set<String> = ["dataset-not-found", "file-unreadable", "no-matching-files"]
        let location = error.file.map { file in
            [file, error.line.map(String.init), error.column.map(String.init)].compactMap { $0 }.joined(separator: ":")
        }
        let status: ExitStatus =
            unreadable.contains(error.code)
            ? .unreadableInput : error.code == "spill-failed" ? .cannotWriteReport : .badData
        self.init(code: error.code, message: error.message, exitStatus: status, location: location)
    }

    /// Maps a report-writing failure.
    init(_ error: ReportError) {
        self.init(code: error.code, message: error.message, exitStatus: .cannotWriteReport, location: error.path)
    }
}
