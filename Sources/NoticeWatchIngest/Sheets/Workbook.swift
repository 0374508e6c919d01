#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A spreadsheet workbook, `.xlsx` or `.ods`, opened for its sheet list and the cells of one sheet at a time.
struct Workbook {
    /// One sheet as the workbook lists it.
    struct SheetEntry: Sendable, Hashable {
        var name: String
        /// Why the sheet holds no cells to read (a chart sheet), `nil` for a worksheet or table.
        var notCells: String?
        /// Whether the workbook hides the sheet (read like any other; said so).
        var hidden: Bool
    }

    private enum Container {
        case xlsx(XLSXWorkbook)
        case ods(ODSWorkbook)
    }

    private let container: Container
    /// The sheets in workbook order.
    let sheets: [SheetEntry]

    /// The first bytes of an OLE2 compound file: what Excel wraps an encrypted workbook in (and a legacy `.xls`).
    static let compoundFileMagic: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]

    /// Opens the workbook at `path` and lists its sheets.
    ///
    /// - Throws: ``WorkbookRefusal`` for what is not read: an encrypted workbook, a ZIP bomb, a workbook without
    ///   sheets, a damaged archive.
    init(path: String, format: SourceFormat, limits: WorkbookLimits = .standard) throws(WorkbookRefusal) {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else {
            throw WorkbookRefusal(
                code: "file-unreadable", message: "cannot open the file: \(String(cString: strerror(errno)))")
        }
        let head: [UInt8]
        do {
            defer { close(descriptor) }
            head = try ZipArchive.read(descriptor, at: 0, count: 8)
        }
        if head == Workbook.compoundFileMagic {
            throw WorkbookRefusal(
                code: "workbook-encrypted",
                message: "an OLE2 compound file, not a ZIP workbook: an encrypted workbook (password-protected files "
                    + "are stored this way) or a legacy .xls; open it with its password and save it as .xlsx")
        }
        let archive = try ZipArchive(path: path, limits: limits)
        if format == .ods || archive.contains("content.xml") && !archive.contains("[Content_Types].xml") {
            let workbook = try ODSWorkbook(archive: archive)
            container = .ods(workbook)
            sheets = try workbook.sheetNames().map { SheetEntry(name: $0, notCells: nil, hidden: false) }
        } else {
            let workbook = try XLSXWorkbook(archive: archive)
            container = .xlsx(workbook)
            sheets = workbook.sheets.map { sheet in
                SheetEntry(
                    name: sheet.name,
                    notCells: sheet.isWorksheet
                        ? (sheet.part == nil ? "the workbook names no part for it" : nil)
                        : "a chart, dialog or macro sheet, not cells",
                    hidden: sheet.state != "visible")
            }
        }
    }

    /// The cells of the sheet `name`.
    ///
    /// - Throws: ``WorkbookRefusal`` for a part over the limits or damaged.
    func grid(for name: String) throws(WorkbookRefusal) -> SheetGrid {
        switch container {
        case .ods(let workbook):
            return try workbook.grid(for: name)
        case .xlsx(let workbook):
            guard let sheet = workbook.sheets.first(where: { $0.name == name }) else { return SheetGrid(name: name) }
            return try workbook.grid(
                for: sheet, strings: try workbook.sharedStrings(), dateStyles: try workbook.dateStyles())
        }
    }

    /// The date system's name, for provenance.
    var dateSystem: String {
        switch container {
        case .ods: return "ISO dates (OpenDocument)"
        case .xlsx(let workbook): return workbook.date1904 ? "1904 (serials from 1904-01-01)" : "1900"
        }
    }
}
