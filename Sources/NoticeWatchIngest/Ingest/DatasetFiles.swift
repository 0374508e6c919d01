import Foundation

/// The files of a dataset folder and the matching of sources-file paths and globs against them.
enum DatasetFiles {
    /// Extensions of the files a folder without a sources file is read from.
    static let dataExtensions: Set<String> = ["csv", "json", "ndjson", "jsonl", "xml"]

    /// Every regular file under `directory`, as paths relative to it with `/` separators, hidden files and
    /// folders (name starting with `.`) left out, sorted by their UTF-8 bytes.
    ///
    /// - Throws: `dataset-not-found` when the folder does not exist or cannot be listed.
    /// - Complexity: O(n log n) in the number of files.
    static func list(directory: String) throws(IngestError) -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue,
            let enumerator = FileManager.default.enumerator(atPath: directory)
        else {
            throw IngestError(
                code: "dataset-not-found", message: "the dataset folder does not exist or is not a folder",
                file: directory)
        }
        var files: [String] = []
        while let relative = enumerator.nextObject() as? String {
            let name = (relative as NSString).lastPathComponent
            let type = enumerator.fileAttributes?[.type] as? FileAttributeType
            if name.hasPrefix(".") {
                if type == .typeDirectory { enumerator.skipDescendants() }
                continue
            }
            if type == .typeRegular || type == .typeSymbolicLink { files.append(relative) }
        }
        return files.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
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

    /// The extension of a path, lower case, without the dot.
    static func fileExtension(_ path: String) -> String {
        (path as NSString).pathExtension.lowercased()
    }
}
