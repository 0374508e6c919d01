import NoticeWatchModel

extension RecordsDatabase {
    /// The `values_not_understood` table: one row per source, field and value, in the order of
    /// `values-not-understood.csv`.
    static func insertValuesNotUnderstood(
        _ values: [ValueNotUnderstood], into database: SQLiteDatabase
    ) throws(ReportError) {
        var row = SQLiteRow()
        let statement = try SQLiteStatement(
            "INSERT INTO values_not_understood VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", on: database)
        for (offset, value) in values.sorted().enumerated() {
            row.removeAll()
            row.append(offset + 1)
            row.append(value.source)
            row.append(value.recordKind.rawValue)
            row.append(value.field)
            row.append(value.rawValue)
            row.append(value.count)
            row.append(value.firstLocation.file)
            row.append(value.firstLocation.line)
            row.append(value.firstLocation.record)
            try statement.run(row)
        }
    }
}
