import NoticeWatchModel

extension RecordsDatabase {
    /// The CSV tables that `records.sqlite` also holds, one table each named after the file without `.csv`,
    /// with the same columns: the figures, not the accounts (those have their own tables already) nor each
    /// notice's history on the public list (in the `notices` table).
    static let figureTables: Set<String> = [
        "complaint_volumes.csv", "overturn_rates.csv", "notice_cancellations.csv", "notices_by_nationality.csv",
        "survival_notices.csv", "survival_complaints.csv", "survival_summary.csv", "exclusions.csv",
        "public_list_captures.csv", "public_list_changes.csv", "public_list_departures.csv",
    ]

    /// The figure tables of `input`, in the order of the CSV tables, each with its columns and rows.
    static func figureTableContents(_ input: ReportInput) -> [(name: String, table: CSVTable)] {
        CSVTables.builders(input).filter { figureTables.contains($0.name) }.map { name, make in
            (String(name.dropLast(".csv".count)), CSVTable.$keepsCells.withValue(true) { make() })
        }
    }

    /// Adds the figure tables to the finished database at `path`, in one transaction.
    ///
    /// A column is `INTEGER` when every non-empty cell is an integer, `REAL` when every one is a decimal number,
    /// `TEXT` otherwise; an empty cell is NULL. The values are the CSV cells before escaping (no formula
    /// neutralization: SQLite never evaluates a cell).
    ///
    /// - Throws: `ReportError` `sqlite-failed` when SQLite refuses a statement.
    static func appendFigureTables(_ input: ReportInput, to path: String) throws(ReportError) {
        let database = try SQLiteDatabase(path: path)
        try database.execute("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA locking_mode = EXCLUSIVE;")
        try database.execute("BEGIN;")
        var row = SQLiteRow()
        for (name, table) in figureTableContents(input) {
            let rows = table.rows ?? []
            let types = table.header.indices.map { column in columnType(rows.lazy.map { $0[column] }) }
            let columns = zip(table.header, types).map { "\(quoted($0)) \($1)" }.joined(separator: ", ")
            try database.execute("CREATE TABLE \(quoted(name)) (\(columns)) STRICT;")
            let values = Array(repeating: "?", count: table.header.count).joined(separator: ", ")
            let insert = try SQLiteStatement("INSERT INTO \(quoted(name)) VALUES (\(values))", on: database)
            for cells in rows {
                row.removeAll()
                for (cell, type) in zip(cells, types) {
                    if cell.isEmpty {
                        row.appendNull()
                    } else if type == "INTEGER", let number = Int(cell) {
                        row.append(number)
                    } else {
                        // REAL columns are bound as their text: SQLite converts it exactly as it parses a literal.
                        row.append(cell)
                    }
                }
                try insert.run(row)
            }
        }
        try database.execute("COMMIT;")
    }

    /// `INTEGER`, `REAL` or `TEXT` for a column with `cells`.
    static func columnType<Cells: Sequence<String>>(_ cells: Cells) -> String {
        var integer = true
        var real = true
        for cell in cells where !cell.isEmpty {
            if integer, Int(cell) == nil { integer = false }
            if real, !isDecimal(cell) { real = false }
            if !integer && !real { return "TEXT" }
        }
        return integer ? "INTEGER" : real ? "REAL" : "TEXT"
    }

    /// Whether `cell` is a plain decimal number as the tables write them: `-0.25`, `412.5`, `1e-05`.
    static func isDecimal(_ cell: String) -> Bool {
        let grammar = #/-?[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?/#
        return cell.wholeMatch(of: grammar) != nil
    }

    /// An SQL identifier in double quotes.
    static func quoted(_ name: String) -> String {
        "\"" + name.replacingDoubleQuotes() + "\""
    }
}

extension String {
    /// The text with each `"` doubled, as SQL quotes an identifier.
    fileprivate func replacingDoubleQuotes() -> String {
        var result = ""
        for character in self {
            if character == "\"" { result.append("\"") }
            result.append(character)
        }
        return result
    }
}
