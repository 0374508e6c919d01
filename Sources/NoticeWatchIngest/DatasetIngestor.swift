public import NoticeWatchModel

/// Reads a dataset folder into normalized notices and complaints, with the full account of how.
///
/// With a `sources.yml` in the folder, its sources are read in file order; without one, every `.csv`, `.json`,
/// `.ndjson`, `.jsonl` and `.xml` file (recursively, sorted by path) is a source named after its relative path,
/// with the record kind and mapping inferred from its header names or keys. Files are read concurrently, and the
/// partial results are merged in a fixed order (sources in order, files by path, rows in file order), so the
/// result is the same whatever the scheduling.
public struct DatasetIngestor: Sendable {
    /// The dataset folder.
    public let directory: String

    /// When a large NDJSON or CSV file is read in chunks on several cores (changed by tests to cut small files).
    var chunking = FileChunk.Sizes.standard

    /// How many records are kept in memory while the files are read: once a file's pieces would go over, its
    /// records are spilled to sorted runs in a temporary folder (`TMPDIR`) as each piece is read, then merged
    /// into a store read back on demand (``RecordList``), so memory stays bounded whatever the input's size
    /// (``RecordBudget``). The result is the same whatever the budget; only time and memory change.
    public var recordBudget = DatasetIngestor.standardRecordBudget

    /// 100,000 records, some 7 MB in memory: most datasets never touch the disk, and a large one peaks under
    /// 100 MB whatever its size (spilling costs a few percent of the run's time; see the README).
    public static let standardRecordBudget = 100_000

    /// How many records a reading job gathers before the budget admits or spills them (changed by tests to
    /// spill small files part way through).
    var spillPieceSize = 1 << 16

    /// Where spill folders are made; `nil` for `TMPDIR`, else `/tmp` (changed by tests).
    var spillBase: String?

    /// The name of the sources file inside the dataset folder.
    public static let sourcesFileName = "sources.yml"

    /// An ingestor for the dataset folder at `directory`.
    public init(directory: String) {
        self.directory = directory
    }

    /// Reads the sources file (or infers mappings), then every source; bad rows go to quarantine.
    ///
    /// - Parameter progress: called now and then while each file is read and once when it is done, possibly
    ///   from several threads at once.
    /// - Returns: records and complaints sorted by id, the sorted quarantine, conflicts, per-source accounting
    ///   (`read = kept + merged + quarantined` for each source) and every input file with its SHA-256.
    /// - Throws: ``IngestError`` for what stops the run: `dataset-not-found`; `sources-file-…` (with line and
    ///   column, before any data row is read); `path-not-found` for a listed path that matches no file;
    ///   `file-unreadable`; `mapping-not-inferred`; `ambiguous-date-format`; `no-records` when no row at all was
    ///   read. Bad rows are never thrown.
    /// - Complexity: O(n) in the total size of the inputs; memory O(records) plus 1 MiB per file being read.
    public func ingest(progress: (@Sendable (IngestProgress) -> Void)? = nil) throws(IngestError) -> IngestResult {
        let listing = try DatasetListing(directory: directory)
        let sourcesFile = DatasetIngestor.sourcesFileName
        var specs: [SourceSpec]
        var sourcesHash: String?
        if let refused = listing.notRead.first(where: { $0.path == sourcesFile }) {
            throw IngestError(
                code: .fileUnreadable, message: "the sources file is not read: \(refused.reason)", file: sourcesFile)
        }
        // The sources file may be a link to a file elsewhere in the folder; that file is then not data.
        let sourcesPath = listing.files.contains(sourcesFile) ? sourcesFile : listing.aliases[sourcesFile]
        if let sourcesPath {
            let path = directory + "/" + sourcesPath
            guard let data = DatasetFiles.contents(of: path) else {
                throw IngestError(code: .fileUnreadable, message: "cannot read the sources file", file: sourcesFile)
            }
            sourcesHash = SHA256.hexDigest(of: data)
            specs = try SourcesFileParser(displayPath: sourcesFile).parse(String(decoding: data, as: UTF8.self))
        } else {
            specs = listing.files.filter(DatasetIngestor.hasDataExtension).map {
                SourceSpec(name: $0, path: $0, format: SourceFormat.fromExtension(of: $0), inferred: true)
            }.flatMap(sheetSources)
        }
        let tasks = try makeTasks(specs: specs, listing: listing, sourcesPath: sourcesPath)
        let prepared = try DatasetIngestor.firstFailure(
            ConcurrentMap.map(tasks) { task throws(IngestError) in
                try task.prepare()
            })
        let (partials, folder) = try DatasetIngestor.readAndHash(
            prepared, chunking: chunking,
            budget: RecordBudget(limit: recordBudget, pieceSize: spillPieceSize, spillBase: spillBase),
            progress: progress)
        var result = try DatasetIngestor.merge(specs: specs, partials: partials, folder: folder)
        result.sourcesFileSHA256 = sourcesHash
        result.notRead = DatasetIngestor.notRead(listing, specs: specs, sourcesFile: sourcesHash != nil)
        guard partials.contains(where: { $0.read > 0 }) else {
            throw IngestError(
                code: .noRecords,
                message: (tasks.isEmpty
                    ? "the folder has no sources.yml and no .csv, .json, .ndjson, .jsonl, .xml, .xlsx or .ods file"
                    : "no record was found in any input file") + DatasetIngestor.summary(of: result.notRead),
                file: directory)
        }
        return result
    }

    /// One task per file of each source, sources in order and files by path (each real file once per source).
    func makeTasks(
        specs: [SourceSpec], listing: DatasetListing, sourcesPath: String?
    ) throws(IngestError) -> [FileTask] {
        var tasks: [FileTask] = []
        for (index, spec) in specs.enumerated() {
            // An inferred source is one file, named literally (its name may hold `*` or `?`).
            let matched = spec.inferred ? [spec.path] : listing.matching(spec.path).filter { $0 != sourcesPath }
            guard !matched.isEmpty else {
                let refused = listing.notRead(matching: spec.path)
                throw IngestError(
                    code: .pathNotFound,
                    message: "source \(TextFolding.quoted(spec.name)): path \(TextFolding.quoted(spec.path)) "
                        + "matches no file in the dataset folder" + DatasetIngestor.summary(of: refused),
                    file: DatasetIngestor.sourcesFileName, line: spec.pathMark?.line, column: spec.pathMark?.column)
            }
            for file in matched {
                guard let format = spec.format ?? SourceFormat.fromExtension(of: file) else {
                    throw IngestError(
                        code: .sourcesFileMissingKey,
                        message: "source \(TextFolding.quoted(spec.name)): cannot tell the format of "
                            + "\(TextFolding.quoted(file)) from its extension; set format:",
                        file: DatasetIngestor.sourcesFileName, line: spec.pathMark?.line,
                        column: spec.pathMark?.column)
                }
                if spec.sheet != nil && !format.isWorkbook {
                    throw IngestError(
                        code: .sourcesFileWrongType,
                        message: "source \(TextFolding.quoted(spec.name)): sheet: applies to .xlsx and .ods "
                            + "workbooks, and \(TextFolding.quoted(file)) is \(format.rawValue)",
                        file: DatasetIngestor.sourcesFileName, line: spec.sheetMark?.line,
                        column: spec.sheetMark?.column)
                }
                if format.isWorkbook {
                    tasks += try sheetTasks(spec: spec, index: index, file: file, format: format)
                    continue
                }
                tasks.append(
                    FileTask(
                        sourceIndex: index, spec: spec, relativePath: file, absolutePath: directory + "/" + file,
                        format: format, sourcesFile: DatasetIngestor.sourcesFileName))
            }
        }
        return tasks
    }

    /// Reads every prepared file and hashes those whose scan did not, all concurrently: a large NDJSON, CSV or XML
    /// file is read in chunks (``FileChunk``); the files read whole are parsed first (a whole file cannot be shared
    /// between cores, so one left for the end would run alone), then the chunks, each group largest first, and the
    /// hashes taken after them, so a core left idle by a small file hashes a large one while it is parsed; but a
    /// file read in chunks is hashed first, as its hash takes longer than any one of its chunks and would otherwise
    /// leave one core hashing alone at the end. The partials come back in `prepared` order, each with its file's
    /// size and SHA-256. The records of the files that go over `budget` are spilled to the returned folder as each
    /// job finishes.
    ///
    /// - Throws: the first failure in job order.
    static func readAndHash(
        _ prepared: [PreparedFile], chunking: FileChunk.Sizes, budget: RecordBudget,
        progress: (@Sendable (IngestProgress) -> Void)?
    ) throws(IngestError) -> (partials: [FilePartial], folder: SpillFolder?) {
        var pieces: [FileJob] = []
        var chunked = [Bool](repeating: false, count: prepared.count)
        for (index, file) in prepared.enumerated() {
            if let chunks = try FileChunk.plan(file, file: index, sizes: chunking) {
                pieces += chunks.map { FileJob.chunk($0) }
                chunked[index] = true
            } else {
                pieces.append(.read(index))
            }
        }
        // Files read whole go first: each keeps one core to itself, so one left for the end would run alone.
        let order = pieces.indices.sorted {
            (pieces[$0].isChunk ? 1 : 0, -pieces[$0].size(prepared), $0)
                < (pieces[$1].isChunk ? 1 : 0, -pieces[$1].size(prepared), $1)
        }
        let hashes = prepared.indices.filter { prepared[$0].scan.sha256 == nil }
        let jobs =
            hashes.filter { chunked[$0] }.map { FileJob.hash($0) } + order.map { pieces[$0] }
            + hashes.filter { !chunked[$0] }.map { FileJob.hash($0) }
        var outputs = try firstFailure(
            ConcurrentMap.map(jobs) { job throws(IngestError) -> FileJobOutput in
                switch job {
                case .read(let index):
                    return .partial(try prepared[index].read(progress: progress, budget: (budget, index)))
                case .chunk(let chunk):
                    return .partial(
                        try prepared[chunk.file].read(
                            progress: nil, range: chunk.range, xmlFrame: chunk.xml, budget: (budget, chunk.file)))
                case .hash(let index):
                    let file = prepared[index]
                    let digest = try FileScan.digest(path: file.task.absolutePath, displayPath: file.task.relativePath)
                    return .digest(size: digest.size, sha256: digest.sha256)
                }
            })
        var whole = [FilePartial?](repeating: nil, count: prepared.count)
        var chunks = [[(start: Int, partial: FilePartial)]](repeating: [], count: prepared.count)
        var digests = [(size: Int, sha256: String)?](repeating: nil, count: prepared.count)
        for (job, output) in zip(jobs, outputs) {
            switch (job, output) {
            case (.read(let index), .partial(let partial)): whole[index] = partial
            case (.chunk(let chunk), .partial(let partial)):
                chunks[chunk.file].append((chunk.range.lowerBound, partial))
            case (.hash(let index), .digest(let size, let sha256)): digests[index] = (size, sha256)
            default: break
            }
        }
        // Each chunk's records now have one owner, so combining releases them as it moves them.
        outputs = []
        var partials: [FilePartial] = []
        partials.reserveCapacity(prepared.count)
        for index in prepared.indices {
            var partial: FilePartial
            if let read = whole[index] {
                partial = read
            } else {
                var parts = chunks[index].sorted { $0.start < $1.start }.map(\.partial)
                chunks[index] = []
                // A file that went over the budget is spilled whole: its pieces admitted earlier follow.
                if budget.isSpilling(index) {
                    for part in parts.indices where !parts[part].notices.isEmpty || !parts[part].complaints.isEmpty {
                        budget.release(parts[part].notices.count + parts[part].complaints.count)
                        try parts[part].spill(to: budget.folder())
                    }
                }
                if let combined = FileChunk.combine(&parts) {
                    partial = combined
                    let file = prepared[index]
                    progress?(
                        IngestProgress(
                            source: file.task.spec.name, file: file.task.relativePath, rowsRead: combined.read,
                            bytesRead: file.scan.size, finished: true))
                } else {
                    budget.release(parts.reduce(0) { $0 + $1.notices.count + $1.complaints.count })
                    parts = []
                    partial = try prepared[index].read(progress: progress, budget: (budget, index))
                }
            }
            if let digest = digests[index] {
                partial.prepared.scan.size = digest.size
                partial.prepared.scan.sha256 = digest.sha256
            }
            partials.append(partial)
        }
        return (partials, budget.usedFolder)
    }

    /// Whether a folder without a sources file reads `path`: it has one of ``DatasetFiles/dataExtensions``.
    static func hasDataExtension(_ path: String) -> Bool {
        DatasetFiles.dataExtensions.contains(DatasetFiles.fileExtension(path))
    }

    /// The entries not read that a source would have read: those a sources-file path names, or with no sources
    /// file those with a data extension; and always the folders not walked, which may have held some.
    static func notRead(_ listing: DatasetListing, specs: [SourceSpec], sourcesFile: Bool) -> [NotReadFile] {
        listing.notRead.filter { entry in
            if listing.foldersNotRead.contains(entry.path) { return true }
            return sourcesFile
                ? specs.contains { DatasetFiles.matches(pattern: $0.path, path: entry.path) }
                : hasDataExtension(entry.path)
        }
    }

    /// `; not read: "a.csv" (why); …` naming the first three entries not read, or nothing when there is none.
    static func summary(of notRead: [NotReadFile]) -> String {
        guard !notRead.isEmpty else { return "" }
        return "; not read: "
            + notRead.prefix(3).map { "\(TextFolding.quoted($0.path)) (\($0.reason))" }
            .joined(separator: "; ") + (notRead.count > 3 ? "; and \(notRead.count - 3) more" : "")
    }

    /// The values in order, or the first error in order.
    static func firstFailure<Value>(_ results: [Result<Value, IngestError>]) throws(IngestError) -> [Value] {
        var values: [Value] = []
        values.reserveCapacity(results.count)
        for result in results {
            switch result {
            case .success(let value): values.append(value)
            case .failure(let error): throw error
            }
        }
        return values
    }
}

/// One concurrent job of ``DatasetIngestor/readAndHash(_:chunking:progress:)``: read a whole file, read a chunk of one,
/// or hash one.
private enum FileJob: Sendable {
    case read(Int)
    case chunk(FileChunk)
    case hash(Int)

    /// Whether the job reads a chunk of a file (rather than a whole file).
    var isChunk: Bool {
        if case .chunk = self { true } else { false }
    }

    /// The bytes the job parses, for scheduling the largest first.
    func size(_ prepared: [PreparedFile]) -> Int {
        switch self {
        case .read(let index), .hash(let index): prepared[index].scan.size
        case .chunk(let chunk): chunk.range.count
        }
    }
}

/// What one concurrent job of ``DatasetIngestor/readAndHash(_:chunking:progress:)`` gave.
private enum FileJobOutput: Sendable {
    case partial(FilePartial)
    case digest(size: Int, sha256: String)
}
