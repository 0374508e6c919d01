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
    /// The file up to its first record (the same for every chunk); unused for the first chunk.
    var prolog: [UInt8]
    /// The line feeds the file has between the end of the prolog and the chunk's start.
    var paddingLineFeeds: Int
    /// The bytes read after the chunk: the end tags of the elements enclosing the records, empty for the last
    /// chunk.
    var trailer: [UInt8]
    /// The depth of the record elements (the number of elements enclosing them).
    var recordDepth: Int
    /// Whether the chunk starts at the file's start (its records are preceded by the file's own text).
    var isFirst: Bool

    /// The most line feeds one padding comment holds (libxml2 refuses comments of 10,000,000 bytes and more).
    static let lineFeedsPerComment = 1_000_000

    /// The bytes read before the chunk: empty for the first chunk; else the prolog, then comments with
    /// ``paddingLineFeeds`` line feeds in all (one empty comment when there are none). Made when the chunk is
    /// read, so that only the chunks being read hold theirs.
    ///
    /// - Complexity: O(`prolog.count` + `paddingLineFeeds`).
    var header: [UInt8] {
        guard !isFirst else { return [] }
        let lineFeeds = paddingLineFeeds
        var bytes = prolog
        bytes.reserveCapacity(prolog.count + lineFeeds + 8 * (lineFeeds / Self.lineFeedsPerComment + 1))
        var left = lineFeeds
        repeat {
            let count = min(left, Self.lineFeedsPerComment)
            bytes.append(contentsOf: Array("<!--".utf8))
            bytes.append(contentsOf: repeatElement(0x0A, count: count))
            bytes.append(contentsOf: Array("-->".utf8))
            left -= count
        } while left > 0
        return bytes
    }
}
