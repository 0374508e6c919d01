internal import CLibXML2
internal import NoticeWatchModel

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A libxml2 streaming reader over one file, with its errors captured instead of printed: for a first look at a
/// file (discovering its record element and paths, finding its records' depth); records are read with
/// ``XMLSAXParser``.
///
/// Options: `XML_PARSE_NONET` (nothing is fetched), `XML_PARSE_BIG_LINES` (true line numbers past 65535 on
/// text nodes), `XML_PARSE_COMPACT` (small text kept inside its node: fewer allocations). Entities are never substituted and no DTD is loaded; libxml2's limits on huge documents stay
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
        // libxml2 opens the file itself: it is first checked to be a readable regular file.
        close(try DatasetFiles.openRegular(path, displayPath: displayPath))
        guard let pointer = xmlReaderForFile(path, nil, Self.options) else {
            throw IngestError(code: .fileUnreadable, message: "libxml2 cannot open the file", file: displayPath)
        }
        self.init(pointer: pointer)
    }

    /// Takes over a reader opened elsewhere (a workbook part read from memory), its errors captured the same way.
    convenience init(taking pointer: xmlTextReaderPtr) {
        self.init(pointer: pointer)
    }

    /// Runs libxml2's one-time setup, for a reader opened outside this type.
    static func initializeLibrary() { libraryInitialized }

    private init(pointer: xmlTextReaderPtr) {
        self.pointer = pointer
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
    }

    private func record(_ error: xmlError) {
        guard error.level == XML_ERR_FATAL, fatal == nil else { return }
        var message = error.message.map { String(cString: $0) } ?? "unknown libxml2 error"
        while let last = message.last, last.isWhitespace { message.removeLast() }
        fatal = Problem(message: message, line: Int(error.line))
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

    /// The line where the current node starts.
    var line: Int {
        guard let node = xmlTextReaderCurrentNode(pointer) else {
            return Int(xmlTextReaderGetParserLineNumber(pointer))
        }
        return Int(xmlGetLineNo(node))
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
