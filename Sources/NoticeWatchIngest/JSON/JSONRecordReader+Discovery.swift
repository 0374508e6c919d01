import NoticeWatchModel

extension JSONRecordReader {
    /// Detects the layout of a JSON file when it is not given, and lists the field paths of its first records.
    ///
    /// Detection: a file starting with `[` is a top-level array; a file whose first object is followed by another
    /// value is NDJSON; a single object is searched, in document order, for the first array whose first element
    /// is an object (`_embedded.notices`), else it is read as one NDJSON record.
    ///
    /// - Parameters:
    ///   - path: the absolute path of the file.
    ///   - displayPath: the path relative to the dataset folder, used in messages.
    ///   - layout: the layout when known; `nil` to detect it.
    ///   - sampleRecords: how many records to look at (broken records are passed over and not counted).
    /// - Returns: the layout and the leaf paths seen (sorted, deduplicated; arrays indexed as `[0]`; an empty
    ///   object or array is a leaf).
    /// - Throws: ``IngestError`` `file-unreadable`, or `json-layout-undetected` when the file starts with
    ///   something other than `[` or `{`.
    /// - Complexity: O(bytes of the first document or record, plus the sampled records); memory stays bounded
    ///   by the largest key or sampled record, not by the document.
    static func discoverFieldPaths(
        path: String, displayPath: String, layout: JSONLayout?, sampleRecords: Int
    ) throws(IngestError) -> (layout: JSONLayout, paths: [String]) {
        let chosen: JSONLayout
        if let layout {
            chosen = layout
        } else {
            chosen = try detectLayout(path: path, displayPath: displayPath)
        }
        let input = try JSONInput(path: path, displayPath: displayPath)
        var stream = JSONRecordStream(input: input, layout: chosen, displayPath: displayPath)
        let trie = try JSONPathTrie(paths: [], displayPath: displayPath)
        var paths = Set<String>()
        var sampled = 0
        while sampled < sampleRecords, let frame = try stream.next() {
            guard case .record(let start, let end, _, _, _, true) = frame else { continue }
            var parser = JSONRecordParser(
                bytes: input.bytes(from: start, to: end), trie: trie, fieldPaths: [], endName: "end of file"
            )
            var found = Set<String>()
            do {
                try parser.parseRecord()
                parser.position = 0
                parser.skipWhitespace()
                try parser.collectPaths(prefix: "", into: &found)
            } catch {
                continue
            }
            paths.formUnion(found)
            sampled += 1
        }
        return (chosen, paths.sorted())
    }

    /// The layout of a file, from its first value.
    private static func detectLayout(path: String, displayPath: String) throws(IngestError) -> JSONLayout {
        let input = try JSONInput(path: path, displayPath: displayPath)
        var stream = JSONRecordStream(input: input, layout: .ndjson, displayPath: displayPath)
        try stream.skipByteOrderMark()
        try stream.skipWhitespace()
        switch try stream.peek() {
        case nil:
            return .ndjson
        case UInt8(ascii: "["):
            return .array(recordsPath: "")
        case UInt8(ascii: "{"):
            break
        case let other?:
            throw IngestError(
                code: .jsonLayoutUndetected,
                message: "the file starts with \(describeJSONByte(other)), not with an array or an object; "
                    + "set `json.records` in the sources file",
                file: displayPath, line: stream.line, column: stream.position - stream.lineStart + 1
            )
        }
        let (_, _, complete) = try stream.frameValue(discarding: true)
        try stream.skipWhitespace()
        if complete, try stream.peek() != nil {
            return .ndjson
        }
        var document = JSONRecordStream(
            input: try JSONInput(path: path, displayPath: displayPath), layout: .ndjson, displayPath: displayPath)
        try document.skipByteOrderMark()
        try document.skipWhitespace()
        guard let found = try document.findRecordsArray(prefix: "") else { return .ndjson }
        return .array(recordsPath: found)
    }
}
