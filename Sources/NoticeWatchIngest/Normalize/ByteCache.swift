/// A small cache from byte strings to integers, for values that repeat a few hundred spellings millions of times
/// (country codes, labels): a hash of the bytes picks a slot, the stored bytes confirm the match.
///
/// Keys are compared byte for byte, so two spellings that differ in any byte (case, composed or decomposed
/// accents) are two entries, each holding what the `String` lookup gives for that very spelling. Keys of up to
/// 16 bytes (codes, most labels) are held in two words and compared as such. The cache takes no key longer than
/// ``longestKey`` and stops taking new keys after ``limit`` entries: such values pay the lookup every time, and
/// memory stays bounded whatever the file holds.
struct ByteCache {
    /// At most this many keys are kept.
    static let limit = 4096
    /// Keys longer than this many bytes are not kept.
    static let longestKey = 256

    private struct Entry {
        /// The first 16 bytes of the key, zero-padded.
        var head: (UInt64, UInt64)
        var hash: UInt64
        /// Where the bytes after the first 16 are in ``keys``, and the key's whole length.
        var start: Int32
        var length: Int32
        var value: Int
    }

    private var slots: [Int32]
    private var entries: [Entry] = []
    /// The bytes of long keys after their first 16.
    private var keys: [UInt8] = []
    private var mask: Int

    /// An empty cache.
    init() {
        slots = Array(repeating: -1, count: 64)
        mask = 63
    }

    /// How many keys the cache holds.
    var count: Int { entries.count }

    /// The first 16 bytes of `bytes` as two words, zero-padded (read without touching memory past the end).
    @inline(__always)
    static func head(_ bytes: UnsafeRawBufferPointer) -> (UInt64, UInt64) {
        let count = bytes.count
        #if _endian(little)
            if count >= 16 {
                return (
                    bytes.loadUnaligned(fromByteOffset: 0, as: UInt64.self),
                    bytes.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
                )
            }
            if count >= 8 {
                let tail = bytes.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self) >> UInt64((16 - count) * 8)
                return (bytes.loadUnaligned(fromByteOffset: 0, as: UInt64.self), tail)
            }
            if count >= 4 {
                let low = UInt64(bytes.loadUnaligned(fromByteOffset: 0, as: UInt32.self))
                let high = UInt64(bytes.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self))
                return (low | high << UInt64((count - 4) * 8), 0)
            }
        #endif
        var words: (UInt64, UInt64) = (0, 0)
        for index in 0..<min(count, 16) {
            if index < 8 {
                words.0 |= UInt64(bytes[index]) << UInt64(index * 8)
            } else {
                words.1 |= UInt64(bytes[index]) << UInt64((index - 8) * 8)
            }
        }
        return words
    }

    /// A hash of the key from its head, its length and (for long keys) the rest of its bytes.
    @inline(__always)
    static func hash(_ head: (UInt64, UInt64), _ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var hash = (head.0 ^ UInt64(bytes.count)) &* 0x9E37_79B9_7F4A_7C15
        hash = (hash ^ (hash >> 29) ^ head.1) &* 0xBF58_476D_1CE4_E5B9
        var index = 16
        while index < bytes.count {
            hash = (hash ^ UInt64(bytes[index])) &* 0x0000_0100_0000_01B3
            index += 1
        }
        return hash ^ (hash >> 31)
    }

    /// The value stored for `bytes`, or `nil`.
    ///
    /// - Complexity: O(key length) expected.
    @inline(__always)
    func value(for bytes: UnsafeRawBufferPointer) -> Int? {
        let head = ByteCache.head(bytes)
        let hash = ByteCache.hash(head, bytes)
        return slots.withUnsafeBufferPointer { slots in
            entries.withUnsafeBufferPointer { entries in
                var slot = Int(truncatingIfNeeded: hash) & mask
                while true {
                    let index = Int(slots[slot])
                    if index < 0 { return nil }
                    let entry = entries[index]
                    if entry.hash == hash && entry.head == head && Int(entry.length) == bytes.count
                        && (bytes.count <= 16 || rest(of: entry, matches: bytes))
                    {
                        return entry.value
                    }
                    slot = (slot + 1) & mask
                }
            }
        }
    }

    private func rest(of entry: Entry, matches bytes: UnsafeRawBufferPointer) -> Bool {
        keys.withUnsafeBytes { stored in
            memcmpEqual(stored.baseAddress! + Int(entry.start), bytes.baseAddress! + 16, bytes.count - 16)
        }
    }

    /// Stores `value` for `bytes` (not already present), unless the cache is full or the key too long.
    ///
    /// - Complexity: O(key length) amortized.
    mutating func insert(_ value: Int, for bytes: UnsafeRawBufferPointer) {
        guard entries.count < ByteCache.limit, bytes.count <= ByteCache.longestKey else { return }
        if (entries.count + 1) * 2 > slots.count { grow() }
        let head = ByteCache.head(bytes)
        let hash = ByteCache.hash(head, bytes)
        entries.append(
            Entry(head: head, hash: hash, start: Int32(keys.count), length: Int32(bytes.count), value: value))
        if bytes.count > 16 { keys.append(contentsOf: bytes[16...]) }
        place(entries.count - 1, hash: hash)
    }

    private mutating func place(_ index: Int, hash: UInt64) {
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] >= 0 { slot = (slot + 1) & mask }
        slots[slot] = Int32(index)
    }

    private mutating func grow() {
        slots = Array(repeating: -1, count: slots.count * 2)
        mask = slots.count - 1
        for index in entries.indices { place(index, hash: entries[index].hash) }
    }
}
