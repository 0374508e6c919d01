public import NoticeWatchModel

/// Looks at a dataset folder as a run would read it, without reading all of it: the sources (from sources.yml,
/// or one inferred source per file as a run without one makes), then for each file the reader's choices, the
/// mapping with its evidence and what the values of the first part of the file give (``FileInspector``).
///
/// It goes through the ingest's own steps (listing, tasks, ``FileTask/prepare()``, the readers and the record
/// normalizer), so what it shows is what a run does; only how much of each file is read differs.
public struct DatasetInspector: Sendable {
    /// The dataset folder.
    public let directory: String

    /// The bytes read from each CSV or JSON file without `--full` (a CSV file's UTF-8 check and the records): 4 MiB.
    public static let partBytes = 4 << 20
    /// The records read from each XML file without `--full` (its reader does not count bytes).
    public static let partRecords = 20_000

    /// The bytes read per CSV file without `--full` (changed by tests to cut small files).
    var partBytes = DatasetInspector.partBytes

    public init(directory: String) {
        self.directory = directory
    }

    /// The inspection of the folder, or of the files named in `only`.
    ///
    /// - Parameters:
    ///   - only: paths relative to the dataset folder, or globs (`jsons/*.json`); empty for every file.
    ///   - full: read whole files instead of their first part.
    ///   - inferring: infer every mapping even when the folder has a sources.yml (as `init --force` does).
    /// - Throws: `dataset-not-found`; the sources file's errors; `path-not-found` when a path of `only` (or of
    ///   the sources file) names no file. What a file gives is never thrown: a file a run would not read, or
    ///   would stop on, is listed with why.
    public func inspect(only: [String] = [], full: Bool = false, inferring: Bool = false) throws(IngestError)
        -> DatasetInspection
    {
        let listing = try DatasetListing(directory: directory)
        let sourcesName = DatasetIngestor.sourcesFileName
        let sourcesPath = listing.files.contains(sourcesName) ? sourcesName : listing.aliases[sourcesName]
        let ingestor = DatasetIngestor(directory: directory)
        var specs: [SourceSpec]
        let fromFile = !inferring && (sourcesPath != nil || listing.notRead.contains { $0.path == sourcesName })
        if fromFile {
            guard let sourcesPath, let data = DatasetFiles.contents(of: directory + "/" + sourcesPath) else {
                throw IngestError(code: .fileUnreadable, message: "cannot read the sources file", file: sourcesName)
            }
            specs = try SourcesFileParser(displayPath: sourcesName).parse(String(decoding: data, as: UTF8.self))
        } else {
            specs = listing.files.filter { DatasetIngestor.hasDataExtension($0) && $0 != sourcesPath }.map {
                SourceSpec(name: $0, path: $0, format: SourceFormat.fromExtension(of: $0), inferred: true)
            }.flatMap(ingestor.sheetSources)
        }
        var tasks = try ingestor.makeTasks(specs: specs, listing: listing, sourcesPath: sourcesPath)
        var notRead = DatasetIngestor.notRead(listing, specs: specs, sourcesFile: fromFile)
        if !only.isEmpty {
            for pattern in only where !tasks.contains(where: { DatasetInspector.names($0, pattern) }) {
                guard notRead.contains(where: { DatasetFiles.matches(pattern: pattern, path: $0.path) }) else {
                    throw IngestError(
                        code: .pathNotFound,
                        message: "\(TextFolding.quoted(pattern)) names no file a run would read in the dataset folder",
                        file: directory)
                }
            }
            tasks = tasks.filter { task in only.contains { DatasetInspector.names(task, $0) } }
            notRead = notRead.filter { entry in only.contains { DatasetFiles.matches(pattern: $0, path: entry.path) } }
        }
        let partBytes = partBytes
        let outcomes = ConcurrentMap.map(tasks) { task throws(IngestError) -> Outcome in
            var task = task
            if !full { task.scanLimit = partBytes }
            let prepared = try task.prepare()
            if case .sheet(nil) = prepared.setup {
                // A sheet that is not a table: a run lists it with no row, and why.
                let why = prepared.choices.first { $0.hasPrefix("not read: ") }.map { String($0.dropFirst(10)) }
                return .notRead(NotReadFile(path: task.relativePath, reason: why ?? "the sheet is not a table"))
            }
            return .file(try FileInspector(prepared: prepared, full: full, partBytes: partBytes).inspect())
        }
        var files: [FileInspection] = []
        for (task, outcome) in zip(tasks, outcomes) {
            switch outcome {
            case .success(.file(let file)): files.append(file)
            case .success(.notRead(let entry)): notRead.append(entry)
            case .failure(let error):
                notRead.append(NotReadFile(path: task.relativePath, reason: "\(error.code): \(error.message)"))
            }
        }
        var unnamed: [String] = []
        if fromFile {
            let named = Set(specs.flatMap { listing.matching($0.path) })
            unnamed = listing.files.filter { file in
                DatasetIngestor.hasDataExtension(file) && file != sourcesPath && !named.contains(file)
                    && (only.isEmpty || only.contains { DatasetFiles.matches(pattern: $0, path: file) })
            }
        }
        return DatasetInspection(
            sourcesFile: fromFile, full: full,
            files: files.sorted { ($0.path.utf8.lexicographicallyPrecedes($1.path.utf8)) },
            notRead: Array(Set(notRead)).sorted(), unnamed: unnamed)
    }

    /// What inspecting one file gave.
    private enum Outcome: Sendable {
        case file(FileInspection)
        case notRead(NotReadFile)
    }

    /// Whether `pattern` (a path or glob) names the file of `task` (a workbook's sheets by the workbook's path,
    /// or one sheet by `file!sheet`).
    static func names(_ task: FileTask, _ pattern: String) -> Bool {
        let file = task.sheet == nil ? task.relativePath : String(task.relativePath.prefix { $0 != "!" })
        return DatasetFiles.matches(pattern: pattern, path: file)
            || DatasetFiles.matches(pattern: pattern, path: task.relativePath)
    }
}
