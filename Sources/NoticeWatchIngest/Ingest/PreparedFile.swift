import NoticeWatchModel

/// A file after its first look (hash, dialect, header, mapping) and before its rows are read.
struct PreparedFile: Sendable {
    var task: FileTask
    var scan: FileScan
    var kind: RecordKind
    /// The mapping in force for this file: from the sources file, or inferred from its header.
    var fields: [FieldSpec]
    var setup: ReaderSetup
    /// The distinct `from` paths the reader is asked for, in field order.
    var fieldPaths: [String]
    /// Reader choices found so far (dialect, layout).
    var choices: [String]
    /// A CSV file's header row, trimmed; `nil` for other formats and files without one.
    var header: [String]? = nil
}

/// What reading one file gave, before merging.
struct FilePartial: Sendable {
    var prepared: PreparedFile
    /// The file's notices, in row order (empty for a file of complaints).
    var notices: [Notice]
    /// The file's complaints, in row order (empty for a file of notices).
    var complaints: [Complaint]
    var quarantine: [QuarantinedRow]
    var read: Int
    var choices: [String]
    /// Line breaks the reader consumed, when it counts them (NDJSON); for combining the chunks of a file.
    var lineBreaks: Int? = nil
    /// How many of the quarantine entries are records the reader could not read at all.
    var broken = 0
    /// Whether this chunk of an XML file may read differently from the whole file (see
    /// ``XMLRecordReader/chunkUnreliable``): the file is then read whole.
    var chunkUnreliable = false
}

extension PreparedFile {
    /// Reads every row: detects the date formats the mapping leaves open (a first pass over those columns),
    /// then normalizes each record or quarantines it.
    ///
    /// - Throws: `ambiguous-date-format` when a date column fits both day-first and month-first; reader errors.
    /// - Parameters:
    ///   - range: the bytes of an NDJSON, CSV or XML file to read (see ``FileChunk``), lines (but in XML) and
    ///     records counted from its start; `nil` for the whole file.
    ///   - xmlFrame: how an XML range is framed as a document.
    /// - Complexity: O(n) in the file's size, read once, or twice when a date format must be detected.
    func read(
        progress: (@Sendable (IngestProgress) -> Void)?, range: Range<Int>? = nil, xmlFrame: XMLChunkFrame? = nil
    ) throws(IngestError) -> FilePartial {
        var choices = choices
        var formats: [NormalizedField: [DateFormat]] = [:]
        let open = fields.filter { $0.field.valueKind == .date && $0.from != nil && $0.formats.isEmpty }
        if !open.isEmpty {
            let detected = try detectDateFormats(open)
            for (field, format) in detected {
                formats[field] = format.map { [$0] } ?? []
                choices.append("\(field.rawValue) format=\(format?.description ?? "none") (detected)")
            }
        }
        var plans: [FieldPlan] = []
        for spec in fields {
            plans.append(
                FieldPlan(
                    field: spec.field, valueIndex: spec.from.flatMap { fieldPaths.firstIndex(of: $0) },
                    constant: spec.constant, formats: formats[spec.field] ?? spec.formats,
                    vocabulary: spec.field.categories == nil
                        ? nil : Vocabulary(field: spec.field, overrides: spec.values)))
        }
        var normalizer = RecordNormalizer(kind: kind, plans: plans)
        var reader = try makeReader(paths: fieldPaths, range: range, xmlFrame: xmlFrame)
        var notices: [Notice] = []
        var complaints: [Complaint] = []
        let rows = range.map { estimatedRows * $0.count / max(scan.size, 1) + 1 } ?? estimatedRows
        switch kind {
        case .notice: notices.reserveCapacity(rows)
        case .complaint: complaints.reserveCapacity(rows)
        }
        var broken = 0
        var quarantine: [QuarantinedRow] = []
        var read = 0
        let name = task.spec.name
        let file = task.relativePath
        while let item = try reader.next() {
            read += 1
            switch item {
            case .record(let raw):
                let location = SourceLocation(source: name, file: file, line: raw.line, record: raw.record)
                switch normalizer.normalize(raw, at: location) {
                case .success(.notice(let notice)): notices.append(notice)
                case .success(.complaint(let complaint)): complaints.append(complaint)
                case .failure(let rejection): quarantine.append(rejection.row)
                }
            case .broken(let item):
                broken += 1
                quarantine.append(
                    QuarantinedRow(
                        location: SourceLocation(source: name, file: file, line: item.line, record: item.record),
                        field: item.field, rawValue: item.rawText, reason: item.reason))
            }
            if read & 0xFFFF == 0, let progress {
                progress(
                    IngestProgress(
                        source: name, file: file, rowsRead: read, bytesRead: reader.bytesConsumed ?? 0,
                        finished: false))
            }
        }
        progress?(IngestProgress(source: name, file: file, rowsRead: read, bytesRead: scan.size, finished: true))
        return FilePartial(
            prepared: self, notices: notices, complaints: complaints, quarantine: quarantine, read: read,
            choices: Array(Set(choices + reader.choices)).sorted(), lineBreaks: reader.lineBreaksConsumed,
            broken: broken, chunkUnreliable: (reader as? XMLRecordReader)?.chunkUnreliable ?? false)
    }

    /// About how many rows the file has, from the line breaks in its first bytes (capped, for the first
    /// allocation only).
    var estimatedRows: Int {
        let breaks = scan.prefix.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
        guard breaks > 0, !scan.prefix.isEmpty else { return 0 }
        return min(scan.size / max(scan.prefix.count / breaks, 1) + 1, 1 << 22)
    }

    /// A reader over this file for `paths` (a subset of ``fieldPaths``), values in the order of `paths`.
    ///
    /// - Parameters:
    ///   - range: the bytes to read, for NDJSON, CSV and XML only; `nil` for the whole file.
    ///   - xmlFrame: how an XML range is framed as a document (an XML range is read only with one).
    func makeReader(
        paths: [String], range: Range<Int>? = nil, xmlFrame: XMLChunkFrame? = nil
    ) throws(IngestError) -> any RecordReader {
        switch setup {
        case .csv(let dialect, let columns):
            var reader = try CSVReader(
                path: task.absolutePath, displayPath: task.relativePath, dialect: dialect, range: range, header: header)
            reader.select(
                columns: paths.map { path in columns[fieldPaths.firstIndex(of: path)!] },
                fields: paths.map { path in fields.first { $0.from == path }?.field.rawValue })
            return reader
        case .json(let layout):
            return try JSONRecordReader(
                path: task.absolutePath, displayPath: task.relativePath, layout: layout, fieldPaths: paths,
                range: range)
        case .xml(let recordElement, let namespaces):
            return try XMLRecordReader(
                path: task.absolutePath, displayPath: task.relativePath, recordElement: recordElement,
                namespaces: namespaces, fieldPaths: paths,
                chunk: range.flatMap { range in xmlFrame.map { (range, $0) } })
        }
    }

    /// The format of each open date field, from a pass over its column; `nil` when no value fits any format.
    private func detectDateFormats(_ open: [FieldSpec]) throws(IngestError) -> [(NormalizedField, DateFormat?)] {
        let paths = FileTask.fieldPaths(open)
        var reader = try makeReader(paths: paths)
        var detectors = [DateFormatDetector](repeating: DateFormatDetector(), count: paths.count)
        while let item = try reader.next() {
            guard case .record(let raw) = item else { continue }
            for (index, value) in raw.values.enumerated() {
                if let value { detectors[index].observe(TextFolding.trim(value)) }
            }
        }
        var result: [(NormalizedField, DateFormat?)] = []
        for spec in open {
            let detector = detectors[paths.firstIndex(of: spec.from!)!]
            switch detector.decide() {
            case .none:
                result.append((spec.field, nil))
            case .format(let format):
                result.append((spec.field, format))
            case .ambiguous(let first, let second, let examples):
                throw IngestError(
                    code: "ambiguous-date-format",
                    message: "source \(TextFolding.quoted(task.spec.name)), field \"\(spec.field.rawValue)\" "
                        + "(from \(TextFolding.quoted(spec.from!))): values such as "
                        + examples.map(TextFolding.quoted).joined(separator: ", ")
                        + " fit both \(first) and \(second); set `format:` for this field in sources.yml",
                    file: task.relativePath)
            }
        }
        return result
    }
}
