/// One capture of Interpol's public notices list: a scrape of the whole list taken on one date.
///
/// A dataset folder holds a series of captures when its files are dated (`snapshots/2026-11-01/…`, a date in the
/// file's name, or `snapshot_date` in `sources.yml`); a single scrape with no date of its own is one capture
/// dated by the as-of date.
public struct ListCapture: Hashable, Sendable, Comparable {
    /// The day the capture was taken.
    public var date: CivilDate
    /// The files the capture was read from, relative to the dataset folder, sorted.
    public var files: [String]
    /// Distinct notices seen in the capture.
    public var seen: Int
    /// The service's own `total` for the capture (the list page's `total`), when the files give it.
    public var serviceTotal: Int?

    /// Creates a capture.
    public init(date: CivilDate, files: [String], seen: Int, serviceTotal: Int? = nil) {
        self.date = date
        self.files = files
        self.seen = seen
        self.serviceTotal = serviceTotal
    }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        lhs.date != rhs.date ? lhs.date < rhs.date : lhs.files.lexicographicallyPrecedes(rhs.files)
    }
}

/// What a series of captures says about one notice: the captures it was seen in, and the fields that changed.
public struct ListPresence: Hashable, Sendable {
    /// The notice's id.
    public var id: String
    /// The country the notice is counted under: its requesting country, or its first nationality when it has
    /// none (list entries carry no requesting country); `nil` when the data gives neither (counted in the
    /// all-countries rows only).
    public var country: Country?
    /// Whether ``country`` is the subject's first nationality rather than the requesting country.
    public var byNationality: Bool
    /// Positions in the series' captures (ascending, distinct) of the captures the notice was seen in.
    public var captures: [Int]
    /// The fields that differ from the previous capture the notice was seen in, per capture position.
    public var modifications: [ListModification]

    /// Creates a presence.
    public init(
        id: String, country: Country?, byNationality: Bool = false, captures: [Int],
        modifications: [ListModification] = []
    ) {
        self.id = id
        self.country = country
        self.byNationality = byNationality
        self.captures = captures
        self.modifications = modifications
    }
}

/// Fields of a notice that changed between the previous capture it was seen in and `capture`.
public struct ListModification: Hashable, Sendable {
    /// Position of the capture in the series.
    public var capture: Int
    /// The normalized fields that differ, sorted (`date_of_birth`, `nationalities`).
    public var fields: [String]

    /// Creates a modification.
    public init(capture: Int, fields: [String]) {
        self.capture = capture
        self.fields = fields
    }
}

/// How the notices of a series are grouped by country.
public enum ListGrouping: String, Hashable, Sendable {
    /// By requesting country (detail pages give it).
    case requestingCountry = "requesting-country"
    /// By first nationality (list entries give no requesting country).
    case nationality
    /// By requesting country where the data gives one, else by first nationality.
    case requestingCountryOrNationality = "requesting-country-or-nationality"

    /// The grouping of `presences`: by what their countries are.
    public init(of presences: [ListPresence]) {
        let byNationality = presences.contains { $0.country != nil && $0.byNationality }
        let byRequesting = presences.contains { $0.country != nil && !$0.byNationality }
        switch (byRequesting, byNationality) {
        case (_, false): self = .requestingCountry
        case (false, true): self = .nationality
        case (true, true): self = .requestingCountryOrNationality
        }
    }
}

/// A capture with its coverage check.
public struct CaptureCoverage: Hashable, Sendable {
    public var capture: ListCapture
    /// Notices seen as a share of the previous capture's (`nil` for the first capture).
    public var shareOfPrevious: Double?
    /// Notices seen as a share of the service's own total (`nil` when the files do not give it).
    public var shareOfServiceTotal: Double?
    /// Whether the capture looks partial (a failed or capped scrape): changes measured across it are unreliable.
    public var partial: Bool

    /// Creates a coverage row.
    public init(capture: ListCapture, shareOfPrevious: Double?, shareOfServiceTotal: Double?, partial: Bool) {
        self.capture = capture
        self.shareOfPrevious = shareOfPrevious
        self.shareOfServiceTotal = shareOfServiceTotal
        self.partial = partial
    }
}

/// What changed on the public list between two consecutive captures, for one country or for all (`country` nil).
public struct ListChange: Hashable, Sendable {
    /// The earlier capture's date.
    public var from: CivilDate
    /// The later capture's date.
    public var to: CivilDate
    /// `nil` for all countries together.
    public var country: Country?
    /// Notices first seen in the later capture.
    public var added: Int
    /// Notices seen in the earlier capture and not in the later one (left the public list).
    public var removed: Int
    /// Notices missing from the earlier capture, seen in the later one, and seen before.
    public var reappeared: Int
    /// Notices seen in both with at least one field changed.
    public var modified: Int
    /// Changed fields and how many notices changed each, sorted by field.
    public var modifiedFields: [FieldCount]
    /// False when either capture looks partial: removals across it may be a failed scrape, not departures.
    public var reliable: Bool

    /// Creates a change row.
    public init(
        from: CivilDate, to: CivilDate, country: Country?, added: Int, removed: Int, reappeared: Int, modified: Int,
        modifiedFields: [FieldCount], reliable: Bool
    ) {
        self.from = from
        self.to = to
        self.country = country
        self.added = added
        self.removed = removed
        self.reappeared = reappeared
        self.modified = modified
        self.modifiedFields = modifiedFields
        self.reliable = reliable
    }
}

/// A field name and a count.
public struct FieldCount: Hashable, Sendable {
    public var field: String
    public var count: Int

    /// Creates a count.
    public init(field: String, count: Int) {
        self.field = field
        self.count = count
    }
}

/// Departures from the public list in one calendar month (of the capture that first missed them).
public struct ListDepartures: Hashable, Sendable {
    /// The month (a partial date, `yyyy-MM`).
    public var month: CivilDate
    /// `nil` for all countries together.
    public var country: Country?
    public var count: Int
    /// False when a departure of the month was measured across a partial capture.
    public var reliable: Bool

    /// Creates a row.
    public init(month: CivilDate, country: Country?, count: Int, reliable: Bool) {
        self.month = month
        self.country = country
        self.count = count
        self.reliable = reliable
    }
}

/// One notice's place in the series, as the records database stores it.
public struct NoticeListHistory: Hashable, Sendable {
    public var id: String
    public var firstSeen: CivilDate
    public var lastSeen: CivilDate
    /// Captures the notice was seen in.
    public var capturesSeen: Int
    /// Runs of consecutive captures it was missing from between its first and last sighting.
    public var gaps: Int
    /// The dates of the captures it was seen in, ascending.
    public var seenOn: [CivilDate]

    /// Creates a history.
    public init(
        id: String, firstSeen: CivilDate, lastSeen: CivilDate, capturesSeen: Int, gaps: Int, seenOn: [CivilDate]
    ) {
        self.id = id
        self.firstSeen = firstSeen
        self.lastSeen = lastSeen
        self.capturesSeen = capturesSeen
        self.gaps = gaps
        self.seenOn = seenOn
    }
}

/// The public list over time: coverage per capture, changes between captures, departures per month, time on the
/// list, and each notice's history.
public struct PublicListSeries: Hashable, Sendable {
    public var grouping: ListGrouping
    /// One row per capture, by date.
    public var coverage: [CaptureCoverage]
    /// Per consecutive pair of captures: the all-countries row first, then one row per country with a change,
    /// by country order.
    public var changes: [ListChange]
    /// Per month: the all-countries row first, then per country by country order.
    public var departures: [ListDepartures]
    /// Kaplan–Meier time on the public list, from first sighting, of the notices that appeared during the series
    /// (overall first, then per country); `[]` with fewer than two captures.
    public var timeOnList: [SurvivalSummary]
    /// Notices already listed at the first capture: their entry date is not observed (left truncation), so
    /// they are left out of ``timeOnList`` and counted here.
    public var leftTruncated: Int
    /// Per notice, sorted by id.
    public var histories: [NoticeListHistory]

    /// Creates a series.
    public init(
        grouping: ListGrouping, coverage: [CaptureCoverage], changes: [ListChange], departures: [ListDepartures],
        timeOnList: [SurvivalSummary], leftTruncated: Int, histories: [NoticeListHistory]
    ) {
        self.grouping = grouping
        self.coverage = coverage
        self.changes = changes
        self.departures = departures
        self.timeOnList = timeOnList
        self.leftTruncated = leftTruncated
        self.histories = histories
    }
}

extension ListPresence {
    /// This notice's history over captures dated `dates` (the series' capture dates), or `nil` when it was seen in
    /// none.
    public func history(dates: [CivilDate]) -> NoticeListHistory? {
        guard let first = captures.first, let last = captures.last else { return nil }
        let gaps = zip(captures, captures.dropFirst()).reduce(0) { $0 + ($1.1 > $1.0 + 1 ? 1 : 0) }
        return NoticeListHistory(
            id: id, firstSeen: dates[first], lastSeen: dates[last], capturesSeen: captures.count, gaps: gaps,
            seenOn: captures.map { dates[$0] })
    }
}
