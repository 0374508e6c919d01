import Foundation
import NoticeWatchModel
import Testing

@testable import NoticeWatchReport

/// The figure tables of `records.sqlite` and the Datasette `metadata.json` beside it.
@Suite struct FigureTablesTests {
    @Test func everyFigureCSVIsATableWithTheSameColumnsAndCells() throws {
        let temporary = try TemporaryFolder()
        defer { temporary.remove() }
        let (folder, _) = try writeReport(in: temporary)
        let database = try SQLiteDatabase(path: folder + "/records.sqlite", readOnly: true)
        var checked = 0
        for name in RecordsDatabase.figureTables.sorted() {
            let text = readText(folder, name)
            guard !text.isEmpty else { continue }
            let csv = try #require(CSVTable.parse(text))
            let table = String(name.dropLast(".csv".count))
            let columns = try database.query("SELECT name FROM pragma_table_info('\(table)') ORDER BY cid")
            #expect(columns.map { $0[0] } == csv.header, "\(table)")
            let rows = try database.query("SELECT * FROM \"\(table)\" ORDER BY rowid")
            #expect(rows.count == csv.rows.count, "\(table)")
            for (stored, written) in zip(rows, csv.rows) {
                for (cell, value) in zip(stored, written) {
                    // SQLite gives REAL cells back in its own shortest form: compare them as numbers.
                    if let cell, let number = Double(cell), let expected = Double(value) {
                        #expect(number == expected, "\(table): \(cell) vs \(value)")
                    } else {
                        #expect((cell ?? "") == value, "\(table): \(cell ?? "NULL") vs \(value)")
                    }
                }
            }
            checked += 1
        }
        #expect(checked >= 7)
        #expect(
            try database.query(
                "SELECT typeof(rate), typeof(decided), typeof(country_code), typeof(year) FROM overturn_rates "
                    + "WHERE scope = 'overall'") == [["real", "integer", "null", "null"]])
        #expect(
            try database.query("SELECT rate FROM overturn_rates WHERE scope = 'country' AND country_code = 'RU'") == [
                ["1.0"]
            ])
        #expect(try database.query("PRAGMA user_version") == [[String(RecordsDatabase.schemaVersion)]])
    }

    @Test func columnTypesFollowTheCells() {
        #expect(RecordsDatabase.columnType(["1", "", "-12"]) == "INTEGER")
        #expect(RecordsDatabase.columnType(["0.2500", "1", "1e-05"]) == "REAL")
        #expect(RecordsDatabase.columnType(["RU", "1"]) == "TEXT")
        #expect(RecordsDatabase.columnType(["", ""]) == "INTEGER")
        #expect(
            !RecordsDatabase.isDecimal("0x10") && !RecordsDatabase.isDecimal("1.") && !RecordsDatabase.isDecimal(""))
    }

    @Test(arguments: [
        ("0", true), ("-0.25", true), ("412.5", true), ("1e-05", true), ("2.5E+3", true), ("-7e2", true),
        ("-", false), (".5", false), ("1e", false), ("1e+", false), ("1.2.3", false), ("+1", false), (" 1", false),
        ("1 ", false), ("١٢", false), ("NaN", false), ("inf", false),
    ])
    func decimalCellsFollowTheGrammar(cell: String, decimal: Bool) {
        #expect(RecordsDatabase.isDecimal(cell) == decimal)
    }

    @Test func metadataDescribesEveryTableAndColumnAndTheQueriesRun() throws {
        let temporary = try TemporaryFolder()
        defer { temporary.remove() }
        let (folder, _) = try writeReport(in: temporary)
        let metadata = try ParsedJSON.parse(readText(folder, "metadata.json"))
        #expect(metadata["source"]?.string?.contains("NoticeWatch") == true)
        #expect(metadata["license"]?.string?.isEmpty == false)
        let database = try SQLiteDatabase(path: folder + "/records.sqlite", readOnly: true)
        let tables = try database.query("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
            .compactMap { $0[0] }
        let described = try #require(metadata["databases"]?["records"]?["tables"])
        let outputs = try String(
            contentsOfFile: FiguresJSONTests.repository + "/Sources/NoticeWatchReport/OUTPUTS.md", encoding: .utf8)
        for table in tables {
            #expect(described[table]?["title"]?.string?.isEmpty == false, "\(table) has a title")
            #expect(described[table]?["description"]?.string?.isEmpty == false, "\(table) has a description")
            let columns = try database.query("SELECT name FROM pragma_table_info('\(table)')").compactMap { $0[0] }
            for column in columns {
                #expect(described[table]?["columns"]?[column]?.string?.isEmpty == false, "\(table).\(column)")
                #expect(
                    outputs.contains("`\(column)`") || column.hasPrefix("complaints_") || column == "id",
                    "\(table).\(column) is documented in OUTPUTS.md")
            }
        }
        guard case .object(let queries)? = metadata["databases"]?["records"]?["queries"] else {
            Issue.record("no canned queries")
            return
        }
        #expect(queries.map(\.0).contains("country_notices"))
        #expect(queries.map(\.0).contains("country_complaints_by_outcome"))
        for (name, query) in queries {
            let sql = try #require(query["sql"]?.string).replacingOccurrences(of: ":country", with: "'ru'")
            let rows = try database.query(sql)
            #expect(!rows.isEmpty, "\(name) finds Russia's rows")
        }
        let outcomes = try database.query(
            try #require(queries.first { $0.0 == "country_complaints_by_outcome" }?.1["sql"]?.string)
                .replacingOccurrences(of: ":country", with: "'RU'"))
        #expect(outcomes == [["overturned", "2"]])
    }
}
