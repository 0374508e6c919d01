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
    /// The rows, each with as many cells as `header`.
    private(set) var rows: [[String]] = []

    init(header: [String]) {
        self.header = header
    }

    /// Appends a row; it must have one cell per column.
    mutating func append(_ row: [String]) {
        precondition(row.count == header.count, "row has \(row.count) cells, header \(header.count)")
        rows.append(row)
    }

    /// The whole table as RFC 4180 text.
    ///
    /// - Complexity: O(n) in the total length of the cells.
    func render() -> String {
        var text = ""
        for row in [header] + rows {
            text += row.map(CSVTable.escape).joined(separator: ",")
            text += "\r\n"
        }
        return text
    }

    /// One cell as written: neutralized when a spreadsheet would execute it, then quoted when needed.
    static func escape(_ cell: String) -> String {
        var value = cell
        var mustQuote = false
        if isDangerous(value) {
            value = "'" + value
            mustQuote = true
        }
        if value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" || $0 == "\r\n" }) {
            mustQuote = true
        }
        guard mustQuote else { return value }
        return "\"" + value.replacingAll("\"", with: "\"\"") + "\""
    }

    /// Whether a spreadsheet would read `cell` as a formula: it starts with `=`, `+`, `-`, `@`, tab or CR
    /// and is not a plain decimal number.
    static func isDangerous(_ cell: String) -> Bool {
        guard let first = cell.unicodeScalars.first else { return false }
        guard ["=", "+", "-", "@", "\t", "\r"].contains(first) else { return false }
        return !isPlainNumber(cell)
    }

    /// `-?digits(.digits)?` with at least one digit on each side of the dot.
    static func isPlainNumber(_ cell: String) -> Bool {
        var scalars = Substring(cell).unicodeScalars[...]
        if scalars.first == "-" { scalars = scalars.dropFirst() }
        let parts = scalars.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count) else { return false }
        return parts.allSatisfy { part in
            !part.isEmpty && part.allSatisfy { ("0"..."9").contains($0) }
        }
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

extension String {
    /// The string with every occurrence of `target` replaced by `replacement`.
    ///
    /// - Complexity: O(n·m).
    func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty, contains(target) else { return self }
        var result = ""
        var rest = self[...]
        while let range = rest.firstRange(of: target) {
            result += rest[..<range.lowerBound]
            result += replacement
            rest = rest[range.upperBound...]
        }
        result += rest
        return result
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
