import NoticeWatchModel

/// One source: a path or glob, its format and record kind, reader options and field mapping.
struct SourceSpec: Hashable, Sendable {
    var name: String
    /// A path relative to the dataset folder, or a glob (`api_pages/*.json`).
    var path: String
    var pathMark: SourcesFileMark?
    /// `nil`: from each file's extension.
    var format: SourceFormat?
    /// `nil` only for an inferred source until its header is read.
    var record: RecordKind?
    var csv = CSVOptions()
    /// JSON: where the records are (`""` top-level array, `_embedded.notices`); `nil` to detect.
    var jsonRecords: String?
    var xmlRecord: String?
    var xmlNamespaces: [String: String] = [:]
    /// A workbook's sheet, or a glob over its sheet names (`Complaints *`); `nil`: every sheet.
    var sheet: String?
    var sheetMark: SourcesFileMark?
    /// The mapped fields, in ``NormalizedField`` order.
    var fields: [FieldSpec] = []
    /// The day the source's files were captured (`snapshot_date`), over any date in their paths; `nil` when the
    /// sources file gives none.
    var snapshotDate: CivilDate?
    /// Whether the mapping is to be inferred from the file's header names or keys.
    var inferred = false

    /// The field spec for `field`, if mapped.
    func spec(for field: NormalizedField) -> FieldSpec? { fields.first { $0.field == field } }

    /// The mapping as the accounting lists it: `requesting_country <- "Country"`, `kind = red-notice`.
    var mappingDescription: [String] {
        if inferred && fields.isEmpty { return ["none: the file is empty"] }
        return fields.map { spec in
            if let constant = spec.constant { return "\(spec.field.rawValue) = \(constant)" }
            var text = "\(spec.field.rawValue) <- \(TextFolding.quoted(spec.from ?? ""))"
            if !spec.formats.isEmpty { text += " (format: \(spec.formats.map(\.description).joined(separator: ", ")))" }
            if let note = spec.note { text += " (\(note))" }
            return text
        }
    }
}

/// A place in the sources file, for errors found after parsing (a column missing from a CSV header).
struct SourcesFileMark: Hashable, Sendable {
    var line: Int
    var column: Int
}

/// How one normalized field of a source is filled.
struct FieldSpec: Hashable, Sendable {
    var field: NormalizedField
    /// The column name, 1-based position, JSON path or XML path; `nil` for a constant.
    var from: String?
    /// A constant for every record of the source (`value:`).
    var constant: String?
    /// Date formats to try in order; empty means "detect per column".
    var formats: [DateFormat] = []
    /// Raw label → category raw value, on top of the defaults.
    var values: [String: String] = [:]
    /// Where `from` is written in the sources file (`nil` when inferred).
    var mark: SourcesFileMark?
    /// How an inferred name was chosen over others that fit the field too.
    var note: String?
}

/// The file format of a source.
enum SourceFormat: String, Hashable, Sendable, CaseIterable {
    case csv, json, ndjson, xml, xlsx, ods

    /// Whether files of this format are workbooks whose sheets are read as tables.
    var isWorkbook: Bool { self == .xlsx || self == .ods }

    /// The format an extension implies (`.jsonl` is NDJSON), or `nil`; a final `.gz` is looked through
    /// (`notices.csv.gz` is CSV).
    static func fromExtension(of path: String) -> SourceFormat? {
        let path = path.lowercased().hasSuffix(".gz") ? String(path.dropLast(3)) : path
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return nil }
        switch path[path.index(after: dot)...].lowercased() {
        case "csv", "tsv": return .csv
        case "json": return .json
        case "ndjson", "jsonl": return .ndjson
        case "xml": return .xml
        case "xlsx", "xlsm": return .xlsx
        case "ods": return .ods
        default: return nil
        }
    }
}
