import NoticeWatchModel

/// A file after its first look (hash, dialect, header, mapping) and before its rows are read.
struct PreparedFile: Sendable {
    var task: FileTask
    var scan: FileScan
    var kind: RecordKind
    /// The mapping in force for this file: from the sources file, or inferred from its header.
    var fields: [FieldSpec]
    var setup: ReaderSetup
    /// The distinct `from` paths the reader is asked for, in field order.
    var fieldPaths: [String]
    /// Reader choices found so far (dialect, layout).
    var choices: [String]
}

/// What reading one file gave, before merging.
struct FilePartial: Sendable {
    var prepared: PreparedFile
    var records: [NormalizedRecord]
    var quarantine: [QuarantinedRow]
    var read: Int
    var choices: [String]
}
