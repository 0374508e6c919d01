/// One field of a parsed row: a byte range in the reader's buffer.
struct CSVFieldSlice {
    var start: Int
    var end: Int
    /// Bit 0: the field contains doubled quotes to collapse; bit 1: the field was quoted. (Text after a closing
    /// quote is tracked per row by the reader.)
    var flags: UInt8

    static let doubledQuotes: UInt8 = 1
    static let quoted: UInt8 = 2
}
