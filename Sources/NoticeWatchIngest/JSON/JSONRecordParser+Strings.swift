/// Where a JSON string's content lies in the record's bytes (between the quotes).
struct JSONStringSpan {
    var start: Int
    var end: Int
    var hasEscapes: Bool
    /// Whether every byte between the quotes is ASCII (then, without escapes, the content is UTF-8 as it is).
    var isASCII = false
}

extension JSONRecordParser {
    /// Scans a string at the current position (on its opening quote), checking escapes and control characters.
    ///
    /// The plain runs between escapes are read eight bytes at a time (``JSONWord``), noting on the way whether
    /// every byte is ASCII.
    ///
    /// - Complexity: O(length of the string).
    mutating func scanString() throws(JSONRecordFault) -> JSONStringSpan {
        let count = bytes.count
        let base = bytes.baseAddress!
        let start = position &+ 1
        var index = start
        var hasEscapes = false
        var seen: UInt64 = 0
        while true {
            let word: UInt64
            var stops: UInt64
            if index &+ 8 <= count {
                word = JSONWord.load(base, index)
                stops = JSONWord.stringStops(word)
                if stops == 0 {
                    seen |= word
                    index &+= 8
                    continue
                }
            } else {
                let left = count &- index
                guard left > 0 else { throw .malformed("unexpected \(endName) inside a string", at: count) }
                word = JSONWord.load(base, from: index, end: count)
                stops = JSONWord.stringStops(word) & JSONWord.lowBytes(left)
                if stops == 0 {
                    throw .malformed("unexpected \(endName) inside a string", at: count)
                }
            }
            let offset = JSONWord.firstByte(stops)
            seen |= word & JSONWord.lowBytes(offset)
            index &+= offset
            let byte = base.load(fromByteOffset: index, as: UInt8.self)
            if byte == UInt8(ascii: "\"") {
                position = index &+ 1
                return JSONStringSpan(
                    start: start, end: index, hasEscapes: hasEscapes, isASCII: seen & JSONWord.highs == 0)
            }
            guard byte == UInt8(ascii: "\\") else {
                throw .malformed("control character \(describeJSONByte(byte)) inside a string", at: index)
            }
            hasEscapes = true
            position = index
            try checkEscape()
            index = position
        }
    }

    /// Checks the escape at the current position (on its backslash) and moves past it.
    private mutating func checkEscape() throws(JSONRecordFault) {
        let start = position
        guard position + 1 < bytes.count else {
            throw .malformed("unexpected \(endName) inside a string", at: position + 1)
        }
        switch bytes[position + 1] {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
            UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
            position += 2
        case UInt8(ascii: "u"):
            guard position + 6 <= bytes.count else {
                throw .malformed("unexpected \(endName) inside a string", at: bytes.count)
            }
            guard hexValue(at: position + 2) != nil else {
                throw .malformed(
                    "invalid escape `\(escapeText(at: start, length: 6))` (\\u needs four hex digits)", at: start)
            }
            position += 6
        default:
            throw .malformed("invalid escape `\(escapeText(at: start, length: 2))`", at: start)
        }
    }

    private func escapeText(at start: Int, length: Int) -> String {
        rawText(of: UnsafeRawBufferPointer(rebasing: bytes[start..<min(start + length, bytes.count)]))
    }

    /// The value of four hex digits at an offset, or `nil`.
    private func hexValue(at offset: Int) -> UInt32? {
        guard offset + 4 <= bytes.count else { return nil }
        var value: UInt32 = 0
        for index in offset..<offset + 4 {
            let byte = bytes[index]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: return nil
            }
            value = value << 4 | UInt32(digit)
        }
        return value
    }

    /// Unescapes a scanned string into `scratch` (as UTF-8 bytes), pairing `\uD83D\uDE00` surrogates.
    ///
    /// - Throws: `malformed-json` for an unpaired surrogate.
    mutating func unescape(_ span: JSONStringSpan) throws(JSONRecordFault) {
        scratch.removeAll(keepingCapacity: true)
        var index = span.start
        while index < span.end {
            let byte = bytes[index]
            guard byte == UInt8(ascii: "\\") else {
                scratch.append(byte)
                index += 1
                continue
            }
            let escape = bytes[index + 1]
            index += 2
            switch escape {
            case UInt8(ascii: "b"): scratch.append(0x08)
            case UInt8(ascii: "f"): scratch.append(0x0C)
            case UInt8(ascii: "n"): scratch.append(0x0A)
            case UInt8(ascii: "r"): scratch.append(0x0D)
            case UInt8(ascii: "t"): scratch.append(0x09)
            case UInt8(ascii: "u"):
                let escapeStart = index - 2
                var scalar = hexValue(at: index)!
                index += 4
                if scalar >= 0xD800 && scalar < 0xDC00 {
                    guard index + 6 <= span.end, bytes[index] == UInt8(ascii: "\\"),
                        bytes[index + 1] == UInt8(ascii: "u"), let low = hexValue(at: index + 2),
                        low >= 0xDC00 && low < 0xE000
                    else {
                        throw .malformed(
                            "unpaired surrogate `\(escapeText(at: escapeStart, length: 6))`",
                            at: escapeStart)
                    }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    index += 6
                } else if scalar >= 0xDC00 && scalar < 0xE000 {
                    throw .malformed("unpaired surrogate `\(escapeText(at: escapeStart, length: 6))`", at: escapeStart)
                }
                appendUTF8(scalar)
            default: scratch.append(escape)
            }
        }
    }

    private mutating func appendUTF8(_ scalar: UInt32) {
        switch scalar {
        case 0..<0x80:
            scratch.append(UInt8(scalar))
        case 0x80..<0x800:
            scratch.append(UInt8(0xC0 | scalar >> 6))
            scratch.append(UInt8(0x80 | scalar & 0x3F))
        case 0x800..<0x10000:
            scratch.append(UInt8(0xE0 | scalar >> 12))
            scratch.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            scratch.append(UInt8(0x80 | scalar & 0x3F))
        default:
            scratch.append(UInt8(0xF0 | scalar >> 18))
            scratch.append(UInt8(0x80 | scalar >> 12 & 0x3F))
            scratch.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            scratch.append(UInt8(0x80 | scalar & 0x3F))
        }
    }

    /// Stores a scanned string, unescaped and checked to be UTF-8, as the value of `field`.
    ///
    /// - Throws: `invalid-utf8` naming the field, or `malformed-json` for an unpaired surrogate.
    mutating func storeString(_ span: JSONStringSpan, field: Int) throws(JSONRecordFault) {
        if span.hasEscapes {
            try unescape(span)
            let valid = scratch.withUnsafeBytes { JSONRecordParser.isUTF8($0) }
            guard valid else { throw invalidUTF8(from: span.start, to: span.end, field: field) }
            scratch.withUnsafeBytes { output.set(field, $0) }
        } else {
            let content = UnsafeRawBufferPointer(rebasing: bytes[span.start..<span.end])
            guard span.isASCII || FieldDecoder.firstInvalidUTF8(content) == content.count else {
                throw invalidUTF8(from: span.start, to: span.end, field: field)
            }
            // The record's bytes stay in place until the reader is asked for the next record.
            output.refer(field, to: content)
        }
    }

    /// Whether `bytes` are well-formed UTF-8; ASCII (the usual case) takes a fast path.
    @inline(__always)
    static func isUTF8(_ bytes: UnsafeRawBufferPointer) -> Bool {
        FieldDecoder.isASCII(bytes) || FieldDecoder.firstInvalidUTF8(bytes) == bytes.count
    }

    /// Stores the compact JSON text of the value from `start` to the current position as the value of `field`:
    /// whitespace outside strings dropped, strings kept as written.
    ///
    /// - Throws: `invalid-utf8` naming the field.
    mutating func storeCompact(from start: Int, field: Int) throws(JSONRecordFault) {
        scratch.removeAll(keepingCapacity: true)
        var index = start
        var inString = false
        while index < position {
            let byte = bytes[index]
            if inString {
                scratch.append(byte)
                if byte == UInt8(ascii: "\\") {
                    scratch.append(bytes[index + 1])
                    index += 1
                } else if byte == UInt8(ascii: "\"") {
                    inString = false
                }
            } else if byte == UInt8(ascii: "\"") {
                inString = true
                scratch.append(byte)
            } else if byte != 0x20 && byte != 0x0A && byte != 0x0D && byte != 0x09 {
                scratch.append(byte)
            }
            index += 1
        }
        guard scratch.withUnsafeBytes({ JSONRecordParser.isUTF8($0) }) else {
            throw invalidUTF8(from: start, to: position, field: field)
        }
        scratch.withUnsafeBytes { output.set(field, $0) }
    }

    private func invalidUTF8(from start: Int, to end: Int, field: Int) -> JSONRecordFault {
        JSONRecordFault(
            code: "invalid-utf8",
            message: "the value of `\(fieldPaths[field])` is not valid UTF-8: "
                + rawText(of: UnsafeRawBufferPointer(rebasing: bytes[start..<end])),
            offset: start,
            field: fieldPaths[field]
        )
    }
}
