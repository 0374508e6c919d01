import NoticeWatchModel

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The bytes of one XML document, handed to libxml2 piece by piece: for a chunk of a file, the frame's header,
/// the file's bytes in the range, then the frame's trailer; for a whole file, its bytes, inflated when it is
/// gzip-compressed (see ``ByteStream``). The file is read in blocks of 256 KiB.
///
/// A class because it owns the file descriptor or stream (closed in `deinit`) and the block buffer (freed there).
final class XMLChunkInput {
    /// A chunk's file, read at its offsets; `nil` for a whole file.
    private let descriptor: Int32?
    /// A whole file, read in order; `nil` for a chunk.
    private let stream: ByteStream?
    private let header: [UInt8]
    private let trailer: [UInt8]
    /// The chunk's bytes in the file; for a whole file, `0..<Int.max` (its end is where the stream ends).
    private let range: Range<Int>
    /// Bytes of the header, range and trailer already handed out, in that order.
    private var delivered = 0
    /// The first read error, if any (the document then ends early and libxml2 reports it as malformed).
    private(set) var failed = false
    private static let blockSize = 256 * 1024
    private let block = UnsafeMutableRawPointer.allocate(byteCount: blockSize, alignment: 16)
    /// The offsets the block holds.
    private var blockRange = 0..<0

    /// Opens the file for reading `range` between `frame`'s header and trailer, or the whole file when both are
    /// `nil`.
    ///
    /// - Throws: ``IngestError`` `file-unreadable` when the file cannot be opened.
    init(path: String, displayPath: String, range: Range<Int>?, frame: XMLChunkFrame?) throws(IngestError) {
        header = frame?.header ?? []
        trailer = frame?.trailer ?? []
        guard let range else {
            do {
                stream = try ByteStream(path: path, displayPath: displayPath)
            } catch {
                block.deallocate()
                throw error
            }
            descriptor = nil
            self.range = 0..<Int.max
            return
        }
        let descriptor: Int32
        do {
            descriptor = try DatasetFiles.openRegular(path, displayPath: displayPath)
        } catch {
            block.deallocate()
            throw error
        }
        self.descriptor = descriptor
        stream = nil
        self.range = range
    }

    deinit {
        if let descriptor { close(descriptor) }
        block.deallocate()
    }

    /// Copies up to `count` next bytes of the document to `buffer`: how many, 0 at its end.
    ///
    /// - Complexity: O(`count`), plus a block's reading every 256 KiB.
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
                let got = readBlock(at: offset)
                guard got > 0 else {
                    // A whole file's stream ends where the file does; a chunk's range is within the file.
                    if stream == nil || got < 0 { failed = true }
                    return 0
                }
                blockRange = offset..<(offset + got)
            }
            let taken = min(count, blockRange.upperBound - offset)
            buffer.copyMemory(from: block + (offset - blockRange.lowerBound), byteCount: taken)
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

    /// Reads the block starting at `offset` of the range: how many bytes, 0 at the end, -1 on an error.
    private func readBlock(at offset: Int) -> Int {
        let wanted = min(Self.blockSize, range.upperBound - offset)
        if let stream {
            do {
                return try stream.read(into: block.assumingMemoryBound(to: UInt8.self), count: wanted)
            } catch {
                return -1
            }
        }
        guard let descriptor else { return -1 }
        return pread(descriptor, block, wanted, off_t(offset))
    }
}
