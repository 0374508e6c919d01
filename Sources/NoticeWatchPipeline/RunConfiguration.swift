public import NoticeWatchModel

/// Everything one run of the pipeline needs, as the command line gave it.
public struct RunConfiguration: Sendable {
    /// The dataset folder: input files and, usually, a `sources.yml`.
    public var datasetDirectory: String
    /// The report folder to write (replaced whole, atomically). Only an absent path, an empty folder or a folder
    /// NoticeWatch wrote is replaced; see ``force``.
    public var outputDirectory: String
    /// Whether a non-empty folder that is not a NoticeWatch report may be replaced all the same. A file, the
    /// dataset folder, a folder inside or above it, or above an input file is refused whatever it is.
    public var force: Bool
    /// The as-of date given with `--as-of`; when `nil`, `SOURCE_DATE_EPOCH`, else the latest date in the data.
    public var asOf: CivilDate?
    /// Countries with fewer decided complaints are listed but not ranked by rate.
    public var minimumDecisions: Int
    /// Whether "compliant subject to updates" counts as overturned.
    public var partialCountsAsOverturned: Bool
    /// Countries shown in the Markdown volume table before the rest is summed.
    public var topCountries: Int
    /// The Kaplan–Meier interval transform.
    public var survivalInterval: SurvivalIntervalMethod
    /// How Kaplan–Meier quantiles are read off the curve (R survfit's midpoint rule by default).
    public var survivalQuantileRule: SurvivalQuantileRule
    /// When more rows than this are quarantined, the run still writes the report but exits with
    /// ``ExitStatus/quarantineOverThreshold``. `nil`: no threshold.
    public var maxQuarantined: Int?
    /// When set, runs are kept as dated folders inside the output folder, the newest `keep` of them, with a
    /// `latest` link; when `nil`, the output folder itself is the report.
    public var keep: Int?
    /// The environment's `SOURCE_DATE_EPOCH`, if any (seconds since 1970-01-01 UTC).
    public var sourceDateEpoch: String?
    /// Whether the report includes `records.sqlite` (every record, as SQLite tables). Without it the figures,
    /// tables and charts are the same, the run is faster and the folder far smaller, but the next run cannot
    /// list the changes since this one.
    public var recordsDatabase: Bool
    /// How many records are kept in memory before the rest are spilled to sorted runs under `TMPDIR`; the
    /// outputs are the same whatever it is.
    public var recordsInMemory: Int
    /// Whether each chart is also written as PNG (`--png`), when `rsvg-convert` is on the `PATH`; a warning
    /// says so when it is not. Off by default, so that default outputs are the same on every machine.
    public var chartsAsPNG: Bool

    public init(
        datasetDirectory: String, outputDirectory: String, asOf: CivilDate? = nil, minimumDecisions: Int = 10,
        partialCountsAsOverturned: Bool = false, topCountries: Int = 20,
        survivalInterval: SurvivalIntervalMethod = .logLog, maxQuarantined: Int? = nil, keep: Int? = nil,
        sourceDateEpoch: String? = nil, recordsDatabase: Bool = true,
        recordsInMemory: Int = 100_000, survivalQuantileRule: SurvivalQuantileRule = .r, force: Bool = false,
        chartsAsPNG: Bool = false
    ) {
        self.chartsAsPNG = chartsAsPNG
        self.datasetDirectory = datasetDirectory
        self.outputDirectory = outputDirectory
        self.asOf = asOf
        self.minimumDecisions = minimumDecisions
        self.partialCountsAsOverturned = partialCountsAsOverturned
        self.topCountries = topCountries
        self.survivalInterval = survivalInterval
        self.survivalQuantileRule = survivalQuantileRule
        self.maxQuarantined = maxQuarantined
        self.keep = keep
        self.sourceDateEpoch = sourceDateEpoch
        self.recordsDatabase = recordsDatabase
        self.recordsInMemory = recordsInMemory
        self.force = force
    }

    /// The options that can change an output, as `name=value` sorted by name, for provenance.
    func provenanceOptions(asOf: CivilDate, asOfOrigin: String) -> [String] {
        [
            "as_of=\(asOf)",
            "as_of_origin=\(asOfOrigin)",
            "km_ci=\(survivalInterval.rawValue)",
            "km_quantile=\(survivalQuantileRule.rawValue)",
            "max_quarantined=\(maxQuarantined.map(String.init) ?? "none")",
            "min_decisions=\(minimumDecisions)",
            "partial_counts_as_overturned=\(partialCountsAsOverturned)",
            "records_database=\(recordsDatabase)",
            "top_countries=\(topCountries)",
        ]
    }
}

/// The exit statuses of `noticewatch run`, documented in `--help` and the README. Cron jobs rely on them.
public enum ExitStatus: Int32, Sendable, CaseIterable {
    /// The report was written.
    case success = 0
    /// An unexpected internal failure.
    case internalFailure = 1
    /// The report was written, but more rows were quarantined than `--max-quarantined` allows.
    case quarantineOverThreshold = 2
    /// The report was written, but every row of a source was quarantined (before ``quarantineOverThreshold``).
    case sourceSetAside = 3
    /// `noticewatch inspect`: a run would leave some file unread, or stop on one.
    case notEverythingRead = 4
    /// Bad options (ArgumentParser's own code for validation errors).
    case badOptions = 64
    /// The sources file is wrong, or the data cannot be analysed (an ambiguous date column, no records).
    case badData = 65
    /// The dataset folder or an input file is missing or unreadable.
    case unreadableInput = 66
    /// The report folder cannot be written.
    case cannotWriteReport = 73
    /// Another run holds the lock on the same report folder.
    case locked = 75
    /// The report folder is not NoticeWatch's (a file, a folder of other files) or overlaps the dataset folder:
    /// nothing was read or changed.
    case reportFolderRefused = 77

    /// One line for `--help` and the README.
    public var meaning: String {
        switch self {
        case .success: return "the report was written"
        case .internalFailure: return "unexpected internal failure"
        case .quarantineOverThreshold: return "the report was written, but quarantined rows exceed --max-quarantined"
        case .sourceSetAside: return "the report was written, but every row of a source was quarantined"
        case .notEverythingRead: return "inspect: a run would leave a file unread or stop on one"
        case .badOptions: return "bad options"
        case .badData: return "the sources file is wrong or the data cannot be analysed (no records, ambiguous dates)"
        case .unreadableInput: return "the dataset folder or an input file is missing or unreadable"
        case .cannotWriteReport: return "the report folder cannot be written"
        case .locked: return "another run is writing the same report folder"
        case .reportFolderRefused:
            return "the report folder is not NoticeWatch's or overlaps the dataset; nothing was changed"
        }
    }
}
