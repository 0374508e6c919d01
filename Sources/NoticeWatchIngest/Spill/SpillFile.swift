import NoticeWatchModel

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Appends encoded records to a new spill file, a block at a time.
final class SpillWriter {
    let path: String
    /// Encoded records not yet written.
    var bytes = SpillBytes()
    private let descriptor: Int32
    private var closed = false

    /// Bytes gathered before they are written.
    static let blockSize = 1 << 20

    /// Creates the file.
    ///
    /// - Throws: `spill-failed` when it cannot be created.
    init(path: String) throws(IngestError) {
        self.path = path
        descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_TRUNC, 0o600)
        guard descriptor >= 0 else { throw SpillWriter.failure("cannot create", path) }
        bytes.bytes.reserveCapacity(SpillWriter.blockSize + 4096)
    }

    deinit {
        if !closed { close(descriptor) }
    }

    /// Writes the gathered bytes once there is a block of them.
    func flushIfFull() throws(IngestError) {
        if bytes.bytes.count >= SpillWriter.blockSize { try flush() }
    }

    /// Writes what is gathered and closes the file.
    func finish() throws(IngestError) {
        try flush()
        closed = true
        guard close(descriptor) == 0 else { throw SpillWriter.failure("cannot finish", path) }
    }

    private func flush() throws(IngestError) {
        var written = 0
        while written < bytes.bytes.count {
            let count = bytes.bytes.withUnsafeBytes { buffer in
                write(descriptor, buffer.baseAddress! + written, buffer.count - written)
            }
            guard count > 0 else { throw SpillWriter.failure("cannot write", path) }
            written += count
        }
        bytes.bytes.removeAll(keepingCapacity: true)
    }

    static func failure(_ what: String, _ path: String) -> IngestError {
        IngestError(
            code: "spill-failed",
            message: "\(what) a temporary file for records beyond the memory budget: "
                + "\(String(cString: strerror(errno))); set TMPDIR to a writable folder with room",
            file: path)
    }
}

/// An open spill file, closed when the last reader of it is gone.
final class SpillFileHandle: Sendable {
    let path: String
    let descriptor: Int32

    /// Opens `path` for reading; the file was written by this run moments before.
    init(path: String) {
        self.path = path
        descriptor = open(path, O_RDONLY)
        precondition(descriptor >= 0, "cannot read back \(path): \(String(cString: strerror(errno)))")
    }

    deinit { close(descriptor) }
}

/// Reads the records of a spill file back, in file order, a block at a time: a value, so that reading needs no
/// lock or check beyond its own.
///
/// The file was written by this run moments before; should reading it back fail all the same (an I/O error of
/// the disk), the run stops with a message naming the file, as it would on running out of memory.
struct SpillReader<Record: SpillableRecord>: IteratorProtocol {
    private let file: SpillFileHandle
    private let origins: [SourceLocation.Origin]
    private let lineShift: Int
    private let recordShift: Int
    /// Read bytes; `start..<end` are not consumed yet. A merge holds one reader per run, so the buffer is small
    /// (it grows for a record larger than it).
    private var buffer = [UInt8](unsafeUninitializedCapacity: SpillReader.bufferSize) { _, count in
        count = SpillReader.bufferSize
    }
    /// Where the next record starts in `buffer`.
    private var start = 0
    /// Where the bytes read end in `buffer`.
    private var end = 0
    /// Where the file is read next.
    private var fileOffset = 0
    private var atEnd = false

    /// Bytes read back at a time, at most.
    static var bufferSize: Int { 256 << 10 }

    /// Opens `run`'s file; `origins` is the spill folder's table, complete for the records of the file.
    init(run: SpillRun, origins: [SourceLocation.Origin]) {
        file = SpillFileHandle(path: run.file)
        self.origins = origins
        lineShift = run.lineShift
        recordShift = run.recordShift
    }

    /// The next record and its row in its file's read, or `nil` at the end.
    mutating func next() -> (record: Record, row: UInt32)? {
        guard let length = wholeRecord() else { return nil }
        let (origins, lines, records, first) = (self.origins, lineShift, recordShift, start)
        start += 4 + length
        return buffer.withUnsafeBytes { raw in
            var cursor = SpillCursor(buffer: raw, offset: first)
            return Record.read(from: &cursor, origins: origins, lines: lines, records: records)
        }
    }

    /// The length of the record at `start` once the buffer holds all of it; `nil` at the end of the file.
    private mutating func wholeRecord() -> Int? {
        while true {
            let available = end - start
            if available >= 4 {
                let first = start
                let length = buffer.withUnsafeBytes {
                    Int(UInt32(littleEndian: $0.loadUnaligned(fromByteOffset: first, as: UInt32.self)))
                }
                if available >= 4 + length { return length }
                if 4 + length > buffer.count {
                    buffer += [UInt8](repeating: 0, count: 4 + length)
                }
            }
            if atEnd {
                precondition(available == 0, "\(file.path) ends inside a record")
                return nil
            }
            refill()
        }
    }

    /// Moves the unread bytes to the front and reads as much of the file as fits after them.
    private mutating func refill() {
        let (descriptor, offset, kept, first) = (file.descriptor, fileOffset, end - start, start)
        let got = buffer.withUnsafeMutableBytes { raw in
            if first > 0 && kept > 0 { memmove(raw.baseAddress!, raw.baseAddress! + first, kept) }
            return pread(descriptor, raw.baseAddress! + kept, raw.count - kept, off_t(offset))
        }
        precondition(got >= 0, "cannot read back \(file.path): \(String(cString: strerror(errno)))")
        start = 0
        end = kept + got
        fileOffset += got
        if got == 0 { atEnd = true }
    }
}
