#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One record's requested values as UTF-8 bytes in one buffer that is reused from record to record.
///
/// A reader fills a slot per requested field path (in the order of its paths) with the value's decoded, valid
/// UTF-8 bytes, or leaves it absent (missing key, JSON `null`, absent element). The normalizer reads the bytes
/// in place, so a value that is a country code, a label or a date never becomes a `String`.
///
/// A class only to own its memory (allocated once, grown when a record is larger, freed in `deinit`); one
/// instance belongs to one reading loop and is never shared between threads.
final class RecordFields {
    /// Physical line where the record starts, when the format has lines.
    var line: Int?
    /// 1-based position of the record in its file (after any header).
    var record = 0
    /// How many slots there are (the reader's field paths).
    private(set) var count: Int
    private var storage = GrowableBytes(capacity: 1024)
    /// Per slot: where the bytes are (`nil` for this storage, at `start`; else memory the reader owns, from
    /// `base`), and how many; a start of -1 marks an absent value.
    private var spans: UnsafeMutablePointer<(base: UnsafeRawPointer?, start: Int, length: Int)>
    private var spanCapacity: Int

    /// Empty storage for `count` slots, all absent.
    init(count: Int) {
        self.count = count
        spanCapacity = max(count, 8)
        spans = .allocate(capacity: spanCapacity)
        spans.initialize(repeating: (nil, -1, 0), count: spanCapacity)
    }

    deinit {
        storage.deallocate()
        spans.deallocate()
    }

    /// Marks every slot absent and forgets the bytes; `count` becomes `slots` when given.
    ///
    /// - Complexity: O(slots).
    @inline(__always)
    func clear(slots: Int? = nil) {
        if let slots, slots != count {
            if slots > spanCapacity {
                spans.deallocate()
                spanCapacity = slots
                spans = .allocate(capacity: spanCapacity)
                spans.initialize(repeating: (nil, -1, 0), count: spanCapacity)
            }
            count = slots
        }
        storage.count = 0
        for slot in 0..<count { spans[slot] = (nil, -1, 0) }
    }

    /// Makes room for `length` more bytes and returns where they go; ``commit(_:start:length:)`` then names them.
    @inline(__always)
    func reserve(_ length: Int) -> UnsafeMutablePointer<UInt8> {
        storage.room(for: length)
    }

    /// The position the next reserved byte gets, for ``commit(_:start:length:)``.
    var mark: Int { storage.count }

    /// Makes `length` bytes written at `start` (a ``mark``) the value of `slot`.
    @inline(__always)
    func commit(_ slot: Int, start: Int, length: Int) {
        storage.count = start + length
        spans[slot] = (nil, start, length)
    }

    /// Sets `slot` to a copy of `bytes`, which must be valid UTF-8.
    @inline(__always)
    func set(_ slot: Int, _ bytes: UnsafeRawBufferPointer) {
        let start = storage.count
        let target = reserve(bytes.count)
        if let base = bytes.baseAddress, bytes.count > 0 {
            UnsafeMutableRawPointer(target).copyMemory(from: base, byteCount: bytes.count)
        }
        commit(slot, start: start, length: bytes.count)
    }

    /// Makes `slot` name `bytes` (valid UTF-8) where they are, without copying them: the reader keeps them in
    /// place until it is asked for the next record.
    @inline(__always)
    func refer(_ slot: Int, to bytes: UnsafeRawBufferPointer) {
        spans[slot] = (bytes.baseAddress, 0, bytes.count)
    }

    /// Makes `slot` share the bytes of `other` (one value requested under two names).
    func copy(_ other: Int, to slot: Int) { spans[slot] = spans[other] }

    /// Sets `slot` to the UTF-8 of `text`, `nil` leaves it absent.
    func set(_ slot: Int, _ text: String?) {
        guard var text else {
            spans[slot] = (nil, -1, 0)
            return
        }
        text.withUTF8 { set(slot, UnsafeRawBufferPointer($0)) }
    }

    /// The bytes of `slot`, `nil` when absent; valid until the next change to this storage.
    @inline(__always)
    func value(_ slot: Int) -> UnsafeRawBufferPointer? {
        let span = spans[slot]
        guard span.start >= 0 else { return nil }
        if let base = span.base { return UnsafeRawBufferPointer(start: base, count: span.length) }
        return UnsafeRawBufferPointer(start: storage.pointer + span.start, count: span.length)
    }

    /// The text of `slot`, `nil` when absent.
    func string(_ slot: Int) -> String? {
        value(slot).map { String(decoding: $0, as: UTF8.self) }
    }

    /// Every slot as text, in slot order.
    var strings: [String?] { (0..<count).map(string) }

    /// Fills the slots from a record of text values (readers that build strings).
    func load(_ raw: RawRecord) {
        clear(slots: raw.values.count)
        line = raw.line
        record = raw.record
        for (slot, value) in raw.values.enumerated() { set(slot, value) }
    }
}

/// What a byte-level reader found next: a record (its values in the ``RecordFields`` passed in) or a record
/// that could not be read at all.
enum FieldRead {
    case record
    case broken(BrokenRecord)
}

/// A reader that can hand its values over as bytes, without making a `String` per value.
protocol FieldReader: RecordReader {
    /// How many values each record has (the reader's field paths).
    var valueCount: Int { get }

    /// Reads the next record into `fields` (cleared first, line and record set), or returns the broken record,
    /// or `nil` at the end of the file.
    ///
    /// - Throws: ``IngestError`` only when the file cannot be read on at all.
    mutating func nextFields(into fields: RecordFields) throws(IngestError) -> FieldRead?
}

extension FieldReader {
    /// The next record with its values as text (a new ``RecordFields`` per call: for tests and first passes).
    mutating func next() throws(IngestError) -> ReadItem? {
        let fields = RecordFields(count: valueCount)
        switch try nextFields(into: fields) {
        case nil: return nil
        case .broken(let broken): return .broken(broken)
        case .record: return .record(RawRecord(line: fields.line, record: fields.record, values: fields.strings))
        }
    }
}
