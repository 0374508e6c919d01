import NoticeWatchModel

/// One published number of `figures.json`: what it measures, for which records, its value, interval and
/// sample size (the schema is `figures.schema.json` beside OUTPUTS.md).
///
/// The id is the definition, the measure and the filters as `key=value`, sorted by key, joined with `/`
/// (`overturn-rate/rate/country=RU/year=2019`): stable across runs for the same figure, so a notebook or the
/// claims checker can look a number up without parsing the report.
struct FigureEntry {
    /// A filter's value: a code, a date or label, or a year or day.
    enum FilterValue {
        case text(String)
        case integer(Int)

        var json: JSONValue {
            switch self {
            case .text(let text): .string(text)
            case .integer(let value): .integer(value)
            }
        }

        var idText: String {
            switch self {
            case .text(let text): text
            case .integer(let value): String(value)
            }
        }
    }

    /// The interval of a value: bounds in the value's unit, `nil` where a bound is not reached.
    struct Interval {
        var lower: JSONValue
        var upper: JSONValue
        /// `wilson`, or `kaplan-meier-greenwood-<transform>` for survival estimates.
        var method: String
    }

    /// The definition id in the report's Method section (`overturn-rate`).
    var definition: String
    /// What is measured, snake_case (`rate`, `complaints`, `quantile_days`).
    var measure: String
    /// The records the figure is about; absent keys mean "all" (no `country`: all countries).
    var filters: [(String, FilterValue)] = []
    /// An integer count, a decimal (proportions with 4 decimals, days with at most 1) or `null` (not defined).
    var value: JSONValue
    /// `complaints`, `notices`, `proportion`, `days`, `p-value` or `records`.
    var unit: String
    /// How the value was obtained (`count`, `share`, `wilson-score`, `kaplan-meier`, …).
    var method: String
    /// Records the figure rests on: a proportion's denominator, a survival group's subjects; `nil` for a count.
    var n: Int?
    /// A proportion's numerator.
    var numerator: Int? = nil
    var interval: Interval? = nil
    /// Extra integer counts of the row (a rate's outcome counts).
    var counts: [(String, Int)] = []
    /// Flags in kebab-case: `too-few-to-rank`, `partial-year`, `not-reached`, `too-few`, `persistent`, ….
    var notes: [String] = []

    init(
        _ definition: String, _ measure: String, filters: [(String, FilterValue)] = [], value: JSONValue,
        unit: String, method: String, n: Int?
    ) {
        self.definition = definition
        self.measure = measure
        self.filters = filters
        self.value = value
        self.unit = unit
        self.method = method
        self.n = n
    }

    var id: String {
        let parts = filters.sorted { Array($0.0.utf8).lexicographicallyPrecedes(Array($1.0.utf8)) }
            .map { "\($0.0)=\($0.1.idText)" }
        return ([definition, measure] + parts).joined(separator: "/")
    }

    var json: JSONValue {
        var members: [(String, JSONValue)] = [
            ("id", .string(id)), ("definition", .string(definition)), ("measure", .string(measure)),
            ("filters", .object(filters.map { ($0.0, $0.1.json) })), ("value", value), ("unit", .string(unit)),
            ("method", .string(method)), ("n", n.map(JSONValue.integer) ?? .null),
            ("numerator", numerator.map(JSONValue.integer) ?? .null),
            ("notes", .array(notes.sorted().map(JSONValue.string))),
        ]
        members.append(
            (
                "ci",
                interval.map { interval in
                    .object([
                        ("lower", interval.lower), ("upper", interval.upper), ("method", .string(interval.method)),
                    ])
                } ?? .null
            ))
        if !counts.isEmpty { members.append(("counts", .object(counts.map { ($0.0, .integer($0.1)) }))) }
        return .object(members)
    }

    /// A proportion as JSON: 4 decimals, or `null`.
    static func proportion(_ value: Double?) -> JSONValue {
        value.map { .number(FixedDecimal.proportion($0)) } ?? .null
    }

    /// Days as JSON: `412` or `412.5`, or `null` (not reached).
    static func days(_ value: Double?) -> JSONValue {
        value.map { .number(CSVTables.days($0)) } ?? .null
    }

    /// A Wilson interval, or none.
    static func wilson(_ interval: ConfidenceInterval?) -> Interval? {
        interval.map { Interval(lower: proportion($0.lower), upper: proportion($0.upper), method: "wilson") }
    }

    /// The country filter of a row: none for all countries.
    static func country(_ country: Country?, key: String = "country") -> [(String, FilterValue)] {
        country.map { [(key, .text($0.alpha2))] } ?? []
    }

    /// The filter of the row of records whose requesting country is not recognized or not given.
    static let unrecognized: [(String, FilterValue)] = [("country", .text("unrecognized"))]
}
