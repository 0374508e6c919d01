import NoticeWatchModel

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reading folder entries and small files, and the matching of sources-file paths and globs against paths
/// (the listing itself is ``DatasetListing``).
enum DatasetFiles {
    /// Extensions of the files a folder without a sources file is read from (also when followed by `.gz`).
    static let dataExtensions: Set<String> = ["csv", "json", "ndjson", "jsonl", "xml", "xlsx", "xlsm", "ods"]

    /// The names in `folder` other than `.` and `..`, in the order the system gives them; `nil` when it cannot
    /// be opened.
    ///
    /// Each name is read from its entry in place, up to its NUL: the kernel's records are only as long as their
    /// names, so copying the whole `d_name` array can read past the end of the directory buffer.
    static func names(in folder: String) -> [String]? {
        guard let handle = opendir(folder) else { return nil }
        defer { closedir(handle) }
        let offset = MemoryLayout<dirent>.offset(of: \dirent.d_name)!
        var names: [String] = []
        while let entry = readdir(handle) {
            let name = String(cString: (UnsafeRawPointer(entry) + offset).assumingMemoryBound(to: CChar.self))
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    /// Opens the data file at `path` for reading, and refuses it unless it is a regular file once open.
    ///
    /// The listing refuses FIFOs, sockets and devices, but an entry can be replaced after it: the file is opened
    /// without waiting (a FIFO with no writer would block `open` forever) and looked at through its descriptor,
    /// which no later change of the name can swap.
    ///
    /// - Throws: `file-unreadable` when the file cannot be opened or is no longer a regular file.
    static func openRegular(_ path: String, displayPath: String) throws(IngestError) -> Int32 {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY)
        guard descriptor >= 0 else {
            throw IngestError(
                code: .fileUnreadable, message: "cannot open the file: \(String(cString: strerror(errno)))",
                file: displayPath)
        }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG else {
            close(descriptor)
            throw IngestError(
                code: .fileUnreadable,
                message: "not a regular file (a FIFO, socket or device put in its place after the folder was listed)",
                file: displayPath)
        }
        // Reads of a regular file never wait anyway; the flag is cleared so that they are plain blocking reads.
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) & ~O_NONBLOCK)
        return descriptor
    }

    /// The whole content of a small file (the sources file), or `nil` when it cannot be read or is not a
    /// regular file.
    static func contents(of path: String) -> [UInt8]? {
        guard let descriptor = try? openRegular(path, displayPath: path) else { return nil }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            guard count >= 0 else { return nil }
            if count == 0 { return bytes }
            bytes.append(contentsOf: chunk[0..<count])
        }
    }

    /// Whether `path` matches `pattern`: `*` is any run of characters within one path step, `?` one character,
    /// `**` any run of steps; anything else matches itself.
    static func matches(pattern: String, path: String) -> Bool {
        match(Array(pattern.unicodeScalars)[...], Array(path.unicodeScalars)[...])
    }

    private static func match(_ pattern: ArraySlice<Unicode.Scalar>, _ path: ArraySlice<Unicode.Scalar>) -> Bool {
        guard let first = pattern.first else { return path.isEmpty }
        if first == "*" {
            let doubled = pattern.dropFirst().first == "*"
            let rest = pattern.dropFirst(doubled ? 2 : 1)
            var index = path.startIndex
            while true {
                if match(rest, path[index...]) { return true }
                if doubled && rest.first == "/" && match(rest.dropFirst(), path[index...]) { return true }
                guard index < path.endIndex, doubled || path[index] != "/" else { return false }
                index += 1
            }
        }
        guard let head = path.first, first == "?" ? head != "/" : first == head else { return false }
        return match(pattern.dropFirst(), path.dropFirst())
    }

    /// The extension of a path, lower case, without the dot; a final `.gz` is looked through (`x.csv.gz` gives
    /// `csv`).
    static func fileExtension(_ path: String) -> String {
        var name = path.split(separator: "/").last ?? ""
        if name.lowercased().hasSuffix(".gz") { name = name.dropLast(3) }
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
        return name[name.index(after: dot)...].lowercased()
    }
}
