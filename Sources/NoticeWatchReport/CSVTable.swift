import NoticeWatchModel

/// A CSV table being built: a header and rows of cells, rendered as RFC 4180 text.
///
/// Rendering rules:
/// - UTF-8 without a byte order mark, records separated by CRLF, a CRLF after the last record;
/// - a cell is quoted when it holds a comma, a double quote, a CR or an LF, and quotes inside are doubled;
/// - **spreadsheet formula injection** is neutralized the OWASP way: a cell that starts with `=`, `+`, `-`,
///   `@`, a tab or a carriage return, and is not a plain number (`-12`, `-0.25`), gets a single quote
///   prefixed and is quoted (`=HYPERLINK(…)` → `"'=HYPERLINK(…)"`), so Excel, LibreOffice and Google Sheets
///   show it as text instead of running it. The raw value is kept unchanged in `records.sqlite`.
struct CSVTable {
    /// The column names, snake_case.
    let header: [String]
    /// The header and the rows appended so far, escaped as written: a table of millions of cells holds its text,
    /// not its cells.
    private(set) var renderedBytes: [UInt8] = []
    /// How many rows were appended.
    private(set) var count = 0
    /// Where the rows go instead of the text, when the table was built with ``rowSink`` set.
    private let sink: CSVRowSink?

    /// While set (`CSVTable.$rowSink.withValue(sink) { … }`), the tables created hand each row, as given and
    /// unescaped, to the sink and keep no text: `records.sqlite` takes the figure tables row by row this way,
    /// so that no table is held twice. `nil` by default.
    @TaskLocal static var rowSink: CSVRowSink?

    init(header: [String]) {
        self.header = header
        sink = CSVTable.rowSink
        if sink == nil { CSVTable.append(header, to: &renderedBytes) }
    }

    /// Appends a row; it must have one cell per column.
    mutating func append(_ row: [String]) {
        precondition(row.count == header.count, "row has \(row.count) cells, header \(header.count)")
        if let sink {
            sink.receive(row)
        } else {
            CSVTable.append(row, to: &renderedBytes)
        }
        count += 1
    }

    /// The whole table as RFC 4180 text.
    ///
    /// - Complexity: O(n) in the total length of the cells.
    func render() -> String { String(decoding: renderedBytes, as: UTF8.self) }

    /// Appends one record, its cells escaped, then CRLF.
    private static func append(_ row: [String], to bytes: inout [UInt8]) {
        for (index, cell) in row.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            append(cell, to: &bytes)
        }
        bytes.append(0x0D)
        bytes.append(0x0A)
    }

    /// Appends one cell as written: neutralized when a spreadsheet would execute it, then quoted when needed.
    private static func append(_ cell: String, to bytes: inout [UInt8]) {
        var cell = cell
        cell.withUTF8 { utf8 in
            let dangerous = isDangerous(utf8)
            let special = utf8.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0D || $0 == 0x0A }
            guard dangerous || special else { return bytes.append(contentsOf: utf8) }
            bytes.append(0x22)
            if dangerous { bytes.append(UInt8(ascii: "'")) }
            for byte in utf8 {
                if byte == 0x22 { bytes.append(0x22) }
                bytes.append(byte)
            }
            bytes.append(0x22)
        }
    }

    /// One cell as written: neutralized when a spreadsheet would execute it, then quoted when needed.
    static func escape(_ cell: String) -> String {
        var bytes: [UInt8] = []
        append(cell, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Whether a spreadsheet would read `cell` as a formula: it starts with `=`, `+`, `-`, `@`, tab or CR
    /// and is not a plain decimal number.
    static func isDangerous(_ cell: String) -> Bool {
        var cell = cell
        return cell.withUTF8 { isDangerous($0) }
    }

    /// ``isDangerous(_:)`` on the cell's UTF-8 (every starting character that matters is ASCII).
    private static func isDangerous(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = utf8.first else { return false }
        switch first {
        case UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D:
            return !isPlainNumber(utf8)
        default:
            return false
        }
    }

    /// `-?digits(.digits)?` with at least one digit on each side of the dot.
    private static func isPlainNumber(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        var digits = utf8.first == UInt8(ascii: "-") ? utf8[1...] : utf8[...]
        var sawDot = false
        var run = 0
        while let byte = digits.popFirst() {
            if byte == UInt8(ascii: ".") {
                guard !sawDot, run > 0 else { return false }
                sawDot = true
                run = 0
            } else if (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) {
                run += 1
            } else {
                return false
            }
        }
        return run > 0
    }

    /// Parses RFC 4180 text as this type writes it (quoted cells, doubled quotes, CRLF or LF records),
    /// removing the single-quote prefix of neutralized cells. Used to read a previous run's tables.
    ///
    /// - Returns: the header and the rows, or `nil` when a quoted cell is not closed.
    /// - Complexity: O(n) in the text's length.
    static func parse(_ text: String) -> (header: [String], rows: [[String]])? {
        var records: [[String]] = []
        var record: [String] = []
        var cell = ""
        var quoted = false
        var wasQuoted = false
        var iterator = Array(text.unicodeScalars).makeIterator()
        var pending: Unicode.Scalar? = nil
        func finishCell() {
            if wasQuoted, cell.hasPrefix("'"), isDangerous(String(cell.dropFirst())) { cell.removeFirst() }
            record.append(cell)
            cell = ""
            wasQuoted = false
        }
        while let scalar = pending ?? iterator.next() {
            pending = nil
            if quoted {
                if scalar == "\"" {
                    let next = iterator.next()
                    if next == "\"" {
                        cell.unicodeScalars.append("\"")
                    } else {
                        quoted = false
                        pending = next
                    }
                } else {
                    cell.unicodeScalars.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"" where cell.isEmpty:
                quoted = true
                wasQuoted = true
            case ",":
                finishCell()
            case "\r":
                continue
            case "\n":
                finishCell()
                records.append(record)
                record = []
            default:
                cell.unicodeScalars.append(scalar)
            }
        }
        guard !quoted else { return nil }
        if !cell.isEmpty || !record.isEmpty {
            finishCell()
            records.append(record)
        }
        guard let header = records.first else { return ([], []) }
        return (header, Array(records.dropFirst()))
    }
}

extension [QuarantinedRow] {
    /// The rows in the order every output lists them: the model's order (file, line, record, source, field,
    /// reason), then the raw value, so that no tie is left to the sort algorithm.
    ///
    /// - Complexity: O(n log n).
    var inReportOrder: [QuarantinedRow] {
        sorted {
            ($0.location, $0.field ?? "", $0.reason, $0.rawValue) < (
                $1.location, $1.field ?? "", $1.reason, $1.rawValue
            )
        }
    }
}

/// Receives the rows of the tables built while it is ``CSVTable/rowSink``, one at a time, on the building
/// thread.
///
/// `@unchecked Sendable` only so that it can be a task-local value: it is created, set and used on one thread
/// (``RecordsDatabase/appendFigureTables(_:to:)`` builds each table on its own thread, inside `withValue`).
final class CSVRowSink: @unchecked Sendable {
    let receive: ([String]) -> Void

    init(_ receive: @escaping ([String]) -> Void) {
        self.receive = receive
    }
}
