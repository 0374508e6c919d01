/// Decoding of one field's bytes to a `String`, with the offset of the first invalid byte on failure.
enum FieldDecoder {
    /// Whether every byte is below 0x80, eight bytes at a time.
    @inline(__always)
    static func isASCII(_ bytes: UnsafeRawBufferPointer) -> Bool {
        var index = 0
        let count = bytes.count
        var accumulated: UInt64 = 0
        while index + 8 <= count {
            accumulated |= bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            index += 8
        }
        while index < count {
            accumulated |= UInt64(bytes[index])
            index += 1
        }
        return accumulated & 0x8080_8080_8080_8080 == 0
    }

    /// Makes the text of `bytes` in the file's encoding (UTF-8 when `table` is `nil`, which includes transcoded
    /// UTF-16; else a single-byte table) the value of `slot` of `values`, as UTF-8, or returns the first invalid
    /// byte (the slot is then left absent). ASCII and valid UTF-8 are referred to where they are (`bytes` must
    /// stay in place until the values are used) unless `copy` is set; table-decoded text is always copied.
    ///
    /// - Complexity: O(n); ASCII bytes are copied as they are.
    @inline(__always)
    static func decode(
        _ bytes: UnsafeRawBufferPointer, table: [UInt32]?, into values: RecordFields, slot: Int, copy: Bool = false
    ) -> InvalidByte? {
        if isASCII(bytes) {
            if copy { values.set(slot, bytes) } else { values.refer(slot, to: bytes) }
            return nil
        }
        guard let table else {
            let invalid = firstInvalidUTF8(bytes)
            if invalid == bytes.count {
                if copy { values.set(slot, bytes) } else { values.refer(slot, to: bytes) }
                return nil
            }
            return InvalidByte(offset: invalid, byte: bytes[invalid])
        }
        let start = values.mark
        let target = values.reserve(bytes.count * 4)
        var length = 0
        for (offset, byte) in bytes.enumerated() {
            let value = table[Int(byte)]
            guard value != TextEncoding.undefined, Unicode.Scalar(value) != nil else {
                return InvalidByte(offset: offset, byte: byte)
            }
            length += TextEncoding.writeUTF8(value, to: target + length)
        }
        values.commit(slot, start: start, length: length)
        return nil
    }

    /// The first byte of `bytes` that the file's encoding does not allow, `nil` when all are valid.
    static func firstInvalid(_ bytes: UnsafeRawBufferPointer, table: [UInt32]?) -> InvalidByte? {
        if isASCII(bytes) { return nil }
        guard let table else {
            let invalid = firstInvalidUTF8(bytes)
            return invalid == bytes.count ? nil : InvalidByte(offset: invalid, byte: bytes[invalid])
        }
        for (offset, byte) in bytes.enumerated() {
            let value = table[Int(byte)]
            if value == TextEncoding.undefined || Unicode.Scalar(value) == nil {
                return InvalidByte(offset: offset, byte: byte)
            }
        }
        return nil
    }

    /// The offset of the first byte that is not part of well-formed UTF-8 (`bytes.count` when all are).
    static func firstInvalidUTF8(_ bytes: UnsafeRawBufferPointer) -> Int {
        var index = 0
        let count = bytes.count
        while index < count {
            let lead = bytes[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            let length: Int
            var minimum: UInt32
            var scalar: UInt32
            switch lead {
            case 0xC2...0xDF: (length, minimum, scalar) = (2, 0x80, UInt32(lead & 0x1F))
            case 0xE0...0xEF: (length, minimum, scalar) = (3, 0x800, UInt32(lead & 0x0F))
            case 0xF0...0xF4: (length, minimum, scalar) = (4, 0x10000, UInt32(lead & 0x07))
            default: return index
            }
            guard index + length <= count else { return index }
            for next in 1..<length {
                let byte = bytes[index + next]
                guard byte & 0xC0 == 0x80 else { return index }
                scalar = scalar << 6 | UInt32(byte & 0x3F)
            }
            if scalar < minimum || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar) { return index }
            minimum = 0
            index += length
        }
        return count
    }

    /// The bytes as text for a quarantine entry: valid UTF-8 (or table-decoded) runs as they are, every other
    /// byte as `\xNN`.
    static func lossyText(_ bytes: UnsafeRawBufferPointer, table: [UInt32]?) -> String {
        var text = ""
        var index = 0
        while index < bytes.count {
            let rest = UnsafeRawBufferPointer(rebasing: bytes[index...])
            if let table {
                let value = table[Int(rest[0])]
                if value != TextEncoding.undefined, let scalar = Unicode.Scalar(value) {
                    text.unicodeScalars.append(scalar)
                } else {
                    text += hexEscape(rest[0])
                }
                index += 1
                continue
            }
            let valid = firstInvalidUTF8(rest)
            if valid > 0 {
                text += String(decoding: UnsafeRawBufferPointer(rebasing: rest[..<valid]), as: UTF8.self)
                index += valid
            } else {
                text += hexEscape(rest[0])
                index += 1
            }
        }
        return text
    }

    static func hexEscape(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF".utf8)
        return "\\x" + String(decoding: [digits[Int(byte >> 4)], digits[Int(byte & 0xF)]], as: UTF8.self)
    }
}

/// The first byte of a field that its encoding does not allow.
struct InvalidByte: Error, Hashable {
    /// Offset of the byte within the field's bytes.
    var offset: Int
    var byte: UInt8
}
