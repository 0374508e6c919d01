internal import CZlib

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The parts of a ZIP container (an `.xlsx` or `.ods` workbook), read from its central directory, each
/// inflated on demand within ``WorkbookLimits``.
///
/// Only what workbooks use is read: stored and deflated parts of a single-disk archive. Anything else (ZIP64,
/// encrypted parts, other compression methods, a part that inflates to more than it declares) is a
/// ``WorkbookRefusal``, never a crash and never an unbounded allocation.
struct ZipArchive {
    /// One part as the central directory lists it.
    struct Entry: Sendable {
        var name: String
        var method: UInt16
        var flags: UInt16
        var crc: UInt32
        var compressedSize: Int
        var size: Int
        var localHeaderOffset: Int
    }

    let path: String
    let fileSize: Int
    /// The parts by name.
    let entries: [String: Entry]
    let limits: WorkbookLimits

    /// Reads the central directory of the ZIP file at `path`.
    ///
    /// - Throws: ``WorkbookRefusal`` when the file is not a ZIP archive this reader accepts.
    init(path: String, limits: WorkbookLimits) throws(WorkbookRefusal) {
        self.path = path
        self.limits = limits
        let file = try ZipArchive.openFile(path)
        defer { close(file.descriptor) }
        fileSize = file.size
        let tailSize = min(fileSize, 22 + 65535)
        let tail = try ZipArchive.read(file.descriptor, at: fileSize - tailSize, count: tailSize)
        var end: Int?
        var position = tail.count - 22
        while position >= 0 {
            if tail.uint32(at: position) == 0x0605_4B50 {
                end = position
                break
            }
            position -= 1
        }
        guard let end else {
            throw WorkbookRefusal(code: "workbook-not-zip", message: "the file is not a ZIP archive (no end record)")
        }
        let count = Int(tail.uint16(at: end + 10))
        let directorySize = Int(tail.uint32(at: end + 12))
        let directoryOffset = Int(tail.uint32(at: end + 16))
        guard count != 0xFFFF, directorySize != 0xFFFF_FFFF, directoryOffset != 0xFFFF_FFFF else {
            throw WorkbookRefusal(
                code: "workbook-unsupported", message: "a ZIP64 archive (no workbook within the limits needs one)")
        }
        guard count <= limits.maximumParts else {
            throw WorkbookRefusal(
                code: "workbook-too-large", message: "the archive lists \(count) parts (limit \(limits.maximumParts))")
        }
        guard directoryOffset + directorySize <= fileSize else {
            throw WorkbookRefusal(
                code: "workbook-corrupt", message: "the ZIP central directory lies past the file's end")
        }
        let directory = try ZipArchive.read(file.descriptor, at: directoryOffset, count: directorySize)
        var entries: [String: Entry] = [:]
        var offset = 0
        for _ in 0..<count {
            guard offset + 46 <= directory.count, directory.uint32(at: offset) == 0x0201_4B50 else {
                throw WorkbookRefusal(code: "workbook-corrupt", message: "the ZIP central directory is damaged")
            }
            let nameLength = Int(directory.uint16(at: offset + 28))
            let extraLength = Int(directory.uint16(at: offset + 30))
            let commentLength = Int(directory.uint16(at: offset + 32))
            guard offset + 46 + nameLength <= directory.count else {
                throw WorkbookRefusal(code: "workbook-corrupt", message: "the ZIP central directory is damaged")
            }
            let name = String(decoding: directory[(offset + 46)..<(offset + 46 + nameLength)], as: UTF8.self)
            entries[name] = Entry(
                name: name, method: directory.uint16(at: offset + 10), flags: directory.uint16(at: offset + 8),
                crc: directory.uint32(at: offset + 16), compressedSize: Int(directory.uint32(at: offset + 20)),
                size: Int(directory.uint32(at: offset + 24)), localHeaderOffset: Int(directory.uint32(at: offset + 42)))
            offset += 46 + nameLength + extraLength + commentLength
        }
        self.entries = entries
    }

    /// Whether the archive has a part named `name`.
    func contains(_ name: String) -> Bool { entries[name] != nil }

    /// The inflated bytes of the part `name`, `nil` when there is no such part.
    ///
    /// - Throws: ``WorkbookRefusal`` for an encrypted part, a part over the size or compression-ratio limit (a
    ///   ZIP bomb), one that inflates to more than it declares, or a damaged one.
    /// - Complexity: O(n) in the part's size; memory: its declared size.
    func part(_ name: String) throws(WorkbookRefusal) -> ZipPart? {
        guard let entry = entries[name] else { return nil }
        guard entry.flags & 1 == 0 else {
            throw WorkbookRefusal(code: "workbook-encrypted", message: "the part \(name) is encrypted")
        }
        guard entry.size <= limits.maximumPartSize else {
            throw WorkbookRefusal(
                code: "workbook-zip-bomb",
                message: "the part \(name) declares \(entry.size) bytes uncompressed (limit \(limits.maximumPartSize))")
        }
        if entry.size > limits.ratioCheckedSize,
            entry.size / max(entry.compressedSize, 1) > limits.maximumCompressionRatio
        {
            throw WorkbookRefusal(
                code: "workbook-zip-bomb",
                message: "the part \(name) inflates \(entry.size / max(entry.compressedSize, 1)) times "
                    + "(limit \(limits.maximumCompressionRatio) for parts over \(limits.ratioCheckedSize) bytes)")
        }
        let file = try ZipArchive.openFile(path)
        defer { close(file.descriptor) }
        let header = try ZipArchive.read(file.descriptor, at: entry.localHeaderOffset, count: 30)
        guard header.count == 30, header.uint32(at: 0) == 0x0403_4B50 else {
            throw WorkbookRefusal(code: "workbook-corrupt", message: "the part \(name) has no local header")
        }
        let dataOffset = entry.localHeaderOffset + 30 + Int(header.uint16(at: 26)) + Int(header.uint16(at: 28))
        guard dataOffset + entry.compressedSize <= fileSize else {
            throw WorkbookRefusal(code: "workbook-corrupt", message: "the part \(name) runs past the file's end")
        }
        let stored = try ZipArchive.read(file.descriptor, at: dataOffset, count: entry.compressedSize)
        let part = ZipPart(count: entry.size)
        switch entry.method {
        case 0:
            guard stored.count == entry.size else {
                throw WorkbookRefusal(code: "workbook-corrupt", message: "the stored part \(name) has the wrong size")
            }
            stored.withUnsafeBytes { part.bytes.copyMemory(from: $0) }
        case 8:
            try ZipArchive.inflate(stored, into: part, name: name)
        default:
            throw WorkbookRefusal(
                code: "workbook-unsupported", message: "the part \(name) uses compression method \(entry.method)")
        }
        let crc = part.bytes.baseAddress.map {
            UInt32(crc32(0, $0.assumingMemoryBound(to: Bytef.self), UInt32(part.count)))
        }
        guard (crc ?? 0) == entry.crc || entry.size == 0 else {
            throw WorkbookRefusal(code: "workbook-corrupt", message: "the part \(name) fails its CRC check")
        }
        return part
    }

    /// Inflates raw deflate data into `part`, which holds exactly the declared size: more output is a lie about
    /// the size, refused.
    private static func inflate(_ stored: [UInt8], into part: ZipPart, name: String) throws(WorkbookRefusal) {
        var stream = z_stream()
        guard czlib_inflate_init(&stream, -15) == Z_OK else {
            throw WorkbookRefusal(code: "workbook-corrupt", message: "cannot start decompression of \(name)")
        }
        defer { inflateEnd(&stream) }
        // One spare byte: output reaching it means the part inflates to more than it declares.
        var spare: UInt8 = 0
        var status: Int32 = Z_OK
        // Invariant: zlib holds `next_in`, `next_out` and the spare byte's address only inside this closure (the
        // stream is not used after it but to end it), and `part.bytes` has `part.count` bytes.
        stored.withUnsafeBufferPointer { input in
            stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress)
            stream.avail_in = UInt32(input.count)
            stream.next_out = part.bytes.baseAddress?.assumingMemoryBound(to: UInt8.self)
            stream.avail_out = UInt32(part.count)
            status = CZlib.inflate(&stream, Z_FINISH)
            if status != Z_STREAM_END && stream.avail_out == 0 {
                withUnsafeMutablePointer(to: &spare) { byte in
                    stream.next_out = byte
                    stream.avail_out = 1
                    status = CZlib.inflate(&stream, Z_FINISH)
                }
                if stream.avail_out == 0 { status = Z_NEED_DICT }
            }
        }
        switch status {
        case Z_STREAM_END where stream.total_out == part.count:
            return
        case Z_NEED_DICT:
            throw WorkbookRefusal(
                code: "workbook-zip-bomb",
                message: "the part \(name) inflates to more than the \(part.count) bytes it declares")
        default:
            throw WorkbookRefusal(code: "workbook-corrupt", message: "the part \(name) cannot be inflated")
        }
    }

    private static func openFile(_ path: String) throws(WorkbookRefusal) -> (descriptor: Int32, size: Int) {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else {
            throw WorkbookRefusal(
                code: "file-unreadable", message: "cannot open the file: \(String(cString: strerror(errno)))")
        }
        let size = lseek(descriptor, 0, SEEK_END)
        guard size >= 0 else {
            close(descriptor)
            throw WorkbookRefusal(code: "file-unreadable", message: "cannot find the file's size")
        }
        return (descriptor, Int(size))
    }

    /// `count` bytes at `offset` (fewer at the end of the file).
    static func read(_ descriptor: Int32, at offset: Int, count: Int) throws(WorkbookRefusal) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        var done = 0
        while done < count {
            let got = bytes.withUnsafeMutableBytes { buffer in
                pread(descriptor, buffer.baseAddress! + done, count - done, off_t(offset + done))
            }
            guard got >= 0 else {
                throw WorkbookRefusal(
                    code: "file-unreadable", message: "read failed: \(String(cString: strerror(errno)))")
            }
            if got == 0 { break }
            done += got
        }
        return Array(bytes[0..<done])
    }
}

/// The inflated bytes of one part, owned until the reader is done with them (libxml2 reads them in place).
///
/// Invariant: the buffer is allocated once in `init` and freed once in `deinit`; a class, so copies share it and
/// none can free it twice. ``contents`` is valid while the part is alive: readers keep the part, not the view.
final class ZipPart {
    /// The buffer (one byte for an empty part, not counted).
    let bytes: UnsafeMutableRawBufferPointer
    /// How many bytes the part has.
    let count: Int

    init(count: Int) {
        self.count = count
        bytes = .allocate(byteCount: max(count, 1), alignment: 8)
    }

    /// The part's bytes.
    var contents: UnsafeRawBufferPointer { UnsafeRawBufferPointer(rebasing: bytes[0..<count]) }

    deinit { bytes.deallocate() }
}

extension [UInt8] {
    /// The little-endian integer at `offset`.
    func uint16(at offset: Int) -> UInt16 { UInt16(self[offset]) | UInt16(self[offset + 1]) << 8 }

    func uint32(at offset: Int) -> UInt32 {
        UInt32(self[offset]) | UInt32(self[offset + 1]) << 8 | UInt32(self[offset + 2]) << 16
            | UInt32(self[offset + 3]) << 24
    }
}
