internal import CLibXML2
internal import NoticeWatchModel

/// libxml2's SAX2 push parser over one XML document (a file, or a chunk of one framed by ``XMLChunkFrame``),
/// its events handed to an ``XMLRecordWalk`` that queues the records.
///
/// Options: `XML_PARSE_NONET` (nothing is fetched) and `XML_PARSE_BIG_LINES`. Entities are never substituted
/// and no DTD is loaded; libxml2's limits on huge documents stay on, and so does its tree builder's limit on a
/// text node's length, which these callbacks check themselves. The document is pushed 4 bytes first (for
/// libxml2's encoding detection), then in pieces of 64 KiB, and parsing stops after the piece where libxml2
/// reports a fatal error (its SAX events stop at the error itself): every record completed before the error
/// comes out.
///
/// Entity declarations and the parsing libxml2 does of an entity's text when it is first referenced go to
/// libxml2's own SAX2 handlers (the document node, its DTD and the entities' trees are built as the tree builder
/// builds them), so that entity references, their loops and their limits behave as with a tree.
///
/// A class because it owns the parser context, the document node it builds and the walk's memory (freed in
/// `deinit`).
final class XMLSAXParser {
    /// A libxml2 error: its message (trimmed) and line.
    struct Problem: Sendable {
        var message: String
        var line: Int
    }

    /// What the callbacks reach through the context's `_private` pointer.
    struct State {
        var walk: XMLRecordWalk
        /// The document's parser context; events from other contexts (an entity's text) go to libxml2.
        var context: UnsafeMutableRawPointer?
        /// The first fatal error libxml2 reported, if any.
        var fatal: Problem?
        /// Where parsing was stopped without a fatal error (a text node too long for libxml2's tree builder,
        /// which reports that as a mere error), if it was.
        var stoppedAt: Int?
    }

    private let context: xmlParserCtxtPtr
    private let input: XMLChunkInput
    /// The callbacks' state, at a stable address.
    let state: UnsafeMutablePointer<State>
    /// Whether the document has been read to its end or to an error.
    private(set) var finished = false
    private let piece = UnsafeMutableRawPointer.allocate(byteCount: pieceSize, alignment: 16)
    private static let pieceSize = 64 << 10

    /// libxml2's one-time global setup, run before the first parser.
    private static let libraryInitialized: Void = xmlInitParser()

    private static let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_BIG_LINES.rawValue)

    /// Opens a file, or the chunk `range` of it framed by `frame`, for parsing into `walk` (whose names are
    /// interned in the parser's dictionary through `makeWalk`).
    ///
    /// - Throws: ``IngestError`` `file-unreadable` when the file cannot be opened or libxml2 cannot start.
    init(
        path: String, displayPath: String, range: Range<Int>?, frame: XMLChunkFrame?,
        makeWalk: (_ intern: ([UInt8]) -> UnsafePointer<UInt8>?) -> XMLRecordWalk
    ) throws(IngestError) {
        Self.libraryInitialized
        let input = try XMLChunkInput(path: path, displayPath: displayPath, range: range, frame: frame)
        self.input = input
        var handler = xmlSAXHandler()
        xmlSAXVersion(&handler, 2)
        handler.startElement = nil
        handler.endElement = nil
        handler.startElementNs = Self.startElement
        handler.endElementNs = Self.endElement
        handler.characters = Self.characters
        handler.ignorableWhitespace = Self.characters
        handler.cdataBlock = Self.cdata
        handler.reference = Self.reference
        handler.comment = Self.comment
        handler.processingInstruction = Self.processingInstruction
        handler.error = nil
        handler.warning = nil
        // libxml2 copies the handler into the context.
        let start = piece
        let got = input.read(into: start, count: 4)
        let created = withUnsafeMutablePointer(to: &handler) { handler in
            xmlCreatePushParserCtxt(handler, nil, start.assumingMemoryBound(to: CChar.self), Int32(got), path)
        }
        guard let created else {
            start.deallocate()
            throw IngestError(code: .fileUnreadable, message: "libxml2 cannot open the file", file: displayPath)
        }
        context = created
        xmlCtxtUseOptions(context, Self.options)
        let dictionary = context.pointee.dict
        let walk = makeWalk { name in
            name.withUnsafeBufferPointer { xmlDictLookup(dictionary, $0.baseAddress, -1) }
        }
        state = .allocate(capacity: 1)
        state.initialize(
            to: State(walk: walk, context: UnsafeMutableRawPointer(context), fatal: nil, stoppedAt: nil))
        context.pointee._private = UnsafeMutableRawPointer(state)
    }

    deinit {
        if let document = cxml_context_take_document(context) { xmlFreeDoc(document) }
        xmlFreeParserCtxt(context)
        state.pointee.walk.deallocate()
        state.deinitialize(count: 1)
        state.deallocate()
        piece.deallocate()
    }

    /// Parses the next piece of the document, its events going to the walk. Returns `false` once the document
    /// has ended or libxml2 has reported an error (then ``finished``).
    ///
    /// - Complexity: O(piece size).
    func parseNext() -> Bool {
        guard !finished else { return false }
        let got = input.read(into: piece, count: Self.pieceSize)
        xmlSetStructuredErrorFunc(UnsafeMutableRawPointer(state), Self.structuredError)
        // What libxml2 returns is the last error of any level: like its streaming reader, this parser goes on
        // after errors that leave the document well-formed (an undeclared namespace prefix).
        _ = xmlParseChunk(context, piece.assumingMemoryBound(to: CChar.self), Int32(got), got == 0 ? 1 : 0)
        xmlSetStructuredErrorFunc(nil, nil)
        if got == 0 || failed { finished = true }
        return !finished
    }

    /// Whether the document ended on an error (libxml2's, or a failed read).
    var failed: Bool {
        state.pointee.fatal != nil || state.pointee.stoppedAt != nil || cxml_context_well_formed(context) == 0
            || input.failed
    }

    /// The first fatal error, or what stands for it when libxml2 stopped without one.
    var problem: Problem {
        state.pointee.fatal
            ?? Problem(
                message: "libxml2 stopped reading",
                line: state.pointee.stoppedAt ?? Int(cxml_context_line(UnsafeMutableRawPointer(context))))
    }
}

extension XMLSAXParser {
    /// The state of the document's context, `nil` for an event from another context (an entity's text).
    @inline(__always)
    fileprivate static func documentState(_ context: UnsafeMutableRawPointer?) -> UnsafeMutablePointer<State>? {
        guard let context, let raw = cxml_context_private(context) else { return nil }
        let state = raw.assumingMemoryBound(to: State.self)
        return state.pointee.context == context ? state : nil
    }

    fileprivate static let startElement: startElementNsSAX2Func = {
        context, localName, prefix, uri, namespaceCount, namespaces, attributeCount, defaulted, attributes in
        guard let state = documentState(context) else {
            xmlSAX2StartElementNs(
                context, localName, prefix, uri, namespaceCount, namespaces, attributeCount, defaulted, attributes)
            return
        }
        // Attributes defaulted from the DTD come last; the tree builder leaves them out without XML_PARSE_DTDATTR.
        // An element whose prefix is not declared is named `prefix:name` in the tree, which no path step is.
        state.pointee.walk.startElement(
            localName: prefix != nil && uri == nil ? nil : localName, namespaceURI: uri,
            line: Int(cxml_context_line(context)),
            attributes: attributes, attributeCount: Int(attributeCount - defaulted))
    }

    fileprivate static let endElement: endElementNsSAX2Func = { context, localName, prefix, uri in
        guard let state = documentState(context) else {
            xmlSAX2EndElementNs(context, localName, prefix, uri)
            return
        }
        state.pointee.walk.endElement()
    }

    fileprivate static let characters: charactersSAXFunc = { context, text, count in
        guard let state = documentState(context) else {
            xmlSAX2Characters(context, text, count)
            return
        }
        guard let text else { return }
        state.pointee.walk.text(text, count: Int(count), isCDATA: false, line: Int(cxml_context_line(context)))
        // libxml2's tree builder refuses the text node with an error that is not fatal, and stops the parser.
        if let line = state.pointee.walk.hugeText, state.pointee.stoppedAt == nil {
            state.pointee.stoppedAt = line
            xmlStopParser(context?.assumingMemoryBound(to: xmlParserCtxt.self))
        }
    }

    fileprivate static let cdata: cdataBlockSAXFunc = { context, text, count in
        guard let state = documentState(context) else {
            xmlSAX2CDataBlock(context, text, count)
            return
        }
        guard let text else { return }
        state.pointee.walk.text(text, count: Int(count), isCDATA: true, line: 0)
    }

    fileprivate static let reference: referenceSAXFunc = { context, name in
        guard let state = documentState(context) else {
            xmlSAX2Reference(context, name)
            return
        }
        state.pointee.walk.entityReference(name)
    }

    fileprivate static let comment: commentSAXFunc = { context, value in
        guard let state = documentState(context) else {
            xmlSAX2Comment(context, value)
            return
        }
        // Comments of the internal subset belong to the DTD, not to the document's content.
        guard cxml_context_in_subset(context) == 0 else { return }
        state.pointee.walk.otherNode(isComment: true)
    }

    fileprivate static let processingInstruction: processingInstructionSAXFunc = { context, target, data in
        guard let state = documentState(context) else {
            xmlSAX2ProcessingInstruction(context, target, data)
            return
        }
        guard cxml_context_in_subset(context) == 0 else { return }
        state.pointee.walk.otherNode(isComment: false)
    }

    /// Keeps the first fatal error. Its line is libxml2's when the document's parser met it inside an open
    /// element or before any element; otherwise (an entity's text, a closed document, another domain) it is the
    /// line of the last element started, as the tree gave it.
    fileprivate static let structuredError: xmlStructuredErrorFunc = { data, error in
        guard let data, let error, error.pointee.level == XML_ERR_FATAL else { return }
        let state = data.assumingMemoryBound(to: State.self)
        guard state.pointee.fatal == nil else { return }
        var message = error.pointee.message.map { String(cString: $0) } ?? "unknown libxml2 error"
        while let last = message.last, last.isWhitespace { message.removeLast() }
        var line = Int(error.pointee.line)
        let walk = state.pointee.walk
        let inOpenElement =
            error.pointee.domain == Int32(XML_FROM_PARSER.rawValue) && error.pointee.ctxt == state.pointee.context
            && walk.depth > 0
        if !inOpenElement, walk.lastElementLine > 0 { line = walk.lastElementLine }
        state.pointee.fatal = Problem(message: message, line: line)
    }
}
