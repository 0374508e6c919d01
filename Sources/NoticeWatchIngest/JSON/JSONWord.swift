/// Tests on eight bytes at once for the JSON scanner, on words read little-endian (the first byte lowest).
///
/// Each test returns the high bit of every byte that passes it. The lowest bit set is exact: it marks the first
/// byte that passes; bits above it may be set for bytes that do not (a borrow from the byte found runs upward).
/// Only the first match is ever used.
enum JSONWord {
    static let ones: UInt64 = 0x0101_0101_0101_0101
    static let highs: UInt64 = 0x8080_8080_8080_8080

    /// The eight bytes from `offset`, which must have eight bytes after it.
    @inline(__always)
    static func load(_ base: UnsafeRawPointer, _ offset: Int) -> UInt64 {
        UInt64(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
    }

    /// The bytes from `offset` to `end` (one to seven of them), zero above them, read without going past `end`.
    @inline(__always)
    static func load(_ base: UnsafeRawPointer, from offset: Int, end: Int) -> UInt64 {
        if end >= 8 {
            // The eight bytes before `end`, shifted so that the byte at `offset` comes first.
            return load(base, end &- 8) &>> UInt64(truncatingIfNeeded: (offset &+ 8 &- end) &* 8)
        }
        var word: UInt64 = 0
        for index in offset..<end {
            word |= UInt64(base.load(fromByteOffset: index, as: UInt8.self)) &<< UInt64((index &- offset) &* 8)
        }
        return word
    }

    /// The bits of the first `count` bytes (0 to 8).
    @inline(__always)
    static func lowBytes(_ count: Int) -> UInt64 {
        count >= 8 ? ~0 : (1 &<< UInt64(truncatingIfNeeded: count &* 8)) &- 1
    }

    /// Bytes that end the plain run of a JSON string: `"`, `\` and control characters (below 0x20).
    @inline(__always)
    static func stringStops(_ word: UInt64) -> UInt64 {
        let below = word &- ones &* 0x20
        let quote = (word ^ ones &* 0x22) &- ones
        let backslash = (word ^ ones &* 0x5C) &- ones
        // `"` and `\` have their high bit clear, so `~(word ^ c)` and `~word` agree on the high bits.
        return (below | quote | backslash) & ~word & highs
    }

    /// The position (0 to 7) of the byte that the lowest bit of a non-zero test result marks.
    @inline(__always)
    static func firstByte(_ bits: UInt64) -> Int {
        bits.trailingZeroBitCount &>> 3
    }
}
