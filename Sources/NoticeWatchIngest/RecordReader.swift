public import NoticeWatchModel

/// One record as a reader found it, before any normalization: the text of each requested field.
///
/// Readers know nothing of notices or complaints. They are asked for a list of field paths (CSV column names or
/// positions, JSON paths, XML paths) and return, per record, the decoded text at each path in the same order,
/// or `nil` where the record has nothing at that path (missing key, JSON `null`, absent element).
struct RawRecord: Sendable {
    /// Physical line where the record starts (CSV, NDJSON, XML); `nil` for formats without meaningful lines.
    var line: Int?
    /// 1-based position of the record in its file (after any header).
    var record: Int
    /// Text per requested field path, aligned with the reader's `fieldPaths`.
    var values: [String?]
}

/// A record that could not be read at all (broken JSON line, a CSV row with the wrong number of fields,
/// invalid bytes for the encoding): it goes to quarantine whole.
struct BrokenRecord: Sendable, Error {
    var line: Int?
    var record: Int?
    /// The raw text of the record, as far as it could be decoded (invalid bytes shown as `\xNN`).
    var rawText: String
    /// The field at fault when one is (`requesting_country`), else `nil`.
    var field: String?
    var reason: QuarantineReason
}

/// What a reader yields for each record.
enum ReadItem: Sendable {
    case record(RawRecord)
    case broken(BrokenRecord)
}

/// A streaming reader over one file: records come out one at a time, in file order, with bounded memory.
protocol RecordReader {
    /// The next record, a broken record, or `nil` at the end of the file.
    ///
    /// - Throws: ``IngestError`` only when the file cannot be read on at all (I/O error, libxml2 fatal error);
    ///   everything recoverable comes out as `.broken`.
    mutating func next() throws(IngestError) -> ReadItem?

    /// What the reader chose and whether it was detected or set (`encoding=utf-8 (detected)`), for provenance.
    var choices: [String] { get }

    /// How many bytes of the file the reader has consumed so far, for progress; `nil` when it cannot tell.
    var bytesConsumed: Int? { get }

    /// How many line breaks the reader has consumed so far, when it counts them for its line numbers; `nil`
    /// otherwise.
    var lineBreaksConsumed: Int? { get }
}

extension RecordReader {
    /// Readers that cannot tell how far they are report `nil`.
    var bytesConsumed: Int? { nil }

    /// Readers that do not count line breaks report `nil`.
    var lineBreaksConsumed: Int? { nil }
}

/// A problem that stops the run while the inputs are read (as opposed to a bad row, which goes to quarantine).
public typealias IngestError = RunError
