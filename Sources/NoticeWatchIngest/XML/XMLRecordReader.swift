internal import CLibXML2
import NoticeWatchModel

/// Reads records from an XML file through libxml2's SAX2 push parser: each element named `recordElement`
/// (matched by namespace URI and local name, at any depth, not inside another record) is one record.
///
/// Per record it returns the trimmed text at each field path (all text and CDATA below the element), or `nil`
/// when the record has nothing there; for an element that occurs twice, the first wins.
///
/// - Malformed XML: the records completed before the error come out, then one `malformed-xml` broken record
///   with libxml2's message and line, and the file ends.
/// - An entity reference inside a mapped field (entities are never substituted, so an external entity is never
///   fetched and a billion-laughs document stays small) makes that record `xml-entity-not-expanded`.
///
/// Copies of a reader share one parser: use one copy.
struct XMLRecordReader: FieldReader {
    let fieldPaths: [String]
    let recordElement: String
    let displayPath: String
    private let parser: XMLSAXParser
    /// How a chunk of the file is framed as a document, `nil` when the whole file is read.
    private let frame: XMLChunkFrame?
    /// Whether the document's end (or its error) has been queued.
    private var ended = false
    /// Whether this chunk's result may differ from the same records read in the whole file: libxml2 found the
    /// chunk document malformed, an enclosing element was closed and opened again, or a record's line past
    /// 65535 had no text of the chunk before it. The file is then read whole.
    var chunkUnreliable: Bool {
        parser.state.pointee.walk.chunkUnreliable || (frame != nil && ended && parser.failed)
    }

    /// Opens an XML file for reading.
    ///
    /// - Parameters:
    ///   - path: the absolute path of the file.
    ///   - displayPath: the path relative to the dataset folder, used in messages.
    ///   - recordElement: the qualified name of the record element (`nw:case`).
    ///   - namespaces: prefixes used in `recordElement` and the paths, to namespace URIs.
    ///   - fieldPaths: paths relative to the record element (`nw:country`, `nw:decision/nw:date`, `@ref`,
    ///     `nw:country/@code`).
    ///   - chunk: a byte range of the file and how it is framed as a document (see ``XMLChunkFrame``); `nil`
    ///     for the whole file. Lines are the file's; records are counted from the chunk's first.
    /// - Throws: ``IngestError`` `file-unreadable`, `sources-file-invalid-field-path` or
    ///   `sources-file-unknown-namespace-prefix`.
    init(
        path: String, displayPath: String, recordElement: String, namespaces: [String: String],
        fieldPaths: [String], chunk: (range: Range<Int>, frame: XMLChunkFrame)? = nil
    ) throws(IngestError) {
        self.fieldPaths = fieldPaths
        self.recordElement = recordElement
        self.displayPath = displayPath
        let recordName = try XMLName.resolve(recordElement[...], namespaces: namespaces, path: recordElement)
        var fields: [XMLFieldPath] = []
        for fieldPath in fieldPaths {
            fields.append(try XMLFieldPath(fieldPath, namespaces: namespaces))
        }
        frame = chunk?.frame
        parser = try XMLSAXParser(path: path, displayPath: displayPath, range: chunk?.range, frame: chunk?.frame) {
            [frame] intern in
            XMLRecordWalk(
                fields: fields, fieldPaths: fieldPaths, recordName: recordName, frame: frame, intern: intern)
        }
    }

    /// The record element read (`xml record=nw:case`).
    var choices: [String] { ["xml record=\(recordElement)"] }

    /// How many values each record has (the field paths).
    var valueCount: Int { fieldPaths.count }

    /// The next record or broken record, or `nil` at the end of the document.
    ///
    /// - Throws: nothing in practice; libxml2's errors come out as `malformed-xml` broken records.
    /// - Complexity: O(bytes up to the end of the next record).
    mutating func next() throws(IngestError) -> ReadItem? {
        guard let entry = nextEntry() else { return nil }
        if let broken = parser.state.pointee.walk.queue.broken(entry) { return .broken(broken) }
        return .record(
            RawRecord(
                line: entry.line, record: entry.record, values: parser.state.pointee.walk.queue.strings(entry)))
    }

    /// Reads the next record into `fields` (its values referred to where the reader keeps them, valid until
    /// the next call), or returns the broken record, or `nil` at the end of the document.
    ///
    /// - Complexity: O(bytes up to the end of the next record).
    mutating func nextFields(into fields: RecordFields) throws(IngestError) -> FieldRead? {
        guard let entry = nextEntry() else { return nil }
        if let broken = parser.state.pointee.walk.queue.broken(entry) { return .broken(broken) }
        fields.clear(slots: fieldPaths.count)
        fields.line = entry.line
        fields.record = entry.record
        let queue = parser.state.pointee.walk.queue
        for field in 0..<fieldPaths.count {
            if let value = queue.value(entry, field: field) { fields.refer(field, to: value) }
        }
        return .record
    }

    /// The next queued entry, parsing on when the queue is empty; `nil` at the end.
    private mutating func nextEntry() -> XMLRecordQueue.Entry? {
        let state = parser.state
        while true {
            if let entry = state.pointee.walk.queue.take() { return entry }
            guard !ended else { return nil }
            state.pointee.walk.resetQueue()
            while parser.parseNext(), state.pointee.walk.queue.isEmpty {}
            guard parser.finished else { continue }
            ended = true
            if parser.failed { state.pointee.walk.queue.append(malformed()) }
        }
    }

    private func malformed() -> BrokenRecord {
        let problem = parser.problem
        return BrokenRecord(
            line: problem.line,
            record: nil,
            rawText: "",
            field: nil,
            reason: QuarantineReason(
                code: "malformed-xml",
                message: "malformed XML in \(displayPath) at line \(problem.line): \(problem.message)"
            )
        )
    }
}
