public import NoticeWatchModel

/// The exact figures of a benchmark bundle, so every engine's numbers can be checked against them.
///
/// Nothing in either profile is quarantined or merged, so the figures count every row. Rows whose country is
/// no member count in ``unrecognized`` and in ``total``; complaints whose outcome no vocabulary maps count in
/// ``BenchCountryFigures/notUnderstood``, in no denominator.
public struct BenchManifest: Hashable, Sendable {
    /// The seed the bundle was written from.
    public var seed: UInt64
    /// The snapshot date: nothing in the bundle is dated after it.
    public var asOf: CivilDate
    /// Notices written (in each of the three notice files).
    public var notices: Int
    /// Complaints written (one `complaints.csv`, linked or copied into each folder).
    public var complaints: Int
    /// What the files look like.
    public var profile: BenchProfile
    /// The files written, relative to the bundle folder, sorted.
    public var files: [String]
    /// Per member requesting country with at least one notice or complaint, by alpha-2 code.
    public var byCountry: [BenchCountryFigures]
    /// The rows whose requesting country is no member (`country` is `nil`; all zero in the clean profile).
    public var unrecognized: BenchCountryFigures
    /// Over all countries (`country` is `nil`).
    public var total: BenchCountryFigures

    /// Creates the manifest; the generator is the only intended caller.
    public init(
        seed: UInt64, asOf: CivilDate, notices: Int, complaints: Int, profile: BenchProfile, files: [String],
        byCountry: [BenchCountryFigures], unrecognized: BenchCountryFigures, total: BenchCountryFigures
    ) {
        self.seed = seed
        self.asOf = asOf
        self.notices = notices
        self.complaints = complaints
        self.profile = profile
        self.files = files
        self.byCountry = byCountry
        self.unrecognized = unrecognized
        self.total = total
    }

    /// The figures as `EXPECTED.md`: one table per country, the row of countries that are no member (when
    /// there are any) and the overall row, for the benchmark script and for a reader.
    ///
    /// - Complexity: O(n) in the number of countries.
    public var markdown: String {
        var text = """
            # Expected figures of the benchmark bundle

            Profile \(profile.rawValue); seed \(seed); snapshot (as-of) date \(asOf); \(notices) notices and \
            \(complaints) complaints.

            """
        switch profile {
        case .clean:
            text += """
                All clean (nothing quarantined, no duplicates), every choice set in each folder's sources.yml.

                """
        case .realistic:
            text += """
                Read with no sources file: notice dates dd/MM/yyyy, complaint dates dd.MM.yyyy, complaints.csv in
                Windows-1252 with CRLF line ends; quoted free text (charges, remarks, decision_detail) with commas,
                doubled quotes and line breaks; nothing quarantined, no duplicates. Unrecognized = requesting country
                no member (XK, TW, Kosovo, KP, Taiwan, Western Sahara): counted in All, in no member's row. Not
                understood = an outcome label no vocabulary maps: counted in Complaints, not in Decided.

                """
        }
        text += """
            Cancelled = status cancelled, withdrawn or expired. Decided = overturned + upheld + partially
            overturned. The same notices are in `csv/notices.csv`, `ndjson/notices.ndjson` and `xml/notices.xml`;
            each folder has the same `complaints.csv`.

            """
        text +=
            "| Country | Notices | Cancelled | By CCF | Complaints | Overturned | Upheld | Partially | Inadmissible "
        text += "| Withdrawn | Pending | Not understood | Decided |\n"
        text += "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n"
        var rows = byCountry.map { ($0.country?.alpha2 ?? "", $0) }
        if unrecognized.notices + unrecognized.complaints > 0 { rows.append(("Unrecognized", unrecognized)) }
        rows.append(("All", total))
        for (name, row) in rows {
            text += "| \(name) | \(row.notices) | \(row.cancelled) | \(row.byCCF) | "
            text += "\(row.complaints) | \(row.overturned) | \(row.upheld) | \(row.partiallyOverturned) | "
            text += "\(row.inadmissible) | \(row.withdrawn) | \(row.pending) | \(row.notUnderstood) | "
            text += "\(row.decided) |\n"
        }
        return text
    }
}

/// Notice and complaint counts of one requesting country in a benchmark bundle, or of all (`country == nil`).
public struct BenchCountryFigures: Hashable, Sendable {
    /// The requesting country; `nil` for the row over all countries.
    public var country: Country?
    /// Notices requested by the country.
    public var notices = 0
    /// Notices whose status is cancelled, withdrawn or expired.
    public var cancelled = 0
    /// Of `cancelled`, those cancelled after a CCF decision.
    public var byCCF = 0
    /// Complaints found not compliant (data deleted).
    public var overturned = 0
    /// Complaints found compliant.
    public var upheld = 0
    /// Complaints found compliant subject to updates.
    public var partiallyOverturned = 0
    /// Complaints found inadmissible.
    public var inadmissible = 0
    /// Complaints whose data was deleted by the NCB or the General Secretariat before a decision.
    public var withdrawn = 0
    /// Complaints with no decision at the snapshot.
    public var pending = 0
    /// Complaints whose outcome label no vocabulary maps.
    public var notUnderstood = 0

    /// Zero counts for `country`.
    public init(country: Country?) { self.country = country }

    /// Complaints of every outcome.
    public var complaints: Int {
        overturned + upheld + partiallyOverturned + inadmissible + withdrawn + pending + notUnderstood
    }
    /// overturned + upheld + partially overturned.
    public var decided: Int { overturned + upheld + partiallyOverturned }

    /// Adds one complaint with `outcome`.
    mutating func add(_ outcome: Outcome) {
        switch outcome {
        case .overturned: overturned += 1
        case .upheld: upheld += 1
        case .partiallyOverturned: partiallyOverturned += 1
        case .inadmissible: inadmissible += 1
        case .withdrawn: withdrawn += 1
        case .pending: pending += 1
        case .unknown: notUnderstood += 1
        }
    }

    /// Adds `other`'s counts (the country stays).
    mutating func add(_ other: BenchCountryFigures) {
        notices += other.notices
        cancelled += other.cancelled
        byCCF += other.byCCF
        overturned += other.overturned
        upheld += other.upheld
        partiallyOverturned += other.partiallyOverturned
        inadmissible += other.inadmissible
        withdrawn += other.withdrawn
        pending += other.pending
        notUnderstood += other.notUnderstood
    }
}
