#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The bytes of one XML chunk document, handed to libxml2 through its read callback: the frame's header, the
/// file's bytes in the range (read in blocks of 256 KiB, libxml2 asking for a few KiB at a time), then the
/// frame's trailer.
///
/// A class because it owns the file descriptor (closed in `deinit`) and the block buffer (freed there), and is
/// handed to libxml2 as its context.
final class XMLChunkInput {
    private let descriptor: Int32
    private let header: [UInt8]
    private let trailer: [UInt8]
    private let range: Range<Int>
    /// Bytes of the header, range and trailer already handed out, in that order.
    private var delivered = 0
    /// The first read error, if any (the document then ends early and libxml2 reports it as malformed).
    private(set) var failed = false
    private static let blockSize = 256 * 1024
    private let block = UnsafeMutableRawBufferPointer.allocate(byteCount: blockSize, alignment: 16)
    /// The file offsets the block holds.
    private var blockRange = 0..<0

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

    deinit {
        close(descriptor)
        block.deallocate()
    }

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
            let offset = range.lowerBound + position
            if !blockRange.contains(offset) {
                let wanted = min(Self.blockSize, range.upperBound - offset)
                let got = pread(descriptor, block.baseAddress, wanted, off_t(offset))
                guard got > 0 else {
                    failed = true
                    return 0
                }
                blockRange = offset..<(offset + got)
            }
            let taken = min(count, blockRange.upperBound - offset)
            buffer.copyMemory(from: block.baseAddress! + (offset - blockRange.lowerBound), byteCount: taken)
            delivered += taken
            return taken
        }
        position -= range.count
        guard position < trailer.count else { return 0 }
        let taken = min(count, trailer.count - position)
        trailer.withUnsafeBytes { buffer.copyMemory(from: $0.baseAddress! + position, byteCount: taken) }
        delivered += taken
        return taken
    }
}
