/// The last calendar year of a series when the as-of date falls before its 31 December: the year is covered
/// only from 1 January to the as-of date, and its counts are not comparable with a full year's.
public struct PartialYear: Hashable, Sendable {
    /// The calendar year.
    public var year: Int
    /// The last month covered, 1...12.
    public var lastMonth: Int
    /// The last day covered in `lastMonth`; `nil` when the month is covered to its end.
    public var lastDay: Int?

    /// Creates a partial year.
    public init(year: Int, lastMonth: Int, lastDay: Int?) {
        self.year = year
        self.lastMonth = lastMonth
        self.lastDay = lastDay
    }

    /// The partial year of a series whose last year is `lastYear`, counted at `asOf` (a partial as-of date
    /// stands for the last day of its month or year); `nil` when that year is complete at `asOf`, or is not
    /// the as-of year.
    public static func of(lastYear: Int?, asOf: CivilDate) -> PartialYear? {
        guard let lastYear, lastYear == asOf.year, asOf.month != 0 else { return nil }
        let monthEnd = CivilDate.daysIn(month: asOf.month, year: asOf.year)
        let day = asOf.day == 0 ? monthEnd : asOf.day
        guard asOf.month < 12 || day < 31 else { return nil }
        return PartialYear(year: lastYear, lastMonth: asOf.month, lastDay: day == monthEnd ? nil : day)
    }

    /// English abbreviations of the months, January first.
    public static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// The months covered: `Jan–Jun`, `Jan` (January only), or `Jan–15 Jun` when the last month is cut short.
    public var months: String {
        let last = Self.monthNames[lastMonth - 1]
        if let lastDay { return "Jan–\(lastDay) \(last)" }
        return lastMonth == 1 ? "Jan" : "Jan–\(last)"
    }

    /// `2025 (partial: Jan–Jun)`: how every table, chart and sentence names the year.
    public var label: String { "\(year) (partial: \(months))" }
}
