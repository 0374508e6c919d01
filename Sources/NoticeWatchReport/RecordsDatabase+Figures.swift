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

    /// Adds the figure tables to the finished database at `path`, in one transaction.
    ///
    /// Each table is built twice, streaming its rows and holding none: once to choose the column types, once to
    /// insert the rows. A column is `INTEGER` when every non-empty cell is an integer, `REAL` when every one is
    /// a decimal number, `TEXT` otherwise; an empty cell is NULL. The values are the CSV cells before escaping
    /// (no formula neutralization: SQLite never evaluates a cell).
    ///
    /// - Throws: `ReportError` `sqlite-failed` when SQLite refuses a statement.
    /// - Complexity: O(cells) time; memory for one row at a time.
    static func appendFigureTables(_ input: ReportInput, to path: String) throws(ReportError) {
        let database = try SQLiteDatabase(path: path)
        try database.execute("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA locking_mode = EXCLUSIVE;")
        try database.execute("BEGIN;")
        for (file, make) in CSVTables.builders(input) where figureTables.contains(file) {
            let name = quoted(String(file.dropLast(".csv".count)))
            var types: [ColumnType] = []
            let inferring = CSVRowSink { cells in
                if types.isEmpty { types = Array(repeating: .integer, count: cells.count) }
                for (column, cell) in cells.enumerated() { types[column] = types[column].admitting(cell) }
            }
            let header = CSVTable.$rowSink.withValue(inferring) { make().header }
            if types.isEmpty { types = Array(repeating: .integer, count: header.count) }
            let columns = zip(header, types).map { "\(quoted($0)) \($1.rawValue)" }.joined(separator: ", ")
            try database.execute("CREATE TABLE \(name) (\(columns)) STRICT;")
            let values = Array(repeating: "?", count: header.count).joined(separator: ", ")
            let insert = try SQLiteStatement("INSERT INTO \(name) VALUES (\(values))", on: database)
            var row = SQLiteRow()
            var failure: ReportError?
            let inserting = CSVRowSink { cells in
                guard failure == nil else { return }
                row.removeAll()
                for (cell, type) in zip(cells, types) {
                    if cell.isEmpty {
                        row.appendNull()
                    } else if type == .integer, let number = Int(cell) {
                        row.append(number)
                    } else {
                        // REAL columns are bound as their text: SQLite converts it exactly as it parses a literal.
                        row.append(cell)
                    }
                }
                do throws(ReportError) { try insert.run(row) } catch { failure = error }
            }
            _ = CSVTable.$rowSink.withValue(inserting) { make() }
            if let failure { throw failure }
        }
        try database.execute("COMMIT;")
    }

    /// A figure table column's SQLite type, from the cells seen so far.
    enum ColumnType: String {
        case integer = "INTEGER"
        case real = "REAL"
        case text = "TEXT"

        /// The type of a column that also holds `cell`.
        func admitting(_ cell: String) -> ColumnType {
            guard !cell.isEmpty, self != .text else { return self }
            if self == .integer, Int(cell) != nil { return .integer }
            return RecordsDatabase.isDecimal(cell) ? .real : .text
        }
    }

    /// `INTEGER`, `REAL` or `TEXT` for a column with `cells`.
    static func columnType<Cells: Sequence<String>>(_ cells: Cells) -> String {
        cells.reduce(ColumnType.integer) { $0.admitting($1) }.rawValue
    }

    /// Whether `cell` is a plain decimal number as the tables write them: `-0.25`, `412.5`, `1e-05`.
    ///
    /// The grammar is `-?[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?`, checked byte by byte: the tables have many cells, and
    /// a cell is read once.
    ///
    /// - Complexity: O(bytes of the cell).
    static func isDecimal(_ cell: String) -> Bool {
        let bytes = Array(cell.utf8)
        var position = 0
        func digits() -> Bool {
            let start = position
            while position < bytes.count, (0x30...0x39).contains(bytes[position]) { position += 1 }
            return position > start
        }
        func skip(_ byte: UInt8) -> Bool {
            guard position < bytes.count, bytes[position] == byte else { return false }
            position += 1
            return true
        }
        _ = skip(UInt8(ascii: "-"))
        guard digits() else { return false }
        if skip(UInt8(ascii: ".")) { guard digits() else { return false } }
        if skip(UInt8(ascii: "e")) || skip(UInt8(ascii: "E")) {
            if !skip(UInt8(ascii: "+")) { _ = skip(UInt8(ascii: "-")) }
            guard digits() else { return false }
        }
        return position == bytes.count
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
