import NoticeWatchModel

/// Reads a sheet's table row by row, as the CSV reader reads lines: per row, the text of each requested column,
/// a date serial as `yyyy-MM-dd` in a date column and every other value as its text (ids exactly, a whole
/// number without `.0`). A row set aside by the layout (a repeated header, a totals row) comes out broken, with
/// its reason, and goes to quarantine.
///
/// Lines are the sheet's row numbers; records count the rows below the header, blank rows left out.
struct SheetReader: FieldReader {
    private let table: SheetTable?
    /// Per requested path: the grid column, and how its values are read.
    private let requested: [(column: Int?, use: ColumnUse)]
    private var position = 0
    private var record = 0
    let choices: [String]

    /// - Parameters:
    ///   - paths: header names, in the order values are wanted.
    ///   - uses: how each path's values are read (dates or text), aligned with `paths`.
    init(table: SheetTable?, paths: [String], uses: [ColumnUse]) {
        self.table = table
        requested = zip(paths, uses).map { path, use in
            (table.flatMap { table in CSVReader.column(named: path, in: table.names).map { table.columns[$0] } }, use)
        }
        choices = []
    }

    var valueCount: Int { requested.count }

    var bytesConsumed: Int? { nil }

    mutating func nextFields(into fields: RecordFields) throws(IngestError) -> FieldRead? {
        guard let table, position < table.rows.count else { return nil }
        let entry = table.rows[position]
        position += 1
        record += 1
        if let reason = entry.setAside {
            return .broken(
                BrokenRecord(
                    line: entry.row.number, record: record,
                    rawText: entry.row.cells.map { table.grid.label($0.value) }.filter { !$0.isEmpty }
                        .joined(separator: " | "),
                    field: nil, reason: reason))
        }
        fields.clear(slots: requested.count)
        fields.line = entry.row.number
        fields.record = record
        for (slot, wanted) in requested.enumerated() {
            guard let column = wanted.column else { continue }
            fields.set(slot, table.grid.text(entry.row.value(at: column), use: wanted.use))
        }
        return .record
    }
}
