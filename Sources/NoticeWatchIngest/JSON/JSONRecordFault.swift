/// Why one JSON record could not be read, found while parsing its bytes.
///
/// `offset` is relative to the bytes given to the parser; the reader turns it into a line and a byte column.
struct JSONRecordFault: Error, Sendable {
    /// `malformed-json`, `unexpected-json-shape` or `invalid-utf8`.
    var code: String
    /// What was wrong, without the position (the reader adds it).
    var message: String
    /// Byte offset of the problem within the record's bytes.
    var offset: Int
    /// The requested field path at fault, when one is.
    var field: String? = nil

    static func malformed(_ message: String, at offset: Int) -> Self {
        Self(code: "malformed-json", message: message, offset: offset)
    }
}

/// Text for a byte in messages: `'x'` for printable ASCII, `byte 0xNN` otherwise.
func describeJSONByte(_ byte: UInt8) -> String {
    if byte >= 0x21 && byte < 0x7F {
        return "'\(Character(Unicode.Scalar(byte)))'"
    }
    return "byte 0x" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
}

/// The text of raw bytes: UTF-8 where it is valid, each invalid byte shown as `\xNN`.
///
/// - Complexity: O(n).
func rawText(of bytes: UnsafeRawBufferPointer) -> String {
    if let text = String(validating: bytes, as: UTF8.self) { return text }
    var output: [UInt8] = []
    output.reserveCapacity(bytes.count + 16)
    var index = 0
    while index < bytes.count {
        let lead = bytes[index]
        let length: Int =
            switch lead {
            case 0..<0x80: 1
            case 0xC2...0xDF: 2
            case 0xE0...0xEF: 3
            case 0xF0...0xF4: 4
            default: 0
            }
        if length > 0, index + length <= bytes.count {
            let sequence = UnsafeRawBufferPointer(rebasing: bytes[index..<index + length])
            if String(validating: sequence, as: UTF8.self) != nil {
                output.append(contentsOf: sequence)
                index += length
                continue
            }
        }
        output.append(contentsOf: "\\x".utf8)
        output.append(contentsOf: String(lead, radix: 16, uppercase: true).leftPadded(to: 2).utf8)
        index += 1
    }
    return String(decoding: output, as: UTF8.self)
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
