import NoticeWatchModel

/// A sheet read as a table: its header row found below any title rows, its columns, and its data rows with the
/// rows that are layout rather than data (a repeated header, a totals row) marked to be set aside.
struct SheetTable: Sendable {
    /// One row below the header.
    struct DataRow: Sendable {
        var row: SheetGrid.Row
        /// Why the row is set aside rather than read (`repeated-header`, `totals-row`), `nil` for data.
        var setAside: QuarantineReason?
    }

    var grid: SheetGrid
    /// The header's names, one per table column, and the grid column each is in.
    var names: [String]
    var columns: [Int]
    /// The header row (the lower one of a two-row header).
    var headerRow: Int
    var rows: [DataRow]
    /// What the layout analysis found, for provenance.
    var choices: [String]

    /// How many rows above the header are looked at for it.
    static let headerSearchRows = 30

    /// The table's first column's letters, for cell locations (`A` in `leak.xlsx!Complaints!A12`).
    var firstColumnName: String { SheetGrid.columnName(columns.min() ?? 0) }

    /// Labels that mark a totals row in its first cell with a value, folded (compared lower case, a final `:`
    /// dropped).
    static let totalLabels: Set<String> = [
        "total", "totals", "grand total", "sum", "subtotal", "sub-total", "sub total", "overall",
        "total général", "total general", "totaux", "somme", "итого", "всего", "gesamt", "summe",
    ]

    /// Finds the header: the first of the first ``headerSearchRows`` rows with at least two text cells whose
    /// names `accepts` (with the group labels of a merged row above it joined in front, `Decision` + `Date`, when
    /// that fits). `nil` when no row does: the sheet is not a table.
    static func find(in grid: SheetGrid, accepts: ([String]) -> Bool) -> SheetTable? {
        let filled = MergeFill(grid: grid)
        for (position, row) in grid.rows.prefix(headerSearchRows).enumerated() {
            let textCells = row.cells.filter { if case .text = $0.value { true } else { false } }.count
            if position + 1 < grid.rows.count {
                let lower = grid.rows[position + 1]
                let columns = Set(row.cells.map(\.column) + lower.cells.map(\.column)).sorted()
                if let groups = filled.groupLabels(upper: row, lower: lower, columns: columns) {
                    let header = columns.compactMap { column -> (column: Int, name: String)? in
                        let name = filled.label(row: lower.number, column: column)
                        let group = groups[column] ?? ""
                        let joined =
                            group.isEmpty || group == name ? name : name.isEmpty ? group : group + " " + name
                        return joined.isEmpty ? nil : (column, joined)
                    }
                    if header.count >= 2 && accepts(header.map(\.name)) {
                        return SheetTable(
                            grid: grid, header: header, headerRow: lower.number, after: position + 1, filled: filled,
                            groupRow: row.number)
                    }
                }
            }
            let own = row.cells.map { (column: $0.column, name: filled.label(row: row.number, column: $0.column)) }
                .filter { !$0.name.isEmpty }
            if textCells >= 2 && own.count >= 2 && accepts(own.map(\.name)) {
                return SheetTable(grid: grid, header: own, headerRow: row.number, after: position, filled: filled)
            }
        }
        return nil
    }

    private init(
        grid: SheetGrid, header: [(column: Int, name: String)], headerRow: Int, after position: Int, filled: MergeFill,
        groupRow: Int? = nil
    ) {
        self.grid = grid
        names = header.map(\.name)
        columns = header.map(\.column)
        self.headerRow = headerRow
        var choices = ["sheet=\(grid.name)"]
        let titleRows = position - (groupRow == nil ? 0 : 1)
        let above = titleRows > 0 ? "; \(titleRows) row\(titleRows == 1 ? "" : "s") above not read" : ""
        if let groupRow {
            choices.append(
                "header rows=\(groupRow) and \(headerRow) (detected: the merged group names of row \(groupRow) "
                    + "joined to row \(headerRow)'s\(above))")
        } else {
            choices.append("header row=\(headerRow) (detected\(above))")
        }
        let ownLabels = header.map { filled.label(row: headerRow, column: $0.column) }
        var rows: [DataRow] = []
        var blank = 0
        for var row in grid.rows.dropFirst(position + 1) {
            row.cells = filled.filledCells(of: row, columns: columns)
            let labels = columns.map { column in grid.label(row.value(at: column)) }
            if labels.allSatisfy(\.isEmpty) {
                blank += 1
                continue
            }
            let matching = zip(labels, ownLabels).filter { !$0.0.isEmpty && $0.0 == $0.1 }.count
            if matching * 2 >= ownLabels.filter({ !$0.isEmpty }).count {
                rows.append(
                    DataRow(
                        row: row,
                        setAside: QuarantineReason(
                            code: "repeated-header", message: "the header repeated inside the sheet, not a record")))
            } else if let label = row.cells.lazy.map({ grid.label($0.value) }).first(where: { !$0.isEmpty }),
                SheetTable.isTotalLabel(label)
            {
                rows.append(
                    DataRow(
                        row: row,
                        setAside: QuarantineReason(
                            code: "totals-row",
                            message: "a totals row (\(TextFolding.quoted(label))), not a record")))
            } else {
                rows.append(DataRow(row: row, setAside: nil))
            }
        }
        self.rows = rows
        if blank > 0 { choices.append("blank rows skipped=\(blank)") }
        let used = header.map(\.column)
        let emptyColumns = used.min().map { low in (low...(used.max() ?? low)).filter { !used.contains($0) } } ?? []
        if !emptyColumns.isEmpty {
            choices.append(
                "columns without a header skipped: \(SheetGrid.sample(emptyColumns.map(SheetGrid.columnName)))")
        }
        if !grid.merges.isEmpty {
            choices.append(
                "merged cells: \(SheetGrid.sample(grid.merges.sorted { ($0.firstRow, $0.firstColumn) < ($1.firstRow, $1.firstColumn) }.map(SheetTable.reference))) "
                    + "(a header merge names every column it spans; below the header a merge's value fills the rows "
                    + "of its first column)")
        }
        if !grid.hiddenRows.isEmpty {
            choices.append("hidden rows (read): \(SheetGrid.sample(grid.hiddenRows.map(String.init)))")
        }
        if !grid.hiddenColumns.isEmpty {
            choices.append("hidden columns (read): \(SheetGrid.sample(grid.hiddenColumns.map(SheetGrid.columnName)))")
        }
        var unread: [String] = []
        var errors: [String] = []
        for entry in rows {
            for (column, value) in entry.row.cells where used.contains(column) {
                let place = SheetGrid.columnName(column) + String(entry.row.number)
                switch value {
                case .formulaWithoutValue: unread.append(place)
                case .error(let text): errors.append("\(place) \(text)")
                default: break
                }
            }
        }
        if !unread.isEmpty {
            choices.append("formulas without a cached value (read as empty): \(SheetGrid.sample(unread))")
        }
        if !errors.isEmpty { choices.append("error values (read as empty): \(SheetGrid.sample(errors))") }
        self.choices = choices
    }

    static func isTotalLabel(_ label: String) -> Bool {
        var folded = label.lowercased()
        while folded.hasSuffix(":") { folded.removeLast() }
        folded = TextFolding.trim(folded)
        return totalLabels.contains(folded) || folded.hasPrefix("total ") && folded.count <= 30
    }

    static func reference(_ merge: SheetGrid.Merge) -> String {
        SheetGrid.columnName(merge.firstColumn) + String(merge.firstRow) + ":" + SheetGrid.columnName(merge.lastColumn)
            + String(merge.lastRow)
    }
}

/// The value of each merged range, given to every cell it covers.
private struct MergeFill {
    let grid: SheetGrid
    /// Per row number, the merges that cover it.
    private var byRow: [Int: [SheetGrid.Merge]] = [:]
    private var rowIndex: [Int: Int] = [:]

    init(grid: SheetGrid) {
        self.grid = grid
        for (index, row) in grid.rows.enumerated() { rowIndex[row.number] = index }
        for merge in grid.merges where merge.lastRow - merge.firstRow < 10_000 {
            for row in merge.firstRow...merge.lastRow { byRow[row, default: []].append(merge) }
        }
    }

    /// The cell's own value, or its merge's first cell's; with `firstColumnOnly`, only in the merge's first
    /// column (below the header, a merge across columns is one value, not one per field).
    func value(row: Int, column: Int, firstColumnOnly: Bool = false) -> CellValue? {
        if let own = rowIndex[row].flatMap({ grid.rows[$0].value(at: column) }) { return own }
        guard
            let merge = byRow[row]?.first(where: {
                firstColumnOnly ? $0.firstColumn == column : $0.firstColumn <= column && column <= $0.lastColumn
            })
        else {
            return nil
        }
        return rowIndex[merge.firstRow].flatMap { grid.rows[$0].value(at: merge.firstColumn) }
    }

    func label(row: Int, column: Int) -> String { grid.label(value(row: row, column: column)) }

    /// The row's cells at `columns` with the values of merges down their first column filled in, in column order.
    func filledCells(of row: SheetGrid.Row, columns: [Int]) -> [(column: Int, value: CellValue)] {
        guard byRow[row.number] != nil else { return row.cells }
        var cells = row.cells
        for column in columns where row.value(at: column) == nil {
            if let value = value(row: row.number, column: column, firstColumnOnly: true) {
                cells.append((column, value))
            }
        }
        return cells.sorted { $0.column < $1.column }
    }

    /// The group labels of the row above a header (`Decision` over `Date` and `Outcome`), per column: when that
    /// row has a merge across some of the header's columns, but not all (a merged title over the whole table is
    /// no group); `nil` otherwise.
    func groupLabels(upper: SheetGrid.Row, lower: SheetGrid.Row, columns: [Int]) -> [Int: String]? {
        guard lower.number == upper.number + 1, let low = columns.first, let high = columns.last,
            byRow[upper.number]?.contains(where: {
                $0.firstRow == upper.number && $0.firstColumn < $0.lastColumn
                    && !($0.firstColumn <= low && high <= $0.lastColumn)
            }) == true
        else { return nil }
        var labels: [Int: String] = [:]
        for column in columns { labels[column] = label(row: upper.number, column: column) }
        return labels
    }
}
