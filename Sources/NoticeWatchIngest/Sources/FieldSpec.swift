import NoticeWatchModel

/// A place in the sources file, for errors found after parsing (a column missing from a CSV header).
struct SourcesFileMark: Hashable, Sendable {
    var line: Int
    var column: Int
}

/// How one normalized field of a source is filled.
struct FieldSpec: Hashable, Sendable {
    var field: NormalizedField
    /// The column name, 1-based position, JSON path or XML path; `nil` for a constant.
    var from: String?
    /// A constant for every record of the source (`value:`).
    var constant: String?
    /// Date formats to try in order; empty means "detect per column".
    var formats: [DateFormat] = []
    /// Raw label → category raw value, on top of the defaults.
    var values: [String: String] = [:]
    /// Where `from` is written in the sources file (`nil` when inferred).
    var mark: SourcesFileMark?
}
