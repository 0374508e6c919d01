import NoticeWatchModel

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Appends encoded records to a new spill file, a block at a time.
final class SpillWriter {
    let path: String
    private let descriptor: Int32
    private var closed = false
    /// Encoded records not yet written: `count` bytes of `capacity`.
    private var buffer: UnsafeMutableRawPointer
    private var capacity: Int
    private var count = 0

    /// Bytes gathered before they are written.
    static let blockSize = 1 << 20

    /// Creates the file.
    ///
    /// - Throws: `spill-failed` when it cannot be created.
    init(path: String) throws(IngestError) {
        self.path = path
        capacity = SpillWriter.blockSize + (64 << 10)
        buffer = .allocate(byteCount: capacity, alignment: 16)
        descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_TRUNC, 0o600)
        guard descriptor >= 0 else {
            buffer.deallocate()
            throw SpillWriter.failure("cannot create", path)
        }
    }

    deinit {
        if !closed { close(descriptor) }
        buffer.deallocate()
    }

    /// Appends `record` with its `origin` index and `row`, and writes the gathered bytes once there is a block.
    ///
    /// - Throws: `spill-failed` when the file cannot be written.
    func append<Record: SpillableRecord>(_ record: Record, origin: UInt32, row: UInt32) throws(IngestError) {
        let size = record.spillSize
        if count + size > capacity {
            try flush()
            if size > capacity {
                buffer.deallocate()
                capacity = size
                buffer = .allocate(byteCount: capacity, alignment: 16)
            }
        }
        var bytes = SpillBytes(base: buffer, count: count)
        record.append(to: &bytes, origin: origin, row: row)
        assert(bytes.count == count + size, "a record wrote other than its spill size")
        count = bytes.count
        if count >= SpillWriter.blockSize { try flush() }
    }

    /// Writes what is gathered and closes the file.
    func finish() throws(IngestError) {
        try flush()
        closed = true
        guard close(descriptor) == 0 else { throw SpillWriter.failure("cannot finish", path) }
    }

    private func flush() throws(IngestError) {
        var written = 0
        while written < count {
            let result = write(descriptor, buffer + written, count - written)
            guard result > 0 else { throw SpillWriter.failure("cannot write", path) }
            written += result
        }
        count = 0
    }

    static func failure(_ what: String, _ path: String) -> IngestError {
        IngestError(
            code: .spillFailed,
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

    /// Opens `run`'s file; `origins` is the spill folder's table, complete for the records of the file (it may
    /// be empty for a reader of facts alone).
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

    /// The facts of the next record, or `nil` at the end (the record's other fields are skipped).
    mutating func nextFacts() -> Record.Facts? {
        guard let length = wholeRecord() else { return nil }
        let first = start
        start += 4 + length
        return buffer.withUnsafeBytes { raw in
            var cursor = SpillCursor(buffer: raw, offset: first)
            return Record.readFacts(from: &cursor)
        }
    }

    /// Calls `body` with the facts of each next record whose id is among `ids` (sorted as strings sort, from
    /// `position` on) and its index there, until the file or the ids end; `position` ends past the ids passed.
    /// Only the ids' bytes are compared; the facts of the records found alone are decoded.
    mutating func lookUpFacts(
        _ ids: [LookupID], position: inout Int, body: (Int, Record.Facts) -> Void
    ) {
        while position < ids.count, let length = wholeRecord() {
            let first = start
            start += 4 + length
            // The record's length, provenance and row take 20 bytes; the id's length and bytes follow.
            let facts: Record.Facts? = buffer.withUnsafeBytes { raw in
                let idLength = Int(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: first + 20, as: UInt32.self)))
                let id = UnsafeRawBufferPointer(rebasing: raw[(first + 24)..<(first + 24 + idLength)])
                var order = ids[position].order(ofStored: id)
                while order > 0 {
                    position += 1
                    guard position < ids.count else { return nil }
                    order = ids[position].order(ofStored: id)
                }
                guard order == 0 else { return nil }
                var cursor = SpillCursor(buffer: raw, offset: first + 24 + idLength)
                return Record.readFacts(fields: &cursor)
            }
            if let facts {
                body(position, facts)
                position += 1
            }
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

extension LookupID {
    /// Where a stored id lies against this one, as strings are ordered (the order of the files): negative
    /// before, zero equal, positive after. ASCII ids compare by bytes, which is that order; any other is
    /// compared as a string (canonical equivalence decides, as it did when the file was sorted).
    func order(ofStored stored: UnsafeRawBufferPointer) -> Int {
        var storedBits: UInt8 = 0
        for byte in stored { storedBits |= byte }
        guard isASCII, storedBits < 0x80 else {
            let storedText = String(decoding: stored, as: UTF8.self)
            return storedText == text ? 0 : (storedText < text ? -1 : 1)
        }
        let common = min(stored.count, utf8.count)
        for index in 0..<common where stored[index] != utf8[index] {
            return stored[index] < utf8[index] ? -1 : 1
        }
        return stored.count == utf8.count ? 0 : (stored.count < utf8.count ? -1 : 1)
    }
}
