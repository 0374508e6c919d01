#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What turns a byte range of a large XML file into a document of its own: the bytes put before and after it.
///
/// A chunk after the first is read as the file's prolog and the start tags enclosing the records (copied
/// bytes, so namespaces declared there keep working), then comments holding as many line feeds as the file has
/// before the chunk (so libxml2 counts the file's own line numbers), then the chunk's bytes, then the end tags
/// of the enclosing elements. The first chunk starts at the file's start; the last one ends at the file's end
/// and needs no end tags.
///
/// Which chunks can be read this way is decided by ``FileChunk`` (see `FileChunk+XML.swift`); the reader checks
/// the rest as it goes (``XMLRecordReader/chunkUnreliable``).
struct XMLChunkFrame: Sendable, Hashable {
    /// The bytes read before the chunk: empty for the first chunk.
    var header: [UInt8]
    /// The bytes read after the chunk: the end tags of the elements enclosing the records, empty for the last
    /// chunk.
    var trailer: [UInt8]
    /// The depth of the record elements (the number of elements enclosing them).
    var recordDepth: Int
    /// Whether the chunk starts at the file's start (its records are preceded by the file's own text).
    var isFirst: Bool

    /// The most line feeds one padding comment holds (libxml2 refuses comments of 10,000,000 bytes and more).
    static let lineFeedsPerComment = 1_000_000

    /// A chunk's header: `prolog` (the file up to the first record), then comments with `lineFeeds` line feeds
    /// in all (one empty comment when there are none).
    ///
    /// - Complexity: O(`prolog.count` + `lineFeeds`).
    static func header(prolog: [UInt8], lineFeeds: Int) -> [UInt8] {
        var bytes = prolog
        bytes.reserveCapacity(prolog.count + lineFeeds + 8 * (lineFeeds / lineFeedsPerComment + 1))
        var left = lineFeeds
        repeat {
            let count = min(left, lineFeedsPerComment)
            bytes.append(contentsOf: Array("<!--".utf8))
            bytes.append(contentsOf: repeatElement(0x0A, count: count))
            bytes.append(contentsOf: Array("-->".utf8))
            left -= count
        } while left > 0
        return bytes
    }
}

/// The bytes of one XML chunk document, handed to libxml2 through its read callback: the frame's header, the
/// file's bytes in the range (read in blocks), then the frame's trailer.
///
/// A class because it owns the file descriptor (closed in `deinit`) and is handed to libxml2 as its context.
final class XMLChunkInput {
    private let descriptor: Int32
    private let header: [UInt8]
    private let trailer: [UInt8]
    private let range: Range<Int>
    /// Bytes of the header, range and trailer already handed out, in that order.
    private var delivered = 0
    /// The first read error, if any (the document then ends early and libxml2 reports it as malformed).
    private(set) var failed = false

    /// Opens the file for reading `range` between `frame`'s header and trailer.
    ///
    /// - Throws: ``IngestError`` `file-unreadable` when the file cannot be opened.
    init(path: String, displayPath: String, range: Range<Int>, frame: XMLChunkFrame) throws(IngestError) {
        descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else {
            throw IngestError(
                code: "file-unreadable", message: "cannot open the file: \(String(cString: strerror(errno)))",
                file: displayPath)
        }
        header = frame.header
        trailer = frame.trailer
        self.range = range
    }

    deinit { close(descriptor) }

    /// Copies up to `count` next bytes of the document to `buffer`: how many, 0 at its end.
    ///
    /// - Complexity: O(`count`).
    func read(into buffer: UnsafeMutableRawPointer, count: Int) -> Int {
        guard count > 0, !failed else { return 0 }
        var position = delivered
        if position < header.count {
            let taken = min(count, header.count - position)
            header.withUnsafeBytes { buffer.copyMemory(from: $0.baseAddress! + position, byteCount: taken) }
            delivered += taken
            return taken
        }
        position -= header.count
        if position < range.count {
            let wanted = min(count, range.count - position)
            let got = pread(descriptor, buffer, wanted, off_t(range.lowerBound + position))
            guard got > 0 else {
                failed = true
                return 0
            }
            delivered += got
            return got
        }
        position -= range.count
        guard position < trailer.count else { return 0 }
        let taken = min(count, trailer.count - position)
        trailer.withUnsafeBytes { buffer.copyMemory(from: $0.baseAddress! + position, byteCount: taken) }
        delivered += taken
        return taken
    }
}
