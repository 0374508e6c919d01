/// Where a record or a problem was found: the source's name, the file, and the physical line (CSV, XML)
/// or the record number (JSON, NDJSON), both counted from 1.
public struct SourceLocation: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The source's name from the sources file (or the file name when the mapping was inferred).
    public var source: String
    /// The file's path relative to the dataset folder, with `/` separators.
    public var file: String
    /// The physical line where the record starts (1-based), when the format has lines that mean something.
    public var line: Int?
    /// The record's position in its file (1-based, after the header for CSV).
    public var record: Int?

    public init(source: String, file: String, line: Int? = nil, record: Int? = nil) {
        self.source = source
        self.file = file
        self.line = line
        self.record = record
    }

    /// `file:line` when the line is known, else `file#record`, else the file alone.
    public var description: String {
        if let line { return "\(file):\(line)" }
        if let record { return "\(file)#\(record)" }
        return file
    }

    /// Orders by file, then line, then record, then source: the order in which a reader meets rows.
    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.line ?? 0, lhs.record ?? 0, lhs.source) < (rhs.file, rhs.line ?? 0, rhs.record ?? 0, rhs.source)
    }
}
