import NoticeWatchModel

/// Writes `records.sqlite`: the records, the quarantine, the conflicts, the accounting, the input files and
/// the run's provenance, as STRICT tables ready for `sqlite3` or Datasette; the figure tables are added once
/// the figures exist (`RecordsDatabase+Figures.swift`), and `metadata.json` describes them all.
///
/// Determinism: the file is created fresh with a fixed page size (16384, which fills about a tenth faster than
/// 4096), `journal_mode=OFF` (no journal file, no WAL), UTF-8, a fixed `application_id` and `user_version`, the
/// same statements in the same order inside one transaction, and no timestamp anywhere. SQLite's header records
/// the library version that last wrote the file (offset 96), so byte-identical output holds for the same SQLite
/// library version; a different SQLite version can change those 4 bytes and the page layout.
enum RecordsDatabase {
    /// `NWCH` as a big-endian integer, so `file(1)` and tools can tell the file is NoticeWatch's.
    static let applicationID = 0x4E57_4348
    /// The schema's version, incremented when a table or column changes.
    static let schemaVersion = 5

    /// The tables, one statement each.
    static let tables = """
        CREATE TABLE notices (
            id TEXT PRIMARY KEY, kind TEXT NOT NULL, country TEXT, country_name TEXT NOT NULL,
            nationalities TEXT NOT NULL,
            issue_date TEXT, status TEXT NOT NULL, cancellation_date TEXT, cancellation_reason TEXT NOT NULL,
            flagged TEXT NOT NULL, source TEXT NOT NULL, file TEXT NOT NULL, line INTEGER, record INTEGER
        ) STRICT;
        CREATE TABLE complaints (
            id TEXT PRIMARY KEY, notice_id TEXT, country TEXT, country_name TEXT NOT NULL,
            filed_date TEXT, decision_date TEXT, outcome TEXT NOT NULL, outcome_label TEXT NOT NULL,
            data_type TEXT NOT NULL, request_type TEXT NOT NULL, admissibility_date TEXT, flagged TEXT NOT NULL,
            source TEXT NOT NULL, file TEXT NOT NULL, line INTEGER, record INTEGER
        ) STRICT;
        CREATE TABLE quarantine (
            id INTEGER PRIMARY KEY, source TEXT NOT NULL, file TEXT NOT NULL, line INTEGER, record INTEGER,
            field TEXT, raw_value TEXT NOT NULL, reason_code TEXT NOT NULL, reason TEXT NOT NULL
        ) STRICT;
        CREATE TABLE conflicts (
            id INTEGER PRIMARY KEY, record_kind TEXT NOT NULL, record_id TEXT NOT NULL, field TEXT NOT NULL,
            kept_value TEXT NOT NULL, kept_source TEXT NOT NULL, kept_file TEXT NOT NULL, kept_line INTEGER,
            kept_record INTEGER, discarded_value TEXT NOT NULL, discarded_source TEXT NOT NULL,
            discarded_file TEXT NOT NULL, discarded_line INTEGER, discarded_record INTEGER
        ) STRICT;
        CREATE TABLE sources (
            source TEXT NOT NULL, record_kind TEXT NOT NULL, read INTEGER NOT NULL, kept INTEGER NOT NULL,
            merged INTEGER NOT NULL, exact_repeats INTEGER NOT NULL, quarantined INTEGER NOT NULL,
            with_values_not_understood INTEGER NOT NULL, mapping TEXT NOT NULL, PRIMARY KEY (source, record_kind)
        ) STRICT;
        CREATE TABLE warrants (
            notice_id TEXT NOT NULL, position INTEGER NOT NULL, issuing_country TEXT, charge TEXT NOT NULL,
            charge_translation TEXT, charge_category TEXT, PRIMARY KEY (notice_id, position)
        ) STRICT;
        CREATE TABLE values_not_understood (
            id INTEGER PRIMARY KEY, source TEXT NOT NULL, record_kind TEXT NOT NULL, field TEXT NOT NULL,
            raw_value TEXT NOT NULL, count INTEGER NOT NULL, first_file TEXT NOT NULL, first_line INTEGER,
            first_record INTEGER
        ) STRICT;
        CREATE TABLE input_files (
            path TEXT NOT NULL, source TEXT NOT NULL, size INTEGER NOT NULL, sha256 TEXT NOT NULL,
            rows_read INTEGER NOT NULL, reader_choices TEXT NOT NULL, PRIMARY KEY (path, source)
        ) STRICT;
        CREATE TABLE run (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
        """

    /// The indexes, created once the rows are in: SQLite then sorts each index's keys once and fills its
    /// pages in order, instead of updating it row by row (faster, and a smaller file).
    ///
    /// Only columns that select a small part of a table are indexed (a country, a notice id, a reason code).
    /// Columns with a handful of values (status, outcome) are not: a query on one of them reads much of the
    /// table anyway, which a full scan does as fast, and their indexes cost a tenth of the file and of the
    /// time to write it.
    static let indexes = """
        CREATE INDEX notices_country ON notices (country);
        CREATE INDEX complaints_country ON complaints (country);
        CREATE INDEX complaints_notice_id ON complaints (notice_id);
        CREATE INDEX quarantine_reason_code ON quarantine (reason_code);
        CREATE INDEX warrants_charge_category ON warrants (charge_category);
        """

    /// Writes the database to `path`, which must not exist.
    ///
    /// Rows are bound straight from the records, one reused buffer per table, and the file is written
    /// without `fsync` and with the connection's lock held throughout: the report folder is published only
    /// once complete, and the pragmas that speed the writing up change no byte of the file.
    ///
    /// - Throws: `ReportError` `sqlite-failed` when SQLite refuses a statement (such as two records with
    ///   the same id, which ingest never produces).
    /// - Complexity: O(n log n) in the rows written; O(n) when the records are sorted by id, as ingest
    ///   returns them.
    static func write(_ input: ReportInput, to path: String) throws(ReportError) {
        try write(
            input.ingest, provenance: input.provenance, asOf: input.figures.options.asOf,
            asOfOrigin: input.figures.options.asOfOrigin, to: path)
    }

    /// Writes the database of `ingest`'s records and accounts to `path`, which must not exist; the `run` table
    /// holds `provenance` and the as-of date (known before the figures are).
    static func write(
        _ ingest: IngestResult, provenance: RunProvenance, asOf: CivilDate, asOfOrigin: String, to path: String
    ) throws(ReportError) {
        let database = try SQLiteDatabase(path: path)
        try database.execute(
            "PRAGMA page_size = 16384; PRAGMA journal_mode = OFF; PRAGMA encoding = 'UTF-8'; "
                + "PRAGMA application_id = \(applicationID); PRAGMA user_version = \(schemaVersion); "
                + "PRAGMA synchronous = OFF; PRAGMA locking_mode = EXCLUSIVE;"
        )
        try database.execute("BEGIN;")
        try database.execute(tables)
        try insertNotices(ingest.notices, into: database)
        try insertComplaints(ingest.complaints, into: database)
        try insertWarrants(ingest, into: database)
        try insertAccounts(
            ingest, run: runPairs(ingest, provenance: provenance, asOf: asOf, asOfOrigin: asOfOrigin), into: database)
        try insertListHistory(ingest, into: database)
        try database.execute(indexes)
        try database.execute("COMMIT;")
    }

    private static func insertNotices(_ notices: RecordList<Notice>, into database: SQLiteDatabase) throws(ReportError)
    {
        let names = CountryNames()
        try insert(into: "notices", columns: 14, records: inIDOrder(notices, \.id), on: database) { notice, row in
            row.append(notice.id)
            row.append(notice.kind.rawValue)
            names.append(notice.requestingCountry, to: &row)
            row.append(notice.nationalities.map(\.alpha2).joined(separator: ","))
            row.append(notice.issueDate)
            row.append(notice.status.rawValue)
            row.append(notice.cancellationDate)
            row.append(notice.cancellationReason.rawValue)
            row.append(notice.flagged.isEmpty ? "" : notice.flagged.fieldNames.joined(separator: ","))
            row.append(notice.provenance)
        }
    }

    private static func insertComplaints(
        _ complaints: RecordList<Complaint>, into database: SQLiteDatabase
    ) throws(ReportError) {
        let names = CountryNames()
        try insert(into: "complaints", columns: 16, records: inIDOrder(complaints, \.id), on: database) {
            complaint, row in
            row.append(complaint.id)
            row.append(complaint.noticeID)
            names.append(complaint.requestingCountry, to: &row)
            row.append(complaint.filedDate)
            row.append(complaint.decisionDate)
            row.append(complaint.outcome.rawValue)
            row.append(complaint.outcomeLabel)
            row.append(complaint.dataType.rawValue)
            row.append(complaint.requestType.rawValue)
            row.append(complaint.admissibilityDate)
            row.append(complaint.flagged.isEmpty ? "" : complaint.flagged.fieldNames.joined(separator: ","))
            row.append(complaint.provenance)
        }
    }

    /// How many rows one run of a bulk insert carries (SQLite 3.40 takes up to 500 terms in a `VALUES` list).
    static let batchRows = 200

    /// How many batches one encoding task prepares.
    static let chunkBatches = 50

    /// Inserts every record of `records` into `table`, ``batchRows`` per run of one `INSERT … VALUES (…), (…),
    /// …`, in order: the same inserts, in the same order, as one statement per row, but SQLite opens the table's
    /// and its indexes' cursors once per batch instead of once per row. The rows are encoded on another thread,
    /// ``chunkBatches`` batches ahead of SQLite, walking the list once.
    ///
    /// - Parameter cells: appends the cells of one record to the row buffer.
    /// - Throws: `ReportError` `sqlite-failed` with SQLite's message and the one-row statement.
    private static func insert<Record: Sendable>(
        into table: String, columns: Int, records: RecordList<Record>, on database: SQLiteDatabase,
        cells: @escaping @Sendable (_ record: Record, _ row: inout SQLiteRow) -> Void
    ) throws(ReportError) {
        let values = "(" + Array(repeating: "?", count: columns).joined(separator: ", ") + ")"
        let shown = "INSERT INTO \(table) VALUES \(values)"
        func statement(rows: Int) throws(ReportError) -> SQLiteStatement {
            let sql = "INSERT INTO \(table) VALUES " + Array(repeating: values, count: rows).joined(separator: ", ")
            return try SQLiteStatement(sql, on: database, shownAs: shown)
        }
        /// Encodes the next chunk of rows from `walk`, which it owns until it hands it back with the batches.
        func encode(_ walk: RecordWalk<Record>) -> BackgroundWork<(batches: [SQLiteRow], walk: RecordWalk<Record>?)> {
            BackgroundWork {
                var batches: [SQLiteRow] = []
                var done = false
                while batches.count < chunkBatches && !done {
                    var row = SQLiteRow()
                    var rows = 0
                    while rows < batchRows, let record = walk.iterator.next() {
                        cells(record, &row)
                        rows += 1
                    }
                    done = rows < batchRows
                    if rows > 0 { batches.append(row) }
                }
                return (batches, done ? nil : walk)
            }
        }
        let full = records.count >= batchRows ? try statement(rows: batchRows) : nil
        var next: BackgroundWork<(batches: [SQLiteRow], walk: RecordWalk<Record>?)>? =
            records.isEmpty ? nil : encode(RecordWalk(records.makeIterator()))
        while let current = next {
            let (batches, walk) = try current.value()
            next = walk.map(encode)
            for batch in batches {
                if let full, batch.cells.count == batchRows * columns {
                    try full.run(batch)
                } else {
                    try statement(rows: batch.cells.count / columns).run(batch)
                }
            }
        }
    }

    /// The quarantine, conflicts, sources, input files and run tables.
    private static func insertAccounts(
        _ ingest: IngestResult, run pairs: [(key: String, value: String)], into database: SQLiteDatabase
    ) throws(ReportError) {
        var row = SQLiteRow()
        let quarantine = try SQLiteStatement("INSERT INTO quarantine VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", on: database)
        for (offset, entry) in ingest.quarantine.inReportOrder.enumerated() {
            row.removeAll()
            row.append(offset + 1)
            row.append(entry.location)
            row.append(entry.field)
            row.append(entry.rawValue)
            row.append(entry.reason.code)
            row.append(entry.reason.message)
            try quarantine.run(row)
        }
        let conflicts = try SQLiteStatement(
            "INSERT INTO conflicts VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", on: database)
        for (offset, conflict) in ingest.conflicts.sorted().enumerated() {
            row.removeAll()
            row.append(offset + 1)
            row.append(conflict.recordKind.rawValue)
            row.append(conflict.id)
            row.append(conflict.field)
            row.append(conflict.keptValue)
            row.append(conflict.keptLocation)
            row.append(conflict.discardedValue)
            row.append(conflict.discardedLocation)
            try conflicts.run(row)
        }
        let sources = try SQLiteStatement("INSERT INTO sources VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", on: database)
        for source in ingest.sources.sorted(by: {
            ($0.source, $0.recordKind.rawValue) < ($1.source, $1.recordKind.rawValue)
        }) {
            row.removeAll()
            row.append(source.source)
            row.append(source.recordKind.rawValue)
            row.append(source.read)
            row.append(source.kept)
            row.append(source.merged)
            row.append(source.exactRepeats)
            row.append(source.quarantined)
            row.append(source.withValuesNotUnderstood)
            row.append(source.mapping.joined(separator: "; "))
            try sources.run(row)
        }
        try insertValuesNotUnderstood(ingest.valuesNotUnderstood, into: database)
        let files = try SQLiteStatement("INSERT INTO input_files VALUES (?, ?, ?, ?, ?, ?)", on: database)
        for file in ingest.inputFiles.sorted() {
            row.removeAll()
            row.append(file.path)
            row.append(file.source)
            row.append(file.size)
            row.append(file.sha256)
            row.append(file.rowsRead)
            row.append(file.readerChoices.joined(separator: "; "))
            try files.run(row)
        }
        let run = try SQLiteStatement("INSERT INTO run VALUES (?, ?)", on: database)
        for pair in pairs {
            row.removeAll()
            row.append(pair.key)
            row.append(pair.value)
            try run.run(row)
        }
    }

    /// `records` in ascending order of `id`, equal ids in their order: the list itself when it is already in
    /// that order, as ingest returns it (a list read back from storage always is).
    ///
    /// - Complexity: O(n) when sorted, else O(n log n).
    static func inIDOrder<Record>(_ records: RecordList<Record>, _ id: KeyPath<Record, String>) -> RecordList<Record> {
        guard let array = records.inMemory else { return records }
        var sorted = true
        for index in array.indices.dropFirst() where array[index][keyPath: id] < array[index - 1][keyPath: id] {
            sorted = false
            break
        }
        if sorted { return records }
        let ids = array.map { $0[keyPath: id] }
        return RecordList(ids.indices.sorted { (ids[$0], $0) < (ids[$1], $1) }.map { array[$0] })
    }

    /// The `run` table: the version, the dataset path, the sources file's hash, the as-of date and every
    /// option, sorted by key.
    static func runPairs(
        _ ingest: IngestResult, provenance: RunProvenance, asOf: CivilDate, asOfOrigin: String
    ) -> [(key: String, value: String)] {
        var pairs: [(key: String, value: String)] = [
            ("tool_version", provenance.toolVersion),
            ("dataset_path", provenance.datasetPath),
            ("sources_file_sha256", ingest.sourcesFileSHA256 ?? ""),
            ("as_of", asOf.description),
            ("as_of_origin", asOfOrigin),
        ]
        for option in provenance.options {
            let parts = option.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            pairs.append(("option." + String(parts[0]), parts.count > 1 ? String(parts[1]) : ""))
        }
        var seen = Set<String>()
        return pairs.sorted { ($0.key, $0.value) < ($1.key, $1.value) }.filter { seen.insert($0.key).inserted }
    }
}

/// Every member country's alpha-2 code and English name as UTF-8, by ``Country/index``: encoded once for
/// the million rows that repeat them.
struct CountryNames {
    let alpha2: [[UInt8]]
    let name: [[UInt8]]

    /// Appends the `country` and `country_name` cells: a member's code and name, or `NULL` and the text as
    /// written for a country not recognized.
    func append(_ country: CountryValue, to row: inout SQLiteRow) {
        switch country {
        case .member(let member):
            row.append(utf8: alpha2[member.index])
            row.append(utf8: name[member.index])
        case .unrecognized(let text):
            row.appendNull()
            row.append(text)
        }
    }

    init() {
        alpha2 = CountryTable.members.map { Array($0.alpha2.utf8) }
        name = CountryTable.members.map { Array($0.english.utf8) }
    }
}

/// One walk over a record list, handed from one encoding task to the next.
///
/// `@unchecked Sendable`: the iterator is used by one task at a time; each task returns the walk with its
/// result, and only then is it given to the next task.
final class RecordWalk<Record: RecordWithFacts>: @unchecked Sendable {
    var iterator: RecordList<Record>.Iterator

    init(_ iterator: RecordList<Record>.Iterator) {
        self.iterator = iterator
    }
}
