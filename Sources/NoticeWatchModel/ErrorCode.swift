/// Why a run stopped: a stable kebab-case code (`dataset-not-found`, `sources-file-unknown-key`), what it means
/// and the class of failure that gives the exit status.
///
/// A struct over a private enum, so that every code is declared here once, with its meaning and its class, and
/// a new one cannot be added elsewhere. Codes are part of the command's interface (they are printed as
/// `error[code]`): add new ones, never rename. The README's table of codes lists each with its exit status.
public struct ErrorCode: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The classes of failure, each with one exit status (`ExitStatus` in the pipeline).
    public enum Failure: Hashable, Sendable, CaseIterable {
        /// The sources file is wrong, or the data cannot be analysed.
        case badData
        /// The dataset folder or an input file is missing or unreadable.
        case unreadableInput
        /// The report folder (or the temporary folder for spilled records) cannot be written.
        case cannotWriteReport
        /// Another run holds the lock on the report folder.
        case locked
        /// The report folder is not NoticeWatch's or overlaps the dataset: nothing was read or changed.
        case reportFolderRefused
        /// An option's value (or an environment variable standing for one) is wrong.
        case badOptions
        /// `noticewatch inspect`: a run would leave some file unread, or stop on one.
        case notEverythingRead
    }

    private enum Value: String, CaseIterable, Sendable {
        case datasetNotFound = "dataset-not-found"
        case fileUnreadable = "file-unreadable"
        case pathNotFound = "path-not-found"
        case sourcesFileSyntax = "sources-file-syntax"
        case sourcesFileUnsupportedVersion = "sources-file-unsupported-version"
        case sourcesFileUnknownKey = "sources-file-unknown-key"
        case sourcesFileDuplicateKey = "sources-file-duplicate-key"
        case sourcesFileMissingKey = "sources-file-missing-key"
        case sourcesFileWrongType = "sources-file-wrong-type"
        case sourcesFileUnknownValue = "sources-file-unknown-value"
        case sourcesFileDuplicateName = "sources-file-duplicate-name"
        case sourcesFileUnknownField = "sources-file-unknown-field"
        case sourcesFileMissingField = "sources-file-missing-field"
        case sourcesFileBadDateFormat = "sources-file-bad-date-format"
        case sourcesFileBadDate = "sources-file-bad-date"
        case sourcesFileInvalidFieldPath = "sources-file-invalid-field-path"
        case sourcesFileUnknownNamespacePrefix = "sources-file-unknown-namespace-prefix"
        case sourcesFileUnknownColumn = "sources-file-unknown-column"
        case sourcesFileUnknownSheet = "sources-file-unknown-sheet"
        case mappingNotInferred = "mapping-not-inferred"
        case ambiguousDateFormat = "ambiguous-date-format"
        case jsonLayoutUndetected = "json-layout-undetected"
        case xmlRecordElementUndetected = "xml-record-element-undetected"
        case xmlNamespaceUnmapped = "xml-namespace-unmapped"
        case malformedXML = "malformed-xml"
        case noRecords = "no-records"
        case noAsOfDate = "no-as-of-date"
        case badSourceDateEpoch = "bad-source-date-epoch"
        case spillFailed = "spill-failed"
        case outputNotWritable = "output-not-writable"
        case sqliteFailed = "sqlite-failed"
        case pngConversionFailed = "png-conversion-failed"
        case previousRunUnreadable = "previous-run-unreadable"
        case reportUnwritable = "report-unwritable"
        case generateFailed = "generate-failed"
        case reportLocked = "report-locked"
        case reportFolderNotOurs = "report-folder-not-ours"
        case reportFolderOverlapsDataset = "report-folder-overlaps-dataset"
        case filesNotRead = "files-not-read"
        case initWouldOverwrite = "init-would-overwrite"
    }

    private let value: Value

    private init(_ value: Value) { self.value = value }

    public static let datasetNotFound = ErrorCode(.datasetNotFound)
    public static let fileUnreadable = ErrorCode(.fileUnreadable)
    public static let pathNotFound = ErrorCode(.pathNotFound)
    public static let sourcesFileSyntax = ErrorCode(.sourcesFileSyntax)
    public static let sourcesFileUnsupportedVersion = ErrorCode(.sourcesFileUnsupportedVersion)
    public static let sourcesFileUnknownKey = ErrorCode(.sourcesFileUnknownKey)
    public static let sourcesFileDuplicateKey = ErrorCode(.sourcesFileDuplicateKey)
    public static let sourcesFileMissingKey = ErrorCode(.sourcesFileMissingKey)
    public static let sourcesFileWrongType = ErrorCode(.sourcesFileWrongType)
    public static let sourcesFileUnknownValue = ErrorCode(.sourcesFileUnknownValue)
    public static let sourcesFileDuplicateName = ErrorCode(.sourcesFileDuplicateName)
    public static let sourcesFileUnknownField = ErrorCode(.sourcesFileUnknownField)
    public static let sourcesFileMissingField = ErrorCode(.sourcesFileMissingField)
    public static let sourcesFileBadDateFormat = ErrorCode(.sourcesFileBadDateFormat)
    public static let sourcesFileBadDate = ErrorCode(.sourcesFileBadDate)
    public static let sourcesFileInvalidFieldPath = ErrorCode(.sourcesFileInvalidFieldPath)
    public static let sourcesFileUnknownNamespacePrefix = ErrorCode(.sourcesFileUnknownNamespacePrefix)
    public static let sourcesFileUnknownColumn = ErrorCode(.sourcesFileUnknownColumn)
    public static let sourcesFileUnknownSheet = ErrorCode(.sourcesFileUnknownSheet)
    public static let mappingNotInferred = ErrorCode(.mappingNotInferred)
    public static let ambiguousDateFormat = ErrorCode(.ambiguousDateFormat)
    public static let jsonLayoutUndetected = ErrorCode(.jsonLayoutUndetected)
    public static let xmlRecordElementUndetected = ErrorCode(.xmlRecordElementUndetected)
    public static let xmlNamespaceUnmapped = ErrorCode(.xmlNamespaceUnmapped)
    public static let malformedXML = ErrorCode(.malformedXML)
    public static let noRecords = ErrorCode(.noRecords)
    public static let noAsOfDate = ErrorCode(.noAsOfDate)
    public static let badSourceDateEpoch = ErrorCode(.badSourceDateEpoch)
    public static let spillFailed = ErrorCode(.spillFailed)
    public static let outputNotWritable = ErrorCode(.outputNotWritable)
    public static let sqliteFailed = ErrorCode(.sqliteFailed)
    public static let pngConversionFailed = ErrorCode(.pngConversionFailed)
    public static let previousRunUnreadable = ErrorCode(.previousRunUnreadable)
    public static let reportUnwritable = ErrorCode(.reportUnwritable)
    public static let generateFailed = ErrorCode(.generateFailed)
    public static let reportLocked = ErrorCode(.reportLocked)
    public static let reportFolderNotOurs = ErrorCode(.reportFolderNotOurs)
    public static let reportFolderOverlapsDataset = ErrorCode(.reportFolderOverlapsDataset)
    public static let filesNotRead = ErrorCode(.filesNotRead)
    public static let initWouldOverwrite = ErrorCode(.initWouldOverwrite)

    /// Every code, in declaration order.
    public static let allCases: [ErrorCode] = Value.allCases.map(ErrorCode.init)

    /// The code as printed, `dataset-not-found`.
    public var description: String { value.rawValue }

    /// Whether the code is about the sources file (`sources-file-…`).
    public var isSourcesFile: Bool { value.rawValue.hasPrefix("sources-file-") }

    public static func < (lhs: ErrorCode, rhs: ErrorCode) -> Bool { lhs.value.rawValue < rhs.value.rawValue }

    /// The class of failure, which gives the exit status.
    public var failure: Failure {
        switch value {
        case .datasetNotFound, .fileUnreadable: .unreadableInput
        case .pathNotFound, .sourcesFileSyntax, .sourcesFileUnsupportedVersion, .sourcesFileUnknownKey,
            .sourcesFileDuplicateKey, .sourcesFileMissingKey, .sourcesFileWrongType, .sourcesFileUnknownValue,
            .sourcesFileDuplicateName, .sourcesFileUnknownField, .sourcesFileMissingField, .sourcesFileBadDateFormat,
            .sourcesFileBadDate,
            .sourcesFileInvalidFieldPath, .sourcesFileUnknownNamespacePrefix, .sourcesFileUnknownColumn,
            .sourcesFileUnknownSheet, .mappingNotInferred, .ambiguousDateFormat, .jsonLayoutUndetected,
            .xmlRecordElementUndetected,
            .xmlNamespaceUnmapped, .malformedXML, .noRecords, .noAsOfDate:
            .badData
        case .badSourceDateEpoch: .badOptions
        case .spillFailed, .outputNotWritable, .sqliteFailed, .pngConversionFailed, .previousRunUnreadable,
            .reportUnwritable, .generateFailed, .initWouldOverwrite:
            .cannotWriteReport
        case .reportLocked: .locked
        case .reportFolderNotOurs, .reportFolderOverlapsDataset: .reportFolderRefused
        case .filesNotRead: .notEverythingRead
        }
    }

    /// What the code means, as the README's table of codes says it.
    public var meaning: String {
        switch value {
        case .datasetNotFound: "the dataset folder does not exist, is not a folder or cannot be read"
        case .fileUnreadable: "an input file (or the sources file) cannot be opened, read or decompressed"
        case .pathNotFound: "a path or glob of the sources file matches no file that is read"
        case .sourcesFileSyntax: "the sources file is not valid YAML"
        case .sourcesFileUnsupportedVersion: "the sources file's `version` is not 1"
        case .sourcesFileUnknownKey: "the sources file has a key NoticeWatch does not know"
        case .sourcesFileDuplicateKey: "a key appears twice in one mapping of the sources file"
        case .sourcesFileMissingKey: "a key the sources file needs is missing (or a format cannot be told)"
        case .sourcesFileWrongType: "a value of the sources file has the wrong type"
        case .sourcesFileUnknownValue: "a format, record, encoding or category of the sources file is unknown"
        case .sourcesFileDuplicateName: "two sources have the same name"
        case .sourcesFileUnknownField: "a source maps a field its record kind does not have"
        case .sourcesFileMissingField: "a source does not map a field its record kind requires"
        case .sourcesFileBadDateFormat: "a date format of the sources file is not one NoticeWatch reads"
        case .sourcesFileBadDate: "a `snapshot_date` of the sources file is not a calendar day written yyyy-MM-dd"
        case .sourcesFileInvalidFieldPath: "a JSON or XML field path of the sources file is not a path"
        case .sourcesFileUnknownNamespacePrefix: "an XML path uses a prefix not declared under `xml.namespaces`"
        case .sourcesFileUnknownColumn: "a field is mapped to a column the CSV file does not have"
        case .sourcesFileUnknownSheet: "a `sheet:` of the sources file names or matches no sheet of the workbook"
        case .mappingNotInferred: "with no sources file, a file's names fit neither notices nor complaints"
        case .ambiguousDateFormat: "a date column's values fit two formats; set `format:`"
        case .jsonLayoutUndetected: "a JSON file is neither an array of records nor an object holding one"
        case .xmlRecordElementUndetected: "no repeated record element was found in an XML file"
        case .xmlNamespaceUnmapped: "an XML element is in a namespace with no prefix under `xml.namespaces`"
        case .malformedXML: "an XML file is malformed before its first record (later, the record is quarantined)"
        case .noRecords: "no record was read from any input file"
        case .noAsOfDate: "no --as-of, no SOURCE_DATE_EPOCH and no record with a full date to take it from"
        case .badSourceDateEpoch: "SOURCE_DATE_EPOCH is not a whole number of seconds"
        case .spillFailed: "the temporary folder cannot take the records beyond the memory budget (TMPDIR)"
        case .outputNotWritable: "a file or folder of the report cannot be created or written"
        case .sqliteFailed: "SQLite refused a statement while `records.sqlite` was written"
        case .pngConversionFailed: "with `--png`, `rsvg-convert` could not be started or failed on a chart"
        case .previousRunUnreadable: "the previous report's tables cannot be read to list the changes"
        case .reportUnwritable: "the report folder, its lock or its `latest` link cannot be written"
        case .generateFailed: "the generated sample bundle cannot be written"
        case .reportLocked: "another run is writing the same report folder"
        case .reportFolderNotOurs: "the report folder is a file or holds files that are not a NoticeWatch report"
        case .reportFolderOverlapsDataset: "the report folder is, is inside or is above the dataset folder or an input"
        case .filesNotRead: "`inspect`: a run would leave a file unread or stop on one (each is listed with why)"
        case .initWouldOverwrite: "`init`: the dataset folder has a sources.yml already (`--force` replaces it)"
        }
    }
}
