/// Encoding text as Windows-1252, the code page of spreadsheets saved on French and English Windows systems.
enum Windows1252 {
    /// The code page's bytes 0x80…0x9F and the Unicode scalars they stand for (0x81, 0x8D, 0x8F, 0x90 and
    /// 0x9D are unassigned).
    static let upperControlRange: [(byte: UInt8, scalar: UInt32)] = [
        (0x80, 0x20AC), (0x82, 0x201A), (0x83, 0x0192), (0x84, 0x201E), (0x85, 0x2026), (0x86, 0x2020),
        (0x87, 0x2021), (0x88, 0x02C6), (0x89, 0x2030), (0x8A, 0x0160), (0x8B, 0x2039), (0x8C, 0x0152),
        (0x8E, 0x017D), (0x91, 0x2018), (0x92, 0x2019), (0x93, 0x201C), (0x94, 0x201D), (0x95, 0x2022),
        (0x96, 0x2013), (0x97, 0x2014), (0x98, 0x02DC), (0x99, 0x2122), (0x9A, 0x0161), (0x9B, 0x203A),
        (0x9C, 0x0153), (0x9E, 0x017E), (0x9F, 0x0178),
    ]

    /// The Windows-1252 bytes of `text`, one byte per Unicode scalar.
    ///
    /// The generator writes only text the code page can hold; a scalar outside it is a programming error and
    /// stops with a precondition failure naming it.
    ///
    /// - Complexity: O(n) in the number of scalars.
    static func encode(_ text: String) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x80 || (0xA0...0xFF).contains(value) {
                bytes.append(UInt8(value))
            } else if let entry = upperControlRange.first(where: { $0.scalar == value }) {
                bytes.append(entry.byte)
            } else {
                preconditionFailure("U+\(String(value, radix: 16, uppercase: true)) is not in Windows-1252")
            }
        }
        return bytes
    }

    /// Decodes Windows-1252 `bytes` (unassigned bytes become U+FFFD); the inverse of ``encode(_:)``.
    ///
    /// - Complexity: O(n) in the number of bytes.
    static func decode(_ bytes: [UInt8]) -> String {
        var scalars = String.UnicodeScalarView()
        for byte in bytes {
            if byte < 0x80 || byte >= 0xA0 {
                scalars.append(Unicode.Scalar(byte))
            } else if let entry = upperControlRange.first(where: { $0.byte == byte }) {
                scalars.append(Unicode.Scalar(entry.scalar)!)
            } else {
                scalars.append("\u{FFFD}")
            }
        }
        return String(scalars)
    }
}
