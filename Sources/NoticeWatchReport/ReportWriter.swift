internal import Dispatch
internal import Foundation
public import NoticeWatchModel
internal import Synchronization

/// Writes a run's report folder: `report.md`, the CSV tables, the SVG charts, `records.sqlite` (unless
/// ``ReportInput/recordsDatabase`` is off) and `manifest.json` (OUTPUTS.md documents every file and column).
///
/// Every output is a function of the input alone: no clock, no locale, no `Dictionary` order, floats through
/// ``FixedDecimal``. Writing the same input twice gives byte-identical files (for `records.sqlite`, with the
/// same SQLite library version).
public enum ReportWriter {
    /// The chart files, relative to the report folder.
    public static let chartPaths = [
        "charts/volumes.svg", "charts/overturn-rates.svg", "charts/notice-survival.svg", "charts/review-delays.svg",
    ]

    /// Starts writing `records.sqlite` into `directory` on another thread, before the figures exist: the
    /// records, the accounts and the run table need only ingest's result, the provenance and the as-of date.
    /// Pass the result to ``write(_:to:previous:database:)``, which waits for it; on a failure before that,
    /// call ``RecordsDatabaseWrite/finish()`` before removing the folder.
    public static func startRecordsDatabase(
        _ ingest: IngestResult, provenance: RunProvenance, asOf: CivilDate, asOfOrigin: String, in directory: String
    ) -> RecordsDatabaseWrite {
        RecordsDatabaseWrite(
            BackgroundWork { () throws(ReportError) -> OutputFile in
                try RecordsDatabase.write(
                    ingest, provenance: provenance, asOf: asOf, asOfOrigin: asOfOrigin,
                    to: directory + "/records.sqlite")
                return try describe("records.sqlite", in: directory)
            })
    }

    /// Writes every output into `directory`.
    ///
    /// - Parameters:
    ///   - input: the records, figures and provenance of the run.
    ///   - directory: an existing, empty folder.
    ///   - previous: the previous run's report folder, for "Changes since the previous run"; `nil` on a
    ///     first run (the section is then left out, and so is `changes_since_previous.csv`).
    ///   - database: `records.sqlite` already being written into `directory` by
    ///     ``startRecordsDatabase(_:provenance:asOf:asOfOrigin:in:)``; `nil` to write it here (when
    ///     ``ReportInput/recordsDatabase`` is on). A database started by the caller is left in place when
    ///     another output fails, so that a second call can use it.
    /// - Returns: every file written, `manifest.json` last, the others sorted by path.
    /// - Throws: `ReportError` `output-not-writable` when a file cannot be written, `sqlite-failed` when
    ///   SQLite refuses a statement, `previous-run-unreadable` when `previous` is given and its
    ///   `records.sqlite` or `overturn_rates.csv` cannot be read. Nothing is thrown for empty figures:
    ///   they render as empty tables and "no data" sentences.
    /// - Complexity: O(n log n) in the records, rows and figure rows. `records.sqlite` is written on another
    ///   thread while the other files are written on the caller's.
    public static func write(
        _ input: ReportInput, to directory: String, previous: String?, database started: RecordsDatabaseWrite? = nil
    ) throws(ReportError) -> [OutputFile] {
        // A folder that already has a database is refused once the other files have been tried, as when
        // they are written one after the other.
        let databasePath = directory + "/records.sqlite"
        let database =
            !input.recordsDatabase || (started == nil && FileManager.default.fileExists(atPath: databasePath))
            ? nil
            : started?.work
                ?? BackgroundWork { () throws(ReportError) -> OutputFile in
                    try RecordsDatabase.write(input, to: databasePath)
                    return try describe("records.sqlite", in: directory)
                }
        /// Waits for the database and removes it, when another output failed: the folder is left as it was
        /// found apart from the files written before the failure, as when the files are written one after the
        /// other (and a report refused for its changes section can be written again without it).
        func abandonDatabase() {
            guard let database, started == nil else { return }
            database.finish()
            try? FileManager.default.removeItem(atPath: databasePath)
        }
        let changes: RunChanges?
        var outputs: [OutputFile]
        do {
            changes = try previous.map { folder throws(ReportError) in try RunChanges.compare(input, previous: folder) }
            // Without a database to write, the second core builds tables too.
            outputs = try writeTextOutputs(input, changes: changes, to: directory, threads: database == nil ? 2 : 1)
        } catch {
            abandonDatabase()
            throw error
        }
        if let database {
            outputs.append(try database.value())
        } else if input.recordsDatabase {
            throw ReportError(
                code: "output-not-writable", message: "the report folder is not empty", path: databasePath)
        }
        outputs.append(
            try writeText(MarkdownReport(input: input, changes: changes).render(), to: "report.md", in: directory))
        outputs.sort { $0.path < $1.path }
        let manifest = Manifest.build(input, outputs: outputs).render()
        outputs.append(try writeText(manifest, to: "manifest.json", in: directory))
        return outputs
    }

    /// Writes the CSV tables and the charts, on `threads` threads.
    private static func writeTextOutputs(
        _ input: ReportInput, changes: RunChanges?, to directory: String, threads: Int
    ) throws(ReportError) -> [OutputFile] {
        var files: [(path: String, render: @Sendable () -> [UInt8])] = CSVTables.builders(input).map { name, make in
            (name, { make().renderedBytes })
        }
        if let changes {
            let bytes = changes.table().renderedBytes
            files.append(("changes_since_previous.csv", { bytes }))
        }
        var outputs = try write(files, in: directory, threads: threads)
        try createFolder(directory + "/charts")
        let figures = input.figures
        let charts: [@Sendable () -> String] = [
            { SVGCharts.volumes(figures) }, { SVGCharts.overturnRates(figures) }, { SVGCharts.noticeSurvival(figures) },
            { SVGCharts.reviewDelays(figures) },
        ]
        outputs += try write(
            zip(chartPaths, charts).map { path, chart in (path, { Array(chart().utf8) }) }, in: directory,
            threads: threads)
        return outputs
    }

    /// Renders and writes `files` into `directory` on `threads` threads, each taking the next file in order.
    ///
    /// - Returns: the files written, in the order of `files`.
    /// - Throws: the error of the first file (in the order of `files`) that could not be written; on one thread
    ///   the files after it are not tried.
    static func write(
        _ files: [(path: String, render: @Sendable () -> [UInt8])], in directory: String, threads: Int
    ) throws(ReportError) -> [OutputFile] {
        guard threads > 1 else {
            var outputs: [OutputFile] = []
            for file in files { outputs.append(try write(Data(file.render()), to: file.path, in: directory)) }
            return outputs
        }
        let next = Mutex(0)
        let results = Mutex([Result<OutputFile, ReportError>?](repeating: nil, count: files.count))
        DispatchQueue.concurrentPerform(iterations: threads) { _ in
            while true {
                let index = next.withLock { index in
                    defer { index += 1 }
                    return index
                }
                guard index < files.count else { return }
                let file = files[index]
                let result = Result { () throws(ReportError) -> OutputFile in
                    try write(Data(file.render()), to: file.path, in: directory)
                }
                results.withLock { $0[index] = result }
            }
        }
        var outputs: [OutputFile] = []
        for result in results.withLock({ $0 }) {
            guard let result else { preconditionFailure("a file was not taken by any thread") }
            outputs.append(try result.get())
        }
        return outputs
    }

    /// Writes `text` as UTF-8 to `directory/path` and describes the file.
    static func writeText(_ text: String, to path: String, in directory: String) throws(ReportError) -> OutputFile {
        try write(Data(text.utf8), to: path, in: directory)
    }

    /// Writes `bytes` to `directory/path` and describes the file.
    static func write(_ bytes: Data, to path: String, in directory: String) throws(ReportError) -> OutputFile {
        let full = directory + "/" + path
        do {
            try bytes.write(to: URL(fileURLWithPath: full), options: .withoutOverwriting)
        } catch {
            throw ReportError(
                code: "output-not-writable", message: "cannot write the file: \(error.localizedDescription)", path: full
            )
        }
        var hasher = SHA256()
        bytes.withUnsafeBytes { hasher.update($0) }
        return OutputFile(path: path, size: bytes.count, sha256: hasher.hexDigest())
    }

    /// Reads a written file back, a chunk at a time, and describes it.
    ///
    /// - Complexity: O(n) in the file's size, in constant memory.
    static func describe(_ path: String, in directory: String) throws(ReportError) -> OutputFile {
        let full = directory + "/" + path
        guard let handle = FileHandle(forReadingAtPath: full) else {
            throw ReportError(code: "output-not-writable", message: "cannot read the file back", path: full)
        }
        defer { try? handle.close() }
        var hasher = SHA256()
        var size = 0
        while true {
            let chunk: Data
            do {
                chunk = try handle.read(upToCount: 1 << 20) ?? Data()
            } catch {
                throw ReportError(
                    code: "output-not-writable", message: "cannot read the file back: \(error.localizedDescription)",
                    path: full)
            }
            if chunk.isEmpty { break }
            size += chunk.count
            chunk.withUnsafeBytes { hasher.update($0) }
        }
        return OutputFile(path: path, size: size, sha256: hasher.hexDigest())
    }

    private static func createFolder(_ path: String) throws(ReportError) {
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
        } catch {
            throw ReportError(
                code: "output-not-writable", message: "cannot create the folder: \(error.localizedDescription)",
                path: path)
        }
    }
}

/// `records.sqlite` being written on another thread (see ``ReportWriter/startRecordsDatabase(_:provenance:asOf:asOfOrigin:in:)``).
public final class RecordsDatabaseWrite: Sendable {
    let work: BackgroundWork<OutputFile>

    init(_ work: BackgroundWork<OutputFile>) {
        self.work = work
    }

    /// Waits until the database is written or has failed, ignoring which (before the folder is removed).
    public func finish() {
        work.finish()
    }
}
