import NoticeWatchModel

/// What the reading loop gathers from one file (or chunk).
struct Collected {
    var notices: [Notice] = []
    var complaints: [Complaint] = []
    var quarantine: [QuarantinedRow] = []
    var read = 0
    var broken = 0
    var choices: [String] = []
    var lineBreaks: Int?

    /// Room for about `rows` records of `kind`.
    init(kind: RecordKind, rows: Int) {
        switch kind {
        case .notice: notices.reserveCapacity(rows)
        case .complaint: complaints.reserveCapacity(rows)
        }
    }

    /// Normalizes one record and keeps it, or its quarantine entry.
    @inline(__always)
    mutating func add(_ fields: RecordFields, at location: SourceLocation, normalizer: inout RecordNormalizer) {
        do {
            switch normalizer.kind {
            case .notice: notices.append(try normalizer.notice(fields, at: location))
            case .complaint: complaints.append(try normalizer.complaint(fields, at: location))
            }
        } catch {
            quarantine.append(error.row)
        }
    }

    mutating func add(_ item: BrokenRecord, origin: SourceLocation.Origin) {
        broken += 1
        quarantine.append(
            QuarantinedRow(
                location: SourceLocation(in: origin, line: item.line, record: item.record),
                field: item.field, rawValue: item.rawText, reason: item.reason))
    }
}

extension PreparedFile {
    /// Reads every record of a reader that hands over bytes, normalizing each in place.
    ///
    /// - Throws: what the reader throws (the file cannot be read on).
    /// - Complexity: O(n) in the bytes read.
    func collect<Reader: FieldReader>(
        from reader: inout Reader, normalizer: inout RecordNormalizer, into collected: inout Collected,
        progress: (@Sendable (IngestProgress) -> Void)?
    ) throws(IngestError) {
        // One origin for this reader alone: every record refers to it, and chunks read on other cores count
        // their references on other objects.
        let name = task.spec.name
        let file = task.relativePath
        let origin = SourceLocation.Origin(source: name, file: file)
        let fields = RecordFields(count: reader.valueCount)
        while let item = try reader.nextFields(into: fields) {
            collected.read += 1
            switch item {
            case .record:
                let location = SourceLocation(in: origin, line: fields.line, record: fields.record)
                collected.add(fields, at: location, normalizer: &normalizer)
            case .broken(let broken):
                collected.add(broken, origin: origin)
            }
            if collected.read & 0xFFFF == 0, let progress {
                progress(
                    IngestProgress(
                        source: name, file: file, rowsRead: collected.read, bytesRead: reader.bytesConsumed ?? 0,
                        finished: false))
            }
        }
        collected.choices = reader.choices
        collected.lineBreaks = reader.lineBreaksConsumed
    }

    /// Reads every record of a reader that hands over text (XML), through the same normalizer.
    ///
    /// - Throws: what the reader throws (the file cannot be read on).
    /// - Complexity: O(n) in the bytes read.
    func collect(
        from reader: inout any RecordReader, normalizer: inout RecordNormalizer, into collected: inout Collected,
        progress: (@Sendable (IngestProgress) -> Void)?
    ) throws(IngestError) {
        let name = task.spec.name
        let file = task.relativePath
        let origin = SourceLocation.Origin(source: name, file: file)
        let fields = RecordFields(count: 0)
        while let item = try reader.next() {
            collected.read += 1
            switch item {
            case .record(let raw):
                fields.load(raw)
                let location = SourceLocation(in: origin, line: raw.line, record: raw.record)
                collected.add(fields, at: location, normalizer: &normalizer)
            case .broken(let broken):
                collected.add(broken, origin: origin)
            }
            if collected.read & 0xFFFF == 0, let progress {
                progress(
                    IngestProgress(
                        source: name, file: file, rowsRead: collected.read, bytesRead: reader.bytesConsumed ?? 0,
                        finished: false))
            }
        }
        collected.choices = reader.choices
        collected.lineBreaks = reader.lineBreaksConsumed
    }
}
