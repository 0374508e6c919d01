import NoticeWatchModel

extension RecordNormalizer {
    /// `bytes` (valid UTF-8) without leading and trailing white space, as ``TextFolding/trim(_:)`` trims text:
    /// the same scalars (ASCII spaces and line breaks, no-break spaces, the other Unicode `White_Space`) are
    /// dropped, on the bytes.
    ///
    /// - Complexity: O(1) when the value starts and ends with a non-space ASCII byte, else O(spaces trimmed).
    ///
    /// Invariant: the result is a sub-range of `bytes`, a borrowed view of the reader's field buffer, so it is
    /// valid exactly as long as `bytes` (the normalization of one record); nothing is allocated or freed.
    @inline(__always)
    static func trim(_ bytes: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer {
        let count = bytes.count
        guard count > 0 else { return bytes }
        let first = bytes[0]
        let last = bytes[count - 1]
        if first > 0x20 && first < 0x80 && last > 0x20 && last < 0x80 { return bytes }
        return trimSlowly(bytes)
    }

    private static func trimSlowly(_ bytes: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer {
        var start = 0
        var end = bytes.count
        while start < end {
            let (scalar, length) = scalar(in: bytes, at: start)
            guard TextFolding.isSpace(scalar) else { break }
            start += length
        }
        while end > start {
            var lead = end - 1
            while lead > start && bytes[lead] & 0xC0 == 0x80 { lead -= 1 }
            guard TextFolding.isSpace(scalar(in: bytes, at: lead).0) else { break }
            end = lead
        }
        return UnsafeRawBufferPointer(rebasing: bytes[start..<end])
    }

    /// The scalar whose UTF-8 starts at `index` of well-formed `bytes`, and its length in bytes.
    private static func scalar(in bytes: UnsafeRawBufferPointer, at index: Int) -> (Unicode.Scalar, Int) {
        let lead = bytes[index]
        let length: Int
        var value: UInt32
        switch lead {
        case 0..<0x80: return (Unicode.Scalar(lead), 1)
        case 0xC0..<0xE0: (length, value) = (2, UInt32(lead & 0x1F))
        case 0xE0..<0xF0: (length, value) = (3, UInt32(lead & 0x0F))
        default: (length, value) = (4, UInt32(lead & 0x07))
        }
        var offset = 1
        while offset < length && index + offset < bytes.count {
            value = value << 6 | UInt32(bytes[index + offset] & 0x3F)
            offset += 1
        }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", offset)
    }
}
