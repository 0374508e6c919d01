internal import Foundation

#if canImport(Glibc)
    internal import Glibc
#endif

/// A path with `.`, `..` and symbolic links resolved, as far as it exists, for comparing folders.
///
/// The part of the path that exists is resolved with `realpath`; the rest (a report folder not written yet) is
/// appended with `.` and `..` applied to the names, which is exact since none of them can be a link.
struct ResolvedPath: Equatable, Sendable {
    /// The absolute path, `/`-separated, with no trailing `/` (except the root itself).
    let path: String

    init(_ given: String) {
        let absolute = given.hasPrefix("/") ? given : FileManager.default.currentDirectoryPath + "/" + given
        var current = "/"
        var missing = 0  // how many of the last names do not exist
        for name in absolute.split(separator: "/", omittingEmptySubsequences: true).map(String.init) {
            if name == "." { continue }
            if name == ".." {
                current = Self.parent(of: current)
                missing = max(0, missing - 1)
                continue
            }
            let candidate = current == "/" ? "/" + name : current + "/" + name
            if missing == 0, let real = Self.realPath(candidate) {
                current = real
            } else {
                missing += 1
                current = candidate
            }
        }
        path = current
    }

    /// Whether `self` is `other` or a folder above it.
    func contains(_ other: ResolvedPath) -> Bool {
        path == other.path || path == "/" || other.path.hasPrefix(path + "/")
    }

    private static func parent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/"), path != "/" else { return "/" }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// `realpath(3)`, or `nil` when the path does not exist (or is a link to nothing).
    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
