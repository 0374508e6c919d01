internal import Foundation
import NoticeWatchModel

/// Writes a run's report folder: `report.md`, the CSV tables, the SVG charts, `records.sqlite` and
/// `manifest.json` (OUTPUTS.md documents every file and column).
///
/// Every output is a function of the input alone: no clock, no locale, no `Dictionary` order, floats through
/// ``FixedDecimal``. Writing the same input twice gives byte-identical files (for `records.sqlite`, with the
/// same SQLite library version).
public enum ReportWriter {
    /// The chart files, relative to the report folder.
    public static let chartPaths = ["charts/volumes.svg", "charts/overturn-rates.svg", "charts/notice-survival.svg"]

    /// Writes every output into `directory`.
    ///
    /// - Parameters:
    ///   - input: the records, figures and provenance of the run.
    ///   - directory: an existing, empty folder.
    ///   - previous: the previous run's report folder, for "Changes since the previous run"; `nil` on a
    ///     first run (the section is then left out, and so is `changes_since_previous.csv`).
    /// - Returns: every file written, `manifest.json` last, the others sorted by path.
    /// - Throws: `ReportError` `output-not-writable` when a file cannot be written, `sqlite-failed` when
    ///   SQLite refuses a statement, `previous-run-unreadable` when `previous` is given and its
    ///   `records.sqlite` or `overturn_rates.csv` cannot be read. Nothing is thrown for empty figures:
    ///   they render as empty tables and "no data" sentences.
    /// - Complexity: O(n log n) in the records, rows and figure rows.
    public static func write(_ input: ReportInput, to directory: String, previous: String?) throws(ReportError)
        -> [OutputFile]
    {
        let changes = try previous.map { folder throws(ReportError) in try RunChanges.compare(input, previous: folder) }
        var outputs: [OutputFile] = []
        for (name, table) in CSVTables.all(input) {
            outputs.append(try writeText(table.render(), to: name, in: directory))
        }
        if let changes {
            outputs.append(try writeText(changes.table().render(), to: "changes_since_previous.csv", in: directory))
        }
        try createFolder(directory + "/charts")
        let charts = [
            SVGCharts.volumes(input.figures), SVGCharts.overturnRates(input.figures),
            SVGCharts.noticeSurvival(input.figures),
        ]
        for (path, chart) in zip(chartPaths, charts) {
            outputs.append(try writeText(chart, to: path, in: directory))
        }
        let databasePath = directory + "/records.sqlite"
        if FileManager.default.fileExists(atPath: databasePath) {
            throw ReportError(
                code: "output-not-writable", message: "the report folder is not empty", path: databasePath)
        }
        try RecordsDatabase.write(input, to: databasePath)
        outputs.append(try describe("records.sqlite", in: directory))
        outputs.append(
            try writeText(MarkdownReport(input: input, changes: changes).render(), to: "report.md", in: directory))
        outputs.sort { $0.path < $1.path }
        let manifest = Manifest.build(input, outputs: outputs).render()
        outputs.append(try writeText(manifest, to: "manifest.json", in: directory))
        return outputs
    }

    /// Writes `text` as UTF-8 to `directory/path` and describes the file.
    static func writeText(_ text: String, to path: String, in directory: String) throws(ReportError) -> OutputFile {
        let bytes = Data(text.utf8)
        let full = directory + "/" + path
        do {
            try bytes.write(to: URL(fileURLWithPath: full), options: .withoutOverwriting)
        } catch {
            throw ReportError(
                code: "output-not-writable", message: "cannot write the file: \(error.localizedDescription)", path: full
            )
        }
        return OutputFile(path: path, size: bytes.count, sha256: SHA256.hexDigest(of: bytes))
    }

    /// Reads a written file back and describes it.
    static func describe(_ path: String, in directory: String) throws(ReportError) -> OutputFile {
        let full = directory + "/" + path
        guard let bytes = FileManager.default.contents(atPath: full) else {
            throw ReportError(code: "output-not-writable", message: "cannot read the file back", path: full)
        }
        return OutputFile(path: path, size: bytes.count, sha256: SHA256.hexDigest(of: bytes))
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
