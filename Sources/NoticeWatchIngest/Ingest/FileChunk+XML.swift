import NoticeWatchModel

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension FileChunk {
    /// The chunks of a large XML file, or `nil` when it is read whole.
    ///
    /// A file is cut only when every cut is plainly safe: it is in UTF-8 or declares an ASCII-compatible
    /// single-byte encoding; before its first record there is nothing but the XML declaration and the start
    /// tags of the elements enclosing the records (no DOCTYPE, comment, processing instruction or other element);
    /// after it there is no `<!` or `<?` at all (no comment, CDATA section, DOCTYPE or processing instruction
    /// a cut could fall into). Chunks are cut just after the `>` that ends the markup before a start tag named as
    /// the first record is, so the text before a record stays with it. Each chunk is framed by
    /// ``XMLChunkFrame``; what cannot be checked from bytes (an element closed at a cut, a cut inside a record)
    /// makes libxml2 or the reader refuse the chunk, and the file is then read whole.
    ///
    /// - Throws: `file-unreadable` when the file cannot be read.
    /// - Complexity: O(n): one pass counts line feeds and looks for `<!` and `<?`.
    static func xmlChunks(
        _ prepared: PreparedFile, file: Int, sizes: Sizes, recordElement: String, namespaces: [String: String]
    ) throws(IngestError) -> [FileChunk]? {
        let bytes = prepared.scan.prefix
        let size = prepared.scan.size
        guard let contentStart = XMLProlog.contentStart(bytes),
            let depth = try recordDepth(prepared, recordElement: recordElement, namespaces: namespaces),
            let prolog = XMLProlog.enclosingTags(bytes, from: contentStart, depth: depth)
        else { return nil }
        let descriptor = try openForPlanning(prepared)
        defer { close(descriptor) }
        let reader = BlockReader(descriptor: descriptor, size: size, displayPath: prepared.task.relativePath)
        let count = chunkCount(size: size, sizes: sizes)
        var bounds = [0]
        for part in 1..<count {
            let target = max(size / count * part, bounds[bounds.count - 1], prolog.recordStart + 1)
            guard let next = try reader.cut(after: target, recordTag: prolog.recordTag),
                next > bounds[bounds.count - 1], next < size
            else { continue }
            bounds.append(next)
        }
        bounds.append(size)
        guard bounds.count > 2,
            let lineFeeds = try reader.lineFeeds(before: bounds, markupFreeAfter: prolog.recordStart)
        else { return nil }
        let header = Array(bytes[..<prolog.recordStart])
        let headerLineFeeds = header.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
        return (1..<bounds.count).map { index in
            let frame = XMLChunkFrame(
                prolog: header, paddingLineFeeds: lineFeeds[index - 1] - headerLineFeeds,
                trailer: index == bounds.count - 1 ? [] : prolog.endTags, recordDepth: depth, isFirst: index == 1)
            return FileChunk(file: file, range: bounds[index - 1]..<bounds[index], xml: frame)
        }
    }

    /// The depth of the file's first record, when every element before it encloses it; `nil` otherwise or when
    /// libxml2 finds no record or an error before it.
    private static func recordDepth(
        _ prepared: PreparedFile, recordElement: String, namespaces: [String: String]
    ) throws(IngestError) -> Int? {
        guard let name = try? XMLName.resolve(recordElement[...], namespaces: namespaces, path: recordElement)
        else { return nil }
        let reader = try XMLTextReader(path: prepared.task.absolutePath, displayPath: prepared.task.relativePath)
        var elements = 0
        while reader.read() == 1 {
            guard reader.nodeType == XMLNodeType.element else { continue }
            if name.matches(localName: reader.localName, namespaceURI: reader.namespaceURI) {
                let depth = Int(reader.depth)
                return elements == depth ? depth : nil
            }
            elements += 1
        }
        return nil
    }
}

/// Reads a file in blocks to find chunk boundaries and count line feeds.
private struct BlockReader {
    let descriptor: Int32
    let size: Int
    let displayPath: String

    /// The offset just after the `>` that ends the markup before the first start tag `recordTag` (`<name`
    /// then a space, `>` or `/`) at or after `offset`; `nil` when there is none.
    ///
    /// A tag with text before it (a line break, usually) is preferred within the first block searched: the
    /// chunk then starts with that text, whose line the reader can fall back on past line 65535.
    func cut(after offset: Int, recordTag: [UInt8]) throws(IngestError) -> Int? {
        let blockSize = 64 * 1024
        var position = offset
        var untexted: Int?
        while position < size {
            let block = try read(at: position, count: blockSize)
            guard block.count > recordTag.count else { return untexted }
            var index = 0
            while let found = XMLProlog.find(recordTag, in: block, from: index) {
                index = found + 1
                var back = found - 1
                while back >= 0, block[back] != UInt8(ascii: ">"), block[back] != UInt8(ascii: "<") { back -= 1 }
                guard back >= 0, block[back] == UInt8(ascii: ">") else { continue }
                if back < found - 1 { return position + back + 1 }
                untexted = untexted ?? position + back + 1
            }
            if let untexted { return untexted }
            if position + block.count >= size { return nil }
            position += block.count - recordTag.count
        }
        return untexted
    }

    /// The line feeds before each of `bounds` but the last; `nil` when a `<!` or `<?` starts at or after
    /// `markupFreeAfter`. The ranges between bounds are surveyed concurrently.
    ///
    /// - Complexity: O(n), in 1 MiB blocks.
    func lineFeeds(before bounds: [Int], markupFreeAfter start: Int) throws(IngestError) -> [Int]? {
        let ranges = (1..<bounds.count).map { bounds[$0 - 1]..<bounds[$0] }
        let surveys = try DatasetIngestor.firstFailure(
            ConcurrentMap.map(ranges) { range throws(IngestError) in try survey(range, markupFreeAfter: start) })
        guard !surveys.contains(where: \.markup) else { return nil }
        var counts = [0]
        for survey in surveys.dropLast() { counts.append(counts[counts.count - 1] + survey.lineFeeds) }
        return counts
    }

    /// The line feeds in `range`, and whether a `<!` or `<?` starts in it at or after `start` (the byte before
    /// a range that starts after the file's start is a `>`, so a range holds every `<` of its marks).
    private func survey(_ range: Range<Int>, markupFreeAfter start: Int) throws(IngestError) -> (
        lineFeeds: Int, markup: Bool
    ) {
        let blockSize = 1 << 20
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: blockSize, alignment: 16)
        defer { buffer.deallocate() }
        var lineFeeds = 0
        var previous: UInt8 = 0
        var position = range.lowerBound
        while position < range.upperBound {
            let got = pread(
                descriptor, buffer.baseAddress, min(blockSize, range.upperBound - position), off_t(position))
            guard got > 0 else {
                throw IngestError(
                    code: .fileUnreadable,
                    message: got == 0 ? "the file ended early" : "read failed: \(String(cString: strerror(errno)))",
                    file: displayPath)
            }
            let bytes = UnsafeRawBufferPointer(rebasing: buffer[..<got])
            lineFeeds += Self.lineFeeds(bytes)
            if Self.hasMarkup(bytes, previous: previous, offset: position, start: start) { return (lineFeeds, true) }
            previous = bytes[got - 1]
            position += got
        }
        return (lineFeeds, false)
    }

    /// The line feeds in `bytes`, eight bytes at a time: a byte of `word ^ 0x0A…` is zero exactly where the
    /// word holds a line feed, and `~(((x & 0x7F…) + 0x7F…) | x | 0x7F…)` sets the top bit of exactly those.
    private static func lineFeeds(_ bytes: UnsafeRawBufferPointer) -> Int {
        let low: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        let lineFeed: UInt64 = 0x0A0A_0A0A_0A0A_0A0A
        let words = bytes.count / 8
        var count = 0
        for word in 0..<words {
            let masked = bytes.loadUnaligned(fromByteOffset: word * 8, as: UInt64.self) ^ lineFeed
            count &+= (~(((masked & low) &+ low) | masked | low)).nonzeroBitCount
        }
        for index in (words * 8)..<bytes.count where bytes[index] == 0x0A { count += 1 }
        return count
    }

    /// Whether `<!` or `<?` starts in the block at or after the file offset `start`.
    private static func hasMarkup(_ bytes: UnsafeRawBufferPointer, previous: UInt8, offset: Int, start: Int) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        for mark in [UInt8(ascii: "!"), UInt8(ascii: "?")] {
            var from = 0
            while from < bytes.count, let hit = memchr(base + from, Int32(mark), bytes.count - from) {
                let index = base.distance(to: UnsafeRawPointer(hit))
                let before = index > 0 ? bytes[index - 1] : previous
                if before == UInt8(ascii: "<"), offset + index - 1 >= start { return true }
                from = index + 1
            }
        }
        return false
    }

    private func read(at position: Int, count: Int) throws(IngestError) -> [UInt8] {
        let wanted = min(count, size - position)
        guard wanted > 0 else { return [] }
        var block = [UInt8](repeating: 0, count: wanted)
        let got = block.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, wanted, off_t(position)) }
        guard got >= 0 else {
            throw IngestError(
                code: .fileUnreadable, message: "read failed: \(String(cString: strerror(errno)))",
                file: displayPath)
        }
        block.removeLast(wanted - got)
        return block
    }
}
