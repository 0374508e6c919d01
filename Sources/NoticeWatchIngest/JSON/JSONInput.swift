#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A file read in chunks into one growable byte buffer, for the JSON scanner.
///
/// The buffer holds the bytes from the oldest position still needed (`keep`) to what has been read so far;
/// `refill(keeping:)` moves those bytes to the front and reads the next chunk after them, doubling the buffer
/// only when a single record is larger than it. Memory is bounded by the largest record plus one chunk.
///
/// A gzip-compressed file is inflated as it is read (see ``ByteStream``); it is never read by byte range.
///
/// A class because it owns a file descriptor and a heap buffer, both released in `deinit`.
final class JSONInput {
    /// Bytes read per `read(2)` call, and the initial buffer size.
    static let chunkSize = 1 << 20

    private let file: ByteStream
    private let displayPath: String
    /// Start of the buffer; valid bytes are `[0, count)`.
    private(set) var base: UnsafeMutableRawPointer
    private(set) var capacity: Int
    /// Number of valid bytes in the buffer.
    private(set) var count = 0
    /// Whether the end of the file (or of the byte range read) has been reached.
    private(set) var atEnd = false
    /// Bytes of the range still to read, `Int.max` when reading to the end of the file.
    private var remaining = Int.max
    /// Bytes read from the file so far (inflated, for a compressed file), for progress and `inspect`'s part.
    private(set) var bytesRead = 0

    /// Opens a file for reading, whole or only the bytes in `range`.
    ///
    /// - Throws: ``IngestError`` `file-unreadable` when the file cannot be opened or positioned.
    init(path: String, displayPath: String, range: Range<Int>? = nil) throws(IngestError) {
        let file = try ByteStream(path: path, displayPath: displayPath)
        self.file = file
        self.displayPath = displayPath
        if let range {
            try file.skip(range.lowerBound)
            remaining = range.count
        }
        capacity = Self.chunkSize * 2
        base = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 16)
    }

    deinit {
        base.deallocate()
    }

    /// The valid bytes of the buffer, from `start` to the end of what has been read.
    func bytes(from start: Int, to end: Int) -> UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(start: base + start, count: end - start)
    }

    /// The byte at a buffer position, which must be below `count`.
    @inline(__always)
    func byte(at position: Int) -> UInt8 {
        base.load(fromByteOffset: position, as: UInt8.self)
    }

    /// Drops the bytes before `keep`, then reads more of the file after the bytes kept.
    ///
    /// - Returns: `shift`, how far kept bytes moved towards the front (subtract it from every buffer position
    ///   held), and `grew`, whether any byte was added (`false` at the end of the file).
    /// - Throws: ``IngestError`` `file-unreadable` on an I/O error.
    func refill(keeping keep: Int) throws(IngestError) -> (shift: Int, grew: Bool) {
        if atEnd { return (0, false) }
        let kept = count - keep
        if keep > 0 && kept > 0 {
            base.copyMemory(from: base + keep, byteCount: kept)
        }
        count = kept
        if capacity - count < Self.chunkSize {
            let grown = UnsafeMutableRawPointer.allocate(byteCount: capacity * 2, alignment: 16)
            grown.copyMemory(from: base, byteCount: count)
            base.deallocate()
            base = grown
            capacity *= 2
        }
        let got =
            remaining == 0
            ? 0
            : try file.read(
                into: (base + count).assumingMemoryBound(to: UInt8.self), count: min(capacity - count, remaining))
        if got > 0 {
            count += got
            remaining -= got
            bytesRead += got
            return (keep, true)
        }
        atEnd = true
        return (keep, false)
    }
}
