import NoticeWatchModel

/// The requested JSON field paths as a tree, so a record is walked once and only requested values are kept.
///
/// A path is dotted keys with array indexes: `entity_id`, `decision.date`, `arrest_warrants[0].issuing_country_id`,
/// `nationalities[1]`. Node 0 is the record object itself.
struct JSONPathTrie: Sendable {
    /// One step of a path.
    enum Step: Hashable, Sendable {
        case key([UInt8])
        case index(Int)
    }

    struct Node: Sendable {
        /// Children reached by an object key, compared byte for byte.
        var keys: [(key: [UInt8], node: Int)] = []
        /// Children reached by an array index.
        var indexes: [(index: Int, node: Int)] = []
        /// The positions in the requested field list whose value is this node's value (the same path may be
        /// requested twice).
        var fields: [Int] = []
        var hasChildren: Bool { !keys.isEmpty || !indexes.isEmpty }
    }

    private(set) var nodes: [Node] = [Node()]
    let fieldCount: Int

    /// A node as the parser reads it per value: plain numbers, no references.
    struct NodeInfo: Sendable {
        /// The node's children by key: a range of ``keyEntries``.
        var keyStart: Int32 = 0
        var keyEnd: Int32 = 0
        /// The first requested field at this node, -1 for none.
        var firstField: Int32 = -1
        /// Whether more than one field is requested at this node (see ``Node/fields``).
        var sharedValue = false
        var hasChildren = false
        /// Bit `n % 64` is set when a child key is `n` bytes long: most other keys are turned away by it alone.
        var keyLengths: UInt64 = 0
        /// The node's hash table of child keys: a range of ``keySlots`` whose size (a power of two) is
        /// `slotMask + 1`; empty when the node has no child key.
        var slotStart: Int32 = 0
        var slotMask: Int32 = -1
        /// The node's children by array index: a range of ``indexEntries``.
        var indexStart: Int32 = 0
        var indexEnd: Int32 = 0
    }

    /// A child reached by a key: its bytes are ``keyBytes`` from `start`, `length` long; `head` holds the first
    /// eight of them (zero-padded) and `tail` the last eight of a longer key (0 otherwise), so keys of up to 16
    /// bytes are compared in two words.
    struct KeyEntry: Sendable {
        var head: UInt64
        var tail: UInt64
        var start: Int32
        var length: Int32
        var node: Int32
    }

    /// Per node, what the parser reads for every value.
    private(set) var info: [NodeInfo] = []
    /// The keys of every node's children, node after node.
    private(set) var keyEntries: [KeyEntry] = []
    private(set) var keyBytes: [UInt8] = []
    /// Every node's hash table of child keys, node after node: a position in ``keyEntries``, -1 for an empty
    /// slot. Tables are at most half full, so a key that is no child ends its probe at an empty slot soon.
    private(set) var keySlots: [Int32] = []
    /// The array indexes of every node's children, node after node.
    private(set) var indexEntries: [(index: Int, node: Int32)] = []

    /// Builds the tree from the requested paths, in the order their values are returned.
    ///
    /// - Throws: ``IngestError`` `sources-file-invalid-field-path` for an empty path, an empty key (`a..b`) or a
    ///   bad index (`a[x]`, `a[-1]`, `a[0`).
    /// - Complexity: O(total length of the paths × keys per node).
    init(paths: [String], displayPath: String) throws(IngestError) {
        fieldCount = paths.count
        for (field, path) in paths.enumerated() {
            guard let steps = Self.steps(of: path) else {
                throw IngestError(
                    code: .sourcesFileInvalidFieldPath,
                    message: "`\(path)` is not a JSON field path (dotted keys with [n] indexes, such as "
                        + "`arrest_warrants[0].issuing_country_id`), for \(displayPath)"
                )
            }
            var node = 0
            for step in steps {
                node = child(of: node, step: step)
            }
            nodes[node].fields.append(field)
        }
        for node in nodes {
            var entry = NodeInfo()
            entry.keyStart = Int32(keyEntries.count)
            for (key, child) in node.keys {
                let (head, tail) = key.withUnsafeBytes { Self.words($0) }
                keyEntries.append(
                    KeyEntry(
                        head: head, tail: tail, start: Int32(keyBytes.count), length: Int32(key.count),
                        node: Int32(child)))
                keyBytes.append(contentsOf: key)
                entry.keyLengths |= 1 << UInt64(key.count % 64)
            }
            entry.keyEnd = Int32(keyEntries.count)
            if !node.keys.isEmpty {
                var size = 2
                while size < node.keys.count * 2 { size *= 2 }
                entry.slotStart = Int32(keySlots.count)
                entry.slotMask = Int32(size - 1)
                keySlots.append(contentsOf: repeatElement(-1, count: size))
                for position in Int(entry.keyStart)..<Int(entry.keyEnd) {
                    let key = keyEntries[position]
                    var slot = Self.slot(head: key.head, length: Int(key.length), mask: size - 1)
                    while keySlots[Int(entry.slotStart) + slot] >= 0 { slot = (slot + 1) & (size - 1) }
                    keySlots[Int(entry.slotStart) + slot] = Int32(position)
                }
            }
            entry.indexStart = Int32(indexEntries.count)
            indexEntries.append(contentsOf: node.indexes.map { ($0.index, Int32($0.node)) })
            entry.indexEnd = Int32(indexEntries.count)
            entry.firstField = Int32(node.fields.first ?? -1)
            entry.sharedValue = node.fields.count > 1
            entry.hasChildren = node.hasChildren
            info.append(entry)
        }
    }

    private mutating func child(of node: Int, step: Step) -> Int {
        switch step {
        case .key(let key):
            if let found = nodes[node].keys.first(where: { $0.key == key }) { return found.node }
            nodes.append(Node())
            nodes[node].keys.append((key, nodes.count - 1))
        case .index(let index):
            if let found = nodes[node].indexes.first(where: { $0.index == index }) { return found.node }
            nodes.append(Node())
            nodes[node].indexes.append((index, nodes.count - 1))
        }
        return nodes.count - 1
    }

    /// The steps of a path, or `nil` when it is not well formed.
    static func steps(of path: String) -> [Step]? {
        var steps: [Step] = []
        for component in path.split(separator: ".", omittingEmptySubsequences: false) {
            var rest = Substring(component)
            let keyEnd = rest.firstIndex(of: "[") ?? rest.endIndex
            let key = rest[..<keyEnd]
            guard !key.isEmpty else { return nil }
            steps.append(.key(Array(key.utf8)))
            rest = rest[keyEnd...]
            while !rest.isEmpty {
                guard rest.first == "[", let close = rest.firstIndex(of: "]") else { return nil }
                let digits = rest[rest.index(after: rest.startIndex)..<close]
                guard !digits.isEmpty, digits.allSatisfy(\.isASCII), let index = Int(digits), index >= 0 else {
                    return nil
                }
                steps.append(.index(index))
                rest = rest[rest.index(after: close)...]
            }
        }
        return steps.isEmpty ? nil : steps
    }

    /// The slot where the search for a key starts in a table of `mask + 1` slots.
    @inline(__always)
    static func slot(head: UInt64, length: Int, mask: Int) -> Int {
        let hash = (head ^ UInt64(truncatingIfNeeded: length)) &* 0x9E37_79B9_7F4A_7C15
        return Int(truncatingIfNeeded: hash &>> 40) & mask
    }

    /// The first eight bytes of a key (zero-padded) and, for a key longer than eight bytes, its last eight.
    @inline(__always)
    static func words(_ key: UnsafeRawBufferPointer) -> (head: UInt64, tail: UInt64) {
        let count = key.count
        guard count > 8 else { return (ByteCache.head(key).0, 0) }
        return (JSONWord.load(key.baseAddress!, 0), JSONWord.load(key.baseAddress!, count &- 8))
    }

    /// The child for a key, compared against raw key bytes.
    ///
    /// - Complexity: O(1) probes on average (tables are at most half full), plus the key's length.
    @inline(__always)
    func child(of node: Int, key: UnsafeRawBufferPointer) -> Int? {
        let (head, tail) = Self.words(key)
        return child(of: node, key: key, head: head, tail: tail)
    }

    /// The child for a key whose ``words(_:)`` are `head` and `tail`.
    @inline(__always)
    func child(of node: Int, key: UnsafeRawBufferPointer, head: UInt64, tail: UInt64) -> Int? {
        let entry = info[node]
        let length = key.count
        guard entry.keyLengths & (1 &<< UInt64(truncatingIfNeeded: length & 63)) != 0 else { return nil }
        let mask = Int(entry.slotMask)
        return keySlots.withUnsafeBufferPointer { slots in
            keyEntries.withUnsafeBufferPointer { entries in
                var slot = Self.slot(head: head, length: length, mask: mask)
                while true {
                    let position = Int(slots[Int(entry.slotStart) &+ slot])
                    guard position >= 0 else { return nil }
                    let candidate = entries[position]
                    if candidate.head == head && candidate.tail == tail && Int(candidate.length) == length
                        && (length <= 16
                            || keyBytes.withUnsafeBytes {
                                memcmpEqual(
                                    $0.baseAddress! + Int(candidate.start) + 8, key.baseAddress! + 8, length - 16)
                            })
                    {
                        return Int(candidate.node)
                    }
                    slot = (slot &+ 1) & mask
                }
            }
        }
    }

    /// The child for an array index.
    @inline(__always)
    func child(of node: Int, index: Int) -> Int? {
        let entry = info[node]
        for position in Int(entry.indexStart)..<Int(entry.indexEnd) where indexEntries[position].index == index {
            return Int(indexEntries[position].node)
        }
        return nil
    }
}

/// Whether two byte ranges of the same length are equal.
@inline(__always)
func memcmpEqual(_ lhs: UnsafeRawPointer?, _ rhs: UnsafeRawPointer?, _ count: Int) -> Bool {
    guard count > 0 else { return true }
    guard let lhs, let rhs else { return false }
    var offset = 0
    while offset + 8 <= count {
        if lhs.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            != rhs.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
        {
            return false
        }
        offset += 8
    }
    while offset < count {
        if lhs.load(fromByteOffset: offset, as: UInt8.self) != rhs.load(fromByteOffset: offset, as: UInt8.self) {
            return false
        }
        offset += 1
    }
    return true
}
