internal import CSQLite
internal import NoticeWatchModel

/// An open SQLite connection, closed when the value is released.
///
/// A class because it owns a C resource (`sqlite3 *`), freed in `deinit`. Not `Sendable`: one writer
/// uses it on one thread and then lets it go.
final class SQLiteDatabase {
    /// The connection, for the statements prepared on it.
    let handle: OpaquePointer
    /// The file, for error messages.
    let path: String

    /// Opens `path` for reading and writing, creating it when missing, or read-only.
    ///
    /// - Throws: `ReportError` with `failureCode` when SQLite cannot open the file.
    init(path: String, readOnly: Bool = false, failureCode: ErrorCode = .sqliteFailed) throws(ReportError) {
        var pointer: OpaquePointer?
        // One connection is used by one thread at a time: SQLite need not lock it on every call.
        let flags =
            (readOnly ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE)) | SQLITE_OPEN_NOMUTEX
        let status = sqlite3_open_v2(path, &pointer, flags, nil)
        guard status == SQLITE_OK, let pointer else {
            let message = pointer.map { String(cString: sqlite3_errmsg($0)) } ?? String(cString: sqlite3_errstr(status))
            if let pointer { sqlite3_close(pointer) }
            throw ReportError(code: failureCode, message: "cannot open the database: \(message)", path: path)
        }
        self.handle = pointer
        self.path = path
    }

    deinit {
        sqlite3_close(handle)
    }

    /// Runs one or more statements that take no parameters and return no rows.
    ///
    /// - Throws: `ReportError` `sqlite-failed` with SQLite's message and the statement.
    func execute(_ sql: String) throws(ReportError) {
        var error: UnsafeMutablePointer<CChar>?
        let status = sqlite3_exec(handle, sql, nil, nil, &error)
        guard status == SQLITE_OK else {
            let message = error.map { String(cString: $0) } ?? String(cString: sqlite3_errstr(status))
            sqlite3_free(error)
            throw ReportError(code: .sqliteFailed, message: "\(message) - while executing \(sql)", path: path)
        }
    }

    /// Runs a query and returns every row's columns as text (`nil` for NULL).
    ///
    /// - Throws: `ReportError` `sqlite-failed` with SQLite's message and the statement.
    /// - Complexity: O(rows × columns).
    func query(_ sql: String) throws(ReportError) -> [[String?]] {
        let statement = try prepare(sql)
        defer { sqlite3_finalize(statement) }
        var rows: [[String?]] = []
        let columns = sqlite3_column_count(statement)
        while true {
            let status = sqlite3_step(statement)
            if status == SQLITE_DONE { break }
            guard status == SQLITE_ROW else { throw failure(sql) }
            rows.append(
                (0..<columns).map { column in
                    sqlite3_column_text(statement, column).map { String(cString: $0) }
                }
            )
        }
        return rows
    }

    /// Runs a query and hands each row's first column to `body` as text (`nil` for NULL), without keeping
    /// the rows.
    ///
    /// - Throws: `ReportError` `sqlite-failed` with SQLite's message and the statement.
    /// - Complexity: O(rows).
    func forEachText(_ sql: String, _ body: (String?) -> Void) throws(ReportError) {
        let statement = try prepare(sql)
        defer { sqlite3_finalize(statement) }
        while true {
            let status = sqlite3_step(statement)
            if status == SQLITE_DONE { break }
            guard status == SQLITE_ROW else { throw failure(sql) }
            body(sqlite3_column_text(statement, 0).map { String(cString: $0) })
        }
    }

    private func prepare(_ sql: String) throws(ReportError) -> OpaquePointer {
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(handle, sql, -1, &statement, nil) == SQLITE_OK, let statement else {
            throw failure(sql)
        }
        return statement
    }

    /// The error for `sql` that SQLite refused, with SQLite's latest message on this connection.
    func failure(_ sql: String) -> ReportError {
        ReportError(
            code: .sqliteFailed, message: "\(String(cString: sqlite3_errmsg(handle))) - while executing \(sql)",
            path: path
        )
    }
}
