/// How far ingest has got in one file: reported now and then while reading, and once when the file is done.
///
/// Reports for different files may arrive from different threads, in any order.
public struct IngestProgress: Sendable {
    /// The source's name.
    public var source: String
    /// The file's path relative to the dataset folder.
    public var file: String
    /// Rows or records read so far (header excluded).
    public var rowsRead: Int
    /// Bytes read so far (the file's size once `finished`; 0 while reading when the reader cannot tell).
    public var bytesRead: Int
    /// Whether the file has been read to its end.
    public var finished: Bool

    /// A progress report.
    public init(source: String, file: String, rowsRead: Int, bytesRead: Int, finished: Bool) {
        self.source = source
        self.file = file
        self.rowsRead = rowsRead
        self.bytesRead = bytesRead
        self.finished = finished
    }
}
