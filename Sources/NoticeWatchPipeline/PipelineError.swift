public import NoticeWatchModel

/// A failure that stops a run before a report is written, with the exit status cron sees.
///
/// `description` is the one-paragraph message the command prints.
public typealias PipelineError = RunError

extension RunError {
    /// The exit status cron sees for this failure: the one of its code's class.
    public var exitStatus: ExitStatus { ExitStatus(code.failure) }
}

extension ExitStatus {
    /// The status of a class of failure.
    init(_ failure: ErrorCode.Failure) {
        switch failure {
        case .badData: self = .badData
        case .unreadableInput: self = .unreadableInput
        case .cannotWriteReport: self = .cannotWriteReport
        case .locked: self = .locked
        case .reportFolderRefused: self = .reportFolderRefused
        case .badOptions: self = .badOptions
        case .notEverythingRead: self = .notEverythingRead
        }
    }
}
