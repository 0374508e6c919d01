import NoticeWatchModel

/// The parameters of one statement run, built in one reusable byte buffer: text cells are stored as
/// NUL-terminated UTF-8 one after the other, so that a statement can bind them in place
/// (``SQLiteStatement/run(_:)``) without a copy per cell and without an allocation per row.
///
/// A text cell ends at its first NUL byte, as a C string does: text holding a NUL is stored up to it.
///
/// Reuse one row for every run of a statement: ``removeAll()`` keeps the buffer's capacity, so a bulk
/// insert allocates only while the longest row grows the buffer.
struct SQLiteRow {
    /// One parameter: where its text starts in ``bytes``, an integer, or NULL.
    enum Cell {
        case text(start: Int)
        case integer(Int64)
        case null
    }

    /// The text of every text cell, each followed by a NUL byte.
    private(set) var bytes: [UInt8] = []
    /// The parameters, in order (the first is parameter 1).
    private(set) var cells: [Cell] = []

    init() {
        bytes.reserveCapacity(256)
        cells.reserveCapacity(16)
    }

    /// Forgets every cell, keeping the buffers for the next row.
    mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
        cells.removeAll(keepingCapacity: true)
    }

    /// Appends a text cell.
    ///
    /// - Complexity: O(n) in the text's UTF-8 length.
    mutating func append(_ text: String) {
        cells.append(.text(start: bytes.count))
        bytes.append(contentsOf: text.utf8)
        bytes.append(0)
    }

    /// Appends a text cell, or NULL for `nil`.
    mutating func append(_ text: String?) {
        guard let text else { return appendNull() }
        append(text)
    }

    /// Appends a text cell of UTF-8 bytes (such as a name encoded once for many rows).
    mutating func append(utf8 text: [UInt8]) {
        cells.append(.text(start: bytes.count))
        bytes.append(contentsOf: text)
        bytes.append(0)
    }

    /// Appends an integer cell.
    mutating func append(_ number: Int) {
        cells.append(.integer(Int64(number)))
    }

    /// Appends an integer cell, or NULL for `nil`.
    mutating func append(_ number: Int?) {
        guard let number else { return appendNull() }
        append(number)
    }

    /// Appends a date as ISO 8601 text at its known precision (exactly ``CivilDate/description``), or NULL
    /// for `nil`.
    mutating func append(_ date: CivilDate?) {
        guard let date else { return appendNull() }
        guard (0...9999).contains(date.year), (0...99).contains(date.month), (0...99).contains(date.day) else {
            return append(date.description)
        }
        cells.append(.text(start: bytes.count))
        let zero = UInt8(ascii: "0")
        let dash = UInt8(ascii: "-")
        let year = date.year
        bytes.append(zero + UInt8(year / 1000))
        bytes.append(zero + UInt8(year / 100 % 10))
        bytes.append(zero + UInt8(year / 10 % 10))
        bytes.append(zero + UInt8(year % 10))
        if date.month != 0 {
            bytes.append(dash)
            bytes.append(zero + UInt8(date.month / 10))
            bytes.append(zero + UInt8(date.month % 10))
        }
        if date.day != 0 {
            bytes.append(dash)
            bytes.append(zero + UInt8(date.day / 10))
            bytes.append(zero + UInt8(date.day % 10))
        }
        bytes.append(0)
    }

    /// Appends the four location cells: source, file, line, record.
    mutating func append(_ location: SourceLocation) {
        append(location.source)
        append(location.file)
        append(location.line)
        append(location.record)
    }

    /// Appends a NULL cell.
    mutating func appendNull() {
        cells.append(.null)
    }
}
