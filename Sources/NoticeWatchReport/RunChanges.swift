internal import Foundation
import NoticeWatchModel

/// What changed since the previous run, per requesting country: new complaints, new cancellations and
/// overturn rates that moved.
///
/// Read from the previous report folder: `records.sqlite` (complaint ids; notice ids and statuses) and
/// `overturn_rates.csv` (the `country` rows). A complaint is new when its id was not in the previous run;
/// a cancellation is new when a notice has ended now and was absent or had not ended before.
struct RunChanges: Equatable {
    /// One country's changes. Countries with no change at all are left out.
    struct Row: Equatable {
        var countryCode: String
        var countryName: String
        var newComplaints: Int
        var newCancellations: Int
        var previousDecided: Int?
        var previousRate: Double?
        var decided: Int?
        var rate: Double?

        /// The rate's change in percentage points, when both runs have a rate.
        /// Rates are compared at the 4 decimals of `overturn_rates.csv`.
        var rateChange: Double? {
            guard let previousRate, let rate else { return nil }
            return (rate - previousRate) * 100
        }
    }

    /// Complaints and notices the previous run had.
    var previousComplaints: Int
    var previousNotices: Int
    /// All countries together: every new complaint and cancellation, and the overall rate.
    var overall: Row
    /// By alpha-2 code.
    var rows: [Row]

    /// Compares `input` with the report in `folder`.
    ///
    /// - Throws: `ReportError` `previous-run-unreadable` when the folder has no readable `records.sqlite`
    ///   or `overturn_rates.csv`.
    /// - Complexity: O(n log n) in the records of both runs; memory O(1) in the records (see ``IDJoin``).
    static func compare(_ input: ReportInput, previous folder: String) throws(ReportError) -> RunChanges {
        let databasePath = folder + "/records.sqlite"
        guard FileManager.default.fileExists(atPath: databasePath) else {
            throw ReportError(
                code: .previousRunUnreadable, message: "no records.sqlite in the previous report", path: databasePath
            )
        }
        // Only what the comparison needs, streamed in id order and joined with this run's records, which are in
        // id order too: every complaint id, and the ids of the notices that had ended (a status that parses to
        // an ended one; anything else counts as not ended). Memory holds one id of each side at a time.
        var previousNotices = 0
        var previousComplaints = 0
        let ended = NoticeStatus.allCases.filter(\.hasEnded).map { "'\($0.rawValue)'" }.joined(separator: ", ")
        var newComplaints: [Country?: Int] = [:]
        var newCancellations: [Country?: Int] = [:]
        do {
            let database = try SQLiteDatabase(
                path: databasePath, readOnly: true, failureCode: .previousRunUnreadable)
            try database.forEachText("SELECT count(*) FROM complaints") { count in
                previousComplaints = count.flatMap { Int($0) } ?? 0
            }
            try database.forEachText("SELECT count(*) FROM notices") { count in
                previousNotices = count.flatMap { Int($0) } ?? 0
            }
            newComplaints = try IDJoin.countAbsent(
                input.ingest.complaints.lazy.map { (id: $0.id, country: $0.requestingCountry.member) },
                from: "SELECT id FROM complaints ORDER BY id", in: database)
            newCancellations = try IDJoin.countAbsent(
                input.ingest.notices.lazy.filter(\.status.hasEnded).map {
                    (id: $0.id, country: $0.requestingCountry.member)
                },
                from: "SELECT id FROM notices WHERE status IN (\(ended)) ORDER BY id", in: database)
        } catch {
            throw ReportError(code: .previousRunUnreadable, message: error.message, path: databasePath)
        }
        let ratesPath = folder + "/overturn_rates.csv"
        guard let data = FileManager.default.contents(atPath: ratesPath),
            let parsed = CSVTable.parse(String(decoding: data, as: UTF8.self)),
            let scope = parsed.header.firstIndex(of: "scope"), let code = parsed.header.firstIndex(of: "country_code"),
            let decided = parsed.header.firstIndex(of: "decided"), let rate = parsed.header.firstIndex(of: "rate")
        else {
            throw ReportError(
                code: .previousRunUnreadable,
                message: "overturn_rates.csv is missing or has no scope, "
                    + "country_code, decided and rate columns", path: ratesPath
            )
        }
        var previousRates: [String: (decided: Int?, rate: Double?)] = [:]
        var previousOverall: (decided: Int?, rate: Double?)?
        for row in parsed.rows where row.count == parsed.header.count {
            if row[scope] == "country" { previousRates[row[code]] = (Int(row[decided]), Double(row[rate])) }
            if row[scope] == "overall" { previousOverall = (Int(row[decided]), Double(row[rate])) }
        }

        let current = Dictionary(
            input.figures.overturnRates.byCountry.map { ($0.country.alpha2, $0.tally) },
            uniquingKeysWith: { first, _ in first }
        )
        var rows: [Row] = []
        for country in Country.allMembers {
            let before = previousRates[country.alpha2]
            let now = current[country.alpha2]
            let row = Row(
                countryCode: country.alpha2, countryName: country.name,
                newComplaints: newComplaints[country] ?? 0, newCancellations: newCancellations[country] ?? 0,
                previousDecided: before?.decided, previousRate: before?.rate, decided: now?.decided,
                rate: now?.rate.flatMap { Double(FixedDecimal.proportion($0)) }
            )
            let moved = row.previousRate != row.rate || (row.previousDecided ?? 0) != (row.decided ?? 0)
            if row.newComplaints > 0 || row.newCancellations > 0 || moved { rows.append(row) }
        }
        let overall = input.figures.overturnRates.overall
        let allCountries = Row(
            countryCode: "", countryName: "All countries", newComplaints: newComplaints.values.reduce(0, +),
            newCancellations: newCancellations.values.reduce(0, +), previousDecided: previousOverall?.decided,
            previousRate: previousOverall?.rate, decided: overall.decided,
            rate: overall.rate.flatMap { Double(FixedDecimal.proportion($0)) }
        )
        return RunChanges(
            previousComplaints: previousComplaints, previousNotices: previousNotices, overall: allCountries,
            rows: rows
        )
    }

    /// `changes_since_previous.csv`: the all-countries row (empty code) when anything changed, then one row
    /// per country that changed, by alpha-2 code.
    func table() -> CSVTable {
        var table = CSVTable(header: [
            "country_code", "country_name", "new_complaints", "new_cancellations", "previous_decided",
            "previous_rate", "decided", "rate", "rate_change_points",
        ])
        for row in (rows.isEmpty ? [] : [overall]) + rows {
            table.append([
                row.countryCode, row.countryName, String(row.newComplaints), String(row.newCancellations),
                row.previousDecided.map(String.init) ?? "", FixedDecimal.proportion(row.previousRate),
                row.decided.map(String.init) ?? "", FixedDecimal.proportion(row.rate),
                row.rateChange.map { FixedDecimal.format($0, decimals: 2) } ?? "",
            ])
        }
        return table
    }
}
