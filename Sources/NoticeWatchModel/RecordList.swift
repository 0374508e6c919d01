/// A record that a ``RecordList`` can hold: it has coded facts, the fields that figures are computed from.
///
/// The facts leave out the record's texts and provenance, so that a walk of stored records for figures reads
/// a few bytes a record and makes no string.
public protocol RecordWithFacts: Sendable {
    /// The record's coded fields: countries, categories and dates, without texts or provenance.
    associatedtype Facts: Sendable
    /// The record's id, by which a ``RecordList`` is sorted.
    var id: String { get }
    /// This record's facts.
    var facts: Facts { get }
}

/// The records of one kind that ingest kept, in increasing id order, as a sequence that can be walked any
/// number of times.
///
/// Small inputs keep their records in an array. Larger ones keep them in a file that ingest wrote, decoded a
/// block at a time each time the list is walked, so that the records never all sit in memory at once and a
/// run's memory stays bounded whatever the size of its inputs. Either way every walk gives the same records in
/// the same order, and a list can be walked from several threads at once (each walk has its own iterator).
/// ``forEachFacts(_:)`` walks the records' facts alone, which stored parts read without decoding the rest.
public struct RecordList<Record: RecordWithFacts>: Sequence, Sendable {
    /// How many records the list holds.
    public let count: Int
    @usableFromInline let storage: Storage

    @usableFromInline enum Storage: Sendable {
        case memory([Record])
        case stored([Part])
    }

    /// Records kept apart from memory, walked by making an iterator.
    public struct Part: Sendable {
        /// How many records the part holds.
        public var count: Int
        /// Makes a new iterator over the part's records, in order; called once per walk, from any thread.
        public var walk: @Sendable () -> AnyIterator<Record>
        /// Calls its argument with the facts of the part's records, in order; called once per walk, from any
        /// thread. (A visitor rather than an iterator: the walk's state stays in the walking function, where
        /// it needs no exclusivity check at each record.)
        public var walkFacts: @Sendable ((Record.Facts) -> Void) -> Void
        /// Finds records by id (see ``FactsLookup``); called once per lookup, from any thread.
        public var lookUpFacts: FactsLookup

        /// A part whose facts are those of the records `walk` gives.
        public init(count: Int, walk: @escaping @Sendable () -> AnyIterator<Record>) {
            self.init(count: count, walk: walk) { body in
                let records = walk()
                while let record = records.next() { body(record.facts) }
            }
        }

        /// A part that reads its records' facts by a walk of their own, which must give the facts of the
        /// records `walk` gives, in the same order.
        public init(
            count: Int, walk: @escaping @Sendable () -> AnyIterator<Record>,
            walkFacts: @escaping @Sendable ((Record.Facts) -> Void) -> Void
        ) {
            self.init(
                count: count, walk: walk, walkFacts: walkFacts,
                lookUpFacts: { ids, position, body in
                    let records = walk()
                    while position < ids.count, let record = records.next() {
                        while position < ids.count, ids[position].text < record.id { position += 1 }
                        if position < ids.count, ids[position].text == record.id {
                            body(position, record.facts)
                            position += 1
                        }
                    }
                })
        }

        /// A part that also finds records by id by a walk of its own, which must find what a walk of the
        /// records `walk` gives would find.
        public init(
            count: Int, walk: @escaping @Sendable () -> AnyIterator<Record>,
            walkFacts: @escaping @Sendable ((Record.Facts) -> Void) -> Void, lookUpFacts: @escaping FactsLookup
        ) {
            self.count = count
            self.walk = walk
            self.walkFacts = walkFacts
            self.lookUpFacts = lookUpFacts
        }
    }

    /// The records of `array`, in its order.
    public init(_ array: [Record]) {
        count = array.count
        storage = .memory(array)
    }

    /// A list whose records `walk` produces: each call returns a new iterator over the same `count` records,
    /// in the same order.
    ///
    /// - Parameter walk: makes an iterator; it is called once per walk, possibly from several threads.
    public init(count: Int, walk: @escaping @Sendable () -> AnyIterator<Record>) {
        self.init(parts: [Part(count: count, walk: walk)])
    }

    /// A list whose records are those of `parts`, one part after the other.
    public init(parts: [Part]) {
        count = parts.reduce(0) { $0 + $1.count }
        storage = .stored(parts)
    }

    /// Lists that together hold this list's records, in order: its parts when they are stored apart (each can
    /// be walked on its own thread), else the list itself.
    public var parts: [RecordList] {
        switch storage {
        case .memory: [self]
        case .stored(let parts): parts.map { RecordList(parts: [$0]) }
        }
    }

    /// The empty list.
    public init() { self.init([]) }

    /// Whether the list has no record.
    public var isEmpty: Bool { count == 0 }

    /// The records' array when they are held in memory; `nil` when they are read back from storage.
    public var inMemory: [Record]? {
        if case .memory(let array) = storage { return array }
        return nil
    }

    /// The records, all in an array (read back from storage when they are not in memory).
    ///
    /// - Complexity: O(n); memory O(n).
    public var array: [Record] { inMemory ?? Array(self) }

    // The walk is inlinable so that the modules walking a list (analysis, report) get it specialized for
    // their record type: a generic walk across modules looks type metadata up at every record.
    @inlinable
    public func makeIterator() -> Iterator {
        switch storage {
        case .memory(let array): Iterator(array: array, parts: [])
        case .stored(let parts): Iterator(array: [], parts: parts)
        }
    }

    public var underestimatedCount: Int { count }

    /// Calls `body` with the facts of every record, in order: stored parts read the facts alone.
    ///
    /// - Complexity: O(n).
    @inlinable
    public func forEachFacts(_ body: (Record.Facts) -> Void) {
        switch storage {
        case .memory(let array):
            for record in array { body(record.facts) }
        case .stored(let parts):
            for part in parts { part.walkFacts(body) }
        }
    }

    /// Walks a ``RecordList``.
    public struct Iterator: IteratorProtocol {
        @usableFromInline let array: [Record]
        @usableFromInline let parts: [Part]
        @usableFromInline var index = 0
        @usableFromInline var current: AnyIterator<Record>?

        @inlinable
        init(array: [Record], parts: [Part]) {
            self.array = array
            self.parts = parts
        }

        @inlinable
        public mutating func next() -> Record? {
            guard parts.isEmpty else { return nextStored() }
            guard index < array.count else { return nil }
            defer { index += 1 }
            return array[index]
        }

        @inlinable
        mutating func nextStored() -> Record? {
            while true {
                if let record = current?.next() { return record }
                guard index < parts.count else { return nil }
                current = parts[index].walk()
                index += 1
            }
        }
    }
}

extension RecordList: ExpressibleByArrayLiteral {
    public init(arrayLiteral elements: Record...) { self.init(elements) }
}

extension RecordList: Equatable where Record: Equatable {
    /// Whether both lists hold equal records in the same order, wherever they are kept.
    ///
    /// - Complexity: O(n).
    public static func == (lhs: RecordList, rhs: RecordList) -> Bool {
        lhs.count == rhs.count && lhs.elementsEqual(rhs)
    }
}
