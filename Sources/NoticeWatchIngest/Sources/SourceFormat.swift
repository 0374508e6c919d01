/// The file format of a source.
enum SourceFormat: String, Hashable, Sendable, CaseIterable {
    case csv, json, ndjson, xml

    /// The format an extension implies (`.jsonl` is NDJSON), or `nil`.
    static func fromExtension(of path: String) -> SourceFormat? {
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return nil }
        switch path[path.index(after: dot)...].lowercased() {
        case "csv", "tsv": return .csv
        case "json": return .json
        case "ndjson", "jsonl": return .ndjson
        case "xml": return .xml
        default: return nil
        }
    }
}
