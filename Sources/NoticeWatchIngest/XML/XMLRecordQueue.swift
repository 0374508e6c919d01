/// The records a piece of XML gave, waiting to be handed out: libxml2's push parser reports every record of a
/// piece at once, the reader hands them out one at a time.
///
/// Values are UTF-8 bytes in one buffer, named per record by a run of spans (one per field path). The buffer
/// is reused once every record in it has been handed out, so reading allocates nothing once it has grown.
///
/// A value type over memory it does not free itself: ``XMLSAXParser`` owns the one queue of a parser and
/// calls ``deallocate()`` in its `deinit`.
struct XMLRecordQueue {
    /// One record waiting: where it starts, its number, its spans, or why it cannot be read.
    struct Entry {
        var line: Int
        var record: Int
        /// Where the record's spans start in ``spans``.
        var firstSpan: Int
        /// Where the record is in ``brokenRecords`` when it is a broken record (an entity reference in a field,
        /// malformed XML), -1 for a record.
        var broken: Int
    }

    /// How many values a record has.
    let width: Int
    private(set) var entries: [Entry] = []
    /// The broken records among the entries.
    private(set) var brokenRecords: [BrokenRecord] = []
    /// The next entry to hand out.
    private(set) var head = 0
    /// Per value of every record, where its bytes start in ``bytes`` and how many; a start of -1 marks an
    /// absent value.
    private var spans: UnsafeMutablePointer<(start: Int, length: Int)>
    private var spanCapacity = 1024
    private var spanCount = 0
    private var bytes = GrowableBytes(capacity: 64 * 1024)
    /// How many bytes the queued values take.
    var used: Int { bytes.count }

    init(width: Int) {
        self.width = width
        spans = .allocate(capacity: spanCapacity)
    }

    /// Frees the byte buffer; the queue is not used after.
    func deallocate() {
        bytes.deallocate()
        spans.deallocate()
    }

    /// Whether every entry has been handed out.
    var isEmpty: Bool { head == entries.count }

    /// Forgets every entry once all are handed out, keeping the memory. The spans from `openSpans` on (a record
    /// still being read, whose bytes start at `openBytes`) are kept and moved to the start; `nil` when no record
    /// is being read.
    ///
    /// - Complexity: O(the open record's size).
    mutating func reset(keepingOpenRecord open: (spans: Int, bytes: Int)?) {
        entries.removeAll(keepingCapacity: true)
        brokenRecords.removeAll(keepingCapacity: true)
        head = 0
        guard let open else {
            spanCount = 0
            bytes.count = 0
            return
        }
        let kept = used - open.bytes
        if open.bytes > 0 { bytes.pointer.update(from: bytes.pointer + open.bytes, count: kept) }
        bytes.count = kept
        spanCount -= open.spans
        if open.spans > 0 { spans.update(from: spans + open.spans, count: spanCount) }
        for index in 0..<spanCount where spans[index].start >= 0 { spans[index].start -= open.bytes }
    }

    /// Starts a record: its spans, all absent, follow those of the records before; returns where they start.
    @inline(__always)
    mutating func openRecord() -> Int {
        if spanCount + width > spanCapacity {
            let grown = max(spanCapacity * 2, spanCount + width)
            let bigger = UnsafeMutablePointer<(start: Int, length: Int)>.allocate(capacity: grown)
            bigger.moveInitialize(from: spans, count: spanCount)
            spans.deallocate()
            spans = bigger
            spanCapacity = grown
        }
        let first = spanCount
        (spans + first).initialize(repeating: (-1, 0), count: width)
        spanCount += width
        return first
    }

    /// Queues the record whose spans start at `firstSpan`.
    mutating func closeRecord(line: Int, record: Int, firstSpan: Int, broken: BrokenRecord?) {
        var index = -1
        if let broken {
            index = brokenRecords.count
            brokenRecords.append(broken)
        }
        entries.append(Entry(line: line, record: record, firstSpan: firstSpan, broken: index))
    }

    /// Queues a broken record that has no spans.
    mutating func append(_ broken: BrokenRecord) {
        entries.append(
            Entry(line: broken.line ?? 0, record: broken.record ?? 0, firstSpan: -1, broken: brokenRecords.count))
        brokenRecords.append(broken)
    }

    /// Sets span `index` to a copy of `count` bytes at `source`, without leading and trailing spaces, tabs and
    /// line breaks.
    ///
    /// - Complexity: O(`count`).
    @inline(__always)
    mutating func setTrimmed(_ index: Int, _ source: UnsafePointer<UInt8>, count: Int) {
        var start = 0
        var end = count
        while start < end, Self.isSpace(source[start]) { start += 1 }
        while end > start, Self.isSpace(source[end - 1]) { end -= 1 }
        spans[index] = (used, end - start)
        bytes.append(source + start, count: end - start)
    }

    /// Takes the next entry; `nil` when every entry has been handed out.
    mutating func take() -> Entry? {
        guard head < entries.count else { return nil }
        head += 1
        return entries[head - 1]
    }

    /// The broken record an entry stands for, `nil` for a record.
    func broken(_ entry: Entry) -> BrokenRecord? {
        entry.broken >= 0 ? brokenRecords[entry.broken] : nil
    }

    /// The bytes of value `field` of an entry, `nil` when absent; valid until ``reset()``.
    @inline(__always)
    func value(_ entry: Entry, field: Int) -> UnsafeRawBufferPointer? {
        let span = spans[entry.firstSpan + field]
        guard span.start >= 0 else { return nil }
        return UnsafeRawBufferPointer(start: bytes.pointer + span.start, count: span.length)
    }

    /// The values of an entry as text, in field order.
    func strings(_ entry: Entry) -> [String?] {
        (0..<width).map { field in value(entry, field: field).map { String(decoding: $0, as: UTF8.self) } }
    }

    @inline(__always)
    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }
}
