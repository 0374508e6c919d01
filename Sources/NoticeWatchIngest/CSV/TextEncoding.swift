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

extension TextEncoding {
    /// Writes `scalar` as UTF-8 at `target` (room for four bytes) and returns how many bytes it took.
    @inline(__always)
    static func writeUTF8(_ scalar: UInt32, to target: UnsafeMutablePointer<UInt8>) -> Int {
        if scalar < 0x80 {
            target[0] = UInt8(scalar)
            return 1
        } else if scalar < 0x800 {
            target[0] = UInt8(0xC0 | scalar >> 6)
            target[1] = UInt8(0x80 | scalar & 0x3F)
            return 2
        } else if scalar < 0x10000 {
            target[0] = UInt8(0xE0 | scalar >> 12)
            target[1] = UInt8(0x80 | scalar >> 6 & 0x3F)
            target[2] = UInt8(0x80 | scalar & 0x3F)
            return 3
        }
        target[0] = UInt8(0xF0 | scalar >> 18)
        target[1] = UInt8(0x80 | scalar >> 12 & 0x3F)
        target[2] = UInt8(0x80 | scalar >> 6 & 0x3F)
        target[3] = UInt8(0x80 | scalar & 0x3F)
        return 4
    }
}
