public import NoticeWatchModel

/// How a run would read a dataset folder, from the first part of each file (or whole files): what
/// `noticewatch inspect` prints and `noticewatch init` writes down.
///
/// Every list is sorted (files by path, fields in ``NormalizedField`` order, values by count then text), so the
/// same folder gives the same inspection byte for byte.
public struct DatasetInspection: Sendable, Encodable {
    /// Whether the folder's sources.yml gave the sources (else the mapping of each file was inferred).
    public var sourcesFile: Bool
    /// Whether whole files were read (`--full`); otherwise each file's first ``DatasetInspector/partBytes``
    /// bytes, and the first ``DatasetInspector/partRecords`` records of an XML file.
    public var full: Bool
    /// The files read, by path (`file!sheet` for a workbook's sheet).
    public var files: [FileInspection]
    /// What a run would not read, with why: links out of the folder, FIFOs, files whose mapping cannot be
    /// inferred, files a run would stop on.
    public var notRead: [NotReadFile]
    /// With a sources file: the files with a data extension that no source names, sorted (a run leaves them
    /// alone, as it should when they were left out on purpose; they do not change ``readsEverything``).
    public var unnamed: [String] = []

    /// Whether a run would read every file and stop on none.
    public var readsEverything: Bool { notRead.isEmpty && files.allSatisfy { $0.stops.isEmpty } }

    enum CodingKeys: String, CodingKey {
        case sourcesFile = "sources_file", full, files, notRead = "not_read", readsEverything = "reads_everything",
            unnamed
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(sourcesFile, forKey: .sourcesFile)
        try container.encode(full, forKey: .full)
        try container.encode(files, forKey: .files)
        try container.encode(notRead.map { ["path": $0.path, "reason": $0.reason] }, forKey: .notRead)
        try container.encode(readsEverything, forKey: .readsEverything)
        try container.encode(unnamed, forKey: .unnamed)
    }
}

/// One file (or workbook sheet) as a run would read it.
public struct FileInspection: Sendable, Encodable {
    /// The path in the dataset folder (`file!sheet` for a sheet).
    public var path: String
    /// The source it belongs to (the path itself when inferred).
    public var source: String
    /// `csv`, `json`, `ndjson`, `xml`, `xlsx` or `ods`.
    public var format: String
    /// The size of the file as stored.
    public var size: Int
    /// Whether the whole file (or sheet) was read.
    public var readWhole: Bool
    /// CSV: the encoding, delimiter and quote as written in a sources file, and whether the first row names the
    /// columns.
    public var encoding: String?
    public var delimiter: String?
    public var quote: String?
    public var hasHeader: Bool?
    /// CSV and sheets: the header row.
    public var header: [String]?
    /// JSON: where the records are (`_embedded.notices`, `""` for a top-level array); `nil` for NDJSON.
    public var records: String?
    /// XML: the record element and the namespace prefixes declared for it.
    public var recordElement: String?
    public var namespaces: [String: String]?
    /// A workbook's sheet.
    public var sheet: String?
    /// Every reader choice, detected or set (`delimiter=";" (detected)`), sorted.
    public var choices: [String]
    /// `notice` or `complaint`.
    public var kind: String
    /// Why the kind: inferred from the names, or set in sources.yml.
    public var kindEvidence: String
    /// The mapped fields, in field order.
    public var fields: [FieldInspection]
    /// Records read in the part read (set aside ones included).
    public var recordsRead: Int
    /// Rows a run would set aside, by reason, in the part read.
    public var setAside: [SetAsideCount]
    /// What would stop a run on this file (`ambiguous-date-format: …`); empty when nothing would.
    public var stops: [String]

    enum CodingKeys: String, CodingKey {
        case path, source, format, size, readWhole = "read_whole", encoding, delimiter, quote,
            hasHeader = "has_header", header, records, recordElement = "record_element", namespaces, sheet,
            choices, kind, kindEvidence = "kind_evidence", fields, recordsRead = "records_read",
            setAside = "set_aside", stops
    }
}

/// One mapped field, with the evidence for the mapping and what its values gave in the part read.
public struct FieldInspection: Sendable, Encodable {
    /// The field as the sources file names it (`filed_date`).
    public var field: String
    /// The column, JSON path or XML path it is read from; `nil` for a constant.
    public var from: String?
    /// The constant of every record (`value:`), when there is one.
    public var constant: String?
    /// Why this column: `header words: number, dossier`, `set in sources.yml`, …
    public var evidence: String
    /// Other names that fit the field too, and why this one was chosen.
    public var note: String?
    /// Records with a value for the field (not empty).
    public var present: Int
    /// Of ``present``, those the field understood (a date that parses, a member country, a known label).
    public var understood: Int
    /// Date fields: the formats the run uses (set, or detected over the part read).
    public var dateFormats: [String]?
    /// Date fields: how the format was found (`detected: 97% of 1,234 values parse as dd.MM.yyyy`).
    public var dateEvidence: String?
    /// Date fields: a few distinct values as written.
    public var dateExamples: [String]?
    /// Category fields: each label seen, with what it maps to (the unknown ones first, then by count).
    public var labels: [LabelSeen]?
    /// Category fields: records holding labels beyond those listed.
    public var otherLabels: Int?
    /// Country fields (requesting country, nationalities, warrants' issuing countries): values that name no
    /// member country.
    public var unresolved: [LabelSeen]?

    enum CodingKeys: String, CodingKey {
        case field, from, constant, evidence, note, present, understood, dateFormats = "date_formats",
            dateEvidence = "date_evidence", dateExamples = "date_examples", labels, otherLabels = "other_labels",
            unresolved
    }
}

/// A value seen in a field, how many records hold it, and what it maps to.
public struct LabelSeen: Sendable, Encodable, Hashable {
    /// The value, trimmed, as written.
    public var value: String
    public var count: Int
    /// The category (or member country code) it maps to; `nil` when unknown.
    public var mapsTo: String?
    /// For an unknown value: the closest known one and what it means, as a suggestion that is never applied.
    public var suggestion: String?

    enum CodingKeys: String, CodingKey {
        case value, count, mapsTo = "maps_to", suggestion
    }

    /// Most frequent first, then by value.
    static func ordered(_ lhs: LabelSeen, _ rhs: LabelSeen) -> Bool {
        (lhs.count, rhs.value) > (rhs.count, lhs.value)
    }
}

/// Rows a run would set aside for one reason.
public struct SetAsideCount: Sendable, Encodable, Hashable {
    /// The quarantine code (`missing-id`, `totals-row`, `repeated-header`, …).
    public var reason: String
    public var count: Int
    /// Where the first such row is (`line 12`, `record 3`).
    public var first: String
}
