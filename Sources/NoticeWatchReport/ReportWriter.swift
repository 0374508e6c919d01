internal import Dispatch
internal import Foundation
public import NoticeWatchModel
internal import Synchronization

/// Writes a run's report folder: `report.md`, `report.html`, `figures.json`, the CSV tables, the SVG charts,
/// `records.sqlite` with its `metadata.json` (unless ``ReportInput/recordsDatabase`` is off) and
/// `manifest.json` (OUTPUTS.md documents every file and column).
///
/// Every output is a function of the input alone: no clock, no locale, no `Dictionary` order, floats through
/// ``FixedDecimal``. Writing the same input twice gives byte-identical files (for `records.sqlite`, with the
/// same SQLite library version).
public enum ReportWriter {
    /// The chart files, relative to the report folder.
    public static let chartPaths = SVGCharts.all.map(\.path)

    /// Starts writing `records.sqlite` into `directory` on another thread, before the figures exist: the
    /// records, the accounts and the run table need only ingest's result, the provenance and the as-of date.
    /// Pass the result to ``write(_:to:previous:database:)``, which waits for it; on a failure before that,
    /// call ``RecordsDatabaseWrite/finish()`` before removing the folder.
    public static func startRecordsDatabase(
        _ ingest: IngestResult, provenance: RunProvenance, asOf: CivilDate, asOfOrigin: String, in directory: String
    ) -> RecordsDatabaseWrite {
        RecordsDatabaseWrite(
            BackgroundWork { () throws(ReportError) in
                try RecordsDatabase.write(
                    ingest, provenance: provenance, asOf: asOf, asOfOrigin: asOfOrigin,
                    to: directory + "/records.sqlite")
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
    ///   SQLite refuses a statement, `png-conversion-failed` when ``ReportInput/pngConverter`` fails, `previous-run-unreadable` when `previous` is given and its
    ///   `records.sqlite` or `overturn_rates.csv` cannot be read. Nothing is thrown for empty figures:
    ///   they render as empty tables and "no data" sentences.
    /// - Complexity: O(n log n) in the records, rows and figure rows. `records.sqlite` is written on another
    ///   thread while the other files are written on the caller's; its figure tables and `metadata.json` are
    ///   added once it is done.
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
                ?? BackgroundWork { () throws(ReportError) in try RecordsDatabase.write(input, to: databasePath) }
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
            outputs += try writeDocuments(input, changes: changes, to: directory)
        } catch {
            abandonDatabase()
            throw error
        }
        if let database {
            // The figure tables are added once the figures' tables are built, to the records written meanwhile.
            try database.value()
            try RecordsDatabase.appendFigureTables(input, to: databasePath)
            outputs.append(try describe("records.sqlite", in: directory))
            let metadata = try DatasetteMetadata.build(input, database: databasePath)
            outputs.append(try writeText(metadata.render(), to: "metadata.json", in: directory))
        } else if input.recordsDatabase {
            throw ReportError(
                code: .outputNotWritable, message: "the report folder is not empty", path: databasePath)
        }
        outputs.sort { $0.path < $1.path }
        let manifest = Manifest.build(input, outputs: outputs).render()
        outputs.append(try writeText(manifest, to: "manifest.json", in: directory))
        return outputs
    }

    /// Writes `report.md`, `report.html` (built from the Markdown's text, with the charts inlined) and
    /// `figures.json`.
    private static func writeDocuments(
        _ input: ReportInput, changes: RunChanges?, to directory: String
    ) throws(ReportError) -> [OutputFile] {
        let markdown = MarkdownReport(input: input, changes: changes).render()
        let charts = Dictionary(
            charts(input).map { ($0.path, $0.render()) }, uniquingKeysWith: { first, _ in first })
        let page = HTMLReport(
            markdown: markdown, charts: charts,
            title: "NoticeWatch report, figures as of \(input.figures.options.asOf)",
            definitions: Set(input.figures.definitions.map(\.id)))
        return [
            try writeText(markdown, to: "report.md", in: directory),
            try writeText(page.render(), to: "report.html", in: directory),
            try writeText(FiguresDocument.build(input).render(lineDepth: 2), to: "figures.json", in: directory),
        ]
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
        outputs += try write(
            charts(input).map { chart in (chart.path, { Array(chart.render().utf8) }) }, in: directory,
            threads: threads)
        if let converter = input.pngConverter {
            for path in chartPaths {
                let png = String(path.dropLast(".svg".count)) + ".png"
                try converter.convert(svg: directory + "/" + path, to: directory + "/" + png)
                outputs.append(try describe(png, in: directory))
            }
        }
        return outputs
    }

    /// Every chart with its path, in the order of ``chartPaths``: written as files and inlined in `report.html`.
    static func charts(_ input: ReportInput) -> [(path: String, render: @Sendable () -> String)] {
        SVGCharts.all.map { chart in (chart.path, { chart.draw(input) }) }
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
                code: .outputNotWritable, message: "cannot write the file: \(error.localizedDescription)", path: full
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
            throw ReportError(code: .outputNotWritable, message: "cannot read the file back", path: full)
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
                    code: .outputNotWritable, message: "cannot read the file back: \(error.localizedDescription)",
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
                code: .outputNotWritable, message: "cannot create the folder: \(error.localizedDescription)",
                path: path)
        }
    }
}

/// `records.sqlite` being written on another thread (see ``ReportWriter/startRecordsDatabase(_:provenance:asOf:asOfOrigin:in:)``).
public final class RecordsDatabaseWrite: Sendable {
    let work: BackgroundWork<Void>

    init(_ work: BackgroundWork<Void>) {
        self.work = work
    }

    /// Waits until the database is written or has failed, ignoring which (before the folder is removed).
    public func finish() {
        work.finish()
    }
}
