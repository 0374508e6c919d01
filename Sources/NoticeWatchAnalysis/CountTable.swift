/// A key that packs into one 64-bit integer and back, below `UInt64.max`.
protocol PackedKey: Hashable, Sendable {
    /// The key as one integer; distinct keys pack to distinct integers.
    var packed: UInt64 { get }
    /// The key that packs to `packed`.
    init(packed: UInt64)
}

/// Counts by key, for the aggregate's few thousand keys counted millions of times.
///
/// An open-addressing table hashed by one multiplication (Fibonacci hashing) of the packed key, with linear
/// probing: a count costs a multiply and, nearly always, one compare, where a `Dictionary` hashes the key with
/// SipHash. The table only grows, at half full. It never reaches an output: ``dictionary`` hands the counts over,
/// and every figure sorts its rows.
struct CountTable<Key: PackedKey>: Sendable {
    /// Packed key + 1 per slot; 0 marks an empty slot.
    private var slots: [UInt64]
    private var counts: [Int]
    /// The number of keys held.
    private(set) var keyCount = 0
    /// 64 − log₂(capacity): the multiplied key's top bits pick the slot.
    private var shift: UInt64

    /// An empty table.
    init() {
        slots = [UInt64](repeating: 0, count: 64)
        counts = [Int](repeating: 0, count: 64)
        shift = 64 - 6
    }

    /// Adds `count` to `key`'s count.
    ///
    /// - Complexity: O(1) expected.
    @inline(__always)
    mutating func add(_ key: Key, _ count: Int = 1) {
        add(packed: key.packed, count)
    }

    private mutating func add(packed: UInt64, _ count: Int) {
        let stored = packed &+ 1
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: (stored &* 0x9E37_79B9_7F4A_7C15) >> shift)
        while true {
            let current = slots[slot]
            if current == stored {
                counts[slot] &+= count
                return
            }
            if current == 0 { break }
            slot = (slot + 1) & mask
        }
        slots[slot] = stored
        counts[slot] = count
        keyCount += 1
        if keyCount * 2 > slots.count { grow() }
    }

    /// Doubles the capacity and places every key again.
    private mutating func grow() {
        let (oldSlots, oldCounts) = (slots, counts)
        slots = [UInt64](repeating: 0, count: oldSlots.count * 2)
        counts = [Int](repeating: 0, count: oldSlots.count * 2)
        shift -= 1
        keyCount = 0
        for (stored, count) in zip(oldSlots, oldCounts) where stored != 0 { add(packed: stored &- 1, count) }
    }

    /// Adds every count of `other`.
    ///
    /// - Complexity: O(m) in the capacity of `other`.
    mutating func merge(_ other: CountTable) {
        for (stored, count) in zip(other.slots, other.counts) where stored != 0 { add(packed: stored &- 1, count) }
    }

    /// The counts by key.
    ///
    /// - Complexity: O(n) in the capacity.
    var dictionary: [Key: Int] {
        var result: [Key: Int] = [:]
        result.reserveCapacity(keyCount)
        for (stored, count) in zip(slots, counts) where stored != 0 { result[Key(packed: stored &- 1)] = count }
        return result
    }
}

extension CountTable: Hashable {
    /// Equal when they hold the same counts, whatever their capacity and insertion order.
    static func == (lhs: CountTable, rhs: CountTable) -> Bool {
        lhs.keyCount == rhs.keyCount && lhs.dictionary == rhs.dictionary
    }

    func hash(into hasher: inout Hasher) { hasher.combine(dictionary) }
}
