import NoticeWatchModel

/// Writes `records.sqlite`: the records, the quarantine, the conflicts, the accounting, the input files and
/// the run's provenance, as STRICT tables ready for `sqlite3` or Datasette.
///
/// Determinism: the file is created fresh with a fixed page size (4096), `journal_mode=OFF` (no journal
/// file, no WAL), UTF-8, a fixed `application_id` and `user_version`, the same statements in the same order
/// inside one transaction, and no timestamp anywhere. SQLite's header records the library version that
/// last wrote the file (offset 96), so byte-identical output holds for the same SQLite library version;
/// a different SQLite version can change those 4 bytes and the page layout.
enum RecordsDatabase {
    /// `NWCH` as a big-endian integer, so `file(1)` and tools can tell the file is NoticeWatch's.
    static let applicationID = 0x4E57_4348
    /// The schema's version, incremented when a table or column changes.
    static let schemaVersion = 1

    /// The schema, one statement per table and index.
    static let schema = """
        CREATE TABLE notices (
            id TEXT PRIMARY KEY, kind TEXT NOT NULL, country TEXT NOT NULL, country_name TEXT NOT NULL,
            issue_date TEXT, status TEXT NOT NULL, cancellation_date TEXT, cancellation_reason TEXT NOT NULL,
            source TEXT NOT NULL, file TEXT NOT NULL, line INTEGER, record INTEGER
        ) STRICT;
        CREATE TABLE complaints (
            id TEXT PRIMARY KEY, notice_id TEXT, country TEXT NOT NULL, country_name TEXT NOT NULL,
            filed_date TEXT, decision_date TEXT, outcome TEXT NOT NULL, outcome_label TEXT NOT NULL,
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
            merged INTEGER NOT NULL, quarantined INTEGER NOT NULL, mapping TEXT NOT NULL,
            PRIMARY KEY (source, record_kind)
        ) STRICT;
        CREATE TABLE input_files (
            path TEXT NOT NULL, source TEXT NOT NULL, size INTEGER NOT NULL, sha256 TEXT NOT NULL,
            rows_read INTEGER NOT NULL, reader_choices TEXT NOT NULL, PRIMARY KEY (path, source)
        ) STRICT;
        CREATE TABLE run (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
        CREATE INDEX notices_country ON notices (country);
        CREATE INDEX notices_status ON notices (status);
        CREATE INDEX complaints_country ON complaints (country);
        CREATE INDEX complaints_notice_id ON complaints (notice_id);
        CREATE INDEX complaints_outcome ON complaints (outcome);
        CREATE INDEX quarantine_reason_code ON quarantine (reason_code);
        """

    /// Writes the database to `path`, which must not exist.
    ///
    /// - Throws: `ReportError` `sqlite-failed` when SQLite refuses a statement (such as two records with
    ///   the same id, which ingest never produces).
    /// - Complexity: O(n log n) in the rows written.
    static func write(_ input: ReportInput, to path: String) throws(ReportError) {
        let database = try SQLiteDatabase(path: path)
        try database.execute(
            "PRAGMA page_size = 4096; PRAGMA journal_mode = OFF; PRAGMA encoding = 'UTF-8'; "
                + "PRAGMA application_id = \(applicationID); PRAGMA user_version = \(schemaVersion);"
        )
        try database.execute("BEGIN;")
        try database.execute(schema)
        let ingest = input.ingest
        try database.insert(
            "INSERT INTO notices VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows: ingest.notices.sorted { $0.id < $1.id }.map { notice in
                [
                    .text(notice.id), .text(notice.kind.rawValue), .text(notice.requestingCountry.alpha2),
                    .text(notice.requestingCountry.name), date(notice.issueDate), .text(notice.status.rawValue),
                    date(notice.cancellationDate), .text(notice.cancellationReason.rawValue),
                ] + location(notice.provenance)
            }
        )
        try database.insert(
            "INSERT INTO complaints VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows: ingest.complaints.sorted { $0.id < $1.id }.map { complaint in
                [
                    .text(complaint.id), complaint.noticeID.map(SQLiteDatabase.Value.text) ?? .null,
                    .text(complaint.requestingCountry.alpha2), .text(complaint.requestingCountry.name),
                    date(complaint.filedDate), date(complaint.decisionDate), .text(complaint.outcome.rawValue),
                    .text(complaint.outcomeLabel),
                ] + location(complaint.provenance)
            }
        )
        try database.insert(
            "INSERT INTO quarantine VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows: ingest.quarantine.inReportOrder.enumerated().map { offset, row in
                [.integer(offset + 1)] + location(row.location) + [
                    row.field.map(SQLiteDatabase.Value.text) ?? .null, .text(row.rawValue), .text(row.reason.code),
                    .text(row.reason.message),
                ]
            }
        )
        try database.insert(
            "INSERT INTO conflicts VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows: ingest.conflicts.sorted().enumerated().map { offset, conflict in
                [
                    .integer(offset + 1), .text(conflict.recordKind.rawValue), .text(conflict.id),
                    .text(conflict.field),
                    .text(conflict.keptValue),
                ] + location(conflict.keptLocation) + [.text(conflict.discardedValue)]
                    + location(conflict.discardedLocation)
            }
        )
        try database.insert(
            "INSERT INTO sources VALUES (?, ?, ?, ?, ?, ?, ?)",
            rows: ingest.sources.sorted { ($0.source, $0.recordKind.rawValue) < ($1.source, $1.recordKind.rawValue) }
                .map {
                    [
                        .text($0.source), .text($0.recordKind.rawValue), .integer($0.read), .integer($0.kept),
                        .integer($0.merged), .integer($0.quarantined), .text($0.mapping.joined(separator: "; ")),
                    ]
                }
        )
        try database.insert(
            "INSERT INTO input_files VALUES (?, ?, ?, ?, ?, ?)",
            rows: ingest.inputFiles.sorted().map {
                [
                    .text($0.path), .text($0.source), .integer($0.size), .text($0.sha256), .integer($0.rowsRead),
                    .text($0.readerChoices.joined(separator: "; ")),
                ]
            }
        )
        try database.insert(
            "INSERT INTO run VALUES (?, ?)",
            rows: runPairs(input).map { [.text($0.key), .text($0.value)] }
        )
        try database.execute("COMMIT;")
    }

    /// The `run` table: the version, the dataset path, the sources file's hash, the as-of date and every
    /// option, sorted by key.
    static func runPairs(_ input: ReportInput) -> [(key: String, value: String)] {
        var pairs: [(key: String, value: String)] = [
            ("tool_version", input.provenance.toolVersion),
            ("dataset_path", input.provenance.datasetPath),
            ("sources_file_sha256", input.ingest.sourcesFileSHA256 ?? ""),
            ("as_of", input.figures.options.asOf.description),
            ("as_of_origin", input.figures.options.asOfOrigin),
        ]
        for option in input.provenance.options {
            let parts = option.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            pairs.append(("option." + String(parts[0]), parts.count > 1 ? String(parts[1]) : ""))
        }
        var seen = Set<String>()
        return pairs.sorted { ($0.key, $0.value) < ($1.key, $1.value) }.filter { seen.insert($0.key).inserted }
    }

    private static func date(_ date: CivilDate?) -> SQLiteDatabase.Value {
        date.map { .text($0.description) } ?? .null
    }

    private static func location(_ location: SourceLocation) -> [SQLiteDatabase.Value] {
        [
            .text(location.source), .text(location.file), location.line.map(SQLiteDatabase.Value.integer) ?? .null,
            location.record.map(SQLiteDatabase.Value.integer) ?? .null,
        ]
    }
}
