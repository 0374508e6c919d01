/// A failure that stops a run: its ``ErrorCode``, a message and where, as far as known.
///
/// The one error type of NoticeWatch: the readers throw it as `IngestError`, the report writer as `ReportError`
/// and the pipeline as `PipelineError`, and the exit status follows from the code (``ErrorCode/failure``).
/// `description` reads as one paragraph in a terminal: `sources.yml:12:5: error[sources-file-unknown-key]: …`.
public struct RunError: Error, Hashable, Sendable, CustomStringConvertible {
    public var code: ErrorCode
    /// What went wrong, in words.
    public var message: String
    /// The file at fault: relative to the dataset folder when inside it, else as given.
    public var file: String?
    public var line: Int?
    public var column: Int?

    public init(code: ErrorCode, message: String, file: String? = nil, line: Int? = nil, column: Int? = nil) {
        self.code = code
        self.message = message
        self.file = file
        self.line = line
        self.column = column
    }

    /// An error about the file at `path` (a report file, a folder).
    public init(code: ErrorCode, message: String, path: String) {
        self.init(code: code, message: message, file: path)
    }

    /// The file at fault, or `""` when there is none.
    public var path: String { file ?? "" }

    /// `file:line:column` as far as known, or `nil` when no file is at fault.
    public var location: String? {
        file.map { file in
            [file, line.map(String.init), column.map(String.init)].compactMap { $0 }.joined(separator: ":")
        }
    }

    /// Whether the problem is with the configuration (the sources file) rather than with reading inputs.
    public var isConfigurationError: Bool { code.isSourcesFile }

    public var description: String { (location.map { "\($0): " } ?? "") + "error[\(code)]: \(message)" }
}
