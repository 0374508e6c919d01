/// How a CSV file is written: encoding, delimiter, quote and header, each either set or detected.
struct CSVDialect: Hashable, Sendable {
    var encoding: TextEncoding
    /// Length of the byte-order mark at the start of the file (0 when there is none).
    var bomLength: Int
    var delimiter: UInt8
    var quote: UInt8
    /// Whether the first non-blank row names the columns.
    var hasHeader: Bool
    /// Each choice and whether it was detected or set (`delimiter=";" (detected)`), sorted.
    var choices: [String]

    /// How a delimiter or quote byte is written in a choice: `","`, `"\t"`.
    static func show(_ byte: UInt8) -> String {
        switch byte {
        case 0x09: return "\"\\t\""
        case 0x22: return "\"\\\"\""
        default: return "\"" + String(decoding: [byte], as: UTF8.self) + "\""
        }
    }
}

/// What the sources file sets about a CSV file; everything left `nil` is sniffed.
struct CSVOptions: Hashable, Sendable {
    var delimiter: UInt8?
    var quote: UInt8?
    var encoding: TextEncoding?
    /// `encoding: utf-16` without a byte order: the BOM decides.
    var utf16ByteOrderFromBOM = false
    var header: Bool?

    init(delimiter: UInt8? = nil, quote: UInt8? = nil, encoding: TextEncoding? = nil, header: Bool? = nil) {
        self.delimiter = delimiter
        self.quote = quote
        self.encoding = encoding
        self.header = header
    }
}
