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
        let files = try DatasetFiles.list(directory: directory)
        let sourcesFile = DatasetIngestor.sourcesFileName
        var specs: [SourceSpec]
        var sourcesHash: String?
        if files.contains(sourcesFile) {
            let path = directory + "/" + sourcesFile
            guard let data = DatasetFiles.contents(of: path) else {
                throw IngestError(code: "file-unreadable", message: "cannot read the sources file", file: sourcesFile)
            }
            sourcesHash = SHA256.hexDigest(of: data)
            specs = try SourcesFileParser(displayPath: sourcesFile).parse(String(decoding: data, as: UTF8.self))
        } else {
            specs = files.filter { DatasetFiles.dataExtensions.contains(DatasetFiles.fileExtension($0)) }.map {
                SourceSpec(name: $0, path: $0, format: SourceFormat.fromExtension(of: $0), inferred: true)
            }
        }
        let tasks = try makeTasks(specs: specs, files: files.filter { $0 != sourcesFile })
        let prepared = try DatasetIngestor.firstFailure(
            ConcurrentMap.map(tasks) { task throws(IngestError) in
                try task.prepare()
            })
        let partials = try DatasetIngestor.readAndHash(prepared, progress: progress)
        var result = DatasetIngestor.merge(specs: specs, partials: partials)
        result.sourcesFileSHA256 = sourcesHash
        guard partials.contains(where: { $0.read > 0 }) else {
            throw IngestError(
                code: "no-records",
                message: tasks.isEmpty
                    ? "the folder has no sources.yml and no .csv, .json, .ndjson, .jsonl or .xml file"
                    : "no record was found in any input file",
                file: directory)
        }
        return result
    }

    /// One task per file of each source, sources in order and files by path.
    private func makeTasks(specs: [SourceSpec], files: [String]) throws(IngestError) -> [FileTask] {
        var tasks: [FileTask] = []
        for (index, spec) in specs.enumerated() {
            // An inferred source is one file, named literally (its name may hold `*` or `?`).
            let matched =
                spec.inferred ? [spec.path] : files.filter { DatasetFiles.matches(pattern: spec.path, path: $0) }
            guard !matched.isEmpty else {
                throw IngestError(
                    code: "path-not-found",
                    message: "source \(TextFolding.quoted(spec.name)): path \(TextFolding.quoted(spec.path)) "
                        + "matches no file in the dataset folder",
                    file: DatasetIngestor.sourcesFileName, line: spec.pathMark?.line, column: spec.pathMark?.column)
            }
            for file in matched {
                guard let format = spec.format ?? SourceFormat.fromExtension(of: file) else {
                    throw IngestError(
                        code: "sources-file-missing-key",
                        message: "source \(TextFolding.quoted(spec.name)): cannot tell the format of "
                            + "\(TextFolding.quoted(file)) from its extension; set format:",
                        file: DatasetIngestor.sourcesFileName, line: spec.pathMark?.line,
                        column: spec.pathMark?.column)
                }
                tasks.append(
                    FileTask(
                        sourceIndex: index, spec: spec, relativePath: file, absolutePath: directory + "/" + file,
                        format: format, sourcesFile: DatasetIngestor.sourcesFileName))
            }
        }
        return tasks
    }

    /// Reads every prepared file and hashes those whose scan did not, all concurrently: the largest files are
    /// parsed first and the hashes taken after them, so a core left idle by a small file hashes a large one while
    /// it is parsed. The partials come back in `prepared` order, each with its file's size and SHA-256.
    ///
    /// - Throws: the first failure in job order.
    static func readAndHash(
        _ prepared: [PreparedFile], progress: (@Sendable (IngestProgress) -> Void)?
    ) throws(IngestError) -> [FilePartial] {
        let reads = prepared.indices.sorted { (-prepared[$0].scan.size, $0) < (-prepared[$1].scan.size, $1) }
        let hashes = reads.filter { prepared[$0].scan.sha256 == nil }
        let jobs = reads.map { (index: $0, hash: false) } + hashes.map { (index: $0, hash: true) }
        let outputs = try firstFailure(
            ConcurrentMap.map(jobs) { job throws(IngestError) -> FileJobOutput in
                let file = prepared[job.index]
                if job.hash {
                    let digest = try FileScan.digest(path: file.task.absolutePath, displayPath: file.task.relativePath)
                    return .digest(size: digest.size, sha256: digest.sha256)
                }
                return .partial(try file.read(progress: progress))
            })
        var partials = [FilePartial?](repeating: nil, count: prepared.count)
        for (job, output) in zip(jobs, outputs) {
            switch output {
            case .partial(let partial):
                partials[job.index] = partial
            case .digest(let size, let sha256):
                partials[job.index]?.prepared.scan.size = size
                partials[job.index]?.prepared.scan.sha256 = sha256
            }
        }
        return partials.map { $0! }
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

/// What one concurrent job of ``DatasetIngestor/readAndHash(_:progress:)`` gave.
private enum FileJobOutput: Sendable {
    case partial(FilePartial)
    case digest(size: Int, sha256: String)
}
