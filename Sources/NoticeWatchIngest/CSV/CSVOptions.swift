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
