import NoticeWatchModel

/// A streaming RFC 4180 reader over one CSV file, working on bytes.
///
/// - Quoted fields may hold delimiters, doubled quotes and line breaks. Line breaks are CRLF, LF or a lone CR;
///   each counts as one physical line, inside quotes too, so messages name the line where a row starts.
/// - A blank line is skipped and not counted as a row. A trailing delimiter makes a trailing empty field.
/// - A row with another number of fields than the header (or the first row, without a header) comes out as
///   `.broken` with reason `wrong-field-count`; a quote left open at the end of the file as `unterminated-quote`;
///   text after a closing quote as `text-after-quote`; bytes invalid in the encoding, in a selected column, as
///   `invalid-encoding` with the byte offset in the file and the column.
/// - Only the selected columns are decoded, to UTF-8 bytes handed over in a ``RecordFields`` (``nextFields(into:)``):
///   ASCII and valid UTF-8 fields are referred to in the reader's buffer, not copied; an ASCII row is not checked
///   field by field.
///
/// Memory is bounded by the chunk size (1 MiB) and the longest row kept whole (16 MiB; a longer row, usually a
/// quote never closed, is broken as `row-too-long` and reading goes on at its second line), whatever the file size.
struct CSVReader: FieldReader {
    let displayPath: String
    let dialect: CSVDialect
    /// The header's column names, trimmed; `nil` when the file has no header row (or is empty).
    private(set) var header: [String]?
    /// The 0-based column of each requested field path.
    private(set) var selection: [Int] = []
    /// The normalized field each selected column feeds, when known.
    private var selectionFields: [String?] = []
    let source: ByteSource
    private let table: [UInt32]?
    private let maxRowBytes: Int
    private var expectedFieldCount: Int?
    /// Physical line (1-based) of the next unread byte.
    private var line = 1
    private var record = 0
    /// Field slices of the current row: the first ``fieldCount`` are valid (the storage is reused).
    var fields: [CSVFieldSlice] = []
    var fieldCount = 0
    /// The first field of the current row with text after its closing quote.
    var strayField: Int?
    private var scratch: [UInt8] = []

    var choices: [String] { dialect.choices }

    /// Bytes of the file consumed so far (of the UTF-8 text, for a transcoded UTF-16 file).
    var bytesConsumed: Int? { source.bufferOffset + source.start }

    /// Opens `path` and, when the dialect has a header, reads it.
    ///
    /// - Parameters:
    ///   - chunkSize: bytes read at a time (1 MiB; tests use tiny chunks to cross every boundary).
    ///   - maxRowBytes: the longest row kept whole (16 MiB); a longer one is broken (`row-too-long`).
    /// - Throws: `file-unreadable` when the file cannot be opened or read.
    ///   - range: the bytes to read, for a chunk of a file (see ``FileChunk``); `nil` for the
    ///     whole file. A chunk after the first starts at a row, takes `header` as the file's header and counts
    ///     lines and records from its start.
    init(
        path: String, displayPath: String, dialect: CSVDialect, chunkSize: Int = 1 << 20, maxRowBytes: Int = 16 << 20,
        range: Range<Int>? = nil, header chunkHeader: [String]? = nil
    ) throws(IngestError) {
        self.displayPath = displayPath
        self.maxRowBytes = maxRowBytes
        self.dialect = dialect
        let order: ByteSource.UTF16Order? =
            switch dialect.encoding {
            case .utf16LE: .little
            case .utf16BE: .big
            default: nil
            }
        let skip = max(range?.lowerBound ?? 0, dialect.bomLength)
        self.source = try ByteSource(
            path: path, displayPath: displayPath, skip: skip, utf16: order, chunkSize: chunkSize,
            limit: range.map { $0.upperBound - skip })
        self.table = dialect.encoding.singleByteTable
        fields.reserveCapacity(32)
        if let range, range.lowerBound > 0 {
            header = chunkHeader
            expectedFieldCount = chunkHeader?.count
        } else if dialect.hasHeader {
            try readHeader()
        }
    }

    /// The line breaks consumed so far, header included.
    var lineBreaksConsumed: Int? { line - 1 }

    /// Chooses which columns (0-based) to decode, in the order of the reader's field paths.
    ///
    /// - Parameter fields: the normalized field each column feeds, named in `invalid-encoding` entries.
    mutating func select(columns: [Int], fields: [String?] = []) {
        selection = columns
        selectionFields = fields
    }

    /// The column (0-based) a name denotes: exact match after trimming first, then case-insensitive.
    static func column(named name: String, in header: [String]) -> Int? {
        let wanted = TextFolding.trim(name)
        if let exact = header.firstIndex(of: wanted) { return exact }
        let folded = wanted.lowercased()
        return header.firstIndex { $0.lowercased() == folded }
    }

    private mutating func readHeader() throws(IngestError) {
        while true {
            switch parseRow() {
            case .needMore:
                _ = try source.fill(displayPath: displayPath)
            case .end:
                return
            case .row(let next, let contentEnd, let breaks, let terminated):
                _ = contentEnd
                line += breaks + (terminated ? 1 : 0)
                if isBlankRow {
                    source.consume(upTo: next)
                    continue
                }
                header = fields[0..<fieldCount].map { field in
                    withFieldBytes(field) { TextFolding.trim(FieldDecoder.lossyText($0, table: table)) }
                }
                expectedFieldCount = fieldCount
                source.consume(upTo: next)
                return
            case .unterminated:
                return
            }
        }
    }

    /// How many values each record has: the selected columns.
    var valueCount: Int { selection.count }

    mutating func nextFields(into values: RecordFields) throws(IngestError) -> FieldRead? {
        while true {
            let rowStart = source.start
            switch parseRow() {
            case .needMore:
                if source.end - source.start >= maxRowBytes { return try skipLongRow() }
                _ = try source.fill(displayPath: displayPath)
            case .end:
                return nil
            case .row(let next, let contentEnd, let breaks, let terminated):
                let rowLine = line
                line += breaks + (terminated ? 1 : 0)
                if isBlankRow {
                    source.consume(upTo: next)
                    continue
                }
                record += 1
                let item = makeItem(rowStart: rowStart, contentEnd: contentEnd, line: rowLine, into: values)
                source.consume(upTo: next)
                return item
            case .unterminated:
                record += 1
                let raw = rawText(from: rowStart, to: source.end)
                let opened = line
                source.consume(upTo: source.end)
                return .broken(
                    BrokenRecord(
                        line: opened, record: record, rawText: raw, field: nil,
                        reason: QuarantineReason(
                            code: "unterminated-quote",
                            message: "a quoted field opened on line \(opened) is not closed at the end of the file")))
            }
        }
    }

    /// A row longer than ``maxRowBytes`` (most often a quote that is never closed): the row is broken, and
    /// reading resumes after the first line break of the row, so memory stays bounded and later rows are read.
    private mutating func skipLongRow() throws(IngestError) -> FieldRead {
        record += 1
        let opened = line
        let shown = min(source.end - source.start, 1024)
        let raw = rawText(from: source.start, to: source.start + shown) + "…"
        while true {
            let base = source.buffer
            var index = source.start
            while index < source.end && base[index] != 0x0A && base[index] != 0x0D { index += 1 }
            if index < source.end {
                if base[index] == 0x0D && index + 1 < source.end && base[index + 1] == 0x0A { index += 1 }
                source.consume(upTo: index + 1)
                line += 1
                break
            }
            source.consume(upTo: source.end)
            guard try source.fill(displayPath: displayPath) else { break }
        }
        return .broken(
            BrokenRecord(
                line: opened, record: record, rawText: raw, field: nil,
                reason: QuarantineReason(
                    code: "row-too-long",
                    message: "the row starting on line \(opened) is longer than \(maxRowBytes) bytes (a quote that "
                        + "is never closed?); reading goes on at the next line")))
    }

    private var isBlankRow: Bool {
        fieldCount == 1 && fields[0].start == fields[0].end && fields[0].flags & CSVFieldSlice.quoted == 0
    }

    private mutating func makeItem(
        rowStart: Int, contentEnd: Int, line rowLine: Int, into values: RecordFields
    ) -> FieldRead {
        let expected = expectedFieldCount ?? fieldCount
        if expectedFieldCount == nil { expectedFieldCount = expected }
        if fieldCount != expected {
            return broken(
                rowStart, contentEnd, rowLine, code: "wrong-field-count",
                message: "expected \(expected) fields, found \(fieldCount)")
        }
        if let stray = strayField {
            return broken(
                rowStart, contentEnd, rowLine, code: "text-after-quote",
                message: "text after the closing quote in \(columnName(stray))")
        }
        values.clear(slots: selection.count)
        values.line = rowLine
        values.record = record
        // A row of ASCII bytes (the usual case) needs no check per field: its fields are referred to as they are.
        let ascii = FieldDecoder.isASCII(
            UnsafeRawBufferPointer(start: source.buffer + rowStart, count: contentEnd - rowStart))
        for position in 0..<selection.count {
            let column = selection[position]
            guard column < fieldCount else { continue }
            let field = fields[column]
            if ascii && field.flags & CSVFieldSlice.doubledQuotes == 0 {
                values.refer(
                    position,
                    to: UnsafeRawBufferPointer(start: source.buffer + field.start, count: field.end - field.start))
                continue
            }
            if let invalid = decodeField(field, into: values, slot: position) {
                let offset = source.bufferOffset + field.start + invalid.offset
                return broken(
                    rowStart, contentEnd, rowLine, code: "invalid-encoding",
                    message: "byte 0x\(FieldDecoder.hexEscape(invalid.byte).dropFirst(2)) at byte offset \(offset) "
                        + "in \(columnName(column)) is not valid \(dialect.encoding.rawValue)",
                    field: position < selectionFields.count ? selectionFields[position] : nil)
            }
        }
        return .record
    }

    private func columnName(_ column: Int) -> String {
        if let header, column < header.count { return "column \(column + 1) \(TextFolding.quoted(header[column]))" }
        return "column \(column + 1)"
    }

    private func broken(
        _ rowStart: Int, _ contentEnd: Int, _ rowLine: Int, code: String, message: String, field: String? = nil
    ) -> FieldRead {
        .broken(
            BrokenRecord(
                line: rowLine, record: record, rawText: rawText(from: rowStart, to: contentEnd), field: field,
                reason: QuarantineReason(code: code, message: message)))
    }

    private func rawText(from start: Int, to end: Int) -> String {
        FieldDecoder.lossyText(UnsafeRawBufferPointer(start: source.buffer + start, count: end - start), table: table)
    }

    private func withFieldBytes<R>(_ field: CSVFieldSlice, _ body: (UnsafeRawBufferPointer) -> R) -> R {
        body(UnsafeRawBufferPointer(start: source.buffer + field.start, count: field.end - field.start))
    }

    /// Decodes a field into `slot` of `values` (valid UTF-8), or returns its first invalid byte (offset in the
    /// file's bytes, before doubled quotes are collapsed).
    private mutating func decodeField(
        _ field: CSVFieldSlice, into values: RecordFields, slot: Int
    ) -> InvalidByte? {
        let bytes = UnsafeRawBufferPointer(start: source.buffer + field.start, count: field.end - field.start)
        if field.flags & CSVFieldSlice.doubledQuotes == 0 {
            return FieldDecoder.decode(bytes, table: table, into: values, slot: slot)
        }
        // Validate on the raw bytes (true offsets), then collapse doubled quotes.
        if let invalid = FieldDecoder.firstInvalid(bytes, table: table) { return invalid }
        scratch.removeAll(keepingCapacity: true)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            scratch.append(byte)
            index += byte == dialect.quote && index + 1 < bytes.count && bytes[index + 1] == dialect.quote ? 2 : 1
        }
        // The scratch buffer is reused by the row's next field: the text is copied out of it.
        return scratch.withUnsafeBytes { FieldDecoder.decode($0, table: table, into: values, slot: slot, copy: true) }
    }
}
