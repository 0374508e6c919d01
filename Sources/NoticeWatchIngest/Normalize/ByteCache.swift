/// A small cache from byte strings to integers, for values that repeat a few hundred spellings millions of times
/// (country codes, labels): a hash of the bytes picks a slot, the stored bytes confirm the match.
///
/// Keys are compared byte for byte, so two spellings that differ in any byte (case, composed or decomposed
/// accents) are two entries, each holding what the `String` lookup gives for that very spelling. The cache stops
/// taking new keys after ``limit`` entries (a file of ever-new spellings then pays the lookup every time, in
/// bounded memory).
struct ByteCache {
    /// At most this many keys are kept.
    static let limit = 4096

    private struct Entry {
        var hash: UInt64
        var start: Int32
        var length: Int32
        var value: Int
    }

    private var slots: [Int32]
    private var entries: [Entry] = []
    private var keys: [UInt8] = []
    private var mask: Int

    /// An empty cache.
    init() {
        slots = Array(repeating: -1, count: 64)
        mask = 63
    }

    /// How many keys the cache holds.
    var count: Int { entries.count }

    /// FNV-1a over the bytes, eight at a time: fast for the short keys cached here.
    @inline(__always)
    static func hash(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        var index = 0
        let count = bytes.count
        while index + 8 <= count {
            hash = (hash ^ bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self)) &* 0x0000_0100_0000_01B3
            hash ^= hash >> 29
            index += 8
        }
        while index < count {
            hash = (hash ^ UInt64(bytes[index])) &* 0x0000_0100_0000_01B3
            index += 1
        }
        return hash ^ UInt64(count) &* 0x9E37_79B9_7F4A_7C15
    }

    /// The value stored for `bytes`, or `nil`.
    ///
    /// - Complexity: O(key length) expected.
    @inline(__always)
    func value(for bytes: UnsafeRawBufferPointer) -> Int? {
        let hash = ByteCache.hash(bytes)
        var slot = Int(truncatingIfNeeded: hash >> 7) & mask
        while true {
            let index = Int(slots[slot])
            if index < 0 { return nil }
            let entry = entries[index]
            if entry.hash == hash && Int(entry.length) == bytes.count && matches(entry, bytes) { return entry.value }
            slot = (slot + 1) & mask
        }
    }

    @inline(__always)
    private func matches(_ entry: Entry, _ bytes: UnsafeRawBufferPointer) -> Bool {
        keys.withUnsafeBytes { stored in
            guard bytes.count > 0 else { return true }
            return memcmpEqual(stored.baseAddress! + Int(entry.start), bytes.baseAddress!, bytes.count)
        }
    }

    /// Stores `value` for `bytes` (not already present), unless the cache is full.
    ///
    /// - Complexity: O(key length) amortized.
    mutating func insert(_ value: Int, for bytes: UnsafeRawBufferPointer) {
        guard entries.count < ByteCache.limit else { return }
        if (entries.count + 1) * 2 > slots.count { grow() }
        let hash = ByteCache.hash(bytes)
        entries.append(Entry(hash: hash, start: Int32(keys.count), length: Int32(bytes.count), value: value))
        keys.append(contentsOf: bytes)
        place(entries.count - 1, hash: hash)
    }

    private mutating func place(_ index: Int, hash: UInt64) {
        var slot = Int(truncatingIfNeeded: hash >> 7) & mask
        while slots[slot] >= 0 { slot = (slot + 1) & mask }
        slots[slot] = Int32(index)
    }

    private mutating func grow() {
        slots = Array(repeating: -1, count: slots.count * 2)
        mask = slots.count - 1
        for index in entries.indices { place(index, hash: entries[index].hash) }
    }
}
