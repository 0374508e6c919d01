import NoticeWatchModel

/// Which of this run's records a previous run did not have, found by walking both in id order.
///
/// This run's records come in id order (String order) and the previous run's ids from SQLite `ORDER BY id`
/// (byte order). The two orders agree on ids whose bytes sort as their text does, which is every id in practice
/// (ASCII, or Unicode in NFC); the join checks that this run's ids come in byte order as it walks them, and on
/// the first one that does not, it counts again with the previous ids in a set.
enum IDJoin {
    /// Counts per country the `records` (id and country, in increasing id order) whose id is not among the ids
    /// `query` returns from `database`.
    ///
    /// - Throws: `ReportError` `sqlite-failed` when the query fails.
    /// - Complexity: O(n + m) for n records and m previous ids, memory O(1) in both; O(n + m) memory for ids
    ///   out of byte order.
    static func countAbsent<Records: Sequence<(id: String, country: Country?)>>(
        _ records: Records, from query: String, in database: SQLiteDatabase
    ) throws(ReportError) -> [Country?: Int] {
        var absent: [Country?: Int] = [:]
        var walk = InOrder(records.makeIterator())
        try database.forEachText(query) { previous in
            guard let previous, !walk.outOfOrder else { return }
            while let current = walk.current, precedes(current.id, previous) {
                absent[current.country, default: 0] += 1
                walk.advance()
            }
            if walk.current?.id == previous { walk.advance() }
        }
        while !walk.outOfOrder, let current = walk.current {
            absent[current.country, default: 0] += 1
            walk.advance()
        }
        guard walk.outOfOrder else { return absent }
        var ids = Set<String>()
        try database.forEachText(query) { id in
            if let id { ids.insert(id) }
        }
        absent = [:]
        for record in records where !ids.contains(record.id) { absent[record.country, default: 0] += 1 }
        return absent
    }

    /// Whether `id` sorts before `other` byte by byte, as SQLite's `ORDER BY` sorts text.
    static func precedes(_ id: String, _ other: String) -> Bool {
        id.utf8.lexicographicallyPrecedes(other.utf8)
    }

    /// The records' iterator, with its current record, noting when an id comes before the one before it.
    struct InOrder<Base: IteratorProtocol<(id: String, country: Country?)>> {
        var base: Base
        private(set) var current: (id: String, country: Country?)?
        private(set) var outOfOrder = false

        init(_ base: Base) {
            self.base = base
            current = self.base.next()
        }

        mutating func advance() {
            let last = current?.id
            current = base.next()
            if let last, let id = current?.id, !IDJoin.precedes(last, id) {
                outOfOrder = true
                current = nil
            }
        }
    }
}
