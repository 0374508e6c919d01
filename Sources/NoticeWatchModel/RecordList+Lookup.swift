extension RecordList {
    /// Finds, among a part's records, those whose ids are in `ids` (increasing, without repeats), and calls
    /// `body` with each one's index in `ids` and its facts, in order. The search starts at `position` (every
    /// id before it lies before the part's records) and leaves `position` past the last id it passed, so
    /// that the next part goes on from there.
    ///
    /// A part kept in storage compares the stored ids' bytes and decodes the facts of the records found
    /// alone, so a lookup reads a few bytes a record and makes no string for the others.
    public typealias FactsLookup =
        @Sendable (_ ids: [LookupID], _ position: inout Int, _ body: (Int, Record.Facts) -> Void) -> Void

    /// The facts of the records whose ids are `ids`, in the order of `ids`; `nil` for an id no record has.
    ///
    /// Stored parts are sorted by id (ingest writes them so), so `ids` is sorted too and matched in one walk
    /// of their ids; records in memory, in any order, are looked up in a table of `ids`.
    ///
    /// - Complexity: O(m log m + n) for m ids and n records; memory O(m).
    public func facts(ofIDs ids: some Sequence<String>) -> [String: Record.Facts] {
        let wanted = Set(ids)
        var found: [String: Record.Facts] = [:]
        found.reserveCapacity(wanted.count)
        switch storage {
        case .memory(let array):
            for record in array where wanted.contains(record.id) && found[record.id] == nil {
                found[record.id] = record.facts
            }
        case .stored(let parts):
            let sorted = wanted.sorted().map(LookupID.init)
            var position = 0
            for part in parts where position < sorted.count {
                part.lookUpFacts(sorted, &position) { index, facts in found[sorted[index].text] = facts }
            }
        }
        return found
    }
}

/// An id looked up in a ``RecordList``, with its UTF-8 bytes at hand for comparing against stored ids' bytes.
public struct LookupID: Sendable {
    /// The id.
    public let text: String
    /// Its UTF-8 bytes.
    public let utf8: [UInt8]
    /// Whether every byte is ASCII, so that the bytes order as the strings do.
    public let isASCII: Bool

    /// The id `text`.
    public init(_ text: String) {
        self.text = text
        utf8 = Array(text.utf8)
        isASCII = utf8.allSatisfy { $0 < 0x80 }
    }
}
