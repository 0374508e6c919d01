import NoticeWatchModel

/// Bytes being assembled for a file, with the small formatting helpers the writers need.
///
/// Numbers and dates are formatted by hand (no `String(format:)`, no locale), so output is the same
/// everywhere and formatting a million rows stays cheap. The buffer also counts the line feeds appended, so
/// writers can note the physical line of a planted row.
struct ByteBuffer {
    /// The bytes so far.
    private(set) var bytes: [UInt8] = []
    /// Line feeds appended so far; the line being written is `lineFeeds + 1`.
    private(set) var lineFeeds = 0

    init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    /// The 1-based number of the line the next byte lands on.
    var currentLine: Int { lineFeeds + 1 }

    /// Appends the UTF-8 bytes of `text`.
    ///
    /// - Complexity: O(n) in the length of `text`.
    mutating func append(_ text: String) {
        for byte in text.utf8 {
            if byte == 0x0A { lineFeeds += 1 }
            bytes.append(byte)
        }
    }

    /// Appends raw bytes, counting line feeds among them.
    mutating func append(bytes more: [UInt8]) {
        for byte in more where byte == 0x0A { lineFeeds += 1 }
        bytes.append(contentsOf: more)
    }

    /// Appends one byte.
    mutating func append(byte: UInt8) {
        if byte == 0x0A { lineFeeds += 1 }
        bytes.append(byte)
    }

    /// Appends a non-negative integer in decimal, left-padded with zeros to `width` digits.
    mutating func append(number: Int, width: Int = 1) {
        precondition(number >= 0, "only non-negative numbers are formatted")
        var digits:
            (
                UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8
            ) =
                (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        var rest = number
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                buffer[count] = UInt8(truncatingIfNeeded: 0x30 + rest % 10)
                rest /= 10
                count += 1
            } while rest > 0
            var padding = width - count
            while padding > 0 {
                bytes.append(0x30)
                padding -= 1
            }
            var index = count - 1
            while index >= 0 {
                bytes.append(buffer[index])
                index -= 1
            }
        }
    }

    /// Appends a full date in the given layout.
    mutating func append(date: CivilDate, _ layout: DateLayout) {
        switch layout {
        case .iso:
            append(number: date.year, width: 4)
            append(byte: 0x2D)
            append(number: date.month, width: 2)
            append(byte: 0x2D)
            append(number: date.day, width: 2)
        case .slashYearFirst:
            append(number: date.year, width: 4)
            append(byte: 0x2F)
            append(number: date.month, width: 2)
            append(byte: 0x2F)
            append(number: date.day, width: 2)
        case .slashDayFirst, .dotDayFirst:
            let separator: UInt8 = layout == .slashDayFirst ? 0x2F : 0x2E
            append(number: date.day, width: 2)
            append(byte: separator)
            append(number: date.month, width: 2)
            append(byte: separator)
            append(number: date.year, width: 4)
        }
    }

    /// Appends `text` as a JSON string literal, quotes included, escaping `"`, `\` and control characters.
    mutating func append(jsonString text: String) {
        append(byte: 0x22)
        for byte in text.utf8 {
            switch byte {
            case 0x22: append("\\\"")
            case 0x5C: append("\\\\")
            case 0x0A: append("\\n")
            case 0x00..<0x20:
                append("\\u00")
                let hex: [UInt8] = Array("0123456789abcdef".utf8)
                append(byte: hex[Int(byte >> 4)])
                append(byte: hex[Int(byte & 0x0F)])
            default: bytes.append(byte)
            }
        }
        append(byte: 0x22)
    }

    /// Appends `text` with the five XML special characters escaped.
    mutating func append(xmlText text: String) {
        for byte in text.utf8 {
            switch byte {
            case 0x26: append("&amp;")
            case 0x3C: append("&lt;")
            case 0x3E: append("&gt;")
            case 0x22: append("&quot;")
            case 0x27: append("&apos;")
            default: append(byte: byte)
            }
        }
    }

    /// Empties the buffer, keeping its capacity and its line count.
    mutating func removeAllBytes() { bytes.removeAll(keepingCapacity: true) }
}

/// The textual layouts of a full date that the generator writes.
enum DateLayout: Hashable, Sendable {
    /// `2019-03-12`
    case iso
    /// `2019/03/12`, as the public notices service writes dates.
    case slashYearFirst
    /// `12/03/2019`
    case slashDayFirst
    /// `12.03.2019`
    case dotDayFirst
}
