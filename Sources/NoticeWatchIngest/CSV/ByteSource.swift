import NoticeWatchModel

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A file read in chunks into one growing buffer, owning the file descriptor and the memory (freed in `deinit`).
///
/// The consumer parses `buffer[start..<end]`, calls ``consume(upTo:)`` for what it finished, and ``fill()``
/// when it needs more: unconsumed bytes move to the front and the next chunk is appended. The buffer only grows
/// when one row is longer than the buffer, so memory stays bounded by the chunk size and the longest row.
///
/// A gzip-compressed file is inflated as it is read (see ``ByteStream``); offsets are then in the inflated stream.
///
/// UTF-16 files are transcoded to UTF-8 as they are read; an unpaired surrogate becomes the byte 0xFF, which
/// UTF-8 decoding then reports as an invalid byte.
final class ByteSource {
    /// Byte order for a UTF-16 file, `nil` for every other encoding.
    enum UTF16Order { case little, big }

    private let file: ByteStream
    private let chunkSize: Int
    private let utf16: UTF16Order?
    private(set) var buffer: UnsafeMutablePointer<UInt8>
    private(set) var capacity: Int
    /// First byte not yet consumed.
    private(set) var start = 0
    /// One past the last byte read.
    private(set) var end = 0
    /// Whether the whole file has been read into the buffer.
    private(set) var atEOF = false
    /// Offset, in the (decoded) stream, of `buffer[0]`.
    private(set) var bufferOffset: Int
    private var raw: UnsafeMutablePointer<UInt8>?
    private var pendingByte: UInt8?
    private var pendingHighSurrogate: UInt16?

    /// Bytes of the file still to read, `Int.max` when reading to its end.
    private var remaining = Int.max

    /// Opens `path` and skips its first `skip` bytes (a BOM, or the bytes before a chunk).
    ///
    /// - Parameter limit: how many bytes to read after those skipped, `nil` for the rest of the file.
    /// - Throws: `file-unreadable` when the file cannot be opened (or a compressed file cannot be inflated).
    init(
        path: String, displayPath: String, skip: Int, utf16: UTF16Order?, chunkSize: Int = 1 << 20,
        limit: Int? = nil
    ) throws(IngestError) {
        let file = try ByteStream(path: path, displayPath: displayPath)
        try file.skip(skip)
        self.file = file
        self.chunkSize = chunkSize
        self.utf16 = utf16
        self.capacity = chunkSize * 2 + 16
        self.buffer = .allocate(capacity: capacity)
        self.bufferOffset = utf16 == nil ? skip : 0
        if utf16 != nil { raw = .allocate(capacity: chunkSize) }
        if let limit { remaining = limit }
    }

    deinit {
        buffer.deallocate()
        raw?.deallocate()
    }

    /// Marks everything before `index` as consumed.
    @inline(__always)
    func consume(upTo index: Int) { start = index }

    /// Reads the next chunk after the unconsumed bytes; returns `false` at the end of the file.
    ///
    /// - Throws: `file-unreadable` on an I/O error.
    func fill(displayPath: String) throws(IngestError) -> Bool {
        guard !atEOF else { return false }
        if start > 0 {
            let remaining = end - start
            if remaining > 0 { memmove(buffer, buffer + start, remaining) }
            bufferOffset += start
            start = 0
            end = remaining
        }
        if capacity - end < chunkSize * 3 / 2 + 8 {
            let grown = max(capacity * 2, end + chunkSize * 2 + 16)
            let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: grown)
            bigger.update(from: buffer, count: end)
            buffer.deallocate()
            buffer = bigger
            capacity = grown
        }
        var count: Int
        if remaining == 0 {
            count = 0
        } else if let raw {
            count = try file.read(into: raw, count: min(chunkSize, remaining))
        } else {
            count = try file.read(into: buffer + end, count: min(chunkSize, remaining))
        }
        if count > 0 { remaining -= count }
        guard count >= 0 else {
            throw IngestError(
                code: .fileUnreadable, message: "read failed: \(String(cString: strerror(errno)))",
                file: displayPath)
        }
        if count == 0 {
            atEOF = true
            if pendingByte != nil || pendingHighSurrogate != nil {
                buffer[end] = 0xFF
                end += 1
                pendingByte = nil
                pendingHighSurrogate = nil
            }
            return false
        }
        if let raw, let utf16 {
            transcode(raw, count: count, order: utf16)
        } else {
            end += count
        }
        return true
    }

    private func transcode(_ raw: UnsafeMutablePointer<UInt8>, count: Int, order: UTF16Order) {
        var index = 0
        while index < count {
            let first: UInt8
            if let pending = pendingByte {
                first = pending
                pendingByte = nil
            } else {
                first = raw[index]
                index += 1
            }
            guard index < count else {
                pendingByte = first
                break
            }
            let second = raw[index]
            index += 1
            let unit = order == .little ? UInt16(second) << 8 | UInt16(first) : UInt16(first) << 8 | UInt16(second)
            if let high = pendingHighSurrogate {
                pendingHighSurrogate = nil
                if (0xDC00...0xDFFF).contains(unit) {
                    let scalar = 0x10000 + (UInt32(high - 0xD800) << 10 | UInt32(unit - 0xDC00))
                    append(scalar)
                    continue
                }
                buffer[end] = 0xFF
                end += 1
            }
            if (0xD800...0xDBFF).contains(unit) {
                pendingHighSurrogate = unit
            } else if (0xDC00...0xDFFF).contains(unit) {
                buffer[end] = 0xFF
                end += 1
            } else {
                append(UInt32(unit))
            }
        }
    }

    @inline(__always)
    private func append(_ scalar: UInt32) {
        end += TextEncoding.writeUTF8(scalar, to: buffer + end)
    }
}
