/// A calendar day, month or year with no time zone: the only notion of time NoticeWatch has.
///
/// Exports give dates at different precisions. A value such as `2019` or `2019-03` stays partial:
/// it orders and prints, but has no ``dayNumber`` and so never enters a day-level duration.
/// Datetimes are reduced to their date by the readers before they get here.
public struct CivilDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// How much of the date is known.
    public enum Precision: UInt8, Hashable, Comparable, Sendable {
        case year = 1
        case month = 2
        case day = 3

        public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// Year, month and day in one integer, `year × 512 + month × 32 + day`: four bytes per date, and integer
    /// order is date order (a partial date's zero month or day sorts first).
    @usableFromInline let packed: Int32

    /// The proleptic Gregorian year.
    public var year: Int { Int(packed >> 9) }
    /// 1...12, or 0 when only the year is known.
    public var month: Int { Int((packed >> 5) & 0xF) }
    /// 1...31, or 0 when the day is not known.
    public var day: Int { Int(packed & 0x1F) }

    /// The date as one integer, for storage: ``init(storageValue:)`` gives it back. Integer order is date
    /// order. Stable within one NoticeWatch version, not a file format.
    public var storageValue: Int32 { packed }

    /// The date whose ``storageValue`` is `value`, or `nil` when `value` is not one.
    public init?(storageValue value: Int32) {
        let year = Int(value >> 9)
        let month = Int((value >> 5) & 0xF)
        let day = Int(value & 0x1F)
        switch (month, day) {
        case (0, 0): self.init(year: year)
        case (_, 0): self.init(year: year, month: month)
        default: self.init(year: year, month: month, day: day)
        }
    }

    /// The date whose ``storageValue`` is `value`, where `value` came from a date of this run (read back from
    /// the run's own temporary storage): it is not checked again.
    @inlinable
    public init(trustedStorageValue value: Int32) {
        packed = value
    }

    /// The date with these parts, already checked.
    private init(checkedYear year: Int, month: Int, day: Int) {
        packed = Int32(year) << 9 | Int32(month) << 5 | Int32(day)
    }

    /// A full date, or `nil` when the day does not exist (30 February, month 13, year 0).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
            day >= 1, day <= CivilDate.daysIn(month: month, year: year)
        else { return nil }
        self.init(checkedYear: year, month: month, day: day)
    }

    /// A partial date with the month known, or `nil` when out of range.
    public init?(year: Int, month: Int) {
        guard (1...9999).contains(year), (1...12).contains(month) else { return nil }
        self.init(checkedYear: year, month: month, day: 0)
    }

    /// A partial date with only the year known, or `nil` when out of range.
    public init?(year: Int) {
        guard (1...9999).contains(year) else { return nil }
        self.init(checkedYear: year, month: 0, day: 0)
    }

    /// The date `dayNumber` days after 1970-01-01 (negative numbers before it), for years within ±4,000,000.
    ///
    /// - Complexity: O(1), Howard Hinnant's `civil_from_days`.
    public init(dayNumber: Int) {
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (m <= 2 ? 1 : 0)
        precondition(abs(year) < 4_000_000, "day number \(dayNumber) is out of the calendar's range")
        self.init(checkedYear: year, month: m, day: d)
    }

    /// How much of this date is known.
    public var precision: Precision {
        if day != 0 { return .day }
        if month != 0 { return .month }
        return .year
    }

    /// Days since 1970-01-01 for a full date; `nil` for a partial one.
    ///
    /// - Complexity: O(1), Howard Hinnant's `days_from_civil`.
    @inlinable
    public var dayNumber: Int? {
        let year = Int(packed >> 9)
        let month = Int((packed >> 5) & 0xF)
        let day = Int(packed & 0x1F)
        guard day != 0 else { return nil }
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = month > 2 ? month - 3 : month + 9
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// ISO 8601 at the known precision: `2019-03-12`, `2019-03` or `2019`.
    public var description: String {
        var text = String(year)
        while text.utf8.count < 4 { text = "0" + text }
        if month != 0 { text += month < 10 ? "-0\(month)" : "-\(month)" }
        if day != 0 { text += day < 10 ? "-0\(day)" : "-\(day)" }
        return text
    }

    /// Orders by year, then month, then day; a partial date sorts before the full dates it covers.
    public static func < (lhs: CivilDate, rhs: CivilDate) -> Bool { lhs.packed < rhs.packed }

    /// Whether `year` is a leap year in the proleptic Gregorian calendar.
    public static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    /// The number of days in `month` of `year`.
    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Parses ISO `yyyy-MM-dd`, `yyyy-MM` or `yyyy`; `nil` for anything else.
    public init?(iso text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count),
            parts.allSatisfy({ !$0.isEmpty && $0.utf8.allSatisfy { (0x30...0x39).contains($0) } }),
            let year = Int(parts[0]), parts[0].count == 4
        else { return nil }
        if parts.count == 1 {
            self.init(year: year)
        } else if parts.count == 2 {
            guard parts[1].count == 2, let month = Int(parts[1]) else { return nil }
            self.init(year: year, month: month)
        } else {
            guard parts[1].count == 2, parts[2].count == 2, let month = Int(parts[1]), let day = Int(parts[2])
            else { return nil }
            self.init(year: year, month: month, day: day)
        }
    }
}
