import NoticeWatchModel

/// The positions of a date format's digits when every part is written in full (`2019-03-12`, `12.03.2019`,
/// `20190312`): a value of exactly that length and shape is read straight from its bytes, anything else goes
/// through ``DateFormat/parse(bytes:)``, so the dates found are the same.
///
/// A plain value (no references), so the normalizer reads it per row without reference counting.
struct FixedDateLayout: Sendable {
    /// The full length, 8 or 10 bytes.
    var length: Int
    var year: Int
    var month: Int
    var day: Int
    /// Offsets of the two separators (-1 when the format has none) and their bytes.
    var firstSeparator: Int
    var secondSeparator: Int
    var firstByte: UInt8
    var secondByte: UInt8

    /// The layout of a format with a four-digit year, a month and a day, `nil` for other formats.
    init?(_ format: DateFormat) {
        let tokens: [DateFormat.Token]
        switch format {
        case .iso: tokens = [.year, .literal(0x2D), .month, .literal(0x2D), .day]
        case .pattern(_, let pattern): tokens = pattern
        case .idYear: return nil
        }
        var offset = 0
        var year = -1
        var month = -1
        var day = -1
        var separators: [(Int, UInt8)] = []
        for token in tokens {
            switch token {
            case .year:
                year = offset
                offset += 4
            case .month:
                month = offset
                offset += 2
            case .day:
                day = offset
                offset += 2
            case .literal(let byte):
                separators.append((offset, byte))
                offset += 1
            }
        }
        guard year >= 0, month >= 0, day >= 0, separators.count == 0 || separators.count == 2 else { return nil }
        length = offset
        self.year = year
        self.month = month
        self.day = day
        firstSeparator = separators.first?.0 ?? -1
        secondSeparator = separators.last?.0 ?? -1
        firstByte = separators.first?.1 ?? 0
        secondByte = separators.last?.1 ?? 0
    }

    /// The date when `bytes` have exactly this layout; `nil` sends the value to the general parser.
    @inline(__always)
    func parse(_ bytes: UnsafeRawBufferPointer) -> CivilDate?? {
        guard bytes.count == length else { return nil }
        if firstSeparator >= 0 {
            guard bytes[firstSeparator] == firstByte, bytes[secondSeparator] == secondByte else { return nil }
        }
        @inline(__always) func digit(_ offset: Int) -> Int? {
            let value = bytes[offset] &- 0x30
            return value < 10 ? Int(value) : nil
        }
        guard let y0 = digit(year), let y1 = digit(year + 1), let y2 = digit(year + 2), let y3 = digit(year + 3),
            let m0 = digit(month), let m1 = digit(month + 1), let d0 = digit(day), let d1 = digit(day + 1)
        else { return nil }
        return .some(CivilDate(year: y0 * 1000 + y1 * 100 + y2 * 10 + y3, month: m0 * 10 + m1, day: d0 * 10 + d1))
    }
}
