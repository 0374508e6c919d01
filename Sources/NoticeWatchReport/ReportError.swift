/// A failure that stops a report from being written: a stable kebab-case code, a message and the file at fault.
///
/// Codes:
/// - `output-not-writable`: a file or folder in the report folder could not be created or written.
/// - `sqlite-failed`: SQLite refused a statement while `records.sqlite` was written (the message is SQLite's).
/// - `png-conversion-failed`: with `--png`, `rsvg-convert` could not be started or failed on a chart.
/// - `previous-run-unreadable`: `previous` was given but its `records.sqlite` or `overturn_rates.csv` could
///   not be read.
public struct ReportError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Stable kebab-case code (see the type's documentation).
    public var code: String
    /// What went wrong, in words.
    public var message: String
    /// The file at fault, as given or inside the report folder.
    public var path: String

    /// Creates an error.
    public init(code: String, message: String, path: String) {
        self.code = code
        self.message = message
        self.path = path
    }

    /// `path: error[code]: message`, the way a terminal shows it.
    public var description: String { "\(path): error[\(code)]: \(message)" }
}
