extension XLSXWorkbook {
    /// The cells of one worksheet part, streamed: cell types `s` (shared string), `str` (a formula's text),
    /// `inlineStr`, `b`, `n`, `e` and `d`; a formula's cached value (a formula without one is
    /// ``CellValue/formulaWithoutValue(_:)``); hidden rows and columns; merged ranges.
    ///
    /// - Throws: ``WorkbookRefusal`` for a part over the limits or not well-formed, or a sheet over
    ///   ``WorkbookLimits/maximumCells`` cells.
    func grid(
        for sheet: Sheet, strings: [String], dateStyles: [Bool]
    ) throws(WorkbookRefusal) -> SheetGrid {
        var grid = SheetGrid(name: sheet.name)
        grid.date1904 = date1904
        guard let name = sheet.part, let part = try archive.part(name) else { return grid }
        let xml = try WorkbookXML(part: part, name: name)
        var row: SheetGrid.Row?
        var nextRow = 1
        var nextColumn = 0
        var cellCount = 0
        // The cell being read: column, type, style, formula, value and inline text.
        var column = 0
        var type = "n"
        var style = 0
        var formula: String?
        var value: String?
        var inline: String?
        var reading: String?
        var phonetic = false
        while try xml.next() {
            if xml.isElement {
                switch xml.localName {
                case "col":
                    let hidden = xml.attribute("hidden")
                    if hidden == "1" || hidden == "true", let first = xml.attribute("min").flatMap(Int.init),
                        let last = xml.attribute("max").flatMap(Int.init), first >= 1, last >= first
                    {
                        grid.hiddenColumns += Array((first - 1)...min(last - 1, first + 16_383))
                    }
                case "row":
                    let number = xml.attribute("r").flatMap(Int.init) ?? nextRow
                    let hidden = xml.attribute("hidden")
                    if hidden == "1" || hidden == "true" { grid.hiddenRows.append(number) }
                    row = SheetGrid.Row(number: number, cells: [])
                    nextRow = number + 1
                    nextColumn = 0
                    if xml.isEmptyElement { row = nil }
                case "c":
                    column = xml.attribute("r").flatMap(SheetGrid.cellReference)?.column ?? nextColumn
                    type = xml.attribute("t") ?? "n"
                    style = xml.attribute("s").flatMap(Int.init) ?? 0
                    (formula, value, inline) = (nil, nil, nil)
                    nextColumn = column + 1
                    if xml.isEmptyElement { continue }
                case "f":
                    formula = ""
                    reading = xml.isEmptyElement ? nil : "f"
                case "v":
                    value = ""
                    reading = xml.isEmptyElement ? nil : "v"
                case "is": inline = ""
                case "rPh": phonetic = !xml.isEmptyElement
                case "t" where inline != nil && !phonetic: reading = xml.isEmptyElement ? nil : "t"
                case "mergeCell":
                    if let merge = xml.attribute("ref").flatMap(SheetGrid.merge) { grid.merges.append(merge) }
                default: break
                }
            } else if xml.isText, let field = reading {
                switch field {
                case "f": formula? += xml.text
                case "v": value? += xml.text
                default: inline? += xml.text
                }
            } else if xml.isEndElement {
                switch xml.localName {
                case "f", "v", "t": reading = nil
                case "rPh": phonetic = false
                case "c":
                    guard
                        let cell = XLSXWorkbook.cellValue(
                            type: type, value: value, inline: inline, formula: formula,
                            isDate: style < dateStyles.count && dateStyles[style], strings: strings)
                    else { continue }
                    cellCount += 1
                    guard cellCount <= archive.limits.maximumCells else {
                        throw WorkbookRefusal(
                            code: "workbook-too-large",
                            message: "the sheet \(TextFolding.quoted(sheet.name)) has more than "
                                + "\(archive.limits.maximumCells) cells")
                    }
                    if row == nil { row = SheetGrid.Row(number: nextRow, cells: []) }
                    row?.cells.append((column, cell))
                case "row":
                    if var finished = row, !finished.cells.isEmpty {
                        finished.cells.sort { $0.column < $1.column }
                        grid.rows.append(finished)
                    }
                    row = nil
                default: break
                }
            }
        }
        grid.rows.sort { $0.number < $1.number }
        grid.hiddenColumns = Array(Set(grid.hiddenColumns)).sorted()
        grid.hiddenRows = Array(Set(grid.hiddenRows)).sorted()
        return grid
    }

    /// A cell's value from its type and parts; `nil` for a cell with nothing in it.
    static func cellValue(
        type: String, value: String?, inline: String?, formula: String?, isDate: Bool, strings: [String]
    ) -> CellValue? {
        if let formula, (value ?? "").isEmpty, type != "inlineStr", type != "str" || value == nil {
            // A formula the writing program never calculated: its result is not in the file (an empty text
            // result, `t="str"` with an empty value, is a result).
            return .formulaWithoutValue(formula)
        }
        switch type {
        case "s":
            guard let index = value.flatMap({ Int(TextFolding.trim($0)) }) else { return nil }
            return index >= 0 && index < strings.count ? .text(strings[index]) : .error("#STRING?")
        case "inlineStr":
            return inline.map(CellValue.text)
        case "str":
            return value.map(CellValue.text)
        case "b":
            return value.map { .boolean(TextFolding.trim($0) == "1" || TextFolding.trim($0).lowercased() == "true") }
        case "e":
            return value.map(CellValue.error)
        case "d":
            return value.map { .date(iso: TextFolding.trim($0), shown: TextFolding.trim($0)) }
        default:
            guard let value, !TextFolding.trim(value).isEmpty else { return nil }
            return .number(TextFolding.trim(value), date: isDate)
        }
    }
}
