import NoticeWatchModel

/// Bytes of one spill file being built: records appended as little-endian integers and length-prefixed UTF-8.
struct SpillBytes {
    var bytes: [UInt8] = []

    mutating func append(_ value: UInt8) { bytes.append(value) }

    mutating func append(_ value: UInt32) {
        bytes.append(UInt8(truncatingIfNeeded: value))
        bytes.append(UInt8(truncatingIfNeeded: value >> 8))
        bytes.append(UInt8(truncatingIfNeeded: value >> 16))
        bytes.append(UInt8(truncatingIfNeeded: value >> 24))
    }

    mutating func append(_ value: Int32) { append(UInt32(bitPattern: value)) }

    /// Appends `text` as its byte count and its UTF-8 bytes.
    mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { utf8 in
            append(UInt32(utf8.count))
            bytes.append(contentsOf: utf8)
        }
    }

    /// Appends an optional date as its storage value, 0 when absent (no date has storage value 0).
    mutating func append(_ date: CivilDate?) { append(date?.storageValue ?? 0) }

    /// Appends the bytes of `value` as they lie in memory (a tuple of little-endian integers), in one copy.
    mutating func append<Value: BitwiseCopyable>(raw value: Value) {
        withUnsafeBytes(of: value) { bytes.append(contentsOf: $0) }
    }
}

/// Reads what ``SpillBytes`` wrote, from a buffer that holds whole records.
struct SpillCursor {
    let buffer: UnsafeRawBufferPointer
    var offset: Int

    mutating func uint8() -> UInt8 {
        defer { offset += 1 }
        return buffer[offset]
    }

    mutating func uint32() -> UInt32 {
        defer { offset += 4 }
        return UInt32(littleEndian: buffer.loadUnaligned(fromByteOffset: offset, as: UInt32.self))
    }

    mutating func int32() -> Int32 { Int32(bitPattern: uint32()) }

    mutating func string() -> String {
        let count = Int(uint32())
        defer { offset += count }
        return String(decoding: UnsafeRawBufferPointer(rebasing: buffer[offset..<(offset + count)]), as: UTF8.self)
    }

    mutating func date() -> CivilDate? {
        let value = int32()
        return value == 0 ? nil : CivilDate(storageValue: value)
    }

    /// The case at the index read from `cases`, or `fallback` for an index out of range (which the writer never
    /// gives).
    mutating func choice<Value>(_ cases: [Value], fallback: Value) -> Value {
        let index = Int(uint8())
        return index < cases.count ? cases[index] : fallback
    }
}

/// A record that ingest can write to a spill file and read back: notices and complaints.
///
/// The encoding holds every field, the provenance as an index into the spill folder's table of origins plus
/// the line and record numbers, and the record's row in its file (for merge order). It is private to one run:
/// never read by another version.
protocol SpillableRecord: Sendable {
    var id: String { get }
    var provenance: SourceLocation { get set }
    /// Appends the fields (not the id, the provenance or the row, which the caller writes).
    func appendFields(to bytes: inout SpillBytes)
    /// Reads the fields that ``appendFields(to:)`` wrote and makes the record.
    static func read(id: String, fields: inout SpillCursor, provenance: SourceLocation) -> Self
}

extension SpillableRecord {
    /// Appends the whole record: its length, provenance, `row`, id and fields. The fixed part is copied in once.
    func append(to bytes: inout SpillBytes, origin: UInt32, row: UInt32) {
        let start = bytes.bytes.count
        var id = id
        id.withUTF8 { utf8 in
            bytes.append(
                raw: (
                    UInt32(0), origin.littleEndian, UInt32(provenance.line ?? 0).littleEndian,
                    UInt32(provenance.record ?? 0).littleEndian, row.littleEndian, UInt32(utf8.count).littleEndian
                ))
            bytes.bytes.append(contentsOf: utf8)
        }
        appendFields(to: &bytes)
        let length = UInt32(bytes.bytes.count - start - 4).littleEndian
        withUnsafeBytes(of: length) { raw in
            for index in 0..<4 { bytes.bytes[start + index] = raw[index] }
        }
    }

    /// Reads one whole record at the cursor; `origins` maps origin indexes back, and the line and record are
    /// shifted by `lines` and `records` (for a chunk read apart from its file's start).
    static func read(
        from cursor: inout SpillCursor, origins: [SourceLocation.Origin], lines: Int, records: Int
    ) -> (record: Self, row: UInt32) {
        _ = cursor.uint32()
        let origin = origins[Int(cursor.uint32())]
        let line = Int(cursor.uint32())
        let record = Int(cursor.uint32())
        let row = cursor.uint32()
        let id = cursor.string()
        let provenance = SourceLocation(
            in: origin, line: line == 0 ? nil : line + lines, record: record == 0 ? nil : record + records)
        return (Self.read(id: id, fields: &cursor, provenance: provenance), row)
    }
}

/// Every case of each vocabulary, made once: `allCases` builds a new array at each use.
enum SpillVocabulary {
    static let kinds = NoticeKind.allCases
    static let statuses = NoticeStatus.allCases
    static let reasons = CancellationReason.allCases
    static let outcomes = Outcome.allCases

    /// The position of `value` in `cases` (which holds every case).
    static func index<Value: Equatable>(of value: Value, in cases: [Value]) -> UInt8 {
        UInt8(cases.firstIndex(of: value) ?? 0)
    }
}

extension Notice: SpillableRecord {
    func appendFields(to bytes: inout SpillBytes) {
        bytes.append(
            raw: (
                SpillVocabulary.index(of: kind, in: SpillVocabulary.kinds), UInt8(requestingCountry.index),
                SpillVocabulary.index(of: status, in: SpillVocabulary.statuses),
                SpillVocabulary.index(of: cancellationReason, in: SpillVocabulary.reasons),
                (issueDate?.storageValue ?? 0).littleEndian, (cancellationDate?.storageValue ?? 0).littleEndian
            ))
    }

    static func read(id: String, fields: inout SpillCursor, provenance: SourceLocation) -> Notice {
        let kind = fields.choice(SpillVocabulary.kinds, fallback: .unknown)
        let country = Country(index: Int(fields.uint8()))
        let status = fields.choice(SpillVocabulary.statuses, fallback: .unknown)
        let reason = fields.choice(SpillVocabulary.reasons, fallback: .unknown)
        let issue = fields.date()
        let cancellation = fields.date()
        return Notice(
            id: id, kind: kind, requestingCountry: country, issueDate: issue, status: status,
            cancellationDate: cancellation, cancellationReason: reason, provenance: provenance)
    }
}

extension Complaint: SpillableRecord {
    func appendFields(to bytes: inout SpillBytes) {
        bytes.append(
            raw: (
                UInt8(noticeID == nil ? 0 : 1), UInt8(requestingCountry.index),
                SpillVocabulary.index(of: outcome, in: SpillVocabulary.outcomes), UInt8(0),
                (filedDate?.storageValue ?? 0).littleEndian, (decisionDate?.storageValue ?? 0).littleEndian
            ))
        bytes.append(noticeID ?? "")
        bytes.append(outcomeLabel)
    }

    static func read(id: String, fields: inout SpillCursor, provenance: SourceLocation) -> Complaint {
        let hasNoticeID = fields.uint8() == 1
        let country = Country(index: Int(fields.uint8()))
        let outcome = fields.choice(SpillVocabulary.outcomes, fallback: .pending)
        _ = fields.uint8()
        let filed = fields.date()
        let decision = fields.date()
        let noticeID = fields.string()
        let label = fields.string()
        return Complaint(
            id: id, noticeID: hasNoticeID ? noticeID : nil, requestingCountry: country, filedDate: filed,
            decisionDate: decision, outcome: outcome, outcomeLabel: label, provenance: provenance)
    }
}
