internal import CLibXML2
import NoticeWatchModel

/// Reads records from an XML file through libxml2's streaming reader: each element named `recordElement`
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
/// Copies of a reader share one libxml2 reader: use one copy.
struct XMLRecordReader: RecordReader {
    let fieldPaths: [String]
    let recordElement: String
    let displayPath: String
    private let recordName: XMLName
    /// The record element's local name interned in the reader's dictionary (compared by pointer first).
    private let recordLocalName: UnsafePointer<UInt8>?
    private let fields: [XMLFieldPath]
    private let reader: XMLTextReader
    private var walk: XMLRecordWalk
    private var finished = false
    /// The line of the last text or whitespace node (text nodes keep lines past 65535).
    private var lineOfLastText = 0
    /// Items still to hand out after a fatal error: records recovered from the tree, then the error.
    private var pending: [ReadItem] = []
    /// How a chunk of the file is framed as a document, `nil` when the whole file is read.
    private let frame: XMLChunkFrame?
    /// Whether text came after the frame's header: until then, a record's line cannot fall back on the text
    /// before it as it would in the whole file.
    private var textSinceFrame: Bool
    /// Elements started outside records so far (the first ones are the frame's enclosing elements).
    private var elementsOutside = 0
    /// Whether this chunk's result may differ from the same records read in the whole file: libxml2 found the
    /// chunk document malformed, an enclosing element was closed and opened again, or a record's line past
    /// 65535 had no text of the chunk before it. The file is then read whole.
    private(set) var chunkUnreliable = false

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
        recordName = try XMLName.resolve(recordElement[...], namespaces: namespaces, path: recordElement)
        var fields: [XMLFieldPath] = []
        for fieldPath in fieldPaths {
            fields.append(try XMLFieldPath(fieldPath, namespaces: namespaces))
        }
        self.fields = fields
        let reader: XMLTextReader
        if let chunk {
            reader = try XMLTextReader(path: path, displayPath: displayPath, range: chunk.range, frame: chunk.frame)
        } else {
            reader = try XMLTextReader(path: path, displayPath: displayPath)
        }
        self.reader = reader
        frame = chunk?.frame
        textSinceFrame = chunk.map { $0.frame.isFirst } ?? true
        walk = XMLRecordWalk(fields: fields, reader: reader)
        recordLocalName = reader.interned(recordName.localName)
    }

    /// The record element read (`xml record=nw:case`).
    var choices: [String] { ["xml record=\(recordElement)"] }

    /// The next record or broken record, or `nil` at the end of the document.
    ///
    /// - Throws: nothing in practice; libxml2's errors come out as `malformed-xml` broken records.
    /// - Complexity: O(nodes up to the end of the next record).
    mutating func next() throws(IngestError) -> ReadItem? {
        guard !finished else { return pending.isEmpty ? nil : pending.removeFirst() }
        while true {
            let status = reader.read()
            if status == 0 {
                finished = true
                return nil
            }
            if status < 0 {
                finished = true
                chunkUnreliable = frame != nil
                pending = recoveredRecords() + [.broken(malformed())]
                return pending.removeFirst()
            }
            // Text, whitespace and significant whitespace are read alike, so a text node is taken as text without
            // asking libxml2, which would look for `xml:space` on its ancestors to tell blank text apart.
            let node = reader.currentNode
            if let node, node.pointee.type == XML_TEXT_NODE {
                // A text node's content is its value (inside the node itself for short text, with
                // `XML_PARSE_COMPACT`).
                if walk.recordDepth >= 0 { walk.appendText(node.pointee.content) }
                lineOfLastText = XMLTextReader.textLine(of: node)
                textSinceFrame = true
                continue
            }
            let type = reader.nodeType
            if walk.recordDepth < 0 {
                if type == XMLNodeType.element, reader.localName == recordLocalName,
                    XMLName.sameNamespace(recordName.namespaceURI, node?.pointee.ns?.pointee.href)
                {
                    walk.start(reader: reader, line: recordStartLine())
                    if reader.isEmptyElement { return finishRecord() }
                } else if let frame {
                    checkFrame(frame, type: type)
                }
                continue
            }
            switch type {
            case XMLNodeType.element:
                walk.enter(reader: reader)
            case XMLNodeType.endElement:
                let depth = Int(reader.depth)
                if depth == walk.recordDepth { return finishRecord() }
                walk.leave(depth: depth)
            case XMLNodeType.cdata:
                walk.appendText(reader.value)
            case XMLNodeType.entityReference:
                walk.noteEntity(reader.name)
            default:
                break
            }
        }
    }

    /// The line of the record element just started.
    ///
    /// libxml2 keeps element lines in 16 bits (65535 at most) and only text nodes carry larger lines; past that
    /// line the record starts where the last text before it ends (the whitespace before it, or the last text of
    /// the record before). Only lines libxml2 has stored are used, never ones it finds from nodes it may or may
    /// not have read ahead, so the line is the same however the file is buffered or cut.
    private mutating func recordStartLine() -> Int {
        let line = reader.elementLine
        if line < 65535 { return line }
        if !textSinceFrame { chunkUnreliable = true }
        return max(65535, lineOfLastText)
    }

    /// Checks a node outside records of a chunk document: its padding comments start the chunk's own bytes,
    /// and no enclosing element may start there.
    private mutating func checkFrame(_ frame: XMLChunkFrame, type: Int32) {
        if type == XMLNodeType.comment {
            textSinceFrame = false
        } else if type == XMLNodeType.element {
            elementsOutside += 1
            if elementsOutside > frame.recordDepth, Int(reader.depth) < frame.recordDepth { chunkUnreliable = true }
        }
    }

    private mutating func finishRecord() -> ReadItem {
        let (line, record) = (walk.recordLine, walk.recordCount)
        walk.recordDepth = -1
        reader.currentNode?.pointee._private = XMLTree.yieldedMark
        if let (entity, field) = walk.unexpandedEntity {
            return .broken(entityBroken(entity: entity, field: field, line: line, record: record))
        }
        return .record(RawRecord(line: line, record: record, values: walk.values))
    }

    private func entityBroken(entity: String, field: Int, line: Int, record: Int) -> BrokenRecord {
        BrokenRecord(
            line: line,
            record: record,
            rawText: "&\(entity);",
            field: fieldPaths[field],
            reason: QuarantineReason(
                code: "xml-entity-not-expanded",
                message: "the entity reference `&\(entity);` in `\(fieldPaths[field])` is not expanded "
                    + "(entities are never substituted)"
            )
        )
    }

    /// The records that libxml2 parsed completely before its fatal error but did not hand out yet (it reads
    /// ahead in chunks), taken from the tree in document order.
    private mutating func recoveredRecords() -> [ReadItem] {
        guard let (document, open) = reader.treeAtError(), let root = xmlDocGetRootElement(document) else {
            return []
        }
        var items: [ReadItem] = []
        var node: xmlNodePtr? = root
        var recordNumber = walk.recordCount - (walk.recordDepth >= 0 ? 1 : 0)
        while let current = node {
            let isRecord =
                current.pointee.type == XML_ELEMENT_NODE
                && recordName.matches(localName: current.pointee.name, namespaceURI: current.pointee.ns?.pointee.href)
            guard isRecord else {
                node = XMLTree.next(after: current, within: nil, descending: true)
                continue
            }
            node = XMLTree.next(after: current, within: nil, descending: false)
            if current.pointee._private == XMLTree.yieldedMark
                || XMLTree.isOpen(current, innermostOpen: open)
            {
                continue
            }
            recordNumber += 1
            items.append(treeRecord(current, number: recordNumber))
        }
        walk.recordDepth = -1
        return items
    }

    private func treeRecord(_ record: xmlNodePtr, number: Int) -> ReadItem {
        var values: [String?] = Array(repeating: nil, count: fields.count)
        let line = Int(xmlGetLineNo(record))
        for (index, field) in fields.enumerated() {
            guard let element = XMLTree.element(under: record, steps: field.elements[...]) else { continue }
            let found: (text: String, entity: String?)?
            if let attribute = field.attribute {
                found = XMLTree.attribute(of: element, named: attribute)
            } else {
                found = XMLTree.text(of: element)
            }
            guard let found else { continue }
            if let entity = found.entity {
                return .broken(entityBroken(entity: entity, field: index, line: line, record: number))
            }
            values[index] = found.text
        }
        return .record(RawRecord(line: line, record: number, values: values))
    }

    private func malformed() -> BrokenRecord {
        let problem = reader.fatal ?? XMLTextReader.Problem(message: "libxml2 stopped reading", line: reader.line)
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
