public import NoticeWatchModel

/// A failure that stops a report from being written (`output-not-writable`, `sqlite-failed`, `png-conversion-failed`,
/// `previous-run-unreadable`), with the file at fault as its ``RunError/path``.
public typealias ReportError = RunError
