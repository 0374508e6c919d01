import NoticeWatchModel

/// The capture date of a file of a series of scrapes of the public notices list, read from its path.
///
/// A folder named by a date (`snapshots/2026-11-01/red_notices.csv`, `20261101/…`) or a date in the file's name
/// (`red_notices_2026-11-01.csv`, `red-20261101.json`) dates the file; the deepest such date in the path wins.
/// Dates are ISO `yyyy-MM-dd` (or `yyyy_MM_dd`) or compact `yyyyMMdd` standing alone between non-digits, in the
/// years 1990–2099, so that an id, a count or a hash in a name is not read as a date.
enum CaptureDating {
    /// The date the path names, or `nil`.
    static func date(ofPath path: String) -> CivilDate? {
        var found: CivilDate?
        for component in path.split(separator: "/") {
            if let date = date(inName: component) { found = date }
        }
        return found
    }

    /// The last date written in one path component.
    static func date(inName name: Substring) -> CivilDate? {
        let bytes = Array(name.utf8)
        var found: CivilDate?
        var start = 0
        while start < bytes.count {
            guard isDigit(bytes[start]), start == 0 || !isDigit(bytes[start - 1]) else {
                start += 1
                continue
            }
            var end = start
            while end < bytes.count, isDigit(bytes[end]) { end += 1 }
            let run = bytes[start..<end]
            if run.count == 8, let date = civil(run.prefix(4), run.dropFirst(4).prefix(2), run.suffix(2)) {
                found = date
            } else if run.count == 4, let date = separated(bytes, from: start) {
                found = date
                end = start + 10
            }
            start = end
        }
        return found
    }

    /// `yyyy-MM-dd` or `yyyy_MM_dd` starting at `start`, alone between non-digits.
    private static func separated(_ bytes: [UInt8], from start: Int) -> CivilDate? {
        guard start + 10 <= bytes.count else { return nil }
        let separator = bytes[start + 4]
        guard separator == UInt8(ascii: "-") || separator == UInt8(ascii: "_"), bytes[start + 7] == separator,
            (start + 5..<start + 7).allSatisfy({ isDigit(bytes[$0]) }),
            (start + 8..<start + 10).allSatisfy({ isDigit(bytes[$0]) }),
            start + 10 == bytes.count || !isDigit(bytes[start + 10])
        else { return nil }
        return civil(bytes[start..<start + 4], bytes[start + 5..<start + 7], bytes[start + 8..<start + 10])
    }

    private static func civil(
        _ year: some Collection<UInt8>, _ month: some Collection<UInt8>, _ day: some Collection<UInt8>
    ) -> CivilDate? {
        func number(_ digits: some Collection<UInt8>) -> Int {
            digits.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
        }
        let value = number(year)
        guard (1990...2099).contains(value) else { return nil }
        return CivilDate(year: value, month: number(month), day: number(day))
    }

    private static func isDigit(_ byte: UInt8) -> Bool { (0x30...0x39).contains(byte) }
}
