import NoticeWatchModel

/// One file of one source, as the sources file (or inference) lists it, before anything is read.
struct FileTask: Sendable {
    /// Position of the source in sources-file order.
    var sourceIndex: Int
    var spec: SourceSpec
    /// Path relative to the dataset folder, `/`-separated.
    var relativePath: String
    var absolutePath: String
    var format: SourceFormat
    /// The sources file's name, for errors that point into it.
    var sourcesFile: String
    /// The sheet read, for a workbook (``relativePath`` is then `file!sheet`); `nil` for other formats, and for
    /// a workbook refused whole (``refusal``).
    var sheet: String? = nil
    /// Why a workbook is not read at all (found when its sheets were listed).
    var refusal: WorkbookRefusal? = nil
    /// How many bytes of a CSV file the UTF-8 check reads (`noticewatch inspect` without `--full`); `nil`: the
    /// whole file, hashed on the way, as a run does.
    var scanLimit: Int? = nil
}

/// How a prepared file is to be read.
enum ReaderSetup: Sendable {
    case csv(CSVDialect, columns: [Int])
    case json(JSONLayout)
    case xml(recordElement: String, namespaces: [String: String])
    /// A workbook sheet's table, read in full when the file was prepared; `nil` for a sheet or workbook not read.
    case sheet(SheetTable?)
}

extension FileTask {
    /// Hashes the file, decides how to read it and checks the mapping against its header or keys.
    ///
    /// - Throws: `file-unreadable`; `sources-file-unknown-column` for a field mapped to a missing CSV column;
    ///   `mapping-not-inferred` when neither kind fits an inferred file's names (an empty file is no error).
    func prepare() throws(IngestError) -> PreparedFile {
        if format.isWorkbook { return try prepareSheet() }
        let checkUTF8 = format == .csv && spec.csv.encoding == nil
        // The UTF-8 check reads the whole file, and hashes it on the way; otherwise the hash is taken on another
        // core while the file is parsed.
        let scan = try FileScan(
            path: absolutePath, displayPath: relativePath, checkUTF8: checkUTF8,
            hash: checkUTF8 && scanLimit == nil, limit: scanLimit)
        if spec.inferred && (scan.size == 0 || scan.isCompressed && scan.prefix.isEmpty) {
            // An empty file has no header or keys to infer a mapping from, and no rows to lose: it is listed with
            // zero rows read (as a notice source, which no figure can tell apart) instead of stopping the run.
            return PreparedFile(
                task: self, scan: scan, kind: .notice, fields: [],
                setup: .csv(CSVSniffer.dialect(for: spec.csv, scan: scan), columns: []), fieldPaths: [],
                choices: ["empty file: nothing to read"])
        }
        var prepared: PreparedFile
        switch format {
        case .csv: prepared = try prepareCSV(scan)
        case .json, .ndjson: prepared = try prepareJSON(scan)
        case .xml: prepared = try prepareXML(scan)
        case .xlsx, .ods: prepared = try prepareSheet()
        }
        if scan.isCompressed { prepared.choices.append("compression=gzip (detected)") }
        return prepared
    }

    private func prepareCSV(_ scan: FileScan) throws(IngestError) -> PreparedFile {
        var dialect = CSVSniffer.dialect(for: spec.csv, scan: scan)
        if spec.inferred && !dialect.hasHeader {
            // Inference reads the mapping from the header: the first row is taken as one whatever it looks like.
            dialect.hasHeader = true
            dialect.choices = dialect.choices.map {
                $0.hasPrefix("header=") ? "header=true (assumed: the mapping is inferred from it)" : $0
            }
        }
        let reader = try CSVReader(path: absolutePath, displayPath: relativePath, dialect: dialect)
        let header = reader.header
        let (kind, fields) = try mapping(names: header ?? [])
        let paths = FileTask.fieldPaths(fields)
        var columns: [Int] = []
        for path in paths {
            if dialect.hasHeader {
                guard let header else {
                    // An empty file: there is no header to check, and no rows to read.
                    columns.append(Int.max)
                    continue
                }
                guard let column = CSVReader.column(named: path, in: header) else {
                    throw unknownColumn(path, fields: fields, header: header)
                }
                columns.append(column)
            } else {
                guard let position = Int(path), position >= 1 else {
                    let spec = fields.first { $0.from == path }
                    throw IngestError(
                        code: .sourcesFileWrongType,
                        message: "field \"\(spec?.field.rawValue ?? "")\" must name a 1-based column position "
                            + "when header is false, found \(TextFolding.quoted(path))",
                        file: sourcesFile, line: spec?.mark?.line, column: spec?.mark?.column)
                }
                columns.append(position - 1)
            }
        }
        return PreparedFile(
            task: self, scan: scan, kind: kind, fields: fields, setup: .csv(dialect, columns: columns),
            fieldPaths: paths, choices: dialect.choices, header: header)
    }

    private func prepareJSON(_ scan: FileScan) throws(IngestError) -> PreparedFile {
        var layout: JSONLayout? =
            format == .ndjson ? .ndjson : spec.jsonRecords.map { JSONLayout.array(recordsPath: $0) }
        var choices: [String] = []
        var names: [String] = []
        if layout == nil || spec.inferred {
            let found = try JSONRecordReader.discoverFieldPaths(
                path: absolutePath, displayPath: relativePath, layout: layout, sampleRecords: 100)
            choices.append("layout=\(found.layout) (\(layout == nil ? "detected" : "set"))")
            layout = found.layout
            names = found.paths
        } else if let layout {
            choices.append("layout=\(layout) (set)")
        }
        let (kind, fields) = try mapping(names: names)
        return PreparedFile(
            task: self, scan: scan, kind: kind, fields: fields, setup: .json(layout ?? .ndjson),
            fieldPaths: FileTask.fieldPaths(fields), choices: choices)
    }

    private func prepareXML(_ scan: FileScan) throws(IngestError) -> PreparedFile {
        var recordElement = spec.xmlRecord
        var names: [String] = []
        var choices: [String] = []
        if recordElement == nil || spec.inferred {
            let found = try XMLRecordReader.discoverFieldPaths(
                path: absolutePath, displayPath: relativePath, recordElement: recordElement,
                namespaces: spec.xmlNamespaces, sampleRecords: 100)
            choices.append("record=\(found.recordElement) (\(recordElement == nil ? "detected" : "set"))")
            recordElement = found.recordElement
            names = found.paths
        } else if let recordElement {
            choices.append("record=\(recordElement) (set)")
        }
        let (kind, fields) = try mapping(names: names)
        return PreparedFile(
            task: self, scan: scan, kind: kind, fields: fields,
            setup: .xml(recordElement: recordElement ?? "", namespaces: spec.xmlNamespaces),
            fieldPaths: FileTask.fieldPaths(fields), choices: choices)
    }

    /// The kind and fields: the sources file's, or inferred from `names`.
    func mapping(names: [String]) throws(IngestError) -> (RecordKind, [FieldSpec]) {
        if !spec.inferred, let record = spec.record { return (record, spec.fields) }
        // A JSON file with no record (`[]`, a page with no notices) has nothing to map and nothing to lose: it is
        // read, and listed, with zero rows.
        if names.isEmpty && (format == .json || format == .ndjson) { return (.notice, []) }
        guard let inferred = MappingInference.infer(names: names) else {
            let listed = names.isEmpty ? "none" : TextFolding.quotedList(names)
            throw IngestError(
                code: .mappingNotInferred,
                message: "cannot tell whether \(relativePath) holds notices or complaints: no id and requesting "
                    + "country among its \(format == .csv || format.isWorkbook ? "headers" : "keys") (found: \(listed)); "
                    + "describe it in sources.yml",
                file: relativePath)
        }
        return inferred
    }

    func unknownColumn(_ path: String, fields: [FieldSpec], header: [String]) -> IngestError {
        let spec = fields.first { $0.from == path }
        let columns = TextFolding.quotedList(header)
        return IngestError(
            code: .sourcesFileUnknownColumn,
            message: "field \"\(spec?.field.rawValue ?? "")\" is mapped to column \(TextFolding.quoted(path)), "
                + "which \(relativePath) does not have (its columns: \(columns))",
            file: sourcesFile, line: spec?.mark?.line, column: spec?.mark?.column)
    }

    /// The distinct paths the fields read from, in field order.
    static func fieldPaths(_ fields: [FieldSpec]) -> [String] {
        var paths: [String] = []
        for field in fields {
            if let from = field.from, !paths.contains(from) { paths.append(from) }
        }
        return paths
    }
}
