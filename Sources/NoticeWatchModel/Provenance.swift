/// Why a row could not become a record: a stable kebab-case code and a one-line explanation.
///
/// Codes are part of the output format (`quarantine.csv`, `records.sqlite`): add new ones, never rename.
public struct QuarantineReason: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Stable kebab-case code, such as `unknown-country`.
    public let code: String
    /// What was wrong, in words, naming the expectation (`expected 7 fields, found 9`).
    public let message: String

    public init(code: String, message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "\(code): \(message)" }

    public static func < (lhs: Self, rhs: Self) -> Bool { (lhs.code, lhs.message) < (rhs.code, rhs.message) }
}

/// A row or record that did not become a normalized record, with everything needed to find and fix it.
public struct QuarantinedRow: Hashable, Comparable, Sendable {
    public var location: SourceLocation
    /// The normalized field at fault (`requesting_country`), or `nil` when the whole row is at fault.
    public var field: String?
    /// The value as it was in the file (decoded text, or the raw line for a row that could not be split).
    public var rawValue: String
    public var reason: QuarantineReason

    public init(location: SourceLocation, field: String?, rawValue: String, reason: QuarantineReason) {
        self.location = location
        self.field = field
        self.rawValue = rawValue
        self.reason = reason
    }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        (lhs.location, lhs.field ?? "", lhs.reason, lhs.rawValue)
            < (rhs.location, rhs.field ?? "", rhs.reason, rhs.rawValue)
    }
}

/// Two records with the same id that disagree on a field: the first (by source order) was kept.
public struct DuplicateConflict: Hashable, Comparable, Sendable {
    public var recordKind: RecordKind
    public var id: String
    /// The normalized field that differs (`status`).
    public var field: String
    public var keptValue: String
    public var keptLocation: SourceLocation
    public var discardedValue: String
    public var discardedLocation: SourceLocation

    public init(
        recordKind: RecordKind, id: String, field: String, keptValue: String, keptLocation: SourceLocation,
        discardedValue: String, discardedLocation: SourceLocation
    ) {
        self.recordKind = recordKind
        self.id = id
        self.field = field
        self.keptValue = keptValue
        self.keptLocation = keptLocation
        self.discardedValue = discardedValue
        self.discardedLocation = discardedLocation
    }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        (lhs.recordKind.rawValue, lhs.id, lhs.field, lhs.discardedLocation)
            < (rhs.recordKind.rawValue, rhs.id, rhs.field, rhs.discardedLocation)
    }
}

/// One input file as read: its identity and what the reader decided about it.
public struct InputFile: Hashable, Comparable, Sendable {
    /// The source that lists the file.
    public var source: String
    /// The path relative to the dataset folder, with `/` separators.
    public var path: String
    /// Size in bytes.
    public var size: Int
    /// SHA-256 of the bytes, lower-case hex, computed before parsing.
    public var sha256: String
    /// Rows or records read from this file (header excluded).
    public var rowsRead: Int
    /// What the reader chose and whether it was detected or set (`encoding=windows-1252 (set)`,
    /// `delimiter=";" (detected)`), sorted.
    public var readerChoices: [String]

    public init(source: String, path: String, size: Int, sha256: String, rowsRead: Int, readerChoices: [String]) {
        self.source = source
        self.path = path
        self.size = size
        self.sha256 = sha256
        self.rowsRead = rowsRead
        self.readerChoices = readerChoices
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { (lhs.path, lhs.source) < (rhs.path, rhs.source) }
}

/// A value of one field that a source gave and NoticeWatch did not understand: the field became unknown in
/// every record that has the value, and the records were kept.
///
/// One entry per source, field and spelling (the trimmed value as written), with how many records hold it and
/// where it was first read.
public struct ValueNotUnderstood: Hashable, Comparable, Sendable {
    public var source: String
    public var recordKind: RecordKind
    /// The normalized field (`cancellation_reason`, `requesting_country`, `issue_date`).
    public var field: String
    /// The value as the file has it, trimmed.
    public var rawValue: String
    /// How many records hold it.
    public var count: Int
    /// The first place it was read, in merge order.
    public var firstLocation: SourceLocation
    /// The `values:` entry that maps it, as a line of `sources.yml` (`"Non conforme": overturned`), with the
    /// allowed targets in a comment; empty for a date (a date needs a `format:`, not a `values:` entry).
    public var suggestion: String

    public init(
        source: String, recordKind: RecordKind, field: String, rawValue: String, count: Int,
        firstLocation: SourceLocation, suggestion: String = ""
    ) {
        self.source = source
        self.recordKind = recordKind
        self.field = field
        self.rawValue = rawValue
        self.count = count
        self.firstLocation = firstLocation
        self.suggestion = suggestion
    }

    /// By source, field, then raw value byte by byte.
    public static func < (lhs: Self, rhs: Self) -> Bool {
        if lhs.source != rhs.source { return lhs.source < rhs.source }
        if lhs.field != rhs.field { return lhs.field < rhs.field }
        return Array(lhs.rawValue.utf8).lexicographicallyPrecedes(rhs.rawValue.utf8)
    }
}

/// The `sources.yml` lines that would map every value not understood of one field of one source: the field's
/// whole entry under `fields:` (its `from`, its formats, its present `values:` and one line per value not
/// understood), indented as in a sources file, ready to replace the field's entry.
public struct MappingSuggestion: Hashable, Comparable, Sendable {
    public var source: String
    public var field: String
    /// The lines, each ending in a line feed.
    public var yaml: String

    public init(source: String, field: String, yaml: String) {
        self.source = source
        self.field = field
        self.yaml = yaml
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { (lhs.source, lhs.field) < (rhs.source, rhs.field) }
}

/// An entry of the dataset folder a source would have read and NoticeWatch did not: a link out of the folder,
/// a FIFO, a socket, a device or a kernel file, with why (see `Datasets/SOURCES-FORMAT.md`, "Files it reads").
public struct NotReadFile: Hashable, Comparable, Sendable {
    /// The path relative to the dataset folder, as the folder shows it (`.` for the folder itself).
    public var path: String
    /// Why it was not read (`outside the dataset (a link out of the folder)`).
    public var reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        (lhs.path, lhs.reason) < (rhs.path, rhs.reason)
    }
}

/// The accounting of one source: every row read ends as exactly one of kept, merged or set aside (quarantined).
public struct SourceAccounting: Hashable, Comparable, Sendable {
    public var source: String
    public var recordKind: RecordKind
    /// Rows or records read (header rows and blank lines not counted).
    public var read: Int
    /// Rows that became a new normalized record.
    public var kept: Int
    /// Rows merged into a record with the same id read earlier (identical or conflicting).
    public var merged: Int
    /// Of the rows merged, those that were exact repeats of a record already read: the same id and identical
    /// values (a scraper that sliced the service's queries, capped at 160 results, wrote one notice many times).
    public var exactRepeats: Int
    /// Rows set aside to the quarantine: rows that cannot be a record (no id, unreadable, not data).
    public var quarantined: Int
    /// Of the rows kept or merged, those with at least one value not understood: each became (or merged into)
    /// a record, the value unknown (see ``FlaggedFields``).
    public var withValuesNotUnderstood: Int
    /// How fields were mapped: from the sources file, or inferred from headers (then listed here).
    public var mapping: [String]

    public init(
        source: String, recordKind: RecordKind, read: Int, kept: Int, merged: Int, quarantined: Int,
        withValuesNotUnderstood: Int = 0, exactRepeats: Int = 0, mapping: [String]
    ) {
        self.source = source
        self.recordKind = recordKind
        self.read = read
        self.kept = kept
        self.merged = merged
        self.exactRepeats = exactRepeats
        self.quarantined = quarantined
        self.withValuesNotUnderstood = withValuesNotUnderstood
        self.mapping = mapping
    }

    /// Whether `read = kept + merged + quarantined` holds.
    public var balances: Bool { read == kept + merged + quarantined }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.source < rhs.source }
}

/// Everything ingest produced: the records, and the full account of how the inputs became them.
///
/// Every array is sorted: records by id, the rest by their own order.
public struct IngestResult: Sendable {
    /// The kept notices, by id; in memory for small inputs, read back from a file for large ones.
    public var notices: RecordList<Notice>
    /// The kept complaints, by id.
    public var complaints: RecordList<Complaint>
    /// Rows that cannot be records.
    public var quarantine: [QuarantinedRow]
    /// Values kept records gave that were not understood, sorted.
    public var valuesNotUnderstood: [ValueNotUnderstood]
    /// The `sources.yml` entries that would map them, by source then field (none for dates).
    public var mappingSuggestions: [MappingSuggestion]
    public var conflicts: [DuplicateConflict]
    public var sources: [SourceAccounting]
    public var inputFiles: [InputFile]
    /// SHA-256 of the sources file, or `nil` when the mapping was inferred with no sources file.
    public var sourcesFileSHA256: String?
    /// The entries of the dataset folder a source names (or, with no sources file, with a data extension) that
    /// were not read, with why, sorted by path.
    public var notRead: [NotReadFile] = []
    /// The captures of the public list, by date: one per date of a dated series, or the one capture of a single
    /// scrape of the list; else empty.
    public var captures: [ListCapture] = []
    /// Where each notice was seen across ``captures``, by id; empty when there is no series.
    public var presences: [ListPresence] = []
    /// Whether the one capture (a single scrape) names no date of its own: the run dates it by its as-of date.
    public var capturesDatedByAsOf = false
    /// Whether some source maps arrest warrants or a charge (only then can a notice have warrants).
    public var mapsWarrants = false

    public init(
        notices: RecordList<Notice>, complaints: RecordList<Complaint>, quarantine: [QuarantinedRow],
        valuesNotUnderstood: [ValueNotUnderstood] = [], mappingSuggestions: [MappingSuggestion] = [],
        conflicts: [DuplicateConflict],
        sources: [SourceAccounting], inputFiles: [InputFile], sourcesFileSHA256: String?
    ) {
        self.notices = notices
        self.complaints = complaints
        self.quarantine = quarantine
        self.valuesNotUnderstood = valuesNotUnderstood
        self.mappingSuggestions = mappingSuggestions
        self.conflicts = conflicts
        self.sources = sources
        self.inputFiles = inputFiles
        self.sourcesFileSHA256 = sourcesFileSHA256
    }
}
