internal import Foundation
internal import NoticeWatchModel

#if canImport(Glibc)
    internal import Glibc
#endif

/// What may be at the report folder's path: NoticeWatch replaces only what it wrote.
///
/// Checked before any ingest work. A report folder that is the dataset folder, inside it, above it, or above what
/// a link in the dataset folder points to outside it (not read, but not NoticeWatch's to replace) is always
/// refused. Otherwise the path
/// may be absent, an empty folder, a folder whose `manifest.json` says it is a NoticeWatch report (without
/// `--keep`), or a folder of NoticeWatch runs (with `--keep`); `force` also allows any other folder, never a file.
enum ReportFolder {
    /// The names a `--keep` folder holds besides its hidden lock and link being replaced.
    static let keepNames: Set<String> = ["latest", "runs"]
    /// The lock file inside a `--keep` folder.
    static let keepLockName = ".noticewatch.lock"

    /// Refuses a report folder that is not NoticeWatch's, with ``ExitStatus/reportFolderRefused``.
    static func check(target: String, dataset: String, keep: Int?, force: Bool) throws(PipelineError) {
        let resolvedTarget = ResolvedPath(target)
        let resolvedDataset = ResolvedPath(dataset)
        if resolvedTarget.contains(resolvedDataset) || resolvedDataset.contains(resolvedTarget) {
            let relation =
                resolvedTarget == resolvedDataset
                ? "is the dataset folder" : resolvedTarget.contains(resolvedDataset) ? "is above" : "is inside"
            throw overlap(
                "the report folder \(target) (\(resolvedTarget.path)) \(relation)"
                    + (resolvedTarget == resolvedDataset ? "" : " the dataset folder \(resolvedDataset.path)"))
        }
        if let linked = linkedFromOutside(dataset, resolvedDataset).first(where: resolvedTarget.contains) {
            throw overlap(
                "the report folder \(target) (\(resolvedTarget.path)) is above \(linked.path), which the dataset "
                    + "folder links to")
        }
        var status = stat()
        guard stat(target, &status) == 0 else { return }  // absent (or a link to nothing, replaced by the report)
        guard status.st_mode & S_IFMT == S_IFDIR else {
            throw notOurs("\(target) is a file, not a folder; NoticeWatch writes a report only in a folder")
        }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: target)) ?? []
        if names.isEmpty || force { return }
        if keep != nil {
            if isKeepFolder(target, names: names) { return }
            let hint = isReport(target) ? " (it is a report written without --keep)" : ""
            throw notOurs("\(target) is not a folder of NoticeWatch runs\(hint)")
        }
        if isReport(target) { return }
        let hint = isKeepFolder(target, names: names) ? " (it is a folder of runs written with --keep)" : ""
        throw notOurs("\(target) holds files and is not a NoticeWatch report\(hint)")
    }

    /// Whether `folder` holds a `manifest.json` written by NoticeWatch.
    static func isReport(_ folder: String) -> Bool {
        guard let data = FileManager.default.contents(atPath: folder + "/manifest.json"),
            let manifest = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any],
            let tool = manifest["tool"] as? [String: Any]
        else { return false }
        return tool["name"] as? String == "noticewatch"
    }

    /// Whether `folder` holds only what `--keep` writes: `runs/` (a folder), `latest` (a link), its lock and
    /// the link being replaced (`.latest-PID`).
    static func isKeepFolder(_ folder: String, names: [String]) -> Bool {
        names.allSatisfy { name in
            switch name {
            case "runs": return kind(folder + "/runs") == S_IFDIR
            case "latest": return kind(folder + "/latest") == S_IFLNK
            case keepLockName: return kind(folder + "/" + name) == S_IFREG
            default: return name.hasPrefix(".latest-") && kind(folder + "/" + name) == S_IFLNK
            }
        }
    }

    /// Whether `name` is named like a run folder of `--keep`: an as-of date, `YYYY-MM-DD`.
    static func isRunName(_ name: String) -> Bool {
        let bytes = Array(name.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return false }
        return bytes.enumerated().allSatisfy { index, byte in
            index == 4 || index == 7 || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
        }
    }

    /// The file type bits of `path` itself (a link is not followed), or `nil` when there is nothing.
    static func kind(_ path: String) -> mode_t? {
        var status = stat()
        guard lstat(path, &status) == 0 else { return nil }
        return status.st_mode & S_IFMT
    }

    /// The resolved targets of the links in the dataset folder that point outside it (files or folders), sorted:
    /// the ingest does not read them, but a report folder must not replace them either. The walk stays inside
    /// the dataset folder (a link out is not followed, a folder is walked once), so a link to `/` or a cycle costs
    /// nothing.
    private static func linkedFromOutside(_ dataset: String, _ root: ResolvedPath) -> [ResolvedPath] {
        var targets: [ResolvedPath] = []
        var visited: Set<String> = []
        walk(dataset, root: root, targets: &targets, visited: &visited)
        return targets.sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
    }

    private static func walk(
        _ folder: String, root: ResolvedPath, targets: inout [ResolvedPath], visited: inout Set<String>
    ) {
        guard visited.insert(ResolvedPath(folder).path).inserted,
            let names = try? FileManager.default.contentsOfDirectory(atPath: folder)
        else { return }
        for name in names.sorted() where !name.hasPrefix(".") {
            let path = folder + "/" + name
            let isLink = kind(path) == S_IFLNK
            if isLink {
                let resolved = ResolvedPath(path)
                if !root.contains(resolved) {
                    targets.append(resolved)
                    continue
                }
            }
            var status = stat()
            guard stat(path, &status) == 0, status.st_mode & S_IFMT == S_IFDIR else { continue }
            walk(path, root: root, targets: &targets, visited: &visited)
        }
    }

    private static func overlap(_ message: String) -> PipelineError {
        PipelineError(
            code: .reportFolderOverlapsDataset,
            message: message
                + "; a report folder must be outside the dataset folder and its inputs (even with --force)")
    }

    private static func notOurs(_ message: String) -> PipelineError {
        PipelineError(
            code: .reportFolderNotOurs,
            message: message + "; nothing was changed. Choose an absent or empty folder, or a NoticeWatch report "
                + "folder (--force replaces another folder, never a file or the dataset)")
    }
}
