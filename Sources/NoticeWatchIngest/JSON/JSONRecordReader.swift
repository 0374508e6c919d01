import NoticeWatchModel

/// Reads records from a JSON file (one document with a records array, or NDJSON), streaming in bounded memory.
///
/// Per record it returns the text at each requested field path: strings unescaped, numbers and booleans as
/// written, `null` or a missing key as `nil`, an object or array as its compact JSON text.
///
/// - NDJSON: each non-blank line is one record object; a broken line is a `malformed-json` broken record and
///   reading goes on with the next line. Blank lines are skipped and not counted as records.
/// - Array documents: a syntax error or a truncated file gives one `malformed-json` broken record (the record
///   in progress, with its raw text so far) and ends the file, since reading cannot resume after it. A records
///   path that does not lead to an array, or an element that is not an object, gives `unexpected-json-shape`.
/// - A returned string that is not UTF-8 gives `invalid-utf8` with the field path.
///
/// Copies of a reader share one file position: use one copy.
struct JSONRecordReader: FieldReader {
    let fieldPaths: [String]
    let layout: JSONLayout
    let displayPath: String
    private var stream: JSONRecordStream
    /// The parser of every record, reused: its buffers and remembered keys are kept from record to record.
    private var parser: JSONRecordParser

    /// Opens a JSON file for reading.
    ///
    /// - Parameters:
    ///   - path: the absolute path of the file.
    ///   - displayPath: the path relative to the dataset folder, used in messages.
    ///   - layout: where the records are.
    ///   - fieldPaths: dotted keys with `[n]` indexes (`arrest_warrants[0].issuing_country_id`).
    ///   - range: for NDJSON, the bytes to read (starting at a line start), lines and records then counted from
    ///     the range's start; `nil` for the whole file.
    /// - Throws: ``IngestError`` `file-unreadable` when the file cannot be opened,
    ///   `sources-file-invalid-field-path` for a path that is not well formed.
    init(
        path: String, displayPath: String, layout: JSONLayout, fieldPaths: [String], range: Range<Int>? = nil
    ) throws(IngestError) {
        self.fieldPaths = fieldPaths
        self.layout = layout
        self.displayPath = displayPath
        let trie = try JSONPathTrie(paths: fieldPaths, displayPath: displayPath)
        parser = JSONRecordParser(
            bytes: UnsafeRawBufferPointer(start: nil, count: 0), trie: trie, fieldPaths: fieldPaths,
            endName: layout != .ndjson ? "end of file" : "end of line")
        let input = try JSONInput(path: path, displayPath: displayPath, range: range)
        stream = JSONRecordStream(
            input: input, layout: layout, displayPath: displayPath, atFileStart: (range?.lowerBound ?? 0) == 0)
    }

    /// The line breaks consumed so far (for NDJSON, the lines read).
    var lineBreaksConsumed: Int? { stream.line - 1 }

    /// The bytes read from the file so far (a chunk ahead of the records handed out).
    var bytesConsumed: Int? { stream.input.bytesRead }

    /// The layout read, as the sources file writes it (`json ndjson`, `json records=_embedded.notices`).
    var choices: [String] { ["json \(layout)"] }

    /// How many values each record has: the field paths.
    var valueCount: Int { fieldPaths.count }

    /// The next record (its values into `fields`) or broken record, or `nil` at the end of the records.
    ///
    /// - Throws: ``IngestError`` `file-unreadable` on an I/O error; nothing else.
    /// - Complexity: O(bytes of the record and of anything skipped before it).
    mutating func nextFields(into fields: RecordFields) throws(IngestError) -> FieldRead? {
        guard let frame = try stream.next() else { return nil }
        switch frame {
        case .broken(let broken):
            return .broken(broken)
        case .record(let start, let end, let line, let column, let record, let complete):
            let bytes = stream.input.bytes(from: start, to: end)
            let isArray = layout != .ndjson
            parser.reset(bytes: bytes, output: parser.output !== fields ? fields : nil)
            fields.line = line
            fields.record = record
            do {
                try parser.parseRecord()
                return .record
            } catch {
                if isArray && error.code == "malformed-json" {
                    stream.finish()
                }
                return .broken(
                    broken(
                        error, bytes: bytes, line: line, column: column, record: record,
                        truncated: !complete))
            }
        }
    }

    /// The broken record for a fault, with its line and byte column in the file.
    private func broken(
        _ fault: JSONRecordFault, bytes: UnsafeRawBufferPointer, line: Int, column: Int, record: Int, truncated: Bool
    ) -> BrokenRecord {
        var faultLine = line
        var faultColumn = column + fault.offset
        for index in 0..<min(fault.offset, bytes.count) where bytes[index] == 0x0A {
            faultLine += 1
            faultColumn = fault.offset - index
        }
        var message = "\(fault.message) at line \(faultLine), column \(faultColumn)"
        if truncated {
            message += " (the file ends inside record \(record))"
        }
        return BrokenRecord(
            line: line,
            record: record,
            rawText: rawText(of: bytes),
            field: fault.field,
            reason: QuarantineReason(code: fault.code, message: message)
        )
    }
}
