import NoticeWatchModel

extension RecordsDatabase {
    /// The `warrants` table: one row per arrest warrant of a notice, `position` 1 for the first (the one whose
    /// issuing country counts as requesting), with the charge as written, its translation and its category
    /// (`NULL` when the warrant names no charge). The notices are walked only when some source maps warrants or
    /// a charge, so a run without them pays nothing.
    static func insertWarrants(_ ingest: IngestResult, into database: SQLiteDatabase) throws(ReportError) {
        guard ingest.mapsWarrants else { return }
        var row = SQLiteRow()
        let statement = try SQLiteStatement("INSERT INTO warrants VALUES (?, ?, ?, ?, ?, ?)", on: database)
        for notice in inIDOrder(ingest.notices, \.id) where !notice.warrants.isEmpty {
            for (offset, warrant) in notice.warrants.enumerated() {
                row.removeAll()
                row.append(notice.id)
                row.append(offset + 1)
                row.append(warrant.issuingCountry.code.isEmpty ? nil : warrant.issuingCountry.code)
                row.append(warrant.charge)
                row.append(warrant.chargeTranslation)
                row.append(warrant.chargeCategory?.rawValue)
                try statement.run(row)
            }
        }
    }
}
