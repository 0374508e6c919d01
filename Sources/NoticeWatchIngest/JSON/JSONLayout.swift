/// Where the records are in a JSON file.
///
/// - `array(recordsPath:)`: the file is one JSON document and the records are the objects of the array at a
///   dotted path in it (`_embedded.notices` for Interpol list pages), or of the top-level array when the path
///   is empty.
/// - `ndjson`: one JSON object per line; blank lines are skipped.
enum JSONLayout: Hashable, Sendable, CustomStringConvertible {
    case array(recordsPath: String)
    case ndjson

    /// The layout as the sources file writes it: `records=_embedded.notices`, `records=(top-level array)`,
    /// `ndjson`.
    var description: String {
        switch self {
        case .array(let recordsPath):
            recordsPath.isEmpty ? "records=(top-level array)" : "records=\(recordsPath)"
        case .ndjson:
            "ndjson"
        }
    }

    /// The keys of the records path, outermost first (empty for a top-level array or NDJSON).
    var recordsKeys: [[UInt8]] {
        guard case .array(let recordsPath) = self, !recordsPath.isEmpty else { return [] }
        return recordsPath.split(separator: ".", omittingEmptySubsequences: false).map { Array($0.utf8) }
    }
}
