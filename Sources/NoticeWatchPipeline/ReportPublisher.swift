internal import Foundation
internal import NoticeWatchModel

#if canImport(Glibc)
    internal import Glibc
#endif

/// Puts a finished report in place so that a run killed at any moment leaves the previous report whole, and
/// keeps two runs from writing the same report folder at once.
///
/// The report is written into a staging folder beside the target (`.NAME.staging-PID`), then swapped in with one
/// `renameat2(RENAME_EXCHANGE)` (or a rename when nothing is there yet), and the old report is removed after the
/// swap. The lock is a file held with `flock` for the whole run (the kernel releases it when the process dies, so
/// a killed run never leaves a stale lock; the file holds the holder's pid). With `keep` it is inside the target
/// (`.noticewatch.lock`); without, the target itself is swapped, so it is beside it (`.NAME.lock`) and removed when
/// the run ends.
///
/// With `keep`, the target folder holds dated run folders (`runs/2025-06-30`, one per as-of date, a rerun for the
/// same date replaces its folder), the newest `keep` of them, and a `latest` symbolic link to the run just written.
/// Only folders named like a run that hold a NoticeWatch manifest are ever replaced or pruned.
struct ReportPublisher {
    let target: String
    let keep: Int?

    /// What ``publish(staging:runName:)`` did.
    struct Publication: Equatable {
        /// Where the report now is: the target, or its `latest` link with `keep`.
        var path: String
        /// Names in `runs/` that are not NoticeWatch runs, left alone (sorted).
        var strayNames: [String] = []
    }

    /// The lock file's path.
    var lockPath: String { keep == nil ? sibling(".lock") : target + "/" + ReportFolder.keepLockName }

    /// Takes the lock or fails at once with ``ExitStatus/locked``, naming the holder's pid.
    ///
    /// - Returns: the open descriptor; the lock lasts until it is closed or the process ends.
    func acquireLock() throws(PipelineError) -> Int32 {
        let parent = (target as NSString).deletingLastPathComponent
        try createDirectory(keep == nil ? (parent.isEmpty ? "." : parent) : target)
        // A lock file removed by the run ending just as this one opened it locks nothing: open it again.
        for _ in 0..<8 {
            let fd = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
            guard fd >= 0 else {
                throw PipelineError(
                    code: .reportUnwritable, message: "cannot create the lock file \(lockPath): \(errnoText())")
            }
            if flock(fd, LOCK_EX | LOCK_NB) != 0 {
                var buffer = [UInt8](repeating: 0, count: 32)
                let count = read(fd, &buffer, buffer.count)
                close(fd)
                let holder = String(decoding: buffer.prefix(max(0, count)), as: UTF8.self)
                    .trimmingCharacters(in: .whitespacesAndNewlines)
                throw PipelineError(
                    code: .reportLocked,
                    message: "another noticewatch run (pid \(holder.isEmpty ? "unknown" : holder)) is writing "
                        + "\(target); the lock file is \(lockPath). Try again when it has finished.")
            }
            var held = stat()
            var named = stat()
            guard fstat(fd, &held) == 0, stat(lockPath, &named) == 0, held.st_ino == named.st_ino,
                held.st_dev == named.st_dev
            else {
                close(fd)
                continue
            }
            _ = ftruncate(fd, 0)
            let pid = Array("\(getpid())\n".utf8)
            _ = pid.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) }
            return fd
        }
        throw PipelineError(
            code: .reportLocked, message: "the lock file \(lockPath) keeps being removed by other runs; try again")
    }

    /// Releases the lock taken by ``acquireLock()``; the lock file beside the target is removed first, while
    /// still held, so no other run can be holding it.
    func releaseLock(_ fd: Int32) {
        if keep == nil { unlink(lockPath) }
        _ = flock(fd, LOCK_UN)
        close(fd)
    }

    /// A new empty staging folder beside the target.
    ///
    /// Called with the lock held, so any staging or old folder left beside the target is from a run that was
    /// killed before it could clean up: those are removed first.
    func makeStaging() throws(PipelineError) -> String {
        removeLeftovers()
        let staging = sibling(".staging-\(getpid())")
        try createDirectory(staging)
        return staging
    }

    /// Removes `.NAME.staging-*` and `.NAME.old-*` folders beside the target.
    private func removeLeftovers() {
        let url = URL(fileURLWithPath: target).standardizedFileURL
        let parent = url.deletingLastPathComponent().path
        let prefixes = ["." + url.lastPathComponent + ".staging-", "." + url.lastPathComponent + ".old-"]
        let names = (try? FileManager.default.contentsOfDirectory(atPath: parent)) ?? []
        for name in names.sorted() where prefixes.contains(where: name.hasPrefix) {
            try? FileManager.default.removeItem(atPath: parent + "/" + name)
        }
    }

    /// The folder holding the report that is in place now, if any: the previous run, for "changes since".
    var currentReport: String? {
        let path = keep == nil ? target : target + "/latest"
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path + "/report.md", isDirectory: &isDirectory) else {
            return nil
        }
        return path
    }

    /// Moves the finished staging folder into place.
    ///
    /// - Throws: `report-folder-not-ours` when, with `keep`, the run's folder exists and is not a NoticeWatch run.
    func publish(staging: String, runName: String) throws(PipelineError) -> Publication {
        guard let keep else {
            try swap(staging, into: target)
            return Publication(path: target)
        }
        try createDirectory(target + "/runs")
        let runFolder = target + "/runs/" + runName
        if ReportFolder.kind(runFolder) != nil && !isRun(runFolder) {
            throw PipelineError(
                code: .reportFolderNotOurs,
                message: "\(runFolder) is named like a run but is not a NoticeWatch report; nothing was changed. "
                    + "Move it away, or choose another report folder")
        }
        try swap(staging, into: runFolder)
        let strays = prune(keeping: keep, current: runName, runsFolder: target + "/runs")
        let link = target + "/latest"
        let temporaryLink = target + "/.latest-\(getpid())"
        unlink(temporaryLink)
        guard symlink("runs/" + runName, temporaryLink) == 0, rename(temporaryLink, link) == 0 else {
            throw PipelineError(
                code: .reportUnwritable, message: "cannot update the link \(link): \(errnoText())")
        }
        return Publication(path: link, strayNames: strays)
    }

    /// Removes a staging folder left by a failed run.
    func discard(staging: String) {
        try? FileManager.default.removeItem(atPath: staging)
    }

    private func swap(_ staging: String, into destination: String) throws(PipelineError) {
        if FileManager.default.fileExists(atPath: destination) {
            if Self.exchange(staging, destination) {
                try? FileManager.default.removeItem(atPath: staging)  // now holds the previous report
                return
            }
            let old = sibling(".old-\(getpid())")
            guard rename(destination, old) == 0 else { throw unwritable(destination) }
            guard rename(staging, destination) == 0 else {
                _ = rename(old, destination)
                throw unwritable(destination)
            }
            try? FileManager.default.removeItem(atPath: old)
        } else if rename(staging, destination) != 0 {
            throw unwritable(destination)
        }
    }

    /// `renameat2(AT_FDCWD, a, AT_FDCWD, b, RENAME_EXCHANGE)`: swaps two paths in one step (Linux 3.15+, glibc
    /// 2.28+). Glibc declares it only under `_GNU_SOURCE`, so it is looked up at run time; `false` when it is
    /// missing or the file system refuses, and the caller falls back to two renames.
    private static func exchange(_ first: String, _ second: String) -> Bool {
        typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2") else { return false }
        let renameat2 = unsafeBitCast(symbol, to: RenameAt2.self)
        let renameExchange: UInt32 = 1 << 1
        return renameat2(AT_FDCWD, first, AT_FDCWD, second, renameExchange) == 0
    }

    /// Removes the oldest runs beyond `count`, never the one just written (a rerun of an earlier date is kept
    /// whatever its date), and only folders named like a run that hold a NoticeWatch manifest.
    ///
    /// - Returns: the other visible names in `runs/`, left alone.
    private func prune(keeping count: Int, current: String, runsFolder: String) -> [String] {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: runsFolder)) ?? [])
            .filter { !$0.hasPrefix(".") && $0 != current }
            .sorted()
        let runs = names.filter { isRun(runsFolder + "/" + $0) }
        for name in runs.dropLast(max(count - 1, 0)) {
            try? FileManager.default.removeItem(atPath: runsFolder + "/" + name)
        }
        return names.filter { !runs.contains($0) }
    }

    /// Whether `folder` is a run of `keep`: named like one, a folder (not a link), with a NoticeWatch manifest.
    private func isRun(_ folder: String) -> Bool {
        ReportFolder.isRunName((folder as NSString).lastPathComponent) && ReportFolder.kind(folder) == S_IFDIR
            && ReportFolder.isReport(folder)
    }

    private func createDirectory(_ path: String) throws(PipelineError) {
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw PipelineError(
                code: .reportUnwritable, message: "cannot create the folder \(path): \(error.localizedDescription)")
        }
    }

    private func unwritable(_ path: String) -> PipelineError {
        PipelineError(
            code: .reportUnwritable, message: "cannot put the report in place at \(path): \(errnoText())")
    }

    /// `.NAME<suffix>` in the target's parent folder.
    private func sibling(_ suffix: String) -> String {
        let url = URL(fileURLWithPath: target).standardizedFileURL
        return url.deletingLastPathComponent().appendingPathComponent("." + url.lastPathComponent + suffix).path
    }

    private func errnoText() -> String { String(cString: strerror(errno)) }
}
