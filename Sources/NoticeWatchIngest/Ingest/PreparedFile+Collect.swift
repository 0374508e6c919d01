import NoticeWatchModel

/// What the reading loop gathers from one file (or chunk).
struct Collected {
    var notices: [Notice] = []
    var complaints: [Complaint] = []
    var quarantine: [QuarantinedRow] = []
    var read = 0
    /// Records kept with at least one value not understood.
    var flagged = 0
    var broken = 0
    var choices: [String] = []
    var lineBreaks: Int?
    /// Records spilled while reading, when the file went over the memory budget.
    var spilledNotices: [SpillRun] = []
    var spilledComplaints: [SpillRun] = []
    /// Records kept since the budget last admitted some.
    var unadmitted = 0
    /// The budget that admits the records as they are read, with the file's position among the prepared files;
    /// `nil`: keep everything in memory.
    var budget: (budget: RecordBudget, file: Int)?

    /// Room for about `rows` records of `kind`.
    init(kind: RecordKind, rows: Int) {
        switch kind {
        case .notice: notices.reserveCapacity(rows)
        case .complaint: complaints.reserveCapacity(rows)
        }
    }

    /// Normalizes one record and keeps it, or the quarantine entry of a row that cannot be a record.
    @inline(__always)
    mutating func add(_ fields: RecordFields, at location: SourceLocation, normalizer: inout RecordNormalizer) {
        do {
            switch normalizer.kind {
            case .notice:
                let notice = try normalizer.notice(fields, at: location)
                if !notice.flagged.isEmpty { flagged += 1 }
                notices.append(notice)
            case .complaint:
                let complaint = try normalizer.complaint(fields, at: location)
                if !complaint.flagged.isEmpty { flagged += 1 }
                complaints.append(complaint)
            }
            unadmitted += 1
        } catch {
            quarantine.append(error.row)
        }
    }

    /// Has the budget admit the records kept since it last did, once there are a piece's worth of them (or
    /// `finished`); when it does not, every record in memory is spilled to sorted runs, and so is every later
    /// piece of the file.
    ///
    /// - Throws: `spill-failed` when the records cannot be written.
    @inline(__always)
    mutating func admit(finished: Bool = false) throws(IngestError) {
        guard let (budget, file) = budget, unadmitted > 0, finished || unadmitted >= budget.pieceSize else { return }
        if budget.admits(unadmitted, file: file) {
            unadmitted = 0
            return
        }
        budget.release(notices.count + complaints.count - unadmitted)
        unadmitted = 0
        let folder = try budget.folder()
        if !notices.isEmpty {
            var run = try SpillRun.write(notices, to: folder)
            run.rowBase = spilledNotices.reduce(0) { $0 + $1.count }
            spilledNotices.append(run)
            notices = []
        }
        if !complaints.isEmpty {
            var run = try SpillRun.write(complaints, to: folder)
            run.rowBase = spilledComplaints.reduce(0) { $0 + $1.count }
            spilledComplaints.append(run)
            complaints = []
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
        var column: String?
        if case .sheet(let table?) = setup { column = table.firstColumnName }
        let origin = SourceLocation.Origin(source: name, file: file, column: column)
        let fields = RecordFields(count: reader.valueCount)
        while let item = try reader.nextFields(into: fields) {
            collected.read += 1
            switch item {
            case .record:
                let location = SourceLocation(in: origin, line: fields.line, record: fields.record)
                collected.add(fields, at: location, normalizer: &normalizer)
                try collected.admit()
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
