internal import CLibXML2

/// The state of reading one record: which field paths the current element is on, and the text gathered.
///
/// Matching is kept as a stack of candidate field indexes per depth in one flat array, so walking elements
/// allocates nothing once the buffers have grown.
struct XMLRecordWalk {
    let fields: [XMLFieldPath]
    /// Depth of the record element in the document, or -1 outside a record.
    var recordDepth = -1
    var recordLine = 0
    var recordCount = 0
    var values: [String?]
    /// The first entity reference met inside a mapped field, with that field.
    var unexpandedEntity: (name: String, field: Int)?

    /// Fields whose element steps all match the open elements, per depth below the record (flattened).
    private var candidates: [Int] = []
    private var candidateCount = 0
    /// Where each depth's candidates start in `candidates` (one level per open element below the record).
    private var levelStarts: [Int] = []
    private var levelCount = 0
    /// Per field: relative depth of the element whose text is being gathered, or 0.
    private var captureDepth: [Int]
    private var capturing: [Int] = []
    private var buffers: [[UInt8]]
    private var done: [Bool]
    private let elementFields: [Int]
    /// Per field, where its element steps start in `stepLocalNames` and `stepNamespaces`.
    private let stepOffsets: [Int]
    /// Per field, how many element steps its path has.
    private let stepCounts: [Int]
    /// Per field, whether its path ends at an attribute.
    private let endsAtAttribute: [Bool]
    /// The local name of every element step, interned in the reader's dictionary: libxml2 interns element
    /// names there too, so a name that differs by pointer is a different name and costs no byte comparison.
    private let stepLocalNames: [UnsafePointer<UInt8>?]
    /// The namespace URI of every element step (NUL-terminated), `nil` for a step in no namespace.
    private let stepNamespaces: [[UInt8]?]

    init(fields: [XMLFieldPath], reader: XMLTextReader) {
        self.fields = fields
        var offsets: [Int] = []
        var names: [UnsafePointer<UInt8>?] = []
        var namespaces: [[UInt8]?] = []
        for field in fields {
            offsets.append(names.count)
            for step in field.elements {
                names.append(reader.interned(step.localName))
                namespaces.append(step.namespaceURI)
            }
        }
        stepOffsets = offsets
        stepCounts = fields.map(\.elements.count)
        endsAtAttribute = fields.map { $0.attribute != nil }
        stepLocalNames = names
        stepNamespaces = namespaces
        values = Array(repeating: nil, count: fields.count)
        captureDepth = Array(repeating: 0, count: fields.count)
        buffers = Array(repeating: [], count: fields.count)
        done = Array(repeating: false, count: fields.count)
        elementFields = fields.indices.filter { !fields[$0].elements.isEmpty }
    }

    /// Starts a record at the current (record) element: reads its attributes.
    mutating func start(reader: XMLTextReader, line: Int) {
        recordDepth = Int(reader.depth)
        recordLine = line
        recordCount += 1
        unexpandedEntity = nil
        candidateCount = 0
        levelCount = 0
        capturing.removeAll(keepingCapacity: true)
        for field in fields.indices {
            values[field] = nil
            done[field] = false
            captureDepth[field] = 0
        }
        for field in fields.indices where fields[field].elements.isEmpty {
            readAttribute(of: reader, field: field)
        }
    }

    /// An element start inside the record.
    mutating func enter(reader: XMLTextReader) {
        let depth = Int(reader.depth) - recordDepth
        let isEmpty = reader.isEmptyElement
        truncate(toLevels: depth - 1)
        let parentRange = depth >= 2 && levelCount == depth - 1 ? levelStarts[depth - 2]..<candidateCount : 0..<0
        let start = candidateCount
        push(start, onto: &levelStarts, count: &levelCount)
        let localName = reader.localName
        let parentCount = depth == 1 ? elementFields.count : parentRange.count
        for offset in 0..<parentCount {
            let field = depth == 1 ? elementFields[offset] : candidates[parentRange.lowerBound + offset]
            let steps = stepCounts[field]
            // Names are interned, so a different pointer is a different local name and an equal pointer the
            // same one; the namespace URI is only compared (from the node itself, without a dictionary lookup)
            // when the local name matches.
            guard steps >= depth, stepLocalNames[stepOffsets[field] + depth - 1] == localName,
                XMLName.sameNamespace(
                    stepNamespaces[stepOffsets[field] + depth - 1],
                    reader.currentNode?.pointee.ns?.pointee.href)
            else { continue }
            push(field, onto: &candidates, count: &candidateCount)
            guard steps == depth, !done[field] else { continue }
            if endsAtAttribute[field] {
                readAttribute(of: reader, field: field)
            } else if isEmpty {
                done[field] = true
                values[field] = ""
            } else {
                done[field] = true
                captureDepth[field] = depth
                buffers[field].removeAll(keepingCapacity: true)
                capturing.append(field)
            }
        }
        if isEmpty {
            truncate(toLevels: depth - 1)
        }
    }

    /// An element end inside the record, at document depth `documentDepth`.
    mutating func leave(depth documentDepth: Int) {
        let depth = documentDepth - recordDepth
        if !capturing.isEmpty {
            capturing.removeAll { field in
                guard captureDepth[field] == depth else { return false }
                captureDepth[field] = 0
                values[field] = Self.trimmedText(buffers[field])
                return true
            }
        }
        truncate(toLevels: depth - 1)
    }

    /// Drops the candidate levels of elements deeper than `levels` below the record.
    @inline(__always)
    private mutating func truncate(toLevels levels: Int) {
        guard levelCount > levels, levels >= 0 else { return }
        candidateCount = levelStarts[levels]
        levelCount = levels
    }

    /// Appends to a buffer used as a stack, reusing its storage.
    @inline(__always)
    private func push(_ value: Int, onto buffer: inout [Int], count: inout Int) {
        if count < buffer.count {
            buffer[count] = value
        } else {
            buffer.append(value)
        }
        count += 1
    }

    /// Text, CDATA or whitespace inside the record.
    mutating func appendText(_ text: UnsafePointer<UInt8>?) {
        guard !capturing.isEmpty, let text else { return }
        let bytes = UnsafeBufferPointer(start: text, count: Int(xmlStrlen(text)))
        for field in capturing {
            buffers[field].append(contentsOf: bytes)
        }
    }

    /// An entity reference inside the record: it breaks the record when a field is being gathered.
    mutating func noteEntity(_ name: String) {
        guard let field = capturing.first, unexpandedEntity == nil else { return }
        unexpandedEntity = (name, field)
    }

    /// Reads the field's attribute from the current element.
    private mutating func readAttribute(of reader: XMLTextReader, field: Int) {
        guard let wanted = fields[field].attribute, let element = reader.currentNode,
            let found = XMLTree.attribute(of: element, named: wanted)
        else { return }
        done[field] = true
        values[field] = found.text
        if let entity = found.entity, unexpandedEntity == nil {
            unexpandedEntity = (entity, field)
        }
    }

    /// Decoded text with leading and trailing spaces, tabs and line breaks removed.
    static func trimmedText(_ bytes: [UInt8]) -> String {
        var start = 0
        var end = bytes.count
        while start < end, isSpace(bytes[start]) { start += 1 }
        while end > start, isSpace(bytes[end - 1]) { end -= 1 }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }
}
