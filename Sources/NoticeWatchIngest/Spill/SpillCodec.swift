import NoticeWatchModel

/// Writes records into memory that a ``SpillWriter`` made room for: little-endian integers and length-prefixed
/// UTF-8, stored in place (one store or copy per value, no bounds or capacity check; the writer sized the room
/// from ``SpillableRecord/spillSize``).
struct SpillBytes {
    let base: UnsafeMutableRawPointer
    /// Bytes written so far from `base`.
    var count: Int

    /// Appends `text` as its byte count and its UTF-8 bytes.
    mutating func append(_ text: String) {
        // Native and small strings lend their bytes without a copy of the string.
        if let done: Void = text.utf8.withContiguousStorageIfAvailable({ append($0) }) { return done }
        var text = text
        text.withUTF8 { append($0) }
    }

    /// Appends `utf8` as its byte count and its bytes.
    mutating func append(_ utf8: UnsafeBufferPointer<UInt8>) {
        append(raw: UInt32(utf8.count).littleEndian)
        if let source = utf8.baseAddress { (base + count).copyMemory(from: source, byteCount: utf8.count) }
        count += utf8.count
    }

    /// Appends the bytes of `value` as they lie in memory (an integer or a tuple of little-endian integers).
    mutating func append<Value: BitwiseCopyable>(raw value: Value) {
        (base + count).storeBytes(of: value, as: Value.self)
        count += MemoryLayout<Value>.size
    }

    /// Overwrites four bytes at `offset`, already written.
    func store(_ value: UInt32, at offset: Int) {
        (base + offset).storeBytes(of: value.littleEndian, as: UInt32.self)
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
        return value == 0 ? nil : CivilDate(trustedStorageValue: value)
    }

    /// The case at the position read, or `fallback` for a position past the last case (which the writer never
    /// gives).
    mutating func choice<Value: OrdinalCases>(fallback: Value) -> Value {
        Value(ordinal: Int(uint8())) ?? fallback
    }
}

/// A record that ingest can write to a spill file and read back: notices and complaints.
///
/// The encoding holds every field, the provenance as an index into the spill folder's table of origins plus
/// the line and record numbers, and the record's row in its file (for merge order). It is private to one run:
/// never read by another version.
protocol SpillableRecord: RecordWithFacts {
    var id: String { get }
    var provenance: SourceLocation { get set }
    /// The bytes ``appendFields(to:)`` writes.
    var spillFieldsSize: Int { get }
    /// Appends the fields (not the id, the provenance or the row, which the caller writes).
    func appendFields(to bytes: inout SpillBytes)
    /// Reads the fields that ``appendFields(to:)`` wrote and makes the record.
    static func read(id: String, fields: inout SpillCursor, provenance: SourceLocation) -> Self
    /// Reads the facts from the fields that ``appendFields(to:)`` wrote, without making any string.
    static func readFacts(fields: inout SpillCursor) -> Facts
}

extension SpillableRecord {
    /// The bytes ``append(to:origin:row:)`` writes: the length, provenance, row and id, then the fields.
    var spillSize: Int { 24 + id.utf8.count + spillFieldsSize }

    /// Appends the whole record: its length, provenance, `row`, id and fields, in ``spillSize`` bytes.
    func append(to bytes: inout SpillBytes, origin: UInt32, row: UInt32) {
        let start = bytes.count
        bytes.append(
            raw: (
                UInt32(0), origin.littleEndian, UInt32(provenance.line ?? 0).littleEndian,
                UInt32(provenance.record ?? 0).littleEndian, row.littleEndian
            ))
        bytes.append(id)
        appendFields(to: &bytes)
        bytes.store(UInt32(bytes.count - start - 4), at: start)
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

    /// Reads the facts of the whole record at the cursor, skipping its provenance, row and id.
    static func readFacts(from cursor: inout SpillCursor) -> Facts {
        cursor.offset += 20
        cursor.offset += Int(cursor.uint32())
        return Self.readFacts(fields: &cursor)
    }
}

/// The country byte of an unrecognized country, whose text follows the fixed fields.
private let unrecognizedCountry: UInt8 = 0xFF

extension SpillCursor {
    /// The country at the cursor's byte: a member, or `nil` for an unrecognized one.
    mutating func member() -> Country? {
        let index = uint8()
        return index == unrecognizedCountry ? nil : Country(index: Int(index))
    }

    mutating func flags() -> FlaggedFields {
        defer { offset += 2 }
        return FlaggedFields(
            rawValue: UInt16(littleEndian: buffer.loadUnaligned(fromByteOffset: offset, as: UInt16.self)))
    }
}

extension CountryValue {
    /// The byte that stands for the country in a spill record.
    var spillByte: UInt8 { member.map { UInt8($0.index) } ?? unrecognizedCountry }

    /// The text written after the fixed fields: an unrecognized country's, else none.
    var spillText: String? {
        if case .unrecognized(let text) = self { text } else { nil }
    }

    /// The country of a record whose byte was `member` (`nil`: unrecognized, with `text`).
    init(spilled member: Country?, text: String) {
        self = member.map(CountryValue.member) ?? .unrecognized(text)
    }
}

extension Notice: SpillableRecord {
    /// The fixed 16 bytes (with the warrant summary), the count of nationalities and one byte per nationality,
    /// an unrecognized country's text, then the count of warrants and each warrant.
    var spillFieldsSize: Int {
        var size = 19 + nationalities.count + (requestingCountry.spillText.map { 4 + $0.utf8.count } ?? 0)
        for warrant in warrants { size += warrant.spillSize }
        return size
    }

    func appendFields(to bytes: inout SpillBytes) {
        bytes.append(
            raw: (
                UInt8(kind.ordinal), requestingCountry.spillByte, UInt8(status.ordinal),
                UInt8(cancellationReason.ordinal),
                (issueDate?.storageValue ?? 0).littleEndian, (cancellationDate?.storageValue ?? 0).littleEndian
            ))
        bytes.append(raw: flagged.rawValue.littleEndian)
        let summary = warrants.isEmpty ? WarrantSummary() : WarrantSummary(warrants)
        bytes.append(raw: (summary.categoryBits, UInt8(summary.severalCountries ? 1 : 0)))
        bytes.append(raw: UInt8(nationalities.count))
        for nationality in nationalities { bytes.append(raw: UInt8(nationality.index)) }
        if let text = requestingCountry.spillText { bytes.append(text) }
        bytes.append(raw: UInt16(min(warrants.count, Int(UInt16.max))).littleEndian)
        for warrant in warrants.prefix(Int(UInt16.max)) { warrant.append(to: &bytes) }
    }

    static func read(id: String, fields: inout SpillCursor, provenance: SourceLocation) -> Notice {
        let facts = readFacts(fields: &fields)
        let text = facts.requestingCountry == nil ? fields.string() : ""
        let count = Int(fields.uint8()) | Int(fields.uint8()) << 8
        var warrants: [Warrant] = []
        if count > 0 {
            warrants.reserveCapacity(count)
            for _ in 0..<count { warrants.append(Warrant.read(from: &fields)) }
        }
        return Notice(
            id: id, kind: facts.kind, requestingCountry: CountryValue(spilled: facts.requestingCountry, text: text),
            nationalities: facts.nationalities, issueDate: facts.issueDate, status: facts.status,
            cancellationDate: facts.cancellationDate, cancellationReason: facts.cancellationReason,
            flagged: facts.flagged, warrants: warrants, provenance: provenance)
    }

    /// Reads the fixed fields (an unrecognized country's text after them is left unread).
    static func readFacts(fields: inout SpillCursor) -> Facts {
        let kind: NoticeKind = fields.choice(fallback: .unknown)
        let country = fields.member()
        let status: NoticeStatus = fields.choice(fallback: .unknown)
        let reason: CancellationReason = fields.choice(fallback: .unknown)
        let issue = fields.date()
        let cancellation = fields.date()
        let flagged = fields.flags()
        let summary = WarrantSummary(categoryBits: fields.uint8(), severalCountries: fields.uint8() == 1)
        let count = Int(fields.uint8())
        var nationalities: [Country] = []
        nationalities.reserveCapacity(count)
        for _ in 0..<count { nationalities.append(Country(index: Int(fields.uint8()))) }
        return Facts(
            kind: kind, requestingCountry: country, nationalities: nationalities, issueDate: issue, status: status,
            cancellationDate: cancellation, cancellationReason: reason, flagged: flagged, warrants: summary)
    }
}

extension Warrant {
    /// The category byte of a warrant with no charge.
    private static let noCategory: UInt8 = 0xFF

    /// The bytes ``append(to:)`` writes: country, category and translation bytes, the charge, then the
    /// translation and an unrecognized country's text when there are.
    var spillSize: Int {
        7 + charge.utf8.count + (chargeTranslation.map { 4 + $0.utf8.count } ?? 0)
            + (issuingCountry.member == nil ? 4 + issuingCountry.code.utf8.count : 0)
    }

    func append(to bytes: inout SpillBytes) {
        bytes.append(
            raw: (
                issuingCountry.spillByte, chargeCategory.map { UInt8($0.ordinal) } ?? Warrant.noCategory,
                UInt8(chargeTranslation == nil ? 0 : 1)
            ))
        bytes.append(charge)
        if let chargeTranslation { bytes.append(chargeTranslation) }
        if issuingCountry.member == nil { bytes.append(issuingCountry.code) }
    }

    static func read(from cursor: inout SpillCursor) -> Warrant {
        let country = cursor.member()
        let categoryByte = cursor.uint8()
        let hasTranslation = cursor.uint8() == 1
        let charge = cursor.string()
        let translation = hasTranslation ? cursor.string() : nil
        let text = country == nil ? cursor.string() : ""
        return Warrant(
            issuingCountry: CountryValue(spilled: country, text: text), charge: charge,
            chargeTranslation: translation,
            chargeCategory: categoryByte == noCategory ? nil : ChargeCategory.allCases[Int(categoryByte)])
    }
}

extension Complaint: SpillableRecord {
    /// The fixed 18 bytes (the data type and request type share one byte), then the texts.
    var spillFieldsSize: Int {
        26 + (noticeID?.utf8.count ?? 0) + outcomeLabel.utf8.count
            + (requestingCountry.spillText.map { 4 + $0.utf8.count } ?? 0)
    }

    func appendFields(to bytes: inout SpillBytes) {
        bytes.append(
            raw: (
                UInt8(noticeID == nil ? 0 : 1), requestingCountry.spillByte,
                UInt8(outcome.ordinal), UInt8(dataType.ordinal << 4 | requestType.ordinal),
                (filedDate?.storageValue ?? 0).littleEndian, (decisionDate?.storageValue ?? 0).littleEndian,
                (admissibilityDate?.storageValue ?? 0).littleEndian
            ))
        bytes.append(raw: flagged.rawValue.littleEndian)
        bytes.append(noticeID ?? "")
        bytes.append(outcomeLabel)
        if let text = requestingCountry.spillText { bytes.append(text) }
    }

    static func read(id: String, fields: inout SpillCursor, provenance: SourceLocation) -> Complaint {
        let hasNoticeID = fields.uint8() == 1
        fields.offset -= 1
        let facts = readFacts(fields: &fields)
        let noticeID = fields.string()
        let label = fields.string()
        let text = facts.requestingCountry == nil ? fields.string() : ""
        return Complaint(
            id: id, noticeID: hasNoticeID ? noticeID : nil,
            requestingCountry: CountryValue(spilled: facts.requestingCountry, text: text),
            filedDate: facts.filedDate, decisionDate: facts.decisionDate, outcome: facts.outcome, outcomeLabel: label,
            dataType: facts.dataType, requestType: facts.requestType, admissibilityDate: facts.admissibilityDate,
            flagged: facts.flagged, provenance: provenance)
    }

    /// Reads the fixed fields (the texts after them are left unread).
    static func readFacts(fields: inout SpillCursor) -> Facts {
        _ = fields.uint8()
        let country = fields.member()
        let outcome: Outcome = fields.choice(fallback: .unknown)
        let types = Int(fields.uint8())
        let filed = fields.date()
        let decision = fields.date()
        let admissibility = fields.date()
        let flagged = fields.flags()
        return Facts(
            requestingCountry: country, filedDate: filed, decisionDate: decision, outcome: outcome,
            dataType: ChallengedDataType(ordinal: types >> 4) ?? .unknown,
            requestType: RequestType(ordinal: types & 0xF) ?? .unknown, admissibilityDate: admissibility,
            flagged: flagged)
    }
}
