/// An OpenDocument spreadsheet (`.ods`): its tables, streamed from `content.xml`.
///
/// Rows and cells repeated with `table:number-rows-repeated` and `table:number-columns-repeated` are expanded
/// when they hold a value (LibreOffice folds identical neighbours that way), up to ``maximumColumns`` columns
/// and ``WorkbookLimits/maximumCells`` cells; empty repeats (the sheet's unused tail, often a million rows)
/// only move the position on. Covered cells of a merge hold no value; the merge is recorded from the spanning
/// cell.
struct ODSWorkbook {
    let archive: ZipArchive

    static let tableNamespace = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
    static let officeNamespace = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
    static let textNamespace = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"

    /// Columns past this one are not read (LibreOffice's column limit before version 7.4).
    static let maximumColumns = 1024

    /// - Throws: `workbook-encrypted` when the manifest declares encrypted parts; `workbook-corrupt` without
    ///   `content.xml`.
    init(archive: ZipArchive) throws(WorkbookRefusal) {
        self.archive = archive
        if let manifest = try archive.part("META-INF/manifest.xml") {
            let xml = try WorkbookXML(part: manifest, name: "META-INF/manifest.xml")
            while try xml.next() {
                guard xml.isElement && xml.localName == "encryption-data" else { continue }
                throw WorkbookRefusal(
                    code: "workbook-encrypted", message: "the spreadsheet is encrypted (its manifest says so)")
            }
        }
        guard archive.contains("content.xml") else {
            throw WorkbookRefusal(code: "workbook-corrupt", message: "the archive has no content.xml")
        }
    }

    /// The names of the tables, in document order.
    ///
    /// - Throws: `workbook-no-sheets` when there is none.
    func sheetNames() throws(WorkbookRefusal) -> [String] {
        var names: [String] = []
        try walk { xml throws(WorkbookRefusal) in
            if xml.isElement && xml.localName == "table" && xml.depth <= 3 {
                names.append(xml.attribute("name", namespace: ODSWorkbook.tableNamespace) ?? "")
            }
            return true
        }
        guard !names.isEmpty else {
            throw WorkbookRefusal(code: "workbook-no-sheets", message: "the spreadsheet has no table")
        }
        return names
    }

    /// Calls `visit` for each node of `content.xml` until it returns `false`.
    private func walk(_ visit: (WorkbookXML) throws(WorkbookRefusal) -> Bool) throws(WorkbookRefusal) {
        guard let part = try archive.part("content.xml") else { return }
        let xml = try WorkbookXML(part: part, name: "content.xml")
        while try xml.next() {
            if try !visit(xml) { return }
        }
    }

    /// The cells of the table named `name` (the first of that name).
    func grid(for name: String) throws(WorkbookRefusal) -> SheetGrid {
        var grid = SheetGrid(name: name)
        let limits = archive.limits
        var inTable = false
        var tableDepth = 0
        var done = false
        var rowNumber = 0
        var rowRepeat = 1
        var columnNumber = 0
        var rowCells: [(column: Int, value: CellValue)] = []
        var cell = CellReading()
        var cellCount = 0
        var columnCursor = 0
        try walk { xml throws(WorkbookRefusal) in
            if done { return false }
            let local = xml.localName
            if !inTable {
                if xml.isElement && local == "table"
                    && xml.attribute("name", namespace: ODSWorkbook.tableNamespace) == name
                {
                    inTable = true
                    tableDepth = xml.depth
                }
                return true
            }
            if xml.isEndElement && local == "table" && xml.depth == tableDepth {
                done = true
                return false
            }
            if xml.isElement {
                switch local {
                case "table-column":
                    let repeated = ODSWorkbook.count(xml, "number-columns-repeated")
                    if ODSWorkbook.isHidden(xml) && columnCursor < ODSWorkbook.maximumColumns {
                        grid.hiddenColumns += columnCursor..<min(columnCursor + repeated, ODSWorkbook.maximumColumns)
                    }
                    columnCursor += repeated
                case "table-row":
                    rowRepeat = ODSWorkbook.count(xml, "number-rows-repeated")
                    columnNumber = 0
                    rowCells = []
                    if ODSWorkbook.isHidden(xml) && rowRepeat <= 64 {
                        grid.hiddenRows += (rowNumber + 1)...(rowNumber + rowRepeat)
                    }
                    if xml.isEmptyElement { rowNumber += rowRepeat }
                case "table-cell", "covered-table-cell":
                    cell = CellReading(xml: xml, covered: local == "covered-table-cell")
                    if let spanned = cell.merge(row: rowNumber + 1, column: columnNumber) {
                        grid.merges.append(spanned)
                    }
                    if xml.isEmptyElement {
                        try ODSWorkbook.place(&cell, in: &rowCells, column: &columnNumber, count: &cellCount, limits)
                    }
                case "annotation": cell.annotationDepth = xml.depth
                case "p" where cell.annotationDepth == nil:
                    if cell.paragraphs > 0 { cell.text += "\n" }
                    cell.paragraphs += 1
                case "s" where cell.annotationDepth == nil:
                    cell.text += String(
                        repeating: " ", count: ODSWorkbook.count(xml, "c", namespace: ODSWorkbook.textNamespace))
                case "tab" where cell.annotationDepth == nil: cell.text += "\t"
                case "line-break" where cell.annotationDepth == nil: cell.text += "\n"
                default: break
                }
            } else if xml.isText && cell.annotationDepth == nil && cell.paragraphs > 0 {
                cell.text += xml.text
            } else if xml.isEndElement {
                switch local {
                case "annotation" where cell.annotationDepth == xml.depth: cell.annotationDepth = nil
                case "table-cell", "covered-table-cell":
                    try ODSWorkbook.place(&cell, in: &rowCells, column: &columnNumber, count: &cellCount, limits)
                case "table-row":
                    if !rowCells.isEmpty {
                        // A repeated row with values is that many identical rows: counted before any is made.
                        cellCount += (rowRepeat - 1) * rowCells.count
                        guard cellCount <= limits.maximumCells else {
                            throw WorkbookRefusal(
                                code: "workbook-too-large",
                                message: "the sheet \(TextFolding.quoted(name)) has more than "
                                    + "\(limits.maximumCells) cells")
                        }
                        for offset in 0..<rowRepeat {
                            grid.rows.append(SheetGrid.Row(number: rowNumber + 1 + offset, cells: rowCells))
                        }
                    }
                    rowNumber += rowRepeat
                default: break
                }
            }
            return true
        }
        grid.hiddenColumns = Array(Set(grid.hiddenColumns)).sorted()
        grid.hiddenRows = Array(Set(grid.hiddenRows)).sorted()
        return grid
    }

    /// Adds a finished cell to its row (as many times as it is repeated, when it holds a value) and moves the
    /// column on.
    private static func place(
        _ cell: inout CellReading, in row: inout [(column: Int, value: CellValue)], column: inout Int,
        count: inout Int, _ limits: WorkbookLimits
    ) throws(WorkbookRefusal) {
        if let value = cell.value {
            let repeats = max(0, min(cell.repeated, maximumColumns - column))
            count += repeats
            guard count <= limits.maximumCells else {
                throw WorkbookRefusal(
                    code: "workbook-too-large", message: "a sheet has more than \(limits.maximumCells) cells")
            }
            for offset in 0..<repeats { row.append((column + offset, value)) }
        }
        column += cell.repeated
        cell = CellReading()
    }

    static func count(_ xml: WorkbookXML, _ name: String, namespace: String = tableNamespace) -> Int {
        max(1, xml.attribute(name, namespace: namespace).flatMap(Int.init) ?? 1)
    }

    static func isHidden(_ xml: WorkbookXML) -> Bool {
        let visibility = xml.attribute("visibility", namespace: tableNamespace)
        return visibility == "collapse" || visibility == "filter"
    }
}

/// One `.ods` cell while it is read: its attributes, then its paragraphs' text.
private struct CellReading {
    var type: String?
    var officeValue: String?
    var dateValue: String?
    var booleanValue: String?
    var stringValue: String?
    var formula: String?
    var repeated = 1
    var rowsSpanned = 1
    var columnsSpanned = 1
    var covered = false
    var text = ""
    var paragraphs = 0
    var annotationDepth: Int?

    init() {}

    init(xml: WorkbookXML, covered: Bool) {
        let office = ODSWorkbook.officeNamespace
        let table = ODSWorkbook.tableNamespace
        type = xml.attribute("value-type", namespace: office)
        officeValue = xml.attribute("value", namespace: office)
        dateValue = xml.attribute("date-value", namespace: office)
        booleanValue = xml.attribute("boolean-value", namespace: office)
        stringValue = xml.attribute("string-value", namespace: office)
        formula = xml.attribute("formula", namespace: table)
        repeated = min(ODSWorkbook.count(xml, "number-columns-repeated"), 1 << 14)
        rowsSpanned = ODSWorkbook.count(xml, "number-rows-spanned")
        columnsSpanned = ODSWorkbook.count(xml, "number-columns-spanned")
        self.covered = covered
    }

    /// The merge this cell spans, when it spans more than itself.
    func merge(row: Int, column: Int) -> SheetGrid.Merge? {
        guard !covered, rowsSpanned > 1 || columnsSpanned > 1 else { return nil }
        return SheetGrid.Merge(
            firstRow: row, lastRow: row + rowsSpanned - 1, firstColumn: column, lastColumn: column + columnsSpanned - 1)
    }

    /// The cell's value; `nil` for an empty cell.
    var value: CellValue? {
        switch type {
        case "float", "percentage", "currency":
            return officeValue.map { .number($0, date: false) } ?? (text.isEmpty ? nil : .text(text))
        case "date":
            return dateValue.map { .date(iso: $0, shown: text.isEmpty ? $0 : text) }
        case "time":
            return text.isEmpty ? nil : .text(text)
        case "boolean":
            return .boolean(booleanValue == "true")
        case "string":
            return .text(stringValue ?? text)
        default:
            if let formula { return .formulaWithoutValue(formula) }
            if covered || text.isEmpty { return nil }
            return .text(text)
        }
    }
}
