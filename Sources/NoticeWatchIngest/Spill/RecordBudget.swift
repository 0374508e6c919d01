import Synchronization

/// How many records ingest keeps in memory, which files went over, and the spill folder for them.
///
/// Pieces of files (whole files or chunks) are admitted as they finish, on any thread: a piece that fits stays in
/// memory; the first that does not marks its file as spilling, and every piece of a spilling file is spilled,
/// including those admitted before. Which files spill can depend on the order pieces finish in, but the merged
/// result never does (``ExternalMerge`` keeps the merge order of reading everything in memory).
final class RecordBudget: Sendable {
    /// Records kept in memory at most.
    let limit: Int
    /// How many records a reading job gathers before it asks to keep them: a job reading a large file in one
    /// piece spills as it goes instead of holding the whole file.
    let pieceSize: Int
    private let state = Mutex(State())

    private struct State {
        var held = 0
        var spilling: Set<Int> = []
        var folder: SpillFolder?
    }

    /// Where the spill folder is made: `nil` for `TMPDIR`, else `/tmp`.
    let spillBase: String?

    init(limit: Int, pieceSize: Int = 1 << 16, spillBase: String? = nil) {
        self.limit = limit
        self.pieceSize = max(pieceSize, 1)
        self.spillBase = spillBase
    }

    /// Whether a piece of `file` with `count` records stays in memory.
    func admits(_ count: Int, file: Int) -> Bool {
        state.withLock { state in
            if state.spilling.contains(file) { return false }
            guard state.held + count <= limit else {
                state.spilling.insert(file)
                return false
            }
            state.held += count
            return true
        }
    }

    /// Whether `file` is spilling.
    func isSpilling(_ file: Int) -> Bool { state.withLock { $0.spilling.contains(file) } }

    /// Gives back the room of `count` records that were admitted and have since been spilled.
    func release(_ count: Int) { state.withLock { $0.held -= count } }

    /// The spill folder, made on first use.
    ///
    /// - Throws: `spill-failed` when it cannot be made.
    func folder() throws(IngestError) -> SpillFolder {
        let existing = state.withLock { $0.folder }
        if let existing { return existing }
        let made = try SpillFolder(in: spillBase)
        return state.withLock { state in
            if let folder = state.folder { return folder }
            state.folder = made
            return made
        }
    }

    /// The spill folder when anything was spilled.
    var usedFolder: SpillFolder? { state.withLock { $0.folder } }
}
