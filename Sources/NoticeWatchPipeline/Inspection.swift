import Foundation
import NoticeWatchIngest
public import NoticeWatchModel

/// `noticewatch inspect` and `noticewatch init`: how a run would read a dataset folder, and the sources file
/// that writes down what it infers.
public enum Inspection {
    /// What `inspect` prints, and the status it exits with.
    public struct Output: Sendable {
        /// The text (or JSON) for standard output, ending in a line break.
        public var text: String
        /// 0 when a run would read every file and stop on none, else ``ExitStatus/notEverythingRead``.
        public var exitStatus: ExitStatus
        /// Whether a run would read every file and stop on none.
        public var readsEverything: Bool
    }

    /// Inspects `directory` (or the files `only` names): from the first part of each file, or whole files.
    ///
    /// - Parameter json: print the inspection as JSON (sorted keys; see Datasets/README.md) instead of text.
    /// - Throws: what stops a run before its files are read: `dataset-not-found`, the sources file's errors,
    ///   `path-not-found` (also for a path of `only` that names no file).
    public static func inspect(
        directory: String, only: [String] = [], full: Bool = false, json: Bool = false
    ) throws(PipelineError) -> Output {
        let inspection = try DatasetInspector(directory: directory).inspect(
            only: only.map { relative($0, to: directory) }, full: full)
        let text = json ? Inspection.json(inspection) : InspectionText.text(inspection)
        return Output(
            text: text, exitStatus: inspection.readsEverything ? .success : .notEverythingRead,
            readsEverything: inspection.readsEverything)
    }

    /// Writes `directory/sources.yml` from what a run without one infers, reading whole files; returns the lines
    /// to print (what was written, and what is not in it).
    ///
    /// - Throws: `init-would-overwrite` when the folder has a sources.yml and `force` is `false`;
    ///   `output-not-writable`; the inspection's errors.
    public static func initialize(directory: String, force: Bool) throws(PipelineError) -> String {
        let written = try SourcesFileInit.run(directory: directory, force: force)
        let sources = written.inspection.files.count
        var text = "wrote \(written.path): \(sources) source\(sources == 1 ? "" : "s")"
        let empty = written.inspection.files.filter { file in !file.fields.contains { $0.field == "id" } }.count
        if empty > 0 { text += " (\(empty) with no record, given a placeholder id)" }
        let notRead = written.inspection.notRead.count
        if notRead > 0 { text += "; \(notRead) not read by a run (listed in it)" }
        text += "\n"
        // What would stop a run is left as a run finds it (an ambiguous date column has no format to write).
        for file in written.inspection.files {
            for stop in file.stops { text += "a run would stop on \(file.path): \(stop)\n" }
        }
        return text
    }

    /// The inspection as JSON: sorted keys, two-space indents, `/` unescaped, a final line break.
    static func json(_ inspection: DatasetInspection) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(inspection) else { return "{}\n" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// A path given on the command line as the dataset folder sees it: relative to the folder, also when given
    /// with the folder in front (`Datasets/x/a.csv` for `Datasets/x`).
    static func relative(_ path: String, to directory: String) -> String {
        let folder = directory.hasSuffix("/") ? directory : directory + "/"
        if path.hasPrefix(folder) { return String(path.dropFirst(folder.count)) }
        if path.hasPrefix("./") { return String(path.dropFirst(2)) }
        return path
    }
}
