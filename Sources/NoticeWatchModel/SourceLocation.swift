/// Where a record or a problem was found: the source's name, the file, and the physical line (CSV, XML)
/// or the record number (JSON, NDJSON), both counted from 1.
///
/// A location is 16 bytes: the source and file names sit in one shared ``Origin`` per file, so the millions of
/// locations a large input gives (one per record) share their strings instead of each holding two.
public struct SourceLocation: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// A source's name and one of its files: shared by every location in that file.
    public final class Origin: Hashable, Sendable {
        /// The source's name from the sources file (or the file name when the mapping was inferred).
        public let source: String
        /// The file's path relative to the dataset folder, with `/` separators.
        public let file: String
        /// For a workbook sheet (``file`` is then `leak.xlsx!Complaints 2021`), the letters of its table's first
        /// column: a location's line is the sheet's row, and it reads as a cell, `leak.xlsx!Complaints 2021!A12`.
        public let column: String?

        public init(source: String, file: String, column: String? = nil) {
            self.source = source
            self.file = file
            self.column = column
        }

        public static func == (lhs: Origin, rhs: Origin) -> Bool {
            lhs === rhs || (lhs.source == rhs.source && lhs.file == rhs.file && lhs.column == rhs.column)
        }

        public func hash(into hasher: inout Hasher) {
            hasher.combine(source)
            hasher.combine(file)
            hasher.combine(column)
        }
    }

    /// The source and file.
    public var origin: Origin
    /// The line, or 0 when unknown (lines count from 1).
    private var storedLine: UInt32
    /// The record number, or 0 when unknown (records count from 1).
    private var storedRecord: UInt32

    /// The source's name from the sources file (or the file name when the mapping was inferred).
    public var source: String {
        get { origin.source }
        set { origin = Origin(source: newValue, file: origin.file, column: origin.column) }
    }

    /// The file's path relative to the dataset folder, with `/` separators.
    public var file: String {
        get { origin.file }
        set { origin = Origin(source: origin.source, file: newValue, column: origin.column) }
    }

    /// The physical line where the record starts (1-based), when the format has lines that mean something.
    public var line: Int? {
        get { storedLine == 0 ? nil : Int(storedLine) }
        set { storedLine = SourceLocation.stored(newValue) }
    }

    /// The record's position in its file (1-based, after the header for CSV).
    public var record: Int? {
        get { storedRecord == 0 ? nil : Int(storedRecord) }
        set { storedRecord = SourceLocation.stored(newValue) }
    }

    /// A location in a file whose ``Origin`` is shared by all its locations (what readers use, one per row).
    ///
    /// Lines and records count from 1; a number outside 1..<2³² (which no reader gives) is kept as unknown.
    public init(in origin: Origin, line: Int? = nil, record: Int? = nil) {
        self.origin = origin
        storedLine = SourceLocation.stored(line)
        storedRecord = SourceLocation.stored(record)
    }

    public init(source: String, file: String, line: Int? = nil, record: Int? = nil) {
        self.init(in: Origin(source: source, file: file), line: line, record: record)
    }

    /// `file:line` when the line is known (`file!sheet!A12` in a workbook sheet), else `file#record`, else the
    /// file alone.
    public var description: String {
        if let line, let column = origin.column { return "\(file)!\(column)\(line)" }
        if let line { return "\(file):\(line)" }
        if let record { return "\(file)#\(record)" }
        return file
    }

    /// Orders by file, then line, then record, then source: the order in which a reader meets rows.
    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        if lhs.origin !== rhs.origin, lhs.file != rhs.file { return lhs.file < rhs.file }
        if lhs.storedLine != rhs.storedLine { return lhs.storedLine < rhs.storedLine }
        if lhs.storedRecord != rhs.storedRecord { return lhs.storedRecord < rhs.storedRecord }
        return lhs.origin !== rhs.origin && lhs.source < rhs.source
    }

    private static func stored(_ value: Int?) -> UInt32 {
        guard let value, value >= 1, value <= Int(UInt32.max) else { return 0 }
        return UInt32(value)
    }
}
