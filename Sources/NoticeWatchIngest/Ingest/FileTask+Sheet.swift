import NoticeWatchModel

extension FileTask {
    /// Reads a workbook sheet's cells, finds its table (the header below any title rows) and maps it, as a CSV
    /// file's header is mapped. A sheet that is not a table (a cover page, notes), and a workbook refused whole
    /// (encrypted, a ZIP bomb, no sheets), is prepared with no rows, its reason in the reader choices as
    /// `not read: …`: the run goes on, and the inputs list says why.
    ///
    /// - Throws: `sources-file-unknown-column` when a sheet named literally in the sources file lacks a mapped
    ///   column; `mapping-not-inferred` is never thrown for a sheet (it is listed as not read instead).
    func prepareSheet() throws(IngestError) -> PreparedFile {
        let scan = try FileScan(path: absolutePath, displayPath: relativePath, checkUTF8: false, hash: false)
        let explicit = !spec.inferred && spec.record != nil
        func notRead(_ refusal: WorkbookRefusal, extra: [String] = []) -> PreparedFile {
            PreparedFile(
                task: self, scan: scan, kind: explicit ? spec.record ?? .notice : .notice, fields: [],
                setup: .sheet(nil), fieldPaths: [],
                choices: (sheet.map { ["sheet=\($0)"] } ?? []) + extra + ["not read: \(refusal)"])
        }
        if let refusal { return notRead(refusal) }
        guard let sheet else {
            return notRead(WorkbookRefusal(code: "workbook-no-sheets", message: "the workbook has no sheet"))
        }
        let workbook: Workbook
        let grid: SheetGrid
        do {
            workbook = try Workbook(path: absolutePath, format: format)
            if let why = workbook.sheets.first(where: { $0.name == sheet })?.notCells {
                return notRead(WorkbookRefusal(code: "sheet-not-a-table", message: why))
            }
            grid = try workbook.grid(for: sheet)
        } catch {
            return notRead(error)
        }
        guard !grid.rows.isEmpty else {
            return notRead(WorkbookRefusal(code: "sheet-empty", message: "the sheet has no cell with a value"))
        }
        let paths = FileTask.fieldPaths(spec.fields)
        let accepts: ([String]) -> Bool =
            explicit
            ? { names in paths.allSatisfy { CSVReader.column(named: $0, in: names) != nil } }
            : { names in MappingInference.infer(names: names) != nil }
        guard let table = SheetTable.find(in: grid, accepts: accepts) else {
            let named = spec.sheet.map { !$0.contains("*") && !$0.contains("?") } ?? false
            if explicit && named {
                let labels =
                    grid.rows.map { row in row.cells.map { grid.label($0.value) }.filter { !$0.isEmpty } }
                    .first { $0.count >= 2 } ?? []
                if let missing = paths.first(where: { CSVReader.column(named: $0, in: labels) == nil }) {
                    throw unknownColumn(missing, fields: spec.fields, header: labels)
                }
            }
            let searched = "no row among the first \(SheetTable.headerSearchRows)"
            return notRead(
                WorkbookRefusal(
                    code: "sheet-not-a-table",
                    message: explicit
                        ? "\(searched) has the columns the source maps"
                        : "\(searched) has an id and a requesting country among its cells: a cover page, notes "
                            + "or a summary, not a table of records"))
        }
        let (kind, fields) = try mapping(names: table.names)
        var choices = table.choices
        if format == .xlsx { choices.append("date system=\(workbook.dateSystem)") }
        if workbook.sheets.first(where: { $0.name == sheet })?.hidden == true {
            choices.append("sheet hidden in the workbook (read)")
        }
        return PreparedFile(
            task: self, scan: scan, kind: kind, fields: fields, setup: .sheet(table),
            fieldPaths: FileTask.fieldPaths(fields), choices: choices)
    }
}
