import NoticeWatchModel

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A byte range of a large NDJSON, CSV or XML file, read on its own so that one file keeps every core busy.
///
/// An NDJSON or CSV chunk starts at the start of a line and ends just after a line break (or at the end of the
/// file); its reader counts lines and records from the chunk's start. An XML chunk starts just before the markup
/// of a record and is read as a document of its own (``XMLChunkFrame``, see `FileChunk+XML.swift`), with the
/// file's line numbers and records counted from the chunk's start. ``combine(_:)`` shifts them by what the
/// earlier chunks consumed, so the records, quarantine and accounting are the same as from one reader over the
/// whole file.
struct FileChunk: Sendable {
    /// When a file is cut into chunks, and how large they are.
    struct Sizes: Sendable {
        /// Files smaller than this are read whole.
        var minimumFileSize: Int
        /// About how many bytes one chunk holds.
        var targetSize: Int

        /// Chunks of about 24 MiB for files of 16 MiB and more.
        static let standard = Sizes(minimumFileSize: 16 << 20, targetSize: 24 << 20)
    }

    /// Position of the file among the prepared files.
    var file: Int
    var range: Range<Int>
    /// For an XML file, how the range is framed as a document of its own (see `FileChunk+XML.swift`).
    var xml: XMLChunkFrame? = nil

    /// The chunks of `prepared`, or `nil` when it is read whole: small; with a date format to detect (detection
    /// looks at the whole column before any record is normalized); neither NDJSON nor a CSV file with a header,
    /// in UTF-8 or a single-byte encoding. A CSV file with quote characters is cut after a line feed preceded by
    /// an even number of quotes since the start of the file (see ``quotedRowStarts(after:quote:descriptor:prepared:)``;
    /// ``combine(_:)`` checks that each chunk did end between rows), nor an XML file that cannot be cut safely (see
    /// `FileChunk+XML.swift`). A gzip-compressed file is never cut: it is inflated whole, on one core.
    ///
    /// - Throws: `file-unreadable` when the file cannot be read.
    /// - Complexity: O(chunks) reads of at most a line each; O(n) for a CSV file, searched for quotes (and, when
    ///   it has some, counted up to the last cut).
    static func plan(_ prepared: PreparedFile, file: Int, sizes: Sizes) throws(IngestError) -> [FileChunk]? {
        guard !prepared.scan.isCompressed, prepared.scan.size >= sizes.minimumFileSize,
            !prepared.fields.contains(where: { $0.field.valueKind == .date && $0.from != nil && $0.formats.isEmpty })
        else { return nil }
        var quote: UInt8?
        switch prepared.setup {
        case .json(let layout):
            guard layout == .ndjson else { return nil }
        case .csv(let dialect, _):
            guard dialect.hasHeader, prepared.header != nil, dialect.encoding != .utf16LE,
                dialect.encoding != .utf16BE
            else { return nil }
            quote = dialect.quote
        case .sheet:
            return nil
        case .xml(let recordElement, let namespaces):
            return try xmlChunks(
                prepared, file: file, sizes: sizes, recordElement: recordElement, namespaces: namespaces)
        }
        let size = prepared.scan.size
        let count = chunkCount(size: size, sizes: sizes)
        let descriptor = try openForPlanning(prepared)
        defer { close(descriptor) }
        var bounds = [0]
        if let quote, try contains(quote, descriptor: descriptor, prepared: prepared) {
            let targets = (1..<count).map { size / count * $0 }
            for next in try quotedRowStarts(after: targets, quote: quote, descriptor: descriptor, prepared: prepared)
            where next > bounds[bounds.count - 1] && next < size {
                bounds.append(next)
            }
            bounds.append(size)
            guard bounds.count > 2 else { return nil }
            return (1..<bounds.count).map { FileChunk(file: file, range: bounds[$0 - 1]..<bounds[$0]) }
        }
        for part in 1..<count {
            let target = max(size / count * part, bounds[bounds.count - 1])
            guard let next = try lineStart(after: target, descriptor: descriptor, size: size, prepared: prepared),
                next > bounds[bounds.count - 1], next < size
            else { continue }
            bounds.append(next)
        }
        bounds.append(size)
        guard bounds.count > 2 else { return nil }
        return (1..<bounds.count).map { FileChunk(file: file, range: bounds[$0 - 1]..<bounds[$0]) }
    }

    /// Whether the file holds `byte` anywhere.
    private static func contains(
        _ byte: UInt8, descriptor: Int32, prepared: PreparedFile
    ) throws(IngestError) -> Bool {
        let blockSize = 1 << 20
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: blockSize, alignment: 16)
        defer { buffer.deallocate() }
        var position = 0
        while true {
            let got = pread(descriptor, buffer, blockSize, off_t(position))
            guard got >= 0 else {
                throw IngestError(
                    code: .fileUnreadable, message: "read failed: \(String(cString: strerror(errno)))",
                    file: prepared.task.relativePath)
            }
            if got == 0 { return false }
            if memchr(buffer, Int32(byte), got) != nil { return true }
            position += got
        }
    }

    /// The offset just after the first line feed at or after `offset`, `nil` when there is none.
    private static func lineStart(
        after offset: Int, descriptor: Int32, size: Int, prepared: PreparedFile
    ) throws(IngestError) -> Int? {
        let blockSize = 64 * 1024
        var buffer = [UInt8](repeating: 0, count: blockSize)
        var position = offset
        while position < size {
            let got = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, blockSize, off_t(position)) }
            guard got >= 0 else {
                throw IngestError(
                    code: .fileUnreadable, message: "read failed: \(String(cString: strerror(errno)))",
                    file: prepared.task.relativePath)
            }
            if got == 0 { return nil }
            if let found = buffer[0..<got].firstIndex(of: 0x0A) { return position + found + 1 }
            position += got
        }
        return nil
    }

    /// The chunks' results as one file's, in chunk order: lines and records shifted by the earlier chunks, the
    /// first chunk's choices. `nil` when a chunk after the first has a record the reader could not read at all,
    /// whose message names lines counted from the chunk's start, when a CSV chunk before the last ended inside
    /// a row (a quoted field still open, or a row too long to keep), or when an XML chunk may read differently
    /// from the whole file: the file is then read whole instead.
    ///
    /// - Complexity: O(n) in the records; the chunks' arrays are released as they are moved (the elements of
    ///   `parts` are left empty when they are combined, untouched when `nil` is returned).
    static func combine(_ parts: inout [FilePartial]) -> FilePartial? {
        guard !parts.isEmpty, !parts.dropFirst().contains(where: { $0.broken > 0 }),
            !parts.dropLast().contains(where: endsInsideRow), !parts.contains(where: \.chunkUnreliable)
        else { return nil }
        var whole = FilePartial(
            prepared: parts[0].prepared, notices: [], complaints: [], quarantine: [], read: 0, choices: [])
        swap(&whole, &parts[0])
        var lineShift = whole.lineBreaks ?? 0
        var recordShift = whole.read
        whole.notices.reserveCapacity(parts.reduce(whole.notices.count) { $0 + $1.notices.count })
        whole.complaints.reserveCapacity(parts.reduce(whole.complaints.count) { $0 + $1.complaints.count })
        for index in parts.indices.dropFirst() {
            var part = FilePartial(
                prepared: parts[index].prepared, notices: [], complaints: [], quarantine: [], read: 0, choices: [])
            swap(&part, &parts[index])
            let firstNotice = whole.notices.count
            whole.notices.append(contentsOf: part.notices)
            part.notices = []
            for position in firstNotice..<whole.notices.count {
                whole.notices[position].provenance.shift(lines: lineShift, records: recordShift)
            }
            let firstComplaint = whole.complaints.count
            whole.complaints.append(contentsOf: part.complaints)
            part.complaints = []
            for position in firstComplaint..<whole.complaints.count {
                whole.complaints[position].provenance.shift(lines: lineShift, records: recordShift)
            }
            for var row in part.quarantine {
                row.location.shift(lines: lineShift, records: recordShift)
                whole.quarantine.append(row)
            }
            for var value in part.valuesNotUnderstood {
                value.firstLocation.shift(lines: lineShift, records: recordShift)
                whole.valuesNotUnderstood.append(value)
            }
            whole.flagged += part.flagged
            // A spilled chunk's rows follow every record of the earlier chunks (a file is spilled whole or not at
            // all; the runs of one chunk already count their rows from the chunk's start).
            let (noticeRows, complaintRows) = (whole.noticeCount, whole.complaintCount)
            whole.spilledNotices += part.spilledNotices.map {
                $0.shifted(lines: lineShift, records: recordShift, rows: noticeRows)
            }
            whole.spilledComplaints += part.spilledComplaints.map {
                $0.shifted(lines: lineShift, records: recordShift, rows: complaintRows)
            }
            whole.read += part.read
            lineShift += part.lineBreaks ?? 0
            recordShift += part.read
        }
        whole.lineBreaks = lineShift
        return whole
    }
}

extension FileChunk {
    /// How many chunks a file of `size` bytes is cut into: at least two, about `sizes.targetSize` bytes each.
    static func chunkCount(size: Int, sizes: Sizes) -> Int {
        let target = max(sizes.targetSize, 1)
        return max(2, size / target + (size % target == 0 ? 0 : 1))
    }

    /// The prepared file opened for reading, to find the cut points; the caller closes it.
    ///
    /// - Throws: `file-unreadable` when it cannot be opened.
    static func openForPlanning(_ prepared: PreparedFile) throws(IngestError) -> Int32 {
        try DatasetFiles.openRegular(prepared.task.absolutePath, displayPath: prepared.task.relativePath)
    }

    /// Whether a CSV chunk's reader ended inside a row: its last quoted field was still open at the chunk's end,
    /// or a row was too long to keep (and may have run past the end). A chunk that ends between rows leaves the
    /// next one starting at a row, as a reader of the whole file would.
    static func endsInsideRow(_ part: FilePartial) -> Bool {
        guard case .csv = part.prepared.setup else { return false }
        return part.quarantine.contains { $0.reason.code == "unterminated-quote" || $0.reason.code == "row-too-long" }
    }

    /// For each target offset (ascending), the offset just after the first line feed at or after it with an even
    /// number of `quote` bytes before it in the file: outside any quoted field when quotes only open and close
    /// fields. Targets without such a line feed give nothing.
    ///
    /// - Throws: `file-unreadable` when the file cannot be read.
    /// - Complexity: O(n) up to the last cut: quotes are counted eight bytes at a time, and the bytes after each
    ///   target one at a time until a cut is found.
    static func quotedRowStarts(
        after targets: [Int], quote: UInt8, descriptor: Int32, prepared: PreparedFile
    ) throws(IngestError) -> [Int] {
        let blockSize = 1 << 20
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: blockSize, alignment: 16)
        defer { buffer.deallocate() }
        var starts: [Int] = []
        var odd = false
        var position = 0
        var target = 0
        var seeking = false
        while target < targets.count {
            let got = pread(descriptor, buffer, blockSize, off_t(position))
            guard got >= 0 else {
                throw IngestError(
                    code: .fileUnreadable, message: "read failed: \(String(cString: strerror(errno)))",
                    file: prepared.task.relativePath)
            }
            if got == 0 { break }
            let bytes = UnsafeRawBufferPointer(start: buffer, count: got)
            var index = 0
            while index < got && target < targets.count {
                if !seeking {
                    let stop = min(got, max(targets[target] - position, index))
                    if countQuotes(UnsafeRawBufferPointer(rebasing: bytes[index..<stop]), quote) & 1 == 1 {
                        odd.toggle()
                    }
                    index = stop
                    if position + index >= targets[target] { seeking = true }
                    continue
                }
                let byte = bytes[index]
                index += 1
                if byte == quote {
                    odd.toggle()
                } else if byte == 0x0A && !odd {
                    starts.append(position + index)
                    seeking = false
                    while target < targets.count && targets[target] < position + index { target += 1 }
                }
            }
            position += got
        }
        return starts
    }

    /// How many bytes of `bytes` equal `byte`, eight at a time.
    static func countQuotes(_ bytes: UnsafeRawBufferPointer, _ byte: UInt8) -> Int {
        let pattern = UInt64(byte) &* 0x0101_0101_0101_0101
        let low: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        var count = 0
        var index = 0
        while index + 8 <= bytes.count {
            let word = bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self) ^ pattern
            // A byte of `word` is zero exactly where the input byte equals `byte`: its high bit stays clear here.
            let zeros = ~(((word & low) &+ low) | word) & ~low
            count += zeros.nonzeroBitCount
            index += 8
        }
        while index < bytes.count {
            if bytes[index] == byte { count += 1 }
            index += 1
        }
        return count
    }
}

extension SourceLocation {
    /// Moves a location counted from a chunk's start to the file's.
    fileprivate mutating func shift(lines: Int, records: Int) {
        if let line { self.line = line + lines }
        if let record { self.record = record + records }
    }
}
