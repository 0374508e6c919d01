import NoticeWatchModel
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where ingest keeps the records that do not fit its memory budget: a private folder made under `TMPDIR` (else
/// `/tmp`), removed with its files when the last run or record list reading from it is gone.
///
/// Its name holds the process id (`noticewatch-spill-<pid>-XXXXXX`): a run killed before it could remove its
/// folder leaves it behind, and the next run that spills removes the folders of processes that no longer exist.
///
/// It also keeps the table of record origins (source and file), so that a spilled record stores a small index
/// instead of two names.
final class SpillFolder: Sendable {
    /// The folder's path.
    let path: String
    private let origins = Mutex(OriginTable())
    private let files = Mutex(0)

    private struct OriginTable {
        var list: [SourceLocation.Origin] = []
        var index: [ObjectIdentifier: UInt32] = [:]
    }

    /// Makes a new, empty folder.
    ///
    /// - Throws: `spill-failed` when the folder cannot be made.
    /// - Parameter base: the folder to make it in; `nil` for `TMPDIR`, else `/tmp`.
    init(in base: String? = nil) throws(IngestError) {
        let base = base ?? SpillFolder.temporaryBase()
        SpillFolder.removeAbandoned(in: base)
        var template = Array((base + "/\(SpillFolder.prefix)\(getpid())-XXXXXX").utf8CString)
        let made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
        guard made != nil else {
            throw IngestError(
                code: .spillFailed,
                message: "cannot make a temporary folder for records beyond the memory budget: "
                    + "\(String(cString: strerror(errno))); set TMPDIR to a writable folder with room",
                file: base)
        }
        path = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    }

    deinit {
        let count = files.withLock { $0 }
        for number in 0..<count { unlink(filePath(number)) }
        rmdir(path)
    }

    /// A new file name in the folder (the file is not created).
    func newFile() -> String {
        filePath(
            files.withLock { count in
                defer { count += 1 }
                return count
            })
    }

    /// The index under which `origin` is stored, registering it on first use.
    func index(of origin: SourceLocation.Origin) -> UInt32 {
        origins.withLock { table in
            if let index = table.index[ObjectIdentifier(origin)] { return index }
            let index = UInt32(table.list.count)
            table.list.append(origin)
            table.index[ObjectIdentifier(origin)] = index
            return index
        }
    }

    /// Every origin registered so far, by index.
    var originTable: [SourceLocation.Origin] { origins.withLock { $0.list } }

    private func filePath(_ number: Int) -> String { path + "/\(number).records" }

    static let prefix = "noticewatch-spill-"

    /// Removes the spill folders in `base` whose process is gone, with their files; others are left alone.
    static func removeAbandoned(in base: String) {
        for name in DatasetFiles.names(in: base) ?? [] where name.hasPrefix(prefix) {
            let pidText = name.dropFirst(prefix.count).prefix { $0 != "-" }
            guard let pid = pid_t(pidText), pid > 0, pid != getpid(), kill(pid, 0) != 0, errno == ESRCH else {
                continue
            }
            let folder = base + "/" + name
            for file in DatasetFiles.names(in: folder) ?? [] { unlink(folder + "/" + file) }
            rmdir(folder)
        }
    }

    /// `TMPDIR` when set and not empty, else `/tmp`.
    private static func temporaryBase() -> String {
        if let value = getenv("TMPDIR") {
            let text = String(cString: value)
            if !text.isEmpty { return text.hasSuffix("/") && text.count > 1 ? String(text.dropLast()) : text }
        }
        return "/tmp"
    }
}

/// Sorted records of one kind from one read of a file (the whole file or one chunk), in a spill file.
struct SpillRun: Sendable {
    /// The spill file.
    var file: String
    /// How many records it holds.
    var count: Int
    /// Added to every line and record number read back (a chunk's are counted from its own start).
    var lineShift = 0
    var recordShift = 0
    /// Added to every row read back: the records of the file's earlier chunks.
    var rowBase = 0
    /// The smallest and the largest id in the run (`nil` when it is empty).
    var firstID: String?
    var lastID: String?
    /// Whether an id appears more than once in the run.
    var repeatsIDs = false

    /// This run moved on by an earlier chunk's lines, records and rows.
    func shifted(lines: Int, records: Int, rows: Int) -> SpillRun {
        var run = self
        run.lineShift += lines
        run.recordShift += records
        run.rowBase += rows
        return run
    }

    /// The positions of `records` by id, equal ids in position order: the positions themselves when the ids
    /// already increase (the common export, sorted by id), without sorting.
    ///
    /// - Complexity: O(n) when sorted, else O(n log n).
    static func idOrder<Record: SpillableRecord>(_ records: [Record]) -> [Int] {
        var increasing = true
        var previous: String?
        for record in records {
            if let previous, !(previous < record.id) {
                increasing = false
                break
            }
            previous = record.id
        }
        if increasing { return Array(records.indices) }
        let ids = records.map(\.id)
        return ids.indices.sorted { ids[$0] < ids[$1] || (ids[$0] == ids[$1] && $0 < $1) }
    }

    /// Writes `records` sorted by id (equal ids in row order) to a new file of `folder`; each record's row is
    /// its position in `records`.
    ///
    /// - Throws: `spill-failed` when the file cannot be written (a full disk, say).
    /// - Complexity: O(n log n) in the records.
    static func write<Record: SpillableRecord>(_ records: [Record], to folder: SpillFolder) throws(IngestError)
        -> SpillRun
    {
        let order = SpillRun.idOrder(records)
        let writer = try SpillWriter(path: folder.newFile())
        var lastOrigin: SourceLocation.Origin?
        var lastIndex: UInt32 = 0
        var repeats = false
        var previous: Int?
        // Records are used in place: a copy of each would retain and release its strings and origin.
        try records.withUnsafeBufferPointer { (records) throws(IngestError) in
            for position in order {
                if let previous, !repeats, records[previous].id == records[position].id { repeats = true }
                previous = position
                if lastOrigin !== records[position].provenance.origin {
                    lastOrigin = records[position].provenance.origin
                    lastIndex = folder.index(of: records[position].provenance.origin)
                }
                try writer.append(records[position], origin: lastIndex, row: UInt32(position))
            }
        }
        try writer.finish()
        return SpillRun(
            file: writer.path, count: records.count, firstID: order.first.map { records[$0].id },
            lastID: order.last.map { records[$0].id }, repeatsIDs: repeats)
    }
}
