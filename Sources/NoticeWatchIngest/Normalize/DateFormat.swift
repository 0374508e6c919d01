import NoticeWatchModel

/// A date format from the sources file, or a candidate for detection: `iso`, or a pattern of `yyyy`, `MM`, `dd`
/// and literal separators (`dd.MM.yyyy`, `yyyyMMdd`, `yyyy-MM`, `yyyy`).
///
/// In a pattern, `MM` and `dd` followed by a separator (or at the end) also take one digit (`1.3.2019`);
/// with no separator after them (`yyyyMMdd`) they take exactly two. `yyyy` is always four digits.
/// `iso` takes `yyyy-MM-dd`, `yyyy-MM` and `yyyy`, and datetimes (`2019-03-12T10:00:00Z`, `2019-03-12 10:00`),
/// reduced to the date. `id-year` takes the year of a notice id of the public notices service (`2019/12345`,
/// or its URL form `2019-12345`): a partial date, the year of issue, for sources that give no issue date.
enum DateFormat: Hashable, Sendable, CustomStringConvertible {
    case iso
    case idYear
    case pattern(String, [Token])

    enum Token: Hashable, Sendable {
        case year, month, day
        case literal(UInt8)
    }

    /// The format a sources-file string denotes, or `nil` when it is not a valid pattern.
    init?(_ text: String) {
        if text.lowercased() == "iso" {
            self = .iso
            return
        }
        if text.lowercased() == "id-year" {
            self = .idYear
            return
        }
        var tokens: [Token] = []
        let bytes = Array(text.utf8)
        var index = 0
        while index < bytes.count {
            let rest = bytes[index...]
            if rest.starts(with: Array("yyyy".utf8)) {
                tokens.append(.year)
                index += 4
            } else if rest.starts(with: Array("MM".utf8)) {
                tokens.append(.month)
                index += 2
            } else if rest.starts(with: Array("dd".utf8)) {
                tokens.append(.day)
                index += 2
            } else if bytes[index] < 0x80, !DateFormat.isAlphanumeric(bytes[index]), bytes[index] > 0x20 {
                tokens.append(.literal(bytes[index]))
                index += 1
            } else {
                return nil
            }
        }
        let years = tokens.filter { $0 == .year }.count
        let months = tokens.filter { $0 == .month }.count
        let days = tokens.filter { $0 == .day }.count
        guard years == 1, months <= 1, days <= 1, days == 0 || months == 1 else { return nil }
        self = .pattern(text, tokens)
    }

    var description: String {
        switch self {
        case .iso: return "iso"
        case .idYear: return "id-year"
        case .pattern(let text, _): return text
        }
    }

    /// Candidates for detection, in order of preference when several fit every value.
    static let candidates: [DateFormat] = [
        "iso", "yyyy/MM/dd", "yyyyMMdd", "yyyy.MM.dd", "dd.MM.yyyy", "MM.dd.yyyy", "dd/MM/yyyy", "MM/dd/yyyy",
        "dd-MM-yyyy", "MM-dd-yyyy",
    ].map { DateFormat($0)! }

    /// The same pattern with day and month swapped, when the pattern has both.
    var swapped: DateFormat? {
        guard case .pattern(_, let tokens) = self, tokens.contains(.day), tokens.contains(.month) else { return nil }
        var text = ""
        for token in tokens {
            switch token {
            case .year: text += "yyyy"
            case .month: text += "dd"
            case .day: text += "MM"
            case .literal(let byte): text += String(decoding: [byte], as: UTF8.self)
            }
        }
        return DateFormat(text)
    }

    /// The date `value` (already trimmed) stands for in this format, or `nil`.
    func parse(_ value: String) -> CivilDate? {
        var copy = value
        return copy.withUTF8 { parse(bytes: $0) }
    }

    /// The date the UTF-8 `bytes` stand for in this format, or `nil`.
    func parse(bytes: UnsafeBufferPointer<UInt8>) -> CivilDate? {
        switch self {
        case .iso: return DateFormat.parseISO(bytes)
        case .idYear: return DateFormat.parseIDYear(bytes)
        case .pattern(_, let tokens): return DateFormat.parse(bytes, tokens: tokens)
        }
    }

    /// The year of an id of the form `yyyy/n` or `yyyy-n` (four digits, a slash or hyphen, one or more digits).
    static func parseIDYear(_ bytes: UnsafeBufferPointer<UInt8>) -> CivilDate? {
        guard bytes.count >= 6, bytes[4] == UInt8(ascii: "/") || bytes[4] == UInt8(ascii: "-") else { return nil }
        var year = 0
        for index in 0..<4 {
            guard (0x30...0x39).contains(bytes[index]) else { return nil }
            year = year * 10 + Int(bytes[index] - 0x30)
        }
        for index in 5..<bytes.count where !(0x30...0x39).contains(bytes[index]) { return nil }
        return CivilDate(year: year)
    }

    static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
    }

    @inline(__always)
    static func digits(_ bytes: UnsafeBufferPointer<UInt8>, _ index: inout Int, min: Int, max: Int) -> Int? {
        var value = 0
        var count = 0
        while count < max && index < bytes.count && (0x30...0x39).contains(bytes[index]) {
            value = value * 10 + Int(bytes[index] - 0x30)
            index += 1
            count += 1
        }
        return count >= min ? value : nil
    }

    static func parse(_ bytes: UnsafeBufferPointer<UInt8>, tokens: [Token]) -> CivilDate? {
        var index = 0
        var year = 0
        var month = 0
        var day = 0
        for (position, token) in tokens.enumerated() {
            let separated: Bool = {
                guard position + 1 < tokens.count else { return true }
                if case .literal = tokens[position + 1] { return true }
                return false
            }()
            switch token {
            case .year:
                guard let value = digits(bytes, &index, min: 4, max: 4) else { return nil }
                year = value
            case .month:
                guard let value = digits(bytes, &index, min: separated ? 1 : 2, max: 2) else { return nil }
                month = value
            case .day:
                guard let value = digits(bytes, &index, min: separated ? 1 : 2, max: 2) else { return nil }
                day = value
            case .literal(let byte):
                guard index < bytes.count, bytes[index] == byte else { return nil }
                index += 1
            }
        }
        guard index == bytes.count else { return nil }
        if tokens.contains(.day) { return CivilDate(year: year, month: month, day: day) }
        if tokens.contains(.month) { return CivilDate(year: year, month: month) }
        return CivilDate(year: year)
    }

    static func parseISO(_ bytes: UnsafeBufferPointer<UInt8>) -> CivilDate? {
        var index = 0
        guard let year = digits(bytes, &index, min: 4, max: 4) else { return nil }
        if index == bytes.count { return CivilDate(year: year) }
        guard bytes[index] == 0x2D else { return nil }
        index += 1
        guard let month = digits(bytes, &index, min: 2, max: 2) else { return nil }
        if index == bytes.count { return CivilDate(year: year, month: month) }
        guard bytes[index] == 0x2D else { return nil }
        index += 1
        guard let day = digits(bytes, &index, min: 2, max: 2) else { return nil }
        if index < bytes.count {
            // A datetime: `T` or a space, then a time we do not keep.
            guard bytes[index] == 0x54 || bytes[index] == 0x20, index + 1 < bytes.count,
                (0x30...0x39).contains(bytes[index + 1])
            else { return nil }
        }
        return CivilDate(year: year, month: month, day: day)
    }
}
