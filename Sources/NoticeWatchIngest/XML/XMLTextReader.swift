internal import CLibXML2

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A libxml2 streaming reader over one file, with its errors captured instead of printed.
///
/// Options: `XML_PARSE_NONET` (nothing is fetched), `XML_PARSE_BIG_LINES` (true line numbers past 65535 on
/// text nodes, which is why blank text is kept), `XML_PARSE_COMPACT` (small text kept inside its node: fewer
/// allocations). Entities are never substituted and no DTD is loaded; libxml2's limits on huge documents stay
/// on.
///
/// A class because it owns the `xmlTextReaderPtr`, freed in `deinit`.
final class XMLTextReader {
    /// A libxml2 error: its message (trimmed) and line.
    struct Problem: Sendable {
        var message: String
        var line: Int
    }

    let pointer: xmlTextReaderPtr
    /// The first fatal error libxml2 reported, if any.
    private(set) var fatal: Problem?
    /// The parser context's innermost open element when the fatal error came. Only compared, never followed,
    /// until it is found in the reader's tree: errors inside an entity's text come from a short-lived context
    /// whose elements are already freed.
    private var errorElement: xmlNodePtr?
    /// The document taken from the reader after an error, freed in `deinit`.
    private var ownedDocument: xmlDocPtr?
    /// The bytes of a chunk document, kept alive while libxml2 reads them.
    private let input: XMLChunkInput?

    /// libxml2's one-time global setup, run before the first reader (Swift runs a static initializer once, even
    /// when readers are opened from several threads at the same time).
    private static let libraryInitialized: Void = xmlInitParser()

    private static let options = Int32(
        XML_PARSE_NONET.rawValue | XML_PARSE_BIG_LINES.rawValue | XML_PARSE_COMPACT.rawValue
    )

    /// Opens a file for streaming.
    ///
    /// - Throws: ``IngestError`` `file-unreadable` when libxml2 cannot open the file.
    convenience init(path: String, displayPath: String) throws(IngestError) {
        Self.libraryInitialized
        guard access(path, R_OK) == 0 else {
            throw IngestError(
                code: "file-unreadable",
                message: "cannot open the file: \(String(cString: strerror(errno)))",
                file: displayPath
            )
        }
        guard let pointer = xmlReaderForFile(path, nil, Self.options) else {
            throw IngestError(code: "file-unreadable", message: "libxml2 cannot open the file", file: displayPath)
        }
        self.init(pointer: pointer, input: nil)
    }

    /// Opens a chunk of a file for streaming, as its own document (see ``XMLChunkFrame``).
    ///
    /// - Throws: ``IngestError`` `file-unreadable` when the file cannot be opened.
    convenience init(path: String, displayPath: String, range: Range<Int>, frame: XMLChunkFrame) throws(IngestError) {
        Self.libraryInitialized
        let input = try XMLChunkInput(path: path, displayPath: displayPath, range: range, frame: frame)
        let read: xmlInputReadCallback = { context, buffer, count in
            guard let context, let buffer else { return -1 }
            let input = Unmanaged<XMLChunkInput>.fromOpaque(context).takeUnretainedValue()
            return Int32(input.read(into: buffer, count: Int(count)))
        }
        guard
            let pointer = xmlReaderForIO(
                read, nil, Unmanaged.passUnretained(input).toOpaque(), path, nil, Self.options)
        else {
            throw IngestError(code: "file-unreadable", message: "libxml2 cannot open the file", file: displayPath)
        }
        self.init(pointer: pointer, input: input)
    }

    private init(pointer: xmlTextReaderPtr, input: XMLChunkInput?) {
        self.pointer = pointer
        self.input = input
        xmlTextReaderSetStructuredErrorHandler(
            pointer,
            { context, error in
                guard let context, let error else { return }
                let reader = Unmanaged<XMLTextReader>.fromOpaque(context).takeUnretainedValue()
                reader.record(error.pointee)
            },
            Unmanaged.passUnretained(self).toOpaque()
        )
    }

    deinit {
        xmlFreeTextReader(pointer)
        if let ownedDocument { xmlFreeDoc(ownedDocument) }
    }

    /// After a fatal error: the document as parsed so far and its innermost element left open, or `nil`.
    ///
    /// When the error came from another context (inside an entity's replacement text), the open element is the
    /// last element of the tree, and the error's line becomes that element's line (the entity's own line
    /// numbers mean nothing in the file).
    ///
    /// - Complexity: O(depth of the tree).
    func treeAtError() -> (document: xmlDocPtr, open: xmlNodePtr?)? {
        if ownedDocument == nil { ownedDocument = xmlTextReaderCurrentDoc(pointer) }
        guard let document = ownedDocument else { return nil }
        // Open elements are always on the tree's last-child path; an error context's element that is not
        // there belongs to a context that is gone.
        var last = xmlDocGetRootElement(document)
        while let element = last {
            if element == errorElement { return (document, element) }
            guard let child = xmlLastElementChild(element) else { break }
            last = child
        }
        if let last { fatal?.line = Int(xmlGetLineNo(last)) }
        return (document, last)
    }

    private func record(_ error: xmlError) {
        guard error.level == XML_ERR_FATAL, fatal == nil else { return }
        var message = error.message.map { String(cString: $0) } ?? "unknown libxml2 error"
        while let last = message.last, last.isWhitespace { message.removeLast() }
        fatal = Problem(message: message, line: Int(error.line))
        if error.domain == Int32(XML_FROM_PARSER.rawValue), let context = error.ctxt {
            let parser = context.assumingMemoryBound(to: xmlParserCtxt.self)
            errorElement = parser.pointee.node
        }
    }

    /// Moves to the next node: 1 on a node, 0 at the end of the document, -1 on an error.
    @inline(__always)
    func read() -> Int32 { xmlTextReaderRead(pointer) }

    @inline(__always)
    var nodeType: Int32 { xmlTextReaderNodeType(pointer) }

    @inline(__always)
    var depth: Int32 { xmlTextReaderDepth(pointer) }

    @inline(__always)
    var isEmptyElement: Bool { xmlTextReaderIsEmptyElement(pointer) == 1 }

    @inline(__always)
    var localName: UnsafePointer<xmlChar>? { xmlTextReaderConstLocalName(pointer) }

    @inline(__always)
    var namespaceURI: UnsafePointer<xmlChar>? { xmlTextReaderConstNamespaceUri(pointer) }

    /// The text of a text, CDATA or whitespace node (not copied).
    @inline(__always)
    var value: UnsafePointer<xmlChar>? { xmlTextReaderConstValue(pointer) }

    /// A NUL-terminated name as interned in the reader's dictionary, where libxml2 keeps element names.
    func interned(_ name: [UInt8]) -> UnsafePointer<xmlChar>? {
        name.withUnsafeBufferPointer { xmlTextReaderConstString(pointer, $0.baseAddress) }
    }

    /// The qualified name of the current node (`nw:case`, or the entity's name for an entity reference).
    var name: String { xmlTextReaderConstName(pointer).map { String(cString: $0) } ?? "" }

    /// The line where the current node starts.
    var line: Int {
        guard let node = xmlTextReaderCurrentNode(pointer) else {
            return Int(xmlTextReaderGetParserLineNumber(pointer))
        }
        return Int(xmlGetLineNo(node))
    }

    /// The line of the current element as libxml2 keeps it: exact below 65535, 65535 for any line past it.
    var elementLine: Int {
        guard let node = xmlTextReaderCurrentNode(pointer) else {
            return Int(xmlTextReaderGetParserLineNumber(pointer))
        }
        return Int(node.pointee.line)
    }

    /// The line where a text node's first piece ends (for text before an element, the line of the element's
    /// `<`), exact past 65535 too: unlike ``line``, it never depends on what libxml2 has read ahead.
    @inline(__always)
    static func textLine(of node: xmlNodePtr) -> Int {
        let line = Int(node.pointee.line)
        return line < 65535 ? line : Int(bitPattern: node.pointee.psvi)
    }

    /// The attributes of the current element, in document order (valid until the next `read()`).
    var attributes: XMLAttributeList {
        XMLAttributeList(first: xmlTextReaderCurrentNode(pointer)?.pointee.properties)
    }

    /// The tree node of the current node (valid until the next `read()`).
    var currentNode: xmlNodePtr? { xmlTextReaderCurrentNode(pointer) }
}

/// The attributes of an element as libxml2 holds them, walked without copying names.
struct XMLAttributeList: Sequence, IteratorProtocol {
    var first: xmlAttrPtr?

    mutating func next() -> xmlAttrPtr? {
        guard let attribute = first else { return nil }
        first = attribute.pointee.next
        return attribute
    }
}

/// Node types of `xmlTextReaderNodeType`.
enum XMLNodeType {
    static let element: Int32 = 1
    static let text: Int32 = 3
    static let cdata: Int32 = 4
    static let entityReference: Int32 = 5
    static let comment: Int32 = 8
    static let whitespace: Int32 = 13
    static let significantWhitespace: Int32 = 14
    static let endElement: Int32 = 15
}
