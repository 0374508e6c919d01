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
    /// - Complexity: O(n log n) in the records of both runs.
    static func compare(_ input: ReportInput, previous folder: String) throws(ReportError) -> RunChanges {
        let databasePath = folder + "/records.sqlite"
        guard FileManager.default.fileExists(atPath: databasePath) else {
            throw ReportError(
                code: "previous-run-unreadable", message: "no records.sqlite in the previous report", path: databasePath
            )
        }
        let complaintRows: [[String?]]
        let noticeRows: [[String?]]
        do {
            let database = try SQLiteDatabase(
                path: databasePath, readOnly: true, failureCode: "previous-run-unreadable")
            complaintRows = try database.query("SELECT id, country FROM complaints ORDER BY id")
            noticeRows = try database.query("SELECT id, status FROM notices ORDER BY id")
        } catch {
            throw ReportError(code: "previous-run-unreadable", message: error.message, path: databasePath)
        }
        let ratesPath = folder + "/overturn_rates.csv"
        guard let data = FileManager.default.contents(atPath: ratesPath),
            let parsed = CSVTable.parse(String(decoding: data, as: UTF8.self)),
            let scope = parsed.header.firstIndex(of: "scope"), let code = parsed.header.firstIndex(of: "country_code"),
            let decided = parsed.header.firstIndex(of: "decided"), let rate = parsed.header.firstIndex(of: "rate")
        else {
            throw ReportError(
                code: "previous-run-unreadable",
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
        let previousComplaintIDs = Set(complaintRows.compactMap { $0[0] })
        var previousStatus: [String: String] = [:]
        for row in noticeRows { if let id = row[0] { previousStatus[id] = row[1] ?? "" } }

        var newComplaints: [Country: Int] = [:]
        for complaint in input.ingest.complaints where !previousComplaintIDs.contains(complaint.id) {
            newComplaints[complaint.requestingCountry, default: 0] += 1
        }
        var newCancellations: [Country: Int] = [:]
        for notice in input.ingest.notices where notice.status.hasEnded {
            let before = previousStatus[notice.id].flatMap(NoticeStatus.init(rawValue:))
            if before?.hasEnded != true { newCancellations[notice.requestingCountry, default: 0] += 1 }
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
            previousComplaints: complaintRows.count, previousNotices: noticeRows.count, overall: allCountries,
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
