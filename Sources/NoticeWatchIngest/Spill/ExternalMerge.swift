import NoticeWatchModel

/// Merges spilled runs of one kind into one sorted store, the way ``RecordMerger`` merges arrays in memory.
///
/// Each run is sorted by id (equal ids in row order); a heap walks all runs at once in the order (id, file,
/// row), which is the merge order: the first record with an id is kept and written to the store, each later
/// one counts as merged for its file, and its differing fields become conflicts. Memory holds one block per
/// run and one for the store, whatever the number of records.
struct ExternalMerge<Record: SpillableRecord> {
    let merger: RecordMerger<Record>
    let folder: SpillFolder

    /// A run and the position among the files that its records belong to.
    struct Source {
        var file: Int
        var run: SpillRun
    }

    /// Merges `sources`; `fileCount` files are counted in `merged`.
    ///
    /// - Throws: `spill-failed` when the store cannot be written.
    /// - Complexity: O(n log k) comparisons for n records in k runs.
    func merge(_ sources: [Source], fileCount: Int) throws(IngestError) -> RecordMerger<Record>.Merged {
        var sightings = merger.sightings(fileCount: fileCount)
        if sightings == nil, let concatenated = concatenation(sources, fileCount: fileCount) { return concatenated }
        var merged = [Int](repeating: 0, count: fileCount)
        var repeats = [Int](repeating: 0, count: fileCount)
        var first: (file: Int, record: Record)?
        var variants: [Record] = []
        var conflicts: [DuplicateConflict] = []
        let origins = folder.originTable
        var heap = MergeHeap<Record>()
        for source in sources where source.run.count > 0 {
            var reader = SpillReader<Record>(run: source.run, origins: origins)
            if let first = reader.next() {
                heap.push(
                    MergeHeap.Cursor(reader: reader, file: source.file, rowBase: source.run.rowBase, current: first))
            }
        }
        // The store is cut into parts of `partSize` records, so that its walks can run on several threads.
        var stores: [SpillRun] = []
        var writer = try SpillWriter(path: folder.newFile())
        var count = 0
        func write(_ record: Record) throws(IngestError) {
            if count == ExternalMerge.partSize {
                try writer.finish()
                stores.append(SpillRun(file: writer.path, count: count))
                writer = try SpillWriter(path: folder.newFile())
                count = 0
            }
            try writer.append(record, origin: folder.index(of: record.provenance.origin), row: 0)
            count += 1
        }
        // The record kept for the current id, written once its id's last duplicate has merged into it.
        var kept: Record?
        var keptFile = 0
        while let (record, file) = heap.pop() {
            if var current = kept, current.id == record.id {
                merged[file] += 1
                // Repeats are counted within one capture of a series, from its first copy (see RecordMerger).
                if let base = first, sightings?.areDifferentCaptures(base.file, file) != true {
                    merger.countRepeat(record, first: base.record, file: file, variants: &variants, repeats: &repeats)
                } else {
                    first = (file, record)
                    variants = []
                }
                sightings?.add(record, file: file)
                kept = nil
                let differences = merger.merge(record, into: &current)
                // Two captures of the list that differ are a modification (reported by the sightings).
                if sightings?.areDifferentCaptures(keptFile, file) != true { conflicts += differences }
                kept = current
                continue
            }
            if var finished = kept {
                if sightings?.isCurrentSeen == true { merger.observedOnList?(&finished) }
                try write(finished)
            }
            kept = record
            first = (file, record)
            if !variants.isEmpty { variants = [] }
            keptFile = file
            sightings?.begin(record, file: file)
        }
        if var finished = kept {
            if sightings?.isCurrentSeen == true { merger.observedOnList?(&finished) }
            try write(finished)
        }
        try writer.finish()
        stores.append(SpillRun(file: writer.path, count: count))
        sightings?.end()
        return RecordMerger<Record>.Merged(
            records: list(stores), merged: merged, exactRepeats: repeats, conflicts: conflicts,
            presences: sightings?.presences ?? [])
    }

    /// Records per part of a merged store.
    static var partSize: Int { 1 << 18 }

    /// The list of `runs`' records, one run after the other, each run a part; the folder stays as long as the
    /// list does.
    func list(_ runs: [SpillRun]) -> RecordList<Record> {
        let origins = folder.originTable
        return RecordList(
            parts: runs.filter { $0.count > 0 }.map { run in
                RecordList.Part(
                    count: run.count,
                    walk: { [folder] in
                        // A closure made here, where the record type is known, rather than a generic iterator
                        // type, which `AnyIterator` would call through its generic conformance (a metadata lookup
                        // a record).
                        var reader = SpillReader<Record>(run: run, origins: origins)
                        return AnyIterator { withExtendedLifetime(folder) { reader.next()?.record } }
                    },
                    walkFacts: { [folder] body in
                        withExtendedLifetime(folder) {
                            var reader = SpillReader<Record>(run: run, origins: [])
                            while let facts = reader.nextFacts() { body(facts) }
                        }
                    },
                    lookUpFacts: { [folder] ids, position, body in
                        withExtendedLifetime(folder) {
                            var reader = SpillReader<Record>(run: run, origins: [])
                            reader.lookUpFacts(ids, position: &position, body: body)
                        }
                    })
            })
    }
}

extension ExternalMerge {
    /// The runs themselves, one after the other, when that is already the merge: their id ranges do not overlap
    /// (a file exported in id order and read in chunks) and no id repeats inside a run (as each run noted when
    /// it was written). Nothing is read or written. `nil` when the runs must be merged.
    ///
    /// - Complexity: O(k log k) for sorting the k runs.
    func concatenation(_ sources: [Source], fileCount: Int) -> RecordMerger<Record>.Merged? {
        let runs = sources.filter { $0.run.count > 0 }.sorted { ($0.run.firstID ?? "") < ($1.run.firstID ?? "") }
        guard !runs.contains(where: \.run.repeatsIDs) else { return nil }
        for (previous, next) in zip(runs, runs.dropFirst()) {
            guard let last = previous.run.lastID, let first = next.run.firstID, last < first else { return nil }
        }
        return RecordMerger<Record>.Merged(
            records: list(runs.map(\.run)), merged: [Int](repeating: 0, count: fileCount), conflicts: [])
    }
}

/// The runs' current records, smallest (id, file, row) on top.
struct MergeHeap<Record: SpillableRecord> {
    struct Cursor {
        var reader: SpillReader<Record>
        let file: Int
        let rowBase: Int
        var current: (record: Record, row: UInt32)

        /// Whether this cursor's record comes first in merge order.
        func precedes(_ other: Cursor) -> Bool {
            let id = current.record.id
            let otherID = other.current.record.id
            if id != otherID { return id < otherID }
            return (file, rowBase + Int(current.row)) < (other.file, other.rowBase + Int(other.current.row))
        }
    }

    private var cursors: [Cursor] = []

    mutating func push(_ cursor: Cursor) {
        cursors.append(cursor)
        var child = cursors.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard cursors[child].precedes(cursors[parent]) else { break }
            cursors.swapAt(child, parent)
            child = parent
        }
    }

    /// Takes the smallest record with its file, and moves its run on.
    mutating func pop() -> (Record, Int)? {
        guard !cursors.isEmpty else { return nil }
        // Only the record and its file are taken out: a copy of the cursor would share its read buffer, which
        // the next read would then copy.
        let top = (record: cursors[0].current.record, file: cursors[0].file)
        if let next = cursors[0].reader.next() {
            cursors[0].current = next
        } else {
            cursors[0] = cursors[cursors.count - 1]
            cursors.removeLast()
        }
        var parent = 0
        while true {
            let left = 2 * parent + 1
            guard left < cursors.count else { break }
            let right = left + 1
            let smaller = right < cursors.count && cursors[right].precedes(cursors[left]) ? right : left
            guard cursors[smaller].precedes(cursors[parent]) else { break }
            cursors.swapAt(smaller, parent)
            parent = smaller
        }
        return (top.record, top.file)
    }
}
