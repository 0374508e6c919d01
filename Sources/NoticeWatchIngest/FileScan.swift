import NoticeWatchModel

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One look at a file before it is parsed: its size, its first bytes for sniffing, (when asked) whether the whole
/// file is valid UTF-8, and its SHA-256 when that pass reads the whole file anyway.
///
/// A gzip-compressed file (detected from its magic bytes) is sniffed and checked on its inflated bytes, while its
/// size and SHA-256 stay those of the file as stored.
///
/// When neither the UTF-8 check nor the hash is asked for, only the first bytes are read: the hash is then taken
/// by ``digest(path:displayPath:)`` on another core while the file is parsed.
struct FileScan: Sendable {
    /// The size of the file as stored (compressed, for a gzip file).
    var size: Int
    /// Whether the file is gzip-compressed.
    var isCompressed = false
    /// The file's SHA-256 (of the stored bytes), `nil` when it was not taken by this scan.
    var sha256: String?
    /// The first ``prefixLimit`` bytes (fewer for a smaller file), inflated for a compressed file.
    var prefix: [UInt8]
    /// The offset (in the inflated stream for a compressed file) of the first byte that is not valid UTF-8, `nil` when the file is valid (or was not checked).
    var firstInvalidUTF8: Int?

    static let prefixLimit = 64 * 1024

    /// Reads `path` once, in 1 MiB chunks (only its first bytes when `hash` and `checkUTF8` are both `false`).
    ///
    /// - Parameter limit: with `hash` `false`, stop the UTF-8 check after about this many bytes (whole chunks;
    ///   inflated bytes for a compressed file): ``firstInvalidUTF8`` then speaks of those bytes only, and a
    ///   sequence cut by the limit is not invalid. `nil`: the whole file.
    /// - Throws: `file-unreadable` when the file cannot be opened or read, or a compressed file is corrupt.
    /// - Complexity: O(n) in the file's size (O(1) for a prefix-only scan); memory O(1).
    init(path: String, displayPath: String, checkUTF8: Bool, hash: Bool = true, limit: Int? = nil) throws(IngestError) {
        let file = try ByteStream(path: path, displayPath: displayPath)
        let limit = hash ? nil : limit
        if file.isCompressed {
            try self.init(
                compressed: file, path: path, displayPath: displayPath, checkUTF8: checkUTF8, hash: hash, limit: limit)
            return
        }
        try self.init(file: file, displayPath: displayPath, checkUTF8: checkUTF8, hash: hash, limit: limit)
    }

    /// A compressed file: the inflated bytes are sniffed (and checked), the stored bytes hashed.
    private init(
        compressed file: ByteStream, path: String, displayPath: String, checkUTF8: Bool, hash: Bool, limit: Int?
    ) throws(IngestError) {
        try self.init(file: file, displayPath: displayPath, checkUTF8: checkUTF8, hash: false, limit: limit)
        isCompressed = true
        if hash {
            (size, sha256) = try FileScan.digest(path: path, displayPath: displayPath)
        } else {
            size = try file.storedSize()
        }
    }

    private init(
        file: ByteStream, displayPath: String, checkUTF8: Bool, hash: Bool, limit: Int? = nil
    ) throws(IngestError) {
        let chunkSize = 1 << 20
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkSize + 4, alignment: 8)
        defer { buffer.deallocate() }
        var hasher = SHA256()
        var size = 0
        var prefix: [UInt8] = []
        var carried = 0
        var firstInvalid: Int?
        while true {
            let count = try file.read(
                into: (buffer.baseAddress! + carried).assumingMemoryBound(to: UInt8.self), count: chunkSize)
            let fresh = UnsafeRawBufferPointer(rebasing: buffer[carried..<(carried + count)])
            if hash { hasher.update(fresh) }
            if prefix.count < FileScan.prefixLimit {
                prefix.append(contentsOf: fresh.prefix(FileScan.prefixLimit - prefix.count))
            }
            if !hash && !checkUTF8 && count > 0 && prefix.count >= FileScan.prefixLimit {
                self.size = try file.storedSize()
                self.sha256 = nil
                self.prefix = prefix
                self.firstInvalidUTF8 = nil
                return
            }
            let available = carried + count
            if checkUTF8 && firstInvalid == nil {
                let cut = count == 0 ? available : FileScan.completeSequenceEnd(buffer, count: available)
                let checked = UnsafeRawBufferPointer(rebasing: buffer[0..<cut])
                let invalid = FieldDecoder.firstInvalidUTF8(checked)
                if invalid < cut {
                    firstInvalid = size - carried + invalid
                } else {
                    carried = available - cut
                    if carried > 0 {
                        buffer.baseAddress!.copyMemory(from: buffer.baseAddress! + cut, byteCount: carried)
                    }
                }
            } else {
                carried = 0
            }
            size += count
            if count == 0 { break }
            if let limit, size >= limit {
                // The part checked ends here: bytes carried over are a sequence cut by the limit, not invalid.
                self.size = try file.storedSize()
                self.sha256 = nil
                self.prefix = prefix
                self.firstInvalidUTF8 = firstInvalid
                return
            }
        }
        if checkUTF8 && firstInvalid == nil && carried > 0 { firstInvalid = size - carried }
        self.size = size
        self.sha256 = hash ? hasher.hexDigest() : nil
        self.prefix = prefix
        self.firstInvalidUTF8 = firstInvalid
    }

    /// The size and SHA-256 of the file at `path` as stored (never inflated), read in 1 MiB chunks.
    ///
    /// - Throws: `file-unreadable` when the file cannot be opened or read.
    /// - Complexity: O(n) in the file's size; memory O(1).
    static func digest(path: String, displayPath: String) throws(IngestError) -> (size: Int, sha256: String) {
        let descriptor = try DatasetFiles.openRegular(path, displayPath: displayPath)
        defer { close(descriptor) }
        let chunkSize = 1 << 20
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkSize, alignment: 8)
        defer { buffer.deallocate() }
        var hasher = SHA256()
        var size = 0
        while true {
            let count = read(descriptor, buffer.baseAddress!, chunkSize)
            if count < 0 && errno == EINTR { continue }
            guard count >= 0 else {
                throw IngestError(
                    code: .fileUnreadable, message: "read failed: \(String(cString: strerror(errno)))",
                    file: displayPath)
            }
            if count == 0 { break }
            hasher.update(UnsafeRawBufferPointer(rebasing: buffer[0..<count]))
            size += count
        }
        return (size, hasher.hexDigest())
    }

    /// Where the last complete UTF-8 sequence ends: a sequence cut by the chunk's end waits for the next chunk.
    static func completeSequenceEnd(_ buffer: UnsafeMutableRawBufferPointer, count: Int) -> Int {
        var index = count - 1
        var back = 0
        while index >= 0 && back < 3 && buffer[index] & 0xC0 == 0x80 {
            index -= 1
            back += 1
        }
        guard index >= 0 else { return count }
        let lead = buffer[index]
        let length =
            switch lead {
            case 0xC2...0xDF: 2
            case 0xE0...0xEF: 3
            case 0xF0...0xF4: 4
            default: 1
            }
        return index + length > count ? index : count
    }
}
