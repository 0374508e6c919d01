import NoticeWatchModel

/// The value of one spreadsheet cell as the workbook stores it, before it is read for a field.
enum CellValue: Hashable, Sendable {
    /// A string cell (shared, inline, or a formula's text result).
    case text(String)
    /// A number as written in the file (`44197`, `12.5`, `1.2E+5`); `date` when its style marks it a date.
    case number(String, date: Bool)
    /// An OpenDocument date cell: its value (`2021-03-15` or `2021-03-15T10:00:00`) and the text shown.
    case date(iso: String, shown: String)
    case boolean(Bool)
    /// An error value (`#N/A`, `#REF!`).
    case error(String)
    /// A formula whose result the file does not hold (it was never calculated): a value not understood.
    case formulaWithoutValue(String)
}

/// How a column's values are read: as dates (a date serial becomes `yyyy-MM-dd`) or as text kept exactly.
enum ColumnUse: Sendable {
    case date
    case text
}

/// One sheet's cells, rows in order, as read from an `.xlsx` sheet part or an `.ods` table.
struct SheetGrid: Sendable {
    /// One row: its 1-based number and its cells with a value, by 0-based column, in column order.
    struct Row: Sendable {
        var number: Int
        var cells: [(column: Int, value: CellValue)]

        /// The value at `column`, if the row has one there.
        func value(at column: Int) -> CellValue? {
            var low = 0
            var high = cells.count
            while low < high {
                let middle = (low + high) / 2
                if cells[middle].column < column { low = middle + 1 } else { high = middle }
            }
            return low < cells.count && cells[low].column == column ? cells[low].value : nil
        }
    }

    /// A merged range, 1-based rows and 0-based columns, both inclusive.
    struct Merge: Hashable, Sendable {
        var firstRow: Int
        var lastRow: Int
        var firstColumn: Int
        var lastColumn: Int
    }

    var name: String
    var rows: [Row] = []
    var merges: [Merge] = []
    /// Rows and columns hidden in the workbook (read like any other; reported).
    var hiddenRows: [Int] = []
    var hiddenColumns: [Int] = []
    /// Whether serial dates count from 1904-01-01 (a workbook's `date1904`) rather than from 1900.
    var date1904 = false

    /// The text of `value` for a column used as `use`: a date serial becomes ISO text in a date column only;
    /// ids and free text keep their text exactly (a whole number without `.0`); `nil` for an error, a formula
    /// without a cached value, or nothing.
    func text(_ value: CellValue?, use: ColumnUse) -> String? {
        guard let value else { return nil }
        switch value {
        case .text(let text): return text
        case .number(let raw, let isDate):
            if use == .date && isDate, let iso = SheetGrid.isoDate(serial: raw, date1904: date1904) { return iso }
            return SheetGrid.numberText(raw)
        case .date(let iso, let shown):
            return use == .date ? String(iso.prefix(10)) : shown
        case .boolean(let flag): return flag ? "TRUE" : "FALSE"
        case .error, .formulaWithoutValue: return nil
        }
    }

    /// The text a header or layout check sees in a cell (dates as shown, numbers as written).
    func label(_ value: CellValue?) -> String {
        TextFolding.trim(text(value, use: .text) ?? "")
    }

    /// A number's text as a person reads it: a whole number without a decimal part or exponent (`12.0` and
    /// `1.2E+1` give `12`); any other number as written.
    static func numberText(_ raw: String) -> String {
        let trimmed = TextFolding.trim(raw)
        guard trimmed.contains(where: { $0 == "." || $0 == "E" || $0 == "e" }), let number = Double(trimmed),
            number.isFinite, number == number.rounded(), abs(number) < 1e15
        else { return trimmed }
        return String(Int(number))
    }

    /// The ISO date (`yyyy-MM-dd`) of a date serial, its time of day dropped; `nil` when `raw` is no number or
    /// out of range.
    ///
    /// In the 1900 system day 1 is 1900-01-01 and day 60 the 1900-02-29 that never was (a bug kept from Lotus
    /// 1-2-3 for compatibility): it is given as `1900-02-29`, which no date reader accepts, so the value is
    /// reported rather than moved to a neighbouring day. In the 1904 system day 0 is 1904-01-01.
    static func isoDate(serial raw: String, date1904: Bool) -> String? {
        guard let number = Double(TextFolding.trim(raw)), number.isFinite, number >= 0, number < 2_958_466 else {
            return nil
        }
        let day = Int(number.rounded(.down))
        let date: CivilDate
        if date1904 {
            date = CivilDate(dayNumber: CivilDate(year: 1904, month: 1, day: 1)!.dayNumber! + day)
        } else {
            guard day >= 1 else { return nil }
            if day == 60 { return "1900-02-29" }
            let base = CivilDate(year: 1899, month: 12, day: day < 60 ? 31 : 30)!.dayNumber!
            date = CivilDate(dayNumber: base + day)
        }
        return date.description
    }

    /// The column letters of a 0-based column (`0` → `A`, `27` → `AB`).
    static func columnName(_ column: Int) -> String {
        var name = ""
        var rest = column + 1
        while rest > 0 {
            let digit = (rest - 1) % 26
            name = String(UnicodeScalar(UInt8(65 + digit))) + name
            rest = (rest - 1) / 26
        }
        return name
    }

    /// The 0-based column and 1-based row of a cell reference (`AB12`), `nil` when it is none.
    static func cellReference(_ reference: String) -> (column: Int, row: Int?)? {
        var column = 0
        var row = 0
        var letters = 0
        var digits = 0
        for byte in reference.utf8 where byte != UInt8(ascii: "$") {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z") where digits == 0:
                column = column * 26 + Int(byte - 64)
                letters += 1
            case UInt8(ascii: "a")...UInt8(ascii: "z") where digits == 0:
                column = column * 26 + Int(byte - 96)
                letters += 1
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                row = row * 10 + Int(byte - 48)
                digits += 1
            default: return nil
            }
            if letters > 3 || digits > 7 { return nil }
        }
        guard letters > 0 else { return nil }
        return (column - 1, digits > 0 ? row : nil)
    }

    /// A merged range from its reference (`A3:C4`).
    static func merge(_ reference: String) -> Merge? {
        let parts = reference.split(separator: ":")
        guard parts.count == 2, let first = cellReference(String(parts[0])), let last = cellReference(String(parts[1])),
            let firstRow = first.row, let lastRow = last.row
        else { return nil }
        return Merge(
            firstRow: min(firstRow, lastRow), lastRow: max(firstRow, lastRow),
            firstColumn: min(first.column, last.column), lastColumn: max(first.column, last.column))
    }

    /// Short lists for reports: the first few items, then how many more.
    static func sample(_ items: [String], limit: Int = 8) -> String {
        let shown = items.prefix(limit).joined(separator: ", ")
        return items.count > limit ? shown + " and \(items.count - limit) more" : shown
    }
}
