public import NoticeWatchModel

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The files of a dataset folder as the ingest may read them: each real file once, by its path relative to the
/// folder with links resolved, and every entry it will not read with the reason.
///
/// Links are followed only while they stay inside the dataset folder: a link to a file or folder elsewhere
/// (`/proc/self/environ`, `../other`) is not followed. A link to a folder already walked (`a -> .`) is not
/// walked again, so a cycle ends and a file reached along several paths is read once, under its resolved path.
/// FIFOs, sockets, devices and kernel files (`/proc`, `/sys`) are never opened: reading them can block or
/// return what is not data. Hidden names (starting with `.`) are left out, as before.
struct DatasetListing: Sendable {
    /// The regular files, relative to the dataset folder with links resolved, sorted by their UTF-8 bytes.
    private(set) var files: [String] = []
    /// Paths as the folder shows them (through links inside it) that resolve to another listed path, to it.
    private(set) var aliases: [String: String] = [:]
    /// What was seen and not read, with why, sorted by path.
    private(set) var notRead: [NotReadFile] = []
    /// The paths in ``notRead`` that are folders (or the dataset folder, `.`): whatever they hold was not read.
    private(set) var foldersNotRead: Set<String> = []

    /// Lists `directory`, which must exist and be a readable folder.
    ///
    /// - Complexity: O(n log n) in the number of entries; each folder is walked at most once.
    init(directory: String) throws(IngestError) {
        var status = stat()
        guard stat(directory, &status) == 0, status.st_mode & S_IFMT == S_IFDIR, access(directory, R_OK | X_OK) == 0,
            let root = DatasetListing.realPath(directory)
        else {
            throw IngestError(
                code: .datasetNotFound,
                message: "the dataset folder does not exist, is not a folder or cannot be read",
                file: directory)
        }
        var walk = Walk(root: root)
        walk.folder(root, shown: "")
        var seen: Set<String> = []
        files = walk.files.map(\.resolved).filter { seen.insert($0).inserted }
            .sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        for file in walk.files where file.shown != file.resolved { aliases[file.shown] = file.resolved }
        notRead = walk.notRead.map(\.file).sorted()
        foldersNotRead = Set(walk.notRead.filter(\.folder).map(\.file.path))
    }

    /// The listed files a sources-file path or glob names: matched against the resolved paths and the paths
    /// through links, each real file once, sorted.
    func matching(_ pattern: String) -> [String] {
        var matched = Set(files.filter { DatasetFiles.matches(pattern: pattern, path: $0) })
        for (shown, resolved) in aliases where DatasetFiles.matches(pattern: pattern, path: shown) {
            matched.insert(resolved)
        }
        return matched.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    /// The entries not read that `pattern` names.
    func notRead(matching pattern: String) -> [NotReadFile] {
        notRead.filter { DatasetFiles.matches(pattern: pattern, path: $0.path) }
    }

    /// `realpath(3)`, or `nil` when the path does not resolve.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// One walk of the folder tree.
    private struct Walk {
        let root: String
        var files: [(shown: String, resolved: String)] = []
        var notRead: [(file: NotReadFile, folder: Bool)] = []
        /// The resolved folders walked, so that no folder is walked twice.
        var visited: Set<String> = []

        init(root: String) { self.root = root }

        /// `real` relative to the root, or `nil` when it is outside it.
        func relative(_ real: String) -> String? {
            if real == root { return "" }
            let base = root == "/" ? "/" : root + "/"
            return real.hasPrefix(base) ? String(real.dropFirst(base.count)) : nil
        }

        /// Walks the folder whose resolved path is `real`, shown as `shown` (empty or ending with `/`).
        mutating func folder(_ real: String, shown: String) {
            guard visited.insert(real).inserted else { return }
            let path = shown.isEmpty ? "." : String(shown.dropLast())
            if let kernel = DatasetListing.kernelFileSystem(real) {
                notRead.append((NotReadFile(path: path, reason: kernel), true))
                return
            }
            guard let names = DatasetFiles.names(in: real) else {
                notRead.append((NotReadFile(path: path, reason: "the folder cannot be listed"), true))
                return
            }
            for name in names.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) where !name.hasPrefix(".") {
                entry(real == "/" ? "/" + name : real + "/" + name, shown: shown + name)
            }
        }

        /// One entry at `path` (its folder resolved, the name itself not), shown as `shown`.
        private mutating func entry(_ path: String, shown: String) {
            var status = stat()
            guard lstat(path, &status) == 0 else { return }  // removed while the folder was listed
            var real = path
            if status.st_mode & S_IFMT == S_IFLNK {
                guard let target = DatasetListing.realPath(path), stat(target, &status) == 0 else {
                    refuse(shown, "a link to nothing")
                    return
                }
                guard relative(target) != nil else {
                    refuse(
                        shown, "outside the dataset (a link out of the folder)",
                        folder: status.st_mode & S_IFMT == S_IFDIR)
                    return
                }
                real = target
            }
            switch status.st_mode & S_IFMT {
            case S_IFDIR:
                folder(real, shown: shown + "/")
            case S_IFREG:
                if real != path, let kernel = DatasetListing.kernelFileSystem(real) {
                    refuse(shown, kernel)
                } else if let resolved = relative(real) {
                    files.append((shown, resolved))
                }
            case S_IFIFO: refuse(shown, "a FIFO (named pipe), not a file")
            case S_IFSOCK: refuse(shown, "a socket, not a file")
            case S_IFCHR, S_IFBLK: refuse(shown, "a device, not a file")
            default: refuse(shown, "not a regular file")
            }
        }

        private mutating func refuse(_ shown: String, _ reason: String, folder: Bool = false) {
            notRead.append((NotReadFile(path: shown, reason: reason), folder))
        }
    }

    /// Why nothing under `path` is read when it is on a kernel file system (`/proc`, `/sys`), whose files
    /// describe the running system rather than hold data; `nil` for any other file system. A file system is
    /// known by its device: the one mounted at `/proc` or `/sys` (when mounted there at all).
    static func kernelFileSystem(_ path: String) -> String? {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        return kernelDevices.first { $0.device == status.st_dev }?.reason
    }

    /// The devices of `/proc` and `/sys`, each unless it is the root's (not mounted: an ordinary folder).
    private static let kernelDevices: [(device: dev_t, reason: String)] = {
        var root = stat()
        guard stat("/", &root) == 0 else { return [] }
        return [("/proc", "a kernel file (/proc), not data"), ("/sys", "a kernel file (/sys), not data")]
            .compactMap { mount, reason in
                var status = stat()
                guard stat(mount, &status) == 0, status.st_dev != root.st_dev else { return nil }
                return (status.st_dev, reason)
            }
    }()
}
