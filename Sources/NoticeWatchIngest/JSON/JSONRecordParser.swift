/// Validates the bytes of one JSON record and extracts the requested values, without building dictionaries.
///
/// The parser walks the record once: keys on a requested path are followed, everything else is checked for
/// syntax and skipped. Strings are unescaped only when returned; numbers and booleans come out as their literal
/// text, `null` as `nil`, an object or array as its compact JSON text. For a key that appears twice in one
/// object, the first occurrence wins.
struct JSONRecordParser {
    /// Deepest nesting accepted, so a hostile record cannot exhaust the stack.
    static let maximumDepth = 512

    private(set) var bytes: UnsafeRawBufferPointer
    let trie: JSONPathTrie
    let fieldPaths: [String]
    /// How the end of the bytes reads in messages: `end of line` (NDJSON) or `end of file` (array documents).
    let endName: String
    var position = 0
    /// The requested values found, one slot per field path, as UTF-8 bytes.
    private(set) var output: RecordFields
    /// Which trie nodes were already met in this record (first occurrence wins): bit `n` for node `n` below 64,
    /// ``seenBeyond`` for the others.
    var seen: UInt64 = 0
    var seenBeyond: [Bool]
    var scratch: [UInt8] = []
    /// Per trie node, the keys met at its first ``keyMemosPerNode`` member positions (see ``JSONKeyMemo``).
    var keyMemos: [JSONKeyMemo]
    static let keyMemosPerNode = 16

    /// A parser over `bytes`, writing the values into `output` (a new storage when `nil`).
    init(
        bytes: UnsafeRawBufferPointer, trie: JSONPathTrie, fieldPaths: [String], endName: String,
        output: RecordFields? = nil
    ) {
        self.bytes = bytes
        self.trie = trie
        self.fieldPaths = fieldPaths
        self.endName = endName
        self.output = output ?? RecordFields(count: trie.fieldCount)
        self.output.clear(slots: trie.fieldCount)
        seenBeyond = Array(repeating: false, count: max(trie.nodes.count - 64, 0))
        keyMemos = Array(repeating: JSONKeyMemo(), count: trie.nodes.count * Self.keyMemosPerNode)
    }

    /// Starts over on the next record's bytes, with the values cleared, keeping the storage (or writing into
    /// `output` from now on, when given) and the keys remembered.
    mutating func reset(bytes: UnsafeRawBufferPointer, output storage: RecordFields? = nil) {
        self.bytes = bytes
        if let storage { output = storage }
        position = 0
        output.clear(slots: trie.fieldCount)
        seen = 0
        if !seenBeyond.isEmpty {
            for index in seenBeyond.indices { seenBeyond[index] = false }
        }
    }

    /// The values found, as text, one per field path.
    var values: [String?] { output.strings }

    /// Parses the whole byte range as one record object, with only whitespace around it.
    ///
    /// - Throws: ``JSONRecordFault`` `unexpected-json-shape` when the value is not an object, `malformed-json`
    ///   for a syntax error, `invalid-utf8` for a returned string that is not UTF-8.
    /// - Complexity: O(n) in the record's bytes.
    mutating func parseRecord() throws(JSONRecordFault) {
        skipWhitespace()
        let first = try current()
        guard first == UInt8(ascii: "{") else {
            try parseValue(node: nil, depth: 0)
            throw JSONRecordFault(
                code: "unexpected-json-shape",
                message: "expected a record object, found \(Self.kind(of: first))",
                offset: 0
            )
        }
        try parseValue(node: 0, depth: 0)
        skipWhitespace()
        if position < bytes.count {
            throw .malformed("unexpected \(describeJSONByte(bytes[position])) after the record", at: position)
        }
    }

    /// The JSON kind a value starting with `byte` has, for messages.
    static func kind(of byte: UInt8) -> String {
        switch byte {
        case UInt8(ascii: "{"): "an object"
        case UInt8(ascii: "["): "an array"
        case UInt8(ascii: "\""): "a string"
        case UInt8(ascii: "t"), UInt8(ascii: "f"): "a boolean"
        case UInt8(ascii: "n"): "null"
        default: "a number"
        }
    }

    // MARK: - Values

    @inline(__always)
    mutating func skipWhitespace() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x0A, 0x0D, 0x09: position += 1
            default: return
            }
        }
    }

    @inline(__always)
    func current() throws(JSONRecordFault) -> UInt8 {
        guard position < bytes.count else { throw Self.end(endName, at: position) }
        return bytes[position]
    }

    /// The fault for bytes that end at `offset` where more was expected.
    @inline(never)
    static func end(_ endName: String, at offset: Int) -> JSONRecordFault {
        .malformed("unexpected \(endName)", at: offset)
    }

    /// Parses one value; `node` is the trie node it sits at, or `nil` when nothing under it is requested.
    mutating func parseValue(node: Int?, depth: Int) throws(JSONRecordFault) {
        guard let node else { return try skipValue(depth: depth) }
        let start = position
        let info = trie.info[node]
        let descend = info.hasChildren ? node : nil
        let first = info.firstField >= 0 ? Int(info.firstField) : nil
        switch try current() {
        case UInt8(ascii: "{"):
            guard depth < Self.maximumDepth else { throw .malformed("nesting deeper than 512 levels", at: start) }
            try parseObject(node: descend, depth: depth + 1)
            if let first { try storeCompact(from: start, field: first) }
        case UInt8(ascii: "["):
            guard depth < Self.maximumDepth else { throw .malformed("nesting deeper than 512 levels", at: start) }
            try parseArray(node: descend, depth: depth + 1)
            if let first { try storeCompact(from: start, field: first) }
        case UInt8(ascii: "\""):
            let string = try scanString()
            if let first { try storeString(string, field: first) }
        case UInt8(ascii: "t"):
            try expectLiteral("true")
            if let first { output.refer(first, to: UnsafeRawBufferPointer(rebasing: bytes[start..<position])) }
        case UInt8(ascii: "f"):
            try expectLiteral("false")
            if let first { output.refer(first, to: UnsafeRawBufferPointer(rebasing: bytes[start..<position])) }
        case UInt8(ascii: "n"):
            try expectLiteral("null")
            if let first { output.set(first, nil as String?) }
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            try scanNumber()
            if let first { output.refer(first, to: UnsafeRawBufferPointer(rebasing: bytes[start..<position])) }
        case let other:
            throw .malformed("unexpected \(describeJSONByte(other)) where a value was expected", at: start)
        }
        if let first, info.sharedValue {
            for field in trie.nodes[node].fields.dropFirst() { output.copy(first, to: field) }
        }
    }

    /// Checks the syntax of a value nothing under which is requested, and moves past it.
    mutating func skipValue(depth: Int) throws(JSONRecordFault) {
        let start = position
        switch try current() {
        case UInt8(ascii: "\""):
            _ = try scanString()
        case UInt8(ascii: "{"):
            guard depth < Self.maximumDepth else { throw .malformed("nesting deeper than 512 levels", at: start) }
            try parseObject(node: nil, depth: depth + 1)
        case UInt8(ascii: "["):
            guard depth < Self.maximumDepth else { throw .malformed("nesting deeper than 512 levels", at: start) }
            try parseArray(node: nil, depth: depth + 1)
        case UInt8(ascii: "t"):
            try expectLiteral("true")
        case UInt8(ascii: "f"):
            try expectLiteral("false")
        case UInt8(ascii: "n"):
            try expectLiteral("null")
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            try scanNumber()
        case let other:
            throw .malformed("unexpected \(describeJSONByte(other)) where a value was expected", at: start)
        }
    }

    mutating func parseObject(node: Int?, depth: Int) throws(JSONRecordFault) {
        position += 1
        skipWhitespace()
        if try current() == UInt8(ascii: "}") {
            position += 1
            return
        }
        var ordinal = 0
        while true {
            guard try current() == UInt8(ascii: "\"") else {
                throw Self.missing("a string key", found: bytes[position], at: position)
            }
            // The memo of this member position, when the object is requested and the position has one.
            let memo = node.flatMap { ordinal < Self.keyMemosPerNode ? $0 &* Self.keyMemosPerNode &+ ordinal : nil }
            var key: JSONStringSpan?
            var found: Int?
            var colonRead = false
            if let memo, keyMemos[memo].matches(bytes.baseAddress!, at: position &+ 1, count: bytes.count) {
                position &+= 1 &+ keyMemos[memo].length
                found = keyMemos[memo].child
                colonRead = keyMemos[memo].hasColon
            } else {
                key = try scanString()
            }
            if !colonRead {
                skipWhitespace()
                guard try current() == UInt8(ascii: ":") else {
                    throw Self.missing("':' after an object key", found: bytes[position], at: position)
                }
                position += 1
            }
            skipWhitespace()
            if let node, let key {
                if key.hasEscapes {
                    found = try escapedChild(key, in: node)
                } else {
                    found = plainChild(key, in: node)
                    if let memo,
                        let made = JSONKeyMemo(
                            bytes.baseAddress!, start: key.start, end: key.end, count: bytes.count, child: found)
                    {
                        keyMemos[memo] = made
                    }
                }
            }
            if let found, firstMeeting(found) {
                let info = trie.info[found]
                if !info.sharedValue && position < bytes.count && bytes[position] == UInt8(ascii: "\"") {
                    // A requested string, the usual requested value, stored without going through `parseValue`.
                    let string = try scanString()
                    if info.firstField >= 0 { try storeString(string, field: Int(info.firstField)) }
                } else {
                    try parseValue(node: found, depth: depth)
                }
            } else if position < bytes.count && bytes[position] == UInt8(ascii: "\"") {
                // The usual value nothing is requested from: a string, checked in place.
                _ = try scanString()
            } else {
                try skipValue(depth: depth)
            }
            ordinal &+= 1
            skipWhitespace()
            switch try current() {
            case UInt8(ascii: ","):
                position += 1
                skipWhitespace()
            case UInt8(ascii: "}"):
                position += 1
                return
            default:
                throw Self.missing("',' or '}' after an object member", found: bytes[position], at: position)
            }
        }
    }

    /// The fault for `byte`, found at `offset` instead of what was `expected`.
    @inline(never)
    private static func missing(_ expected: String, found byte: UInt8, at offset: Int) -> JSONRecordFault {
        .malformed("expected \(expected), found \(describeJSONByte(byte))", at: offset)
    }

    mutating func parseArray(node: Int?, depth: Int) throws(JSONRecordFault) {
        position += 1
        skipWhitespace()
        if try current() == UInt8(ascii: "]") {
            position += 1
            return
        }
        var index = 0
        while true {
            if let element = node.flatMap({ trie.child(of: $0, index: index) }) {
                try parseValue(node: element, depth: depth)
            } else if position < bytes.count && bytes[position] == UInt8(ascii: "\"") {
                // An element nothing is requested from that is a string, checked in place.
                _ = try scanString()
            } else {
                try skipValue(depth: depth)
            }
            index += 1
            skipWhitespace()
            switch try current() {
            case UInt8(ascii: ","):
                position += 1
                skipWhitespace()
            case UInt8(ascii: "]"):
                position += 1
                return
            default:
                throw Self.missing("',' or ']' after an array element", found: bytes[position], at: position)
            }
        }
    }

    /// The child of `node` that `key` (without escapes) names, or `nil`.
    @inline(__always)
    private mutating func plainChild(_ key: JSONStringSpan, in node: Int) -> Int? {
        let length = key.end &- key.start
        let content = UnsafeRawBufferPointer(rebasing: bytes[key.start..<key.end])
        guard key.start &+ 8 <= bytes.count else { return trie.child(of: node, key: content) }
        // The key's first eight bytes (zero past its end) are loaded at once: the bytes after it are in the record.
        let base = bytes.baseAddress!
        let head = JSONWord.load(base, key.start) & JSONWord.lowBytes(length)
        let tail = length > 8 ? JSONWord.load(base, key.end &- 8) : 0
        return trie.child(of: node, key: content, head: head, tail: tail)
    }

    /// The child of `node` that `key` (with escapes) names once unescaped, or `nil`.
    ///
    /// - Throws: `malformed-json` for an unpaired surrogate.
    @inline(never)
    private mutating func escapedChild(_ key: JSONStringSpan, in node: Int) throws(JSONRecordFault) -> Int? {
        try unescape(key)
        let decoded = scratch
        return decoded.withUnsafeBytes { trie.child(of: node, key: $0) }
    }

    /// Whether this is the first time `node` is met in the record (it is then marked as met).
    @inline(__always)
    private mutating func firstMeeting(_ node: Int) -> Bool {
        if node < 64 {
            let bit: UInt64 = 1 &<< UInt64(truncatingIfNeeded: node)
            defer { seen |= bit }
            return seen & bit == 0
        }
        defer { seenBeyond[node - 64] = true }
        return !seenBeyond[node - 64]
    }

    private mutating func expectLiteral(_ literal: StaticString) throws(JSONRecordFault) {
        let start = position
        let length = literal.utf8CodeUnitCount
        guard position + length <= bytes.count,
            memcmpEqual(bytes.baseAddress! + position, literal.utf8Start, length)
        else {
            if position + length > bytes.count,
                memcmpEqual(bytes.baseAddress! + position, literal.utf8Start, bytes.count - position)
            {
                throw .malformed("unexpected \(endName)", at: bytes.count)
            }
            throw .malformed("invalid literal, expected `\(literal)`", at: start)
        }
        position += length
    }

    private mutating func scanNumber() throws(JSONRecordFault) {
        let start = position
        if bytes[position] == UInt8(ascii: "-") { position += 1 }
        guard position < bytes.count, isDigit(bytes[position]) else {
            throw .malformed("invalid number", at: start)
        }
        if bytes[position] == UInt8(ascii: "0") {
            position += 1
        } else {
            while position < bytes.count, isDigit(bytes[position]) { position += 1 }
        }
        if position < bytes.count, bytes[position] == UInt8(ascii: ".") {
            position += 1
            guard position < bytes.count, isDigit(bytes[position]) else {
                throw .malformed("invalid number", at: start)
            }
            while position < bytes.count, isDigit(bytes[position]) { position += 1 }
        }
        if position < bytes.count, bytes[position] | 0x20 == UInt8(ascii: "e") {
            position += 1
            if position < bytes.count, bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-") {
                position += 1
            }
            guard position < bytes.count, isDigit(bytes[position]) else {
                throw .malformed("invalid number", at: start)
            }
            while position < bytes.count, isDigit(bytes[position]) { position += 1 }
        }
    }

    @inline(__always)
    private func isDigit(_ byte: UInt8) -> Bool { byte &- UInt8(ascii: "0") < 10 }
}
