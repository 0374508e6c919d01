/// A text encoding the CSV reader can decode: names as written in the sources file, and the byte tables.
///
/// Single-byte encodings decode through a 256-entry table; bytes the encoding leaves undefined (0x81 in
/// Windows-1252) are invalid, never replaced. UTF-16 is transcoded to UTF-8 before parsing, so the parser itself
/// only ever sees ASCII-compatible bytes.
enum TextEncoding: String, Hashable, Sendable, CaseIterable {
    case utf8 = "utf-8"
    case utf16LE = "utf-16le"
    case utf16BE = "utf-16be"
    case windows1252 = "windows-1252"
    case windows1251 = "windows-1251"
    case iso88591 = "iso-8859-1"

    /// The encoding a sources-file name denotes (`utf-8`, `UTF8`, `cp1252`, `latin-1`…), or `nil`.
    ///
    /// `utf-16` alone means "UTF-16, byte order from the BOM" and is resolved by the sniffer; it is returned
    /// here as `.utf16LE` with `needsBOM` set by ``parse(_:)``.
    static func parse(_ name: String) -> (encoding: TextEncoding, byteOrderFromBOM: Bool)? {
        let folded = String(name.lowercased().filter { $0 != "-" && $0 != "_" && $0 != " " })
        switch folded {
        case "utf8": return (.utf8, false)
        case "utf16": return (.utf16LE, true)
        case "utf16le": return (.utf16LE, false)
        case "utf16be": return (.utf16BE, false)
        case "windows1252", "cp1252": return (.windows1252, false)
        case "windows1251", "cp1251": return (.windows1251, false)
        case "iso88591", "latin1": return (.iso88591, false)
        default: return nil
        }
    }

    /// The names accepted in the sources file, for error messages.
    static let acceptedNames = "utf-8, utf-16, utf-16le, utf-16be, windows-1252, windows-1251, iso-8859-1"

    /// Whether bytes reach the parser as they are in the file (everything but UTF-16).
    var isASCIICompatible: Bool { self != .utf16LE && self != .utf16BE }

    /// The scalar each byte stands for, `UInt32.max` where the byte is undefined; `nil` for UTF-8 and UTF-16.
    var singleByteTable: [UInt32]? {
        switch self {
        case .utf8, .utf16LE, .utf16BE: return nil
        case .windows1252: return TextEncoding.windows1252Table
        case .windows1251: return TextEncoding.windows1251Table
        case .iso88591: return TextEncoding.iso88591Table
        }
    }

    static let undefined = UInt32.max

    static let iso88591Table: [UInt32] = (0..<256).map { UInt32($0) }

    static let windows1252Table: [UInt32] = {
        var table = iso88591Table
        let high: [UInt32] = [
            0x20AC, undefined, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
            0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, undefined, 0x017D, undefined,
            undefined, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
            0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, undefined, 0x017E, 0x0178,
        ]
        for (offset, scalar) in high.enumerated() { table[0x80 + offset] = scalar }
        return table
    }()

    static let windows1251Table: [UInt32] = {
        var table = iso88591Table
        let high: [UInt32] = [
            0x0402, 0x0403, 0x201A, 0x0453, 0x201E, 0x2026, 0x2020, 0x2021,
            0x20AC, 0x2030, 0x0409, 0x2039, 0x040A, 0x040C, 0x040B, 0x040F,
            0x0452, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
            undefined, 0x2122, 0x0459, 0x203A, 0x045A, 0x045C, 0x045B, 0x045F,
            0x00A0, 0x040E, 0x045E, 0x0408, 0x00A4, 0x0490, 0x00A6, 0x00A7,
            0x0401, 0x00A9, 0x0404, 0x00AB, 0x00AC, 0x00AD, 0x00AE, 0x0407,
            0x00B0, 0x00B1, 0x0406, 0x0456, 0x0491, 0x00B5, 0x00B6, 0x00B7,
            0x0451, 0x2116, 0x0454, 0x00BB, 0x0458, 0x0405, 0x0455, 0x0457,
        ]
        for (offset, scalar) in high.enumerated() { table[0x80 + offset] = scalar }
        for byte in 0xC0...0xFF { table[byte] = UInt32(0x0410 + byte - 0xC0) }
        return table
    }()
}

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

    /// The text of `bytes` in `encoding` (UTF-8 for transcoded UTF-16), or the offset of the first invalid byte.
    static func decode(_ bytes: UnsafeRawBufferPointer, table: [UInt32]?) -> Result<String, InvalidByte> {
        if isASCII(bytes) {
            return .success(String(decoding: bytes, as: UTF8.self))
        }
        guard let table else {
            let invalid = firstInvalidUTF8(bytes)
            if invalid == bytes.count { return .success(String(decoding: bytes, as: UTF8.self)) }
            return .failure(InvalidByte(offset: invalid, byte: bytes[invalid]))
        }
        var scalars = String.UnicodeScalarView()
        for (offset, byte) in bytes.enumerated() {
            let value = table[Int(byte)]
            guard value != TextEncoding.undefined, let scalar = Unicode.Scalar(value) else {
                return .failure(InvalidByte(offset: offset, byte: byte))
            }
            scalars.append(scalar)
        }
        return .success(String(scalars))
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
