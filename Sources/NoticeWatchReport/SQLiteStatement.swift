internal import CSQLite

/// A statement prepared once and run once per row of parameters, finalized when the value is released.
///
/// A class because it owns a C resource (`sqlite3_stmt *`), freed in `deinit`; it keeps its connection
/// alive for as long as it lives. Not `Sendable`: used on the thread that uses its connection.
final class SQLiteStatement {
    private let handle: OpaquePointer
    private let database: SQLiteDatabase
    /// The statement's text as error messages show it.
    let sql: String

    /// Prepares `sql` on `database`.
    ///
    /// - Parameter shownAs: the statement as error messages show it, when `sql` is too long to read (a
    ///   bulk insert shown as its one-row form); `sql` when `nil`.
    /// - Throws: `ReportError` `sqlite-failed` with SQLite's message and the statement.
    init(_ sql: String, on database: SQLiteDatabase, shownAs: String? = nil) throws(ReportError) {
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(database.handle, sql, -1, &statement, nil) == SQLITE_OK, let statement else {
            throw database.failure(shownAs ?? sql)
        }
        self.handle = statement
        self.database = database
        self.sql = shownAs ?? sql
    }

    deinit {
        sqlite3_finalize(handle)
    }

    /// Binds `row`'s cells to the parameters, in order, and runs the statement to completion.
    ///
    /// Text is bound in place (`SQLITE_STATIC`): `row`'s buffer is not changed while the statement runs,
    /// and every binding is cleared before this returns, so no pointer into it outlives the call.
    ///
    /// - Throws: `ReportError` `sqlite-failed` with SQLite's message and the statement (such as a duplicate
    ///   primary key).
    /// - Complexity: O(cells) plus SQLite's work for one row.
    func run(_ row: SQLiteRow) throws(ReportError) {
        let status = row.bytes.withUnsafeBufferPointer { buffer -> Int32 in
            let text = UnsafeRawPointer(buffer.baseAddress).map { $0.assumingMemoryBound(to: CChar.self) }
            for (offset, cell) in row.cells.enumerated() {
                let index = Int32(offset + 1)
                switch cell {
                case .text(let start): sqlite3_bind_text(handle, index, text.map { $0 + start }, -1, nil)
                case .integer(let number): sqlite3_bind_int64(handle, index, number)
                case .null: sqlite3_bind_null(handle, index)
                }
            }
            return sqlite3_step(handle)
        }
        let failure = status == SQLITE_DONE ? nil : database.failure(sql)
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
        if let failure { throw failure }
    }
}
