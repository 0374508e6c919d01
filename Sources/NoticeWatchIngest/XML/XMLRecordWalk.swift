internal import CLibXML2
import NoticeWatchModel

/// The state of reading records from libxml2's SAX events: where the parser is in the document, which field
/// paths the open elements are on, and the text gathered for them. Finished records go to ``queue``.
///
/// Paths are matched by an ``XMLFieldMatcher`` and text is gathered as bytes in one buffer per field, so walking
/// elements allocates nothing once the buffers have grown.
///
/// A value type over memory it does not free itself: ``XMLSAXParser`` owns the one walk of a parser and calls
/// ``deallocate()`` in its `deinit`.
struct XMLRecordWalk {
    let fields: [XMLFieldPath]
    /// The field paths as written, for messages.
    let fieldPaths: [String]
    var queue: XMLRecordQueue

    // The document.
    /// The record element's local name interned in the parser's dictionary (compared by pointer first).
    let recordLocalName: UnsafePointer<UInt8>?
    let recordName: XMLName
    /// How a chunk of the file is framed as a document, `nil` when the whole file is read.
    let frame: XMLChunkFrame?
    /// Elements open in the document.
    private(set) var depth = 0
    /// The line of the last element started, anywhere in the document; 0 before the first. Past line 65535 it
    /// is libxml2's true line, where the tree kept 65535 and looked for a line among the element's neighbours.
    private(set) var lastElementLine = 0
    /// The line where the last text outside CDATA started being reported (libxml2's line for a text node).
    private var lineOfLastText = 0
    /// Bytes of text reported since the last event that is not text (one text node of libxml2's tree).
    private var textRun = 0
    /// Whether text came after the frame's header: until then, a record's line cannot fall back on the text
    /// before it as it would in the whole file.
    private var textSinceFrame: Bool
    /// Elements started outside records so far (the first ones are the frame's enclosing elements).
    private var elementsOutside = 0
    /// Whether this chunk's result may differ from the same records read in the whole file (see
    /// ``XMLRecordReader/chunkUnreliable``).
    var chunkUnreliable = false
    /// The line of a text node longer than libxml2's tree builder accepts, when one was met.
    private(set) var hugeText: Int?

    // The record being read.
    /// Depth of the record element in the document, or -1 outside a record.
    private(set) var recordDepth = -1
    private(set) var recordLine = 0
    private(set) var recordCount = 0
    private var firstSpan = 0
    /// Where the bytes of the record being read start in the queue.
    private var firstByte = 0
    /// The first entity reference met inside a mapped field, with that field.
    private var unexpandedEntity: (name: String, field: Int)?
    private var matcher: XMLFieldMatcher
    /// Per field: relative depth of the element whose text is being gathered, or 0.
    private let captureDepth: UnsafeMutablePointer<Int>
    /// The fields whose text is being gathered, in the order they started.
    private let capturing: UnsafeMutablePointer<Int>
    private var capturingCount = 0
    /// Per field, whether its value is set for this record (the first occurrence wins).
    private let done: UnsafeMutablePointer<Bool>
    /// Per field, the text gathered so far.
    private let buffers: UnsafeMutablePointer<GrowableBytes>
    /// Per field, whether its path ends at an attribute.
    private let endsAtAttribute: [Bool]
    /// Fields that are an attribute of the record element itself.
    private let recordAttributeFields: [Int]

    /// A walk for `fields`, names interned with `intern` (the parser's dictionary).
    init(
        fields: [XMLFieldPath], fieldPaths: [String], recordName: XMLName, frame: XMLChunkFrame?,
        intern: ([UInt8]) -> UnsafePointer<UInt8>?
    ) {
        self.fields = fields
        self.fieldPaths = fieldPaths
        self.recordName = recordName
        self.frame = frame
        recordLocalName = intern(recordName.localName)
        textSinceFrame = frame?.isFirst ?? true
        queue = XMLRecordQueue(width: fields.count)
        matcher = XMLFieldMatcher(fields: fields, intern: intern)
        endsAtAttribute = fields.map { $0.attribute != nil }
        recordAttributeFields = fields.indices.filter { fields[$0].elements.isEmpty && fields[$0].attribute != nil }
        let slots = max(fields.count, 1)
        captureDepth = .allocate(capacity: slots)
        captureDepth.initialize(repeating: 0, count: slots)
        capturing = .allocate(capacity: slots)
        done = .allocate(capacity: slots)
        done.initialize(repeating: false, count: slots)
        buffers = .allocate(capacity: slots)
        for field in 0..<slots { (buffers + field).initialize(to: GrowableBytes()) }
    }

    /// Frees the text buffers and the queue; the walk is not used after.
    func deallocate() {
        for field in 0..<max(fields.count, 1) { buffers[field].deallocate() }
        buffers.deallocate()
        captureDepth.deallocate()
        capturing.deallocate()
        done.deallocate()
        matcher.deallocate()
        queue.deallocate()
    }

    /// Empties the queue once every entry is handed out, keeping the record being read.
    mutating func resetQueue() {
        if recordDepth >= 0 {
            queue.reset(keepingOpenRecord: (firstSpan, firstByte))
            firstSpan = 0
            firstByte = 0
        } else {
            queue.reset(keepingOpenRecord: nil)
        }
    }

    /// An element start: `line` is libxml2's line for it (where its start tag ends); `attributes` are libxml2's
    /// five pointers per attribute, `attributeCount` of them (those the document gives, not the DTD's defaults).
    mutating func startElement(
        localName: UnsafePointer<UInt8>?, namespaceURI: UnsafePointer<UInt8>?, line: Int,
        attributes: UnsafeMutablePointer<UnsafePointer<UInt8>?>?, attributeCount: Int
    ) {
        textRun = 0
        let elementDepth = depth
        depth += 1
        lastElementLine = line
        if recordDepth >= 0 {
            enter(
                depth: elementDepth - recordDepth, localName: localName, namespaceURI: namespaceURI,
                attributes: attributes, attributeCount: attributeCount)
            return
        }
        if localName == recordLocalName, XMLName.sameNamespace(recordName.namespaceURI, namespaceURI) {
            startRecord(depth: elementDepth, line: recordStartLine(line))
            for field in recordAttributeFields {
                readAttribute(field: field, attributes: attributes, count: attributeCount)
            }
        } else if let frame {
            elementsOutside += 1
            if elementsOutside > frame.recordDepth, elementDepth < frame.recordDepth { chunkUnreliable = true }
        }
    }

    /// An element end.
    mutating func endElement() {
        textRun = 0
        depth -= 1
        guard recordDepth >= 0 else { return }
        if depth == recordDepth {
            finishRecord()
        } else {
            leave(depth: depth - recordDepth)
        }
    }

    /// Text (`isCDATA` false) or a CDATA section's text; `line` is libxml2's line when it reports it.
    @inline(__always)
    mutating func text(_ bytes: UnsafePointer<UInt8>, count: Int, isCDATA: Bool, line: @autoclosure () -> Int) {
        if isCDATA {
            textRun = 0
        } else {
            if textRun == 0 {
                lineOfLastText = line()
                textSinceFrame = true
            }
            textRun += count
            if textRun > Self.maximumTextNode, hugeText == nil { hugeText = line() }
        }
        guard recordDepth >= 0 else { return }
        for index in 0..<capturingCount { buffers[capturing[index]].append(bytes, count: count) }
    }

    /// The longest text node libxml2's tree builder accepts without `XML_PARSE_HUGE` (`XML_MAX_TEXT_LENGTH`).
    static let maximumTextNode = 10_000_000

    /// An entity reference: it breaks the record when a field is being gathered.
    mutating func entityReference(_ name: UnsafePointer<UInt8>?) {
        textRun = 0
        guard recordDepth >= 0, capturingCount > 0, unexpandedEntity == nil else { return }
        unexpandedEntity = (name.map { String(cString: $0) } ?? "", capturing[0])
    }

    /// A comment or processing instruction (`isComment` false) in the document's content.
    mutating func otherNode(isComment: Bool) {
        textRun = 0
        if isComment, recordDepth < 0, frame != nil { textSinceFrame = false }
    }

    /// The line of the record element starting at libxml2's line `line`.
    ///
    /// libxml2's tree keeps element lines in 16 bits (65535 at most) and only text nodes carry larger lines;
    /// past that line the record starts where the last text before it was reported (the whitespace before it,
    /// or the last text of the record before), as records have always been numbered. A chunk whose records
    /// have no text of the chunk before them cannot tell that line.
    private mutating func recordStartLine(_ line: Int) -> Int {
        if line < 65535 { return line }
        if !textSinceFrame { chunkUnreliable = true }
        return max(65535, lineOfLastText)
    }

    private mutating func startRecord(depth: Int, line: Int) {
        recordDepth = depth
        recordLine = line
        recordCount += 1
        unexpandedEntity = nil
        matcher.reset()
        capturingCount = 0
        for field in fields.indices {
            done[field] = false
            captureDepth[field] = 0
        }
        firstSpan = queue.openRecord()
        firstByte = queue.used
    }

    private mutating func finishRecord() {
        recordDepth = -1
        var broken: BrokenRecord?
        if let (entity, field) = unexpandedEntity {
            broken = BrokenRecord(
                line: recordLine, record: recordCount, rawText: "&\(entity);", field: fieldPaths[field],
                reason: QuarantineReason(
                    code: "xml-entity-not-expanded",
                    message: "the entity reference `&\(entity);` in `\(fieldPaths[field])` is not expanded "
                        + "(entities are never substituted)"))
        }
        queue.closeRecord(line: recordLine, record: recordCount, firstSpan: firstSpan, broken: broken)
    }

    /// An element start inside the record, `depth` levels below it (1 for a child).
    @inline(__always)
    private mutating func enter(
        depth: Int, localName: UnsafePointer<UInt8>?, namespaceURI: UnsafePointer<UInt8>?,
        attributes: UnsafeMutablePointer<UnsafePointer<UInt8>?>?, attributeCount: Int
    ) {
        var matches = (0, 0, 0, 0)
        var matchCount = 0
        var more: [Int] = []
        matcher.enter(depth: depth, localName: localName, namespaceURI: namespaceURI) { field in
            switch matchCount {
            case 0: matches.0 = field
            case 1: matches.1 = field
            case 2: matches.2 = field
            case 3: matches.3 = field
            default: more.append(field)
            }
            matchCount += 1
        }
        for index in 0..<matchCount {
            let field: Int
            switch index {
            case 0: field = matches.0
            case 1: field = matches.1
            case 2: field = matches.2
            case 3: field = matches.3
            default: field = more[index - 4]
            }
            guard !done[field] else { continue }
            if endsAtAttribute[field] {
                readAttribute(field: field, attributes: attributes, count: attributeCount)
            } else {
                done[field] = true
                captureDepth[field] = depth
                buffers[field].count = 0
                capturing[capturingCount] = field
                capturingCount += 1
            }
        }
    }

    /// An element end inside the record, `depth` levels below it.
    @inline(__always)
    private mutating func leave(depth: Int) {
        var index = 0
        while index < capturingCount {
            let field = capturing[index]
            guard captureDepth[field] == depth else {
                index += 1
                continue
            }
            captureDepth[field] = 0
            let buffer = buffers[field]
            queue.setTrimmed(firstSpan + field, buffer.pointer, count: buffer.count)
            (capturing + index).update(from: capturing + index + 1, count: capturingCount - index - 1)
            capturingCount -= 1
        }
        matcher.leave(depth: depth)
    }

    /// Reads the field's attribute from an element's attributes.
    private mutating func readAttribute(
        field: Int, attributes: UnsafeMutablePointer<UnsafePointer<UInt8>?>?, count: Int
    ) {
        guard let wanted = fields[field].attribute, let attributes,
            let found = XMLAttributeValue.find(wanted, in: attributes, count: count)
        else { return }
        done[field] = true
        let entity = XMLAttributeValue.decode(found, into: &buffers[field])
        queue.setTrimmed(firstSpan + field, buffers[field].pointer, count: buffers[field].count)
        if let entity, unexpandedEntity == nil {
            unexpandedEntity = (entity, field)
        }
    }
}
