public import NoticeWatchModel

/// Everything a report renders: the records and their accounting, the figures, and what identifies the run.
///
/// The report module never computes a statistic: every number it prints is in `figures` or is a count of
/// `ingest`'s arrays.
public struct ReportInput: Sendable {
    /// The records, quarantine, conflicts, per-source accounting and input files of the run.
    public var ingest: IngestResult
    /// Every figure the analysis computed, with the options and definitions behind them.
    public var figures: Figures
    /// The tool's version, the dataset path and the options that can change an output.
    public var provenance: RunProvenance
    /// Whether `records.sqlite` is written (`--no-records-database` leaves it out).
    public var recordsDatabase: Bool
    /// Writes each chart also as `charts/<name>.png` (`--png`); `nil`, the default, writes SVG only.
    public var pngConverter: PNGConverter?

    /// Creates a report input.
    ///
    /// - Parameters:
    ///   - ingest: what ingest produced.
    ///   - figures: what the analysis produced from `ingest`'s records.
    ///   - provenance: what identifies the run.
    ///   - recordsDatabase: whether `records.sqlite` is written.
    ///   - pngConverter: what writes each chart also as PNG; `nil` for SVG only.
    public init(
        ingest: IngestResult, figures: Figures, provenance: RunProvenance, recordsDatabase: Bool = true,
        pngConverter: PNGConverter? = nil
    ) {
        self.ingest = ingest
        self.figures = figures
        self.provenance = provenance
        self.recordsDatabase = recordsDatabase
        self.pngConverter = pngConverter
    }
}

/// One file a report wrote: where, how big, and its SHA-256.
public struct OutputFile: Hashable, Sendable {
    /// The path relative to the report folder, with `/` separators (`charts/volumes.svg`).
    public var path: String
    /// Size in bytes.
    public var size: Int
    /// SHA-256 of the bytes as written, 64 lower-case hex digits.
    public var sha256: String

    /// Creates an output file description.
    public init(path: String, size: Int, sha256: String) {
        self.path = path
        self.size = size
        self.sha256 = sha256
    }
}
