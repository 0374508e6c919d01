public import NoticeWatchModel

/// What ``SampleBundle/write(to:seed:)`` knows it wrote: the figures a correct ingest and analysis of the
/// bundle must reproduce exactly.
///
/// Counts are of the records that should survive ingest: the planted broken rows (rows that cannot be records)
/// are not in them, the planted rows with a value not understood or no country are (with that field unknown), and
/// a record that appears in several files (or twice in one) counts once. Duplicates resolve to the first
/// occurrence in source order (the order of `sources.yml`, then file name, then position in the file).
/// Every array is in a fixed order, documented per property.
public struct PlantedFigures: Hashable, Sendable {
    /// The seed the bundle was written from.
    public var seed: UInt64
    /// The snapshot date: nothing in the bundle is dated after it.
    public var asOf: CivilDate
    /// One entry per source, in the order of `sources.yml`.
    public var sources: [PlantedSource]
    /// Every deliberately broken row (one that cannot be a record), by source order then position.
    public var brokenRows: [PlantedBrokenRow]
    /// Every planted value that is given but not understood, or a country not given (the record is kept with the
    /// field unknown), by source order then position.
    public var unclearValues: [PlantedBrokenRow]
    /// Notices whose requesting country is not recognized or not given (in `noticeTotal`, in no country's row).
    public var unrecognizedNotices: Int
    /// Complaints whose requesting country is not recognized (in `complaintTotal`, in no country's row).
    public var unrecognizedComplaints: PlantedComplaintCount
    /// Pending complaints whose filing date is not understood: counted, but left out of the time to decision.
    public var pendingWithoutFilingDate: Int
    /// Every duplicate that disagrees with the record kept, by id.
    public var conflicts: [PlantedConflict]
    /// Notices per requesting country, by alpha-2 code; countries with no notice are left out.
    public var noticesByCountry: [PlantedNoticeCount]
    /// Notices over all countries (`country` is `nil`).
    public var noticeTotal: PlantedNoticeCount
    /// Complaints by the data type they challenged, in ``ChallengedDataType`` order (types with none left out).
    public var complaintsByDataType: [PlantedDataTypeCount] = []
    /// Admissible requests under each statutory limit (access, then correction or deletion).
    public var limitCounts: [PlantedLimitCount] = []
    /// Admissible requests whose delay counts from filing (no admissibility date in the exports).
    public var reviewsFromFiling = 0
    /// Complaints per requesting country, by alpha-2 code; countries with no complaint are left out.
    public var complaintsByCountry: [PlantedComplaintCount]
    /// Complaints over all countries (`country` is `nil`).
    public var complaintTotal: PlantedComplaintCount
    /// Complaints per calendar year of filing, ascending (complaints whose filing date is not understood are in
    /// no year).
    public var complaintsByFilingYear: [PlantedYearCount]
    /// Lower median of the days from filing to decision over complaints with a decision (any outcome).
    public var medianDaysToDecision: Int
    /// Complaints whose decision came more than a year after filing.
    public var decisionsAfterMoreThanAYear: Int
    /// Notices whose only record leaves the issue date out (`date_of_issue: null` in the API pages).
    public var noticesWithoutIssueDate: Int

    /// Creates the figures; the generator is the only intended caller.
    public init(
        seed: UInt64, asOf: CivilDate, sources: [PlantedSource], brokenRows: [PlantedBrokenRow],
        conflicts: [PlantedConflict], noticesByCountry: [PlantedNoticeCount], noticeTotal: PlantedNoticeCount,
        complaintsByCountry: [PlantedComplaintCount], complaintTotal: PlantedComplaintCount,
        complaintsByFilingYear: [PlantedYearCount], medianDaysToDecision: Int, decisionsAfterMoreThanAYear: Int,
        noticesWithoutIssueDate: Int, unclearValues: [PlantedBrokenRow] = [], unrecognizedNotices: Int = 0,
        unrecognizedComplaints: PlantedComplaintCount? = nil, pendingWithoutFilingDate: Int = 0
    ) {
        self.unclearValues = unclearValues
        self.unrecognizedNotices = unrecognizedNotices
        self.unrecognizedComplaints =
            unrecognizedComplaints
            ?? PlantedComplaintCount(
                country: nil, overturned: 0, upheld: 0, partiallyOverturned: 0, inadmissible: 0, withdrawn: 0,
                pending: 0)
        self.pendingWithoutFilingDate = pendingWithoutFilingDate
        self.seed = seed
        self.asOf = asOf
        self.sources = sources
        self.brokenRows = brokenRows
        self.conflicts = conflicts
        self.noticesByCountry = noticesByCountry
        self.noticeTotal = noticeTotal
        self.complaintsByCountry = complaintsByCountry
        self.complaintTotal = complaintTotal
        self.complaintsByFilingYear = complaintsByFilingYear
        self.medianDaysToDecision = medianDaysToDecision
        self.decisionsAfterMoreThanAYear = decisionsAfterMoreThanAYear
        self.noticesWithoutIssueDate = noticesWithoutIssueDate
    }

    /// The entry for the source named `name`, if any.
    ///
    /// - Complexity: O(n) in the number of sources.
    public func source(named name: String) -> PlantedSource? { sources.first { $0.name == name } }

    /// The complaint counts of `country`, or `nil` when it has no complaint.
    ///
    /// - Complexity: O(n) in the number of countries.
    public func complaints(of country: Country) -> PlantedComplaintCount? {
        complaintsByCountry.first { $0.country == country }
    }

    /// The notice counts of `country`, or `nil` when it has no notice.
    ///
    /// - Complexity: O(n) in the number of countries.
    public func notices(of country: Country) -> PlantedNoticeCount? {
        noticesByCountry.first { $0.country == country }
    }
}

/// One source of the bundle and how ingest must account for its rows.
///
/// `rowsWritten == kept + merged + quarantined`, the same balance as ``SourceAccounting``.
public struct PlantedSource: Hashable, Sendable {
    /// The source's name in `sources.yml`.
    public var name: String
    /// Whether the source holds notices or complaints.
    public var recordKind: RecordKind
    /// The files written for it, relative to the bundle folder, in name order.
    public var files: [String]
    /// Rows or records written (CSV header excluded; every NDJSON line, broken ones included).
    public var rowsWritten: Int
    /// Rows that must become a new record.
    public var kept: Int
    /// Rows that must merge into a record with the same id met earlier.
    public var merged: Int
    /// Rows that must be quarantined: exactly the planted broken rows of this source.
    public var quarantined: Int

    /// Creates the entry.
    public init(
        name: String, recordKind: RecordKind, files: [String], rowsWritten: Int, kept: Int, merged: Int,
        quarantined: Int
    ) {
        self.name = name
        self.recordKind = recordKind
        self.files = files
        self.rowsWritten = rowsWritten
        self.kept = kept
        self.merged = merged
        self.quarantined = quarantined
    }
}

/// A row planted broken on purpose: it must end in the quarantine, and nowhere else.
public struct PlantedBrokenRow: Hashable, Sendable {
    /// The source's name in `sources.yml`.
    public var source: String
    /// The file, relative to the bundle folder.
    public var file: String
    /// The physical line where the row starts (CSV, XML, NDJSON); `nil` for JSON pages.
    public var line: Int?
    /// The record's 1-based position in its file (after the header for CSV).
    public var record: Int
    /// The normalized field at fault, or `nil` when the whole row is (a ragged row, a broken JSON line).
    public var field: String?
    /// The offending text as written (the whole line for a row that cannot be split).
    public var rawValue: String
    /// What is wrong, in words.
    public var hazard: String

    /// Creates the entry.
    public init(
        source: String, file: String, line: Int?, record: Int, field: String?, rawValue: String, hazard: String
    ) {
        self.source = source
        self.file = file
        self.line = line
        self.record = record
        self.field = field
        self.rawValue = rawValue
        self.hazard = hazard
    }
}

/// A duplicate record that disagrees with the one kept on one normalized field.
public struct PlantedConflict: Hashable, Sendable {
    /// Whether the duplicate is a notice or a complaint.
    public var recordKind: RecordKind
    /// The id both occurrences share.
    public var id: String
    /// The normalized field that differs (`status`).
    public var field: String
    /// The normalized value kept (from the first occurrence).
    public var keptValue: String
    /// The source of the occurrence kept.
    public var keptSource: String
    /// The normalized value of the later occurrence.
    public var discardedValue: String
    /// The source of the occurrence merged away.
    public var discardedSource: String

    /// Creates the entry.
    public init(
        recordKind: RecordKind, id: String, field: String, keptValue: String, keptSource: String,
        discardedValue: String, discardedSource: String
    ) {
        self.recordKind = recordKind
        self.id = id
        self.field = field
        self.keptValue = keptValue
        self.keptSource = keptSource
        self.discardedValue = discardedValue
        self.discardedSource = discardedSource
    }
}

/// Notice counts for one requesting country, or for all (`country == nil`).
public struct PlantedNoticeCount: Hashable, Sendable {
    /// The requesting country; `nil` for the row over all countries.
    public var country: Country?
    /// Notices and diffusions.
    public var notices: Int
    /// Of `notices`, the Red Notices.
    public var redNotices: Int
    /// Of `notices`, the diffusions.
    public var diffusions: Int
    /// Status cancelled, withdrawn or expired (as ``NoticeCancellations/Row/cancelled``).
    public var cancelled: Int
    /// Of `cancelled`, those whose reason is known.
    public var withKnownReason: Int
    /// Of `cancelled`, those cancelled after a CCF decision.
    public var byCCF: Int

    /// Creates the counts.
    public init(
        country: Country?, notices: Int, redNotices: Int, diffusions: Int, cancelled: Int, withKnownReason: Int,
        byCCF: Int
    ) {
        self.country = country
        self.notices = notices
        self.redNotices = redNotices
        self.diffusions = diffusions
        self.cancelled = cancelled
        self.withKnownReason = withKnownReason
        self.byCCF = byCCF
    }
}

/// Complaint counts by outcome for one requesting country, or for all (`country == nil`).
public struct PlantedComplaintCount: Hashable, Sendable {
    /// The requesting country; `nil` for the row over all countries.
    public var country: Country?
    /// Complaints found not compliant (data deleted).
    public var overturned: Int
    /// Complaints found compliant.
    public var upheld: Int
    /// Complaints found compliant subject to updates.
    public var partiallyOverturned: Int
    /// Complaints found inadmissible.
    public var inadmissible: Int
    /// Complaints whose data was deleted by the NCB or the General Secretariat before a decision.
    public var withdrawn: Int
    /// Complaints with no decision at the snapshot.
    public var pending: Int
    /// Complaints whose decision label no vocabulary maps (outcome unknown, the complaint kept).
    public var unknown: Int

    /// Creates the counts.
    public init(
        country: Country?, overturned: Int, upheld: Int, partiallyOverturned: Int, inadmissible: Int, withdrawn: Int,
        pending: Int, unknown: Int = 0
    ) {
        self.unknown = unknown
        self.country = country
        self.overturned = overturned
        self.upheld = upheld
        self.partiallyOverturned = partiallyOverturned
        self.inadmissible = inadmissible
        self.withdrawn = withdrawn
        self.pending = pending
    }

    /// Every complaint counted.
    public var total: Int {
        overturned + upheld + partiallyOverturned + inadmissible + withdrawn + pending + unknown
    }
    /// overturned + upheld + partially overturned: the overturn rate's denominator.
    public var decided: Int { overturned + upheld + partiallyOverturned }

    /// Adds one complaint with `outcome`.
    public mutating func add(_ outcome: Outcome) {
        switch outcome {
        case .overturned: overturned += 1
        case .upheld: upheld += 1
        case .partiallyOverturned: partiallyOverturned += 1
        case .inadmissible: inadmissible += 1
        case .withdrawn: withdrawn += 1
        case .pending: pending += 1
        case .unknown: unknown += 1
        }
    }

    /// Adds `other`'s counts (the country stays).
    public mutating func add(_ other: PlantedComplaintCount) {
        overturned += other.overturned
        upheld += other.upheld
        partiallyOverturned += other.partiallyOverturned
        inadmissible += other.inadmissible
        withdrawn += other.withdrawn
        pending += other.pending
        unknown += other.unknown
    }
}

/// Complaints filed in one calendar year.
public struct PlantedYearCount: Hashable, Sendable {
    /// The calendar year of filing.
    public var year: Int
    /// Complaints filed in it.
    public var complaints: Int

    /// Creates the count.
    public init(year: Int, complaints: Int) {
        self.year = year
        self.complaints = complaints
    }
}
