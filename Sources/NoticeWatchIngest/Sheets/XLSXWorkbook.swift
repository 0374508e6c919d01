/// An Office Open XML workbook (`.xlsx`, `.xlsm`): its sheets from `workbook.xml` and its relationships, its date
/// system, shared strings and the styles that mark numbers as dates.
///
/// Every part is read with the libxml2 streaming reader (``WorkbookXML``), within ``WorkbookLimits``.
struct XLSXWorkbook {
    /// One sheet as the workbook lists it, in workbook order.
    struct Sheet: Sendable {
        var name: String
        /// The part holding its cells (`xl/worksheets/sheet1.xml`), `nil` when the relationship is missing.
        var part: String?
        /// Whether it is a worksheet (rather than a chart sheet, dialog or macro sheet).
        var isWorksheet: Bool
        /// `visible`, `hidden` or `veryHidden`.
        var state: String
    }

    let archive: ZipArchive
    let sheets: [Sheet]
    let date1904: Bool

    /// The namespace of `r:id` in transitional Office Open XML (what Excel writes by default), and in strict.
    static let relationshipsNamespaces = [
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
        "http://purl.oclc.org/ooxml/officeDocument/relationships",
    ]

    /// Reads the workbook's sheet list and date system.
    ///
    /// - Throws: ``WorkbookRefusal`` for an encrypted workbook (an `EncryptionInfo` part), one without
    ///   `workbook.xml`, or one with no sheet at all (a macro-only file).
    init(archive: ZipArchive) throws(WorkbookRefusal) {
        self.archive = archive
        if archive.contains("EncryptionInfo") || archive.contains("EncryptedPackage") {
            throw WorkbookRefusal(
                code: "workbook-encrypted", message: "the workbook is encrypted (it has an EncryptionInfo part)")
        }
        let workbookPart = try XLSXWorkbook.officeDocument(archive) ?? "xl/workbook.xml"
        guard let part = try archive.part(workbookPart) else {
            throw WorkbookRefusal(code: "workbook-corrupt", message: "the archive has no \(workbookPart)")
        }
        let folder = workbookPart.split(separator: "/").dropLast().joined(separator: "/")
        let relationships = try XLSXWorkbook.relationships(
            archive,
            part: (folder.isEmpty ? "" : folder + "/") + "_rels/"
                + (workbookPart.split(separator: "/").last.map(String.init) ?? "workbook.xml") + ".rels",
            folder: folder)
        let xml = try WorkbookXML(part: part, name: workbookPart)
        var sheets: [Sheet] = []
        var date1904 = false
        while try xml.next() {
            guard xml.isElement else { continue }
            switch xml.localName {
            case "workbookPr":
                let flag = xml.attribute("date1904")?.lowercased()
                date1904 = flag == "1" || flag == "true"
            case "sheet":
                let id = XLSXWorkbook.relationshipsNamespaces.lazy.compactMap { xml.attribute("id", namespace: $0) }
                    .first
                let target = id.flatMap { relationships[$0] }
                sheets.append(
                    Sheet(
                        name: xml.attribute("name") ?? "", part: target?.target,
                        isWorksheet: target?.type.hasSuffix("/worksheet") ?? false,
                        state: xml.attribute("state") ?? "visible"))
            default: break
            }
        }
        guard !sheets.isEmpty else {
            let macros = archive.entries.keys.contains { $0.hasSuffix("vbaProject.bin") }
            throw WorkbookRefusal(
                code: "workbook-no-sheets",
                message: macros ? "the workbook has macros and no sheet" : "the workbook has no sheet")
        }
        self.sheets = sheets
        self.date1904 = date1904
    }

    /// The workbook part named by the package's `_rels/.rels`, `nil` when it names none.
    private static func officeDocument(_ archive: ZipArchive) throws(WorkbookRefusal) -> String? {
        let relationships = try relationships(archive, part: "_rels/.rels", folder: "")
        return relationships.values.filter { $0.type.hasSuffix("/officeDocument") }.map(\.target).min()
    }

    /// The relationships of a part: id → target (resolved against `folder`) and type.
    static func relationships(
        _ archive: ZipArchive, part name: String, folder: String
    ) throws(WorkbookRefusal) -> [String: (target: String, type: String)] {
        guard let part = try archive.part(name) else { return [:] }
        let xml = try WorkbookXML(part: part, name: name)
        var result: [String: (target: String, type: String)] = [:]
        while try xml.next() {
            guard xml.isElement, xml.localName == "Relationship", let id = xml.attribute("Id"),
                let target = xml.attribute("Target")
            else { continue }
            if xml.attribute("TargetMode") == "External" { continue }
            result[id] = (resolve(target, in: folder), xml.attribute("Type") ?? "")
        }
        return result
    }

    /// A relationship target as a part name: absolute (`/xl/…`) without its slash, else relative to `folder`,
    /// `..` steps applied.
    static func resolve(_ target: String, in folder: String) -> String {
        var steps: [Substring] = target.hasPrefix("/") ? [] : folder.split(separator: "/")
        for step in target.split(separator: "/") {
            if step == ".." {
                if !steps.isEmpty { steps.removeLast() }
            } else if step != "." {
                steps.append(step)
            }
        }
        return steps.joined(separator: "/")
    }

    /// The workbook's shared strings in order: plain and rich text (the runs' text joined; phonetic guides left
    /// out).
    ///
    /// - Throws: `workbook-too-large` over ``WorkbookLimits/maximumSharedStrings`` strings or
    ///   ``WorkbookLimits/maximumSharedStringBytes`` bytes.
    func sharedStrings() throws(WorkbookRefusal) -> [String] {
        guard let name = archive.entries.keys.filter({ $0.hasSuffix("sharedStrings.xml") }).min(),
            let part = try archive.part(name)
        else { return [] }
        let xml = try WorkbookXML(part: part, name: name)
        var strings: [String] = []
        var current = ""
        var inString = false
        var inText = false
        var phoneticDepth: Int?
        var bytes = 0
        while try xml.next() {
            if xml.isElement {
                switch xml.localName {
                case "si":
                    inString = !xml.isEmptyElement
                    current = ""
                    if xml.isEmptyElement { strings.append("") }
                case "rPh": if !xml.isEmptyElement { phoneticDepth = xml.depth }
                case "t": inText = inString && phoneticDepth == nil && !xml.isEmptyElement
                default: break
                }
            } else if xml.isEndElement {
                switch xml.localName {
                case "si":
                    inString = false
                    bytes += current.utf8.count
                    strings.append(current)
                    guard strings.count <= archive.limits.maximumSharedStrings,
                        bytes <= archive.limits.maximumSharedStringBytes
                    else {
                        throw WorkbookRefusal(
                            code: "workbook-too-large",
                            message: "the shared-strings table is over the limit of "
                                + "\(archive.limits.maximumSharedStrings) strings or "
                                + "\(archive.limits.maximumSharedStringBytes) bytes")
                    }
                case "rPh": if phoneticDepth == xml.depth { phoneticDepth = nil }
                case "t": inText = false
                default: break
                }
            } else if inText && xml.isText {
                current += xml.text
            }
        }
        return strings
    }

    /// For each cell style (`s` attribute), whether its number format shows a date: the built-in formats 14–22
    /// and 45–47, and custom formats with a day or year token outside quotes and brackets.
    func dateStyles() throws(WorkbookRefusal) -> [Bool] {
        guard let name = archive.entries.keys.filter({ $0.hasSuffix("styles.xml") && $0.hasPrefix("xl/") }).min(),
            let part = try archive.part(name)
        else { return [] }
        let xml = try WorkbookXML(part: part, name: name)
        var custom: [Int: Bool] = [:]
        var styles: [Bool] = []
        var inCellFormats = false
        while try xml.next() {
            if xml.isElement {
                switch xml.localName {
                case "numFmt":
                    if let id = xml.attribute("numFmtId").flatMap(Int.init) {
                        custom[id] = XLSXWorkbook.isDateFormat(xml.attribute("formatCode") ?? "")
                    }
                case "cellXfs": inCellFormats = !xml.isEmptyElement
                case "xf" where inCellFormats:
                    let id = xml.attribute("numFmtId").flatMap(Int.init) ?? 0
                    styles.append(custom[id] ?? XLSXWorkbook.builtInDateFormats.contains(id))
                default: break
                }
            } else if xml.isEndElement && xml.localName == "cellXfs" {
                inCellFormats = false
            }
        }
        return styles
    }

    /// The built-in number formats that show a date or time.
    static let builtInDateFormats: Set<Int> = Set(14...22).union(45...47)

    /// Whether a custom number format shows a date: a `d` or `y` outside quoted text, `[…]` sections (colours,
    /// locales, elapsed time) and escaped characters.
    static func isDateFormat(_ code: String) -> Bool {
        var inQuote = false
        var inBracket = false
        var escaped = false
        for character in code.lowercased() {
            if escaped {
                escaped = false
            } else if inQuote {
                if character == "\"" { inQuote = false }
            } else if inBracket {
                if character == "]" { inBracket = false }
            } else {
                switch character {
                case "\"": inQuote = true
                case "[": inBracket = true
                case "\\", "_", "*": escaped = true
                case "d", "y": return true
                default: break
                }
            }
        }
        return false
    }
}
