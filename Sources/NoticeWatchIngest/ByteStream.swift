internal import CZlib
internal import NoticeWatchModel

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An open input file whose bytes are read as stored or, when it starts with the gzip magic bytes (1f 8b),
/// inflated as they are read, whatever its name.
///
/// Inflation streams: one compressed chunk of at most 256 KiB is held at a time, so memory stays bounded however
/// large the file. Concatenated gzip members are read one after the other as one stream. A class because it owns
/// a file descriptor, a zlib stream and a buffer, all released in `deinit`.
final class ByteStream {
    /// The gzip magic bytes.
    static let gzipMagic: (UInt8, UInt8) = (0x1F, 0x8B)

    private let descriptor: Int32
    private let displayPath: String
    /// Whether the file is gzip-compressed (detected from its first two bytes).
    let isCompressed: Bool
    private var stream = z_stream()
    private var input: UnsafeMutablePointer<UInt8>?
    private let inputSize = 256 * 1024
    /// Whether the compressed bytes have all been read from the file.
    private var inputDone = false
    /// Whether the last member ended cleanly and no byte follows it yet.
    private var memberEnded = false
    private var finished = false
    /// Decompressed bytes handed out so far.
    private(set) var produced = 0

    /// Opens `path` and looks at its first two bytes.
    ///
    /// - Throws: `file-unreadable` when the file cannot be opened or the zlib stream cannot be set up.
    init(path: String, displayPath: String) throws(IngestError) {
        let descriptor = try DatasetFiles.openRegular(path, displayPath: displayPath)
        self.descriptor = descriptor
        self.displayPath = displayPath
        self.isCompressed = ByteStream.startsWithGzipMagic(descriptor)
        if isCompressed {
            input = .allocate(capacity: inputSize)
            guard czlib_inflate_init(&stream, 15 + 16) == Z_OK else {
                throw IngestError(
                    code: .fileUnreadable, message: "cannot set up gzip decompression", file: displayPath)
            }
        }
    }

    deinit {
        if isCompressed { inflateEnd(&stream) }
        input?.deallocate()
        close(descriptor)
    }

    private static func startsWithGzipMagic(_ descriptor: Int32) -> Bool {
        var magic: (UInt8, UInt8) = (0, 0)
        let got = withUnsafeMutableBytes(of: &magic) { pread(descriptor, $0.baseAddress, 2, 0) }
        return got == 2 && magic.0 == gzipMagic.0 && magic.1 == gzipMagic.1
    }

    /// The size of the file as stored (compressed, for a gzip file).
    ///
    /// - Throws: `file-unreadable` when the file cannot be examined.
    func storedSize() throws(IngestError) -> Int {
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw failure("cannot stat the file") }
        return Int(status.st_size)
    }

    /// Moves the read position `count` bytes on (in the stored file, or in the inflated stream).
    ///
    /// - Throws: `file-unreadable` on an I/O error or a corrupt or truncated gzip stream.
    func skip(_ count: Int) throws(IngestError) {
        guard count > 0 else { return }
        guard isCompressed else {
            guard lseek(descriptor, off_t(count), SEEK_CUR) >= 0 else { throw failure("cannot seek in the file") }
            return
        }
        let scratch = UnsafeMutablePointer<UInt8>.allocate(capacity: 64 * 1024)
        defer { scratch.deallocate() }
        var left = count
        while left > 0 {
            let got = try read(into: scratch, count: min(left, 64 * 1024))
            if got == 0 { return }
            left -= got
        }
    }

    /// Reads up to `count` bytes into `buffer`; returns how many, 0 at the end of the file.
    ///
    /// - Throws: `file-unreadable` on an I/O error, or when the gzip stream is corrupt or ends before its last
    ///   member does (the message names zlib's reason and how many uncompressed bytes were read).
    /// - Complexity: O(count) plus the compressed bytes consumed.
    func read(into buffer: UnsafeMutablePointer<UInt8>, count: Int) throws(IngestError) -> Int {
        guard count > 0 else { return 0 }
        guard isCompressed else {
            while true {
                let got = systemRead(descriptor, buffer, count)
                if got >= 0 { return got }
                if errno == EINTR { continue }
                throw failure("read failed")
            }
        }
        if finished { return 0 }
        let wanted = min(count, Int(UInt32.max))
        stream.next_out = buffer
        stream.avail_out = UInt32(wanted)
        while Int(stream.avail_out) == wanted {
            if stream.avail_in == 0 && !inputDone {
                let got = systemRead(descriptor, input, inputSize)
                if got < 0 {
                    if errno == EINTR { continue }
                    throw failure("read failed")
                }
                if got == 0 {
                    inputDone = true
                } else {
                    stream.next_in = input
                    stream.avail_in = UInt32(got)
                }
            }
            if stream.avail_in == 0 && inputDone {
                if memberEnded {
                    finished = true
                    return 0
                }
                throw corrupt("unexpected end of the compressed data")
            }
            if memberEnded {
                guard inflateReset(&stream) == Z_OK else { throw corrupt("cannot restart decompression") }
                memberEnded = false
            }
            let status = inflate(&stream, Z_NO_FLUSH)
            switch status {
            case Z_OK, Z_BUF_ERROR: break
            case Z_STREAM_END: memberEnded = true
            default: throw corrupt(stream.msg.map { String(cString: $0) } ?? "zlib error \(status)")
            }
        }
        let got = wanted - Int(stream.avail_out)
        produced += got
        return got
    }

    private func failure(_ what: String) -> IngestError {
        IngestError(
            code: .fileUnreadable, message: "\(what): \(String(cString: strerror(errno)))", file: displayPath)
    }

    private func corrupt(_ reason: String) -> IngestError {
        IngestError(
            code: .fileUnreadable,
            message: "the gzip-compressed file is corrupt or truncated after \(produced) uncompressed bytes: \(reason)",
            file: displayPath)
    }
}

/// `read(2)`, under a name that the methods called `read` do not hide.
private func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}
