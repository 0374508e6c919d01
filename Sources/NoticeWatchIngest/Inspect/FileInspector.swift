import NoticeWatchModel

/// Reads the first part of one prepared file (or all of it) as a run would: a first pass detects the date
/// formats the mapping leaves open, a second normalizes each record with the run's own normalizer, counting on
/// the way what each field's values give.
struct FileInspector {
    let prepared: PreparedFile
    /// Whether to read the whole file.
    let full: Bool
    /// The bytes read from a CSV file when not `full`.
    var partBytes = DatasetInspector.partBytes

    /// The most distinct labels of one field that are counted; a field with more is no category column.
    static let labelLimit = 1000
    /// The labels listed per field (the unknown ones first), the others counted in ``FieldInspection/otherLabels``.
    static let labelsListed = 40

    /// What the first pass found about the date fields.
    private struct DateFindings {
        /// The formats of the fields the mapping leaves open (empty: none fits, or the column is ambiguous).
        var formats: [NormalizedField: [DateFormat]] = [:]
        /// A few distinct values of every date field.
        var examples: [NormalizedField: [String]] = [:]
        /// The two formats an ambiguous column fits.
        var ambiguous: [NormalizedField: (DateFormat, DateFormat)] = [:]
    }

    /// What one field's values gave in the part read.
    private struct Tally {
        var present = 0
        var notUnderstood = 0
        var labels: [String: Int] = [:]
        var labelsDropped = 0
    }

    func inspect() throws(IngestError) -> FileInspection {
        var stops: [String] = []
        let dates = try detectDateFormats(stops: &stops)
        let formats = dates.formats
        var plans: [FieldPlan] = []
        for spec in prepared.fields {
            plans.append(
                FieldPlan(
                    field: spec.field, valueIndex: spec.from.flatMap { prepared.fieldPaths.firstIndex(of: $0) },
                    constant: spec.constant, formats: formats[spec.field] ?? spec.formats,
                    vocabulary: spec.field.categories == nil && spec.values.isEmpty
                        ? nil : Vocabulary(field: spec.field, overrides: spec.values),
                    from: spec.from))
        }
        var normalizer = RecordNormalizer(kind: prepared.kind, plans: plans)
        var reader = try prepared.makeReader(paths: prepared.fieldPaths)
        var collected = Collected(kind: prepared.kind, rows: 0)
        var tallies = [Tally](repeating: Tally(), count: prepared.fields.count)
        var column: String?
        if case .sheet(let table?) = prepared.setup { column = table.firstColumnName }
        let origin = SourceLocation.Origin(
            source: prepared.task.spec.name, file: prepared.task.relativePath, column: column)
        let fields = RecordFields(count: reader.valueCount)
        var readWhole = false
        while true {
            if !full && isPastPart(reader, records: collected.read) { break }
            guard let item = try reader.nextFields(into: fields) else {
                readWhole = true
                break
            }
            collected.read += 1
            switch item {
            case .broken(let broken):
                collected.add(broken, origin: origin)
            case .record:
                let values = fields.strings
                let setAside = collected.quarantine.count
                collected.add(
                    fields, at: SourceLocation(in: origin, line: fields.line, record: fields.record),
                    normalizer: &normalizer)
                guard collected.quarantine.count == setAside else { continue }
                // Only the counts are kept: the records themselves are let go as they come.
                let flagged = collected.notices.last?.flagged ?? collected.complaints.last?.flagged ?? []
                collected.notices.removeAll(keepingCapacity: true)
                collected.complaints.removeAll(keepingCapacity: true)
                count(values, flagged: flagged, into: &tallies)
            }
        }
        let unresolved = normalizer.tally.values(
            source: prepared.task.spec.name, kind: prepared.kind, fields: prepared.fields)
        return FileInspection(
            path: prepared.task.relativePath, source: prepared.task.spec.name, format: format,
            size: prepared.scan.size, readWhole: readWhole || isSheet, encoding: dialect?.encoding.rawValue,
            delimiter: dialect.map { String(decoding: [$0.delimiter], as: UTF8.self) },
            quote: dialect.map { String(decoding: [$0.quote], as: UTF8.self) }, hasHeader: dialect?.hasHeader,
            header: header, records: jsonRecords, recordElement: xmlRecord.map(\.element),
            namespaces: xmlRecord.map(\.namespaces), sheet: prepared.task.sheet,
            choices: Array(Set(prepared.choices + reader.choices)).sorted(), kind: prepared.kind.rawValue,
            kindEvidence: kindEvidence,
            fields: prepared.fields.indices.map { index in
                field(index, tally: tallies[index], dates: dates, unresolved: unresolved)
            },
            recordsRead: collected.read, setAside: setAsideCounts(collected.quarantine), stops: stops)
    }

    /// Whether the part read is over: 4 MiB of a reader that counts its bytes, else ``DatasetInspector/partRecords``
    /// records (a sheet, already in memory, is read whole).
    private func isPastPart(_ reader: any FieldReader, records: Int) -> Bool {
        if isSheet { return false }
        if let bytes = reader.bytesConsumed { return bytes >= partBytes }
        return records >= DatasetInspector.partRecords
    }

    /// The format as read: a `.json` file of one record per line is NDJSON.
    private var format: String {
        if case .json(.ndjson) = prepared.setup { return SourceFormat.ndjson.rawValue }
        return prepared.task.format.rawValue
    }

    private var isSheet: Bool {
        if case .sheet = prepared.setup { return true }
        return false
    }

    private var dialect: CSVDialect? {
        if case .csv(let dialect, _) = prepared.setup { return dialect }
        return nil
    }

    private var header: [String]? {
        if case .sheet(let table?) = prepared.setup { return table.names }
        return prepared.header
    }

    private var jsonRecords: String? {
        if case .json(.array(let path)) = prepared.setup { return path }
        return nil
    }

    private var xmlRecord: (element: String, namespaces: [String: String])? {
        if case .xml(let element, let namespaces) = prepared.setup { return (element, namespaces) }
        return nil
    }

    /// The first pass: the format of each date field the mapping leaves open, over the part read, and a few
    /// values of every date field; an ambiguous column is a stop (a run would ask for `format:`).
    private func detectDateFormats(
        stops: inout [String]
    ) throws(IngestError) -> DateFindings {
        let dates = prepared.fields.filter { $0.field.valueKind == .date && $0.from != nil }
        guard !dates.isEmpty else { return DateFindings() }
        let paths = FileTask.fieldPaths(dates)
        var reader = try prepared.makeReader(paths: paths)
        var detectors = [DateFormatDetector](repeating: DateFormatDetector(), count: paths.count)
        var records = 0
        while !(!full && isPastPart(reader, records: records)), let item = try reader.next() {
            records += 1
            guard case .record(let raw) = item else { continue }
            for (index, value) in raw.values.enumerated() {
                if let value { detectors[index].observe(TextFolding.trim(value)) }
            }
        }
        var found = DateFindings()
        for spec in dates {
            let detector = detectors[paths.firstIndex(of: spec.from!)!]
            found.examples[spec.field] = detector.examples
            guard spec.formats.isEmpty else { continue }
            switch detector.decide() {
            case .none:
                found.formats[spec.field] = []
            case .format(let format):
                found.formats[spec.field] = [format]
            case .ambiguous(let first, let second, let values):
                found.formats[spec.field] = []
                found.ambiguous[spec.field] = (first, second)
                stops.append(
                    "ambiguous-date-format: field \"\(spec.field.rawValue)\" (from \(TextFolding.quoted(spec.from!))): "
                        + "values such as \(values.map(TextFolding.quoted).joined(separator: ", ")) fit both "
                        + "\(first) and \(second); set `format:` for this field in sources.yml")
            }
        }
        return found
    }

    /// Counts one kept record's values: present, not understood (its flag), and each label of a category field.
    private func count(_ values: [String?], flagged: FlaggedFields, into tallies: inout [Tally]) {
        for (index, spec) in prepared.fields.enumerated() {
            guard let from = spec.from, let slot = prepared.fieldPaths.firstIndex(of: from),
                let raw = values[slot]
            else { continue }
            let value = TextFolding.trim(raw)
            guard !value.isEmpty else { continue }
            tallies[index].present += 1
            if !spec.field.flag.isEmpty && flagged.contains(spec.field.flag) { tallies[index].notUnderstood += 1 }
            guard spec.field.valueKind == .category else { continue }
            var label = value
            if spec.field == .kind, let kind = PublicServiceShape.kind(ofLink: value) {
                label = "(a link naming \(kind.rawValue))"
            }
            if tallies[index].labels[label] != nil || tallies[index].labels.count < FileInspector.labelLimit {
                tallies[index].labels[label, default: 0] += 1
            } else {
                tallies[index].labelsDropped += 1
            }
        }
    }

    private func field(
        _ index: Int, tally: Tally, dates: DateFindings,
        unresolved: [ValueNotUnderstood]
    ) -> FieldInspection {
        let spec = prepared.fields[index]
        let understood = max(tally.present - tally.notUnderstood, 0)
        var inspection = FieldInspection(
            field: spec.field.rawValue, from: spec.from, constant: spec.constant,
            evidence: InspectionEvidence.field(spec, kind: prepared.kind, inferred: prepared.task.spec.inferred),
            note: spec.note, present: tally.present, understood: understood)
        if spec.field.valueKind == .date && spec.from != nil {
            let used = dates.formats[spec.field] ?? spec.formats
            inspection.dateFormats = used.map(\.description)
            inspection.dateExamples = dates.examples[spec.field] ?? []
            inspection.dateEvidence = InspectionEvidence.date(
                spec, used: used, understood: understood, present: tally.present,
                inferred: prepared.task.spec.inferred, ambiguous: dates.ambiguous[spec.field])
        }
        if spec.field.valueKind == .category && spec.constant == nil {
            let vocabulary = Vocabulary(field: spec.field, overrides: spec.values)
            let seen = tally.labels.map { label, count in
                let known =
                    label.hasPrefix("(a link naming ")
                    ? String(label.dropFirst(15).dropLast()) : vocabulary.category(for: label)
                let guess = known == nil ? vocabulary.guess(for: label) : nil
                return LabelSeen(
                    value: label, count: count, mapsTo: known,
                    suggestion: guess.map { "\($0.category) (it holds the known label \(TextFolding.quoted($0.from)))" }
                )
            }
            let unknownFirst = seen.sorted {
                ($0.mapsTo == nil) != ($1.mapsTo == nil) ? $0.mapsTo == nil : LabelSeen.ordered($0, $1)
            }
            inspection.labels = Array(unknownFirst.prefix(FileInspector.labelsListed))
            let others =
                unknownFirst.dropFirst(FileInspector.labelsListed).reduce(0) { $0 + $1.count } + tally.labelsDropped
            if others > 0 { inspection.otherLabels = others }
        }
        if [.country, .countryList, .warrantList].contains(spec.field.valueKind) {
            inspection.unresolved = unresolved.filter { $0.field == spec.field.rawValue }.map { value in
                LabelSeen(
                    value: value.rawValue, count: value.count, mapsTo: nil,
                    suggestion: CountrySuccessors.member(for: value.rawValue).map { "\($0.0.alpha2) (\($0.1))" })
            }.sorted(by: LabelSeen.ordered)
        }
        return inspection
    }

    private var kindEvidence: String {
        InspectionEvidence.kind(
            prepared.kind, fields: prepared.fields, inferred: prepared.task.spec.inferred,
            empty: prepared.fields.isEmpty)
    }

    /// The rows set aside, by reason, most frequent first, with where the first one is.
    private func setAsideCounts(_ rows: [QuarantinedRow]) -> [SetAsideCount] {
        var byReason: [String: (count: Int, first: SourceLocation)] = [:]
        for row in rows {
            if let found = byReason[row.reason.code] {
                byReason[row.reason.code] = (found.count + 1, min(found.first, row.location))
            } else {
                byReason[row.reason.code] = (1, row.location)
            }
        }
        return byReason.map { SetAsideCount(reason: $0.key, count: $0.value.count, first: $0.value.first.description) }
            .sorted { ($0.count, $1.reason) > ($1.count, $0.reason) }
    }
}
