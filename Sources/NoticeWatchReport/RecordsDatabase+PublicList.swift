import NoticeWatchModel

extension RecordsDatabase {
    /// The public list history of each notice seen in captures of the public list (a series, or one scrape): a
    /// `captures` table, and the columns `first_seen`, `last_seen`, `captures_seen`, `gaps` and `seen_on` (the ISO
    /// dates of the captures it was seen in, comma-separated) of the `notices` table. With no capture, nothing is
    /// added.
    static func insertListHistory(_ ingest: IngestResult, into database: SQLiteDatabase) throws(ReportError) {
        guard !ingest.captures.isEmpty else { return }
        try database.execute(
            """
            CREATE TABLE captures (
                capture_date TEXT PRIMARY KEY, notices_seen INTEGER NOT NULL, service_total INTEGER,
                files TEXT NOT NULL
            ) STRICT;
            CREATE TEMP TABLE sightings (
                notice_id TEXT PRIMARY KEY, first_seen TEXT NOT NULL, last_seen TEXT NOT NULL,
                captures_seen INTEGER NOT NULL, gaps INTEGER NOT NULL, seen_on TEXT NOT NULL
            );
            ALTER TABLE notices ADD COLUMN first_seen TEXT;
            ALTER TABLE notices ADD COLUMN last_seen TEXT;
            ALTER TABLE notices ADD COLUMN captures_seen INTEGER;
            ALTER TABLE notices ADD COLUMN gaps INTEGER;
            ALTER TABLE notices ADD COLUMN seen_on TEXT;
            """)
        var row = SQLiteRow()
        let capture = try SQLiteStatement("INSERT INTO captures VALUES (?, ?, ?, ?)", on: database)
        for entry in ingest.captures {
            row.removeAll()
            row.append(entry.date)
            row.append(entry.seen)
            row.append(entry.serviceTotal)
            row.append(entry.files.joined(separator: "\n"))
            try capture.run(row)
        }
        let dates = ingest.captures.map(\.date)
        let sighting = try SQLiteStatement("INSERT INTO sightings VALUES (?, ?, ?, ?, ?, ?)", on: database)
        for presence in ingest.presences {
            guard let history = presence.history(dates: dates) else { continue }
            row.removeAll()
            row.append(history.id)
            row.append(history.firstSeen)
            row.append(history.lastSeen)
            row.append(history.capturesSeen)
            row.append(history.gaps)
            row.append(history.seenOn.map(\.description).joined(separator: ","))
            try sighting.run(row)
        }
        try database.execute(
            """
            UPDATE notices SET first_seen = s.first_seen, last_seen = s.last_seen, captures_seen = s.captures_seen,
                gaps = s.gaps, seen_on = s.seen_on
            FROM sightings AS s WHERE notices.id = s.notice_id;
            DROP TABLE sightings;
            """)
    }
}
