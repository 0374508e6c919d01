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
    /// Values not understood, one entry per field and spelling (the records were kept).
    var valuesNotUnderstood: [ValueNotUnderstood] = []
    /// Records with at least one value not understood.
    var flagged = 0
    var read: Int
    var choices: [String]
    /// Line breaks the reader consumed, when it counts them (NDJSON); for combining the chunks of a file.
    var lineBreaks: Int? = nil
    /// How many of the quarantine entries are records the reader could not read at all.
    var broken = 0
    /// Whether this chunk of an XML file may read differently from the whole file (see
    /// ``XMLRecordReader/chunkUnreliable``): the file is then read whole.
    var chunkUnreliable = false
    /// Runs of this file's notices and complaints written to the spill folder (their arrays are then empty).
    var spilledNotices: [SpillRun] = []
    var spilledComplaints: [SpillRun] = []

    /// The file's notices, in memory and spilled.
    var noticeCount: Int { spilledNotices.reduce(notices.count) { $0 + $1.count } }
    /// The file's complaints, in memory and spilled.
    var complaintCount: Int { spilledComplaints.reduce(complaints.count) { $0 + $1.count } }

    /// Moves the records in memory to sorted runs in `folder`.
    ///
    /// - Throws: `spill-failed` when they cannot be written.
    mutating func spill(to folder: SpillFolder) throws(IngestError) {
        // The records in memory follow those spilled before, in row order.
        if !notices.isEmpty {
            var run = try SpillRun.write(notices, to: folder)
            run.rowBase = noticeCount - notices.count
            spilledNotices.append(run)
            notices = []
        }
        if !complaints.isEmpty {
            var run = try SpillRun.write(complaints, to: folder)
            run.rowBase = complaintCount - complaints.count
            spilledComplaints.append(run)
            complaints = []
        }
    }
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
    ///   - budget: admits the records as they are read (this file's position among the prepared files with
    ///     it); the records it does not admit are spilled, and come back in ``FilePartial/spilledNotices`` and
    ///     ``FilePartial/spilledComplaints``. `nil`: every record stays in memory.
    /// - Complexity: O(n) in the file's size, read once, or twice when a date format must be detected.
    func read(
        progress: (@Sendable (IngestProgress) -> Void)?, range: Range<Int>? = nil, xmlFrame: XMLChunkFrame? = nil,
        budget: (budget: RecordBudget, file: Int)? = nil
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
                    vocabulary: spec.field.categories == nil && spec.values.isEmpty
                        ? nil : Vocabulary(field: spec.field, overrides: spec.values),
                    from: spec.from))
        }
        var normalizer = RecordNormalizer(kind: kind, plans: plans)
        let reader = try makeReader(paths: fieldPaths, range: range, xmlFrame: xmlFrame)
        // Room for the records with a margin for the estimate, so that the arrays are not moved as they grow. The
        // first chunk's arrays become the whole file's when the chunks are combined: they get room for the whole file.
        let share = range.map { $0.lowerBound == 0 ? scan.size : $0.count } ?? scan.size
        let rows = (estimatedRows + estimatedRows / 8) * share / max(scan.size, 1) + 1
        var collected = Collected(kind: kind, rows: budget == nil ? rows : min(rows, 1 << 16))
        collected.budget = budget
        var chunkUnreliable = false
        // The byte-level readers by their concrete types, so that the reading loop is specialized for each.
        if var csv = reader as? CSVReader {
            try collect(from: &csv, normalizer: &normalizer, into: &collected, progress: progress)
        } else if var json = reader as? JSONRecordReader {
            try collect(from: &json, normalizer: &normalizer, into: &collected, progress: progress)
        } else if var xml = reader as? XMLRecordReader {
            try collect(from: &xml, normalizer: &normalizer, into: &collected, progress: progress)
            chunkUnreliable = xml.chunkUnreliable
        } else {
            var other = reader
            try collect(from: &other, normalizer: &normalizer, into: &collected, progress: progress)
        }
        try collected.admit(finished: true)
        progress?(
            IngestProgress(
                source: task.spec.name, file: task.relativePath, rowsRead: collected.read, bytesRead: scan.size,
                finished: true))
        return FilePartial(
            prepared: self, notices: collected.notices, complaints: collected.complaints,
            quarantine: collected.quarantine,
            valuesNotUnderstood: normalizer.tally.values(source: task.spec.name, kind: kind, fields: fields),
            flagged: collected.flagged, read: collected.read,
            choices: Array(Set(choices + collected.choices)).sorted(), lineBreaks: collected.lineBreaks,
            broken: collected.broken, chunkUnreliable: chunkUnreliable, spilledNotices: collected.spilledNotices,
            spilledComplaints: collected.spilledComplaints)
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
    ) throws(IngestError) -> any FieldReader {
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
        case .sheet(let table):
            return SheetReader(
                table: table, paths: paths,
                uses: paths.map { path in
                    fields.contains { $0.from == path && $0.field.valueKind == .date } ? .date : .text
                })
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
                    code: .ambiguousDateFormat,
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
