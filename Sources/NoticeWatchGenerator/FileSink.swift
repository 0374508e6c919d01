import Foundation

/// Writes a file in chunks: the caller fills a ``ByteBuffer`` and the sink flushes it once it passes a
/// threshold, so memory stays bounded however many rows are written.
struct FileSink {
    /// The path being written.
    let path: String
    private let handle: FileHandle
    /// The pending bytes; writers append here.
    var buffer: ByteBuffer
    /// Bytes flushed to the file so far.
    private(set) var flushedBytes = 0
    private let threshold: Int

    /// Creates (or truncates) the file at `path`.
    ///
    /// - Throws: ``GeneratorError`` `file-not-writable` when the file cannot be created or opened.
    init(path: String, chunkSize: Int = 1 << 20) throws(GeneratorError) {
        guard FileManager.default.createFile(atPath: path, contents: nil),
            let handle = FileHandle(forWritingAtPath: path)
        else {
            throw GeneratorError(code: "file-not-writable", message: "cannot create the file", path: path)
        }
        self.path = path
        self.handle = handle
        self.threshold = chunkSize
        self.buffer = ByteBuffer(capacity: chunkSize + 4096)
    }

    /// Flushes the buffer when it holds at least the chunk size.
    ///
    /// - Throws: ``GeneratorError`` `file-not-writable` on a write error.
    mutating func flushIfFull() throws(GeneratorError) {
        if buffer.bytes.count >= threshold { try flush() }
    }

    /// Writes every pending byte to the file.
    ///
    /// - Throws: ``GeneratorError`` `file-not-writable` on a write error.
    mutating func flush() throws(GeneratorError) {
        guard !buffer.bytes.isEmpty else { return }
        do {
            try handle.write(contentsOf: Data(buffer.bytes))
        } catch {
            throw GeneratorError(code: "file-not-writable", message: "write failed: \(error)", path: path)
        }
        flushedBytes += buffer.bytes.count
        buffer.removeAllBytes()
    }

    /// Flushes and closes the file.
    ///
    /// - Throws: ``GeneratorError`` `file-not-writable` on a write or close error.
    mutating func close() throws(GeneratorError) {
        try flush()
        do {
            try handle.close()
        } catch {
            throw GeneratorError(code: "file-not-writable", message: "close failed: \(error)", path: path)
        }
    }

    /// Writes `bytes` as the whole content of the file at `path`.
    ///
    /// - Throws: ``GeneratorError`` `file-not-writable` when the file cannot be written.
    static func write(_ bytes: [UInt8], to path: String) throws(GeneratorError) {
        var sink = try FileSink(path: path)
        sink.buffer.append(bytes: bytes)
        try sink.close()
    }

    /// Creates `path` and its missing parents.
    ///
    /// - Throws: ``GeneratorError`` `directory-not-creatable`.
    static func makeDirectory(_ path: String) throws(GeneratorError) {
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw GeneratorError(
                code: "directory-not-creatable", message: "cannot create the folder: \(error)", path: path)
        }
    }

    /// `directory/name`, without doubling a trailing slash.
    static func join(_ directory: String, _ name: String) -> String {
        directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }
}
