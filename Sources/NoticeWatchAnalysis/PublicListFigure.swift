public import NoticeWatchModel

/// The public list over time: what a series of captures of Interpol's public notices list shows.
///
/// Leaving the public list is observed, not a cancellation: a notice leaves the list when it is cancelled or
/// deleted after a CCF decision, but also when the requesting country asks for it to be made non-public. The
/// figure says so wherever it is printed.
public enum PublicListFigure {
    static let figureID = "public-list-changes"
    static let timeOnListID = "public-list-time-on-list"

    /// A capture with fewer notices than this share of the latest earlier capture that was not itself partial,
    /// or of the service's own total, is flagged partial (a failed or capped scrape).
    public static let minimumCoverage = 0.9

    /// The series of `captures` (sorted by date) and the notices seen in them.
    ///
    /// - Parameters:
    ///   - captures: the captures, ascending by date, at least one.
    ///   - presences: one per notice; capture positions index `captures`.
    ///   - grouping: what the presences' country is.
    ///   - options: interval choices for the Kaplan–Meier time on the list.
    /// - Complexity: O(n + k log k) in the total sightings n and the number of (pair, country) keys k.
    public static func make(
        captures: [ListCapture], presences: [ListPresence], grouping: ListGrouping, options: AnalysisOptions
    ) -> PublicListSeries {
        let coverage = self.coverage(captures)
        let reliable = (0..<captures.count).map { index in
            index > 0 && !coverage[index].partial && !coverage[index - 1].partial
        }
        var counts: [ChangeKey: ChangeCounts] = [:]
        var durations: [Country?: [(time: Int, ended: Bool)]] = [:]
        var leftTruncated = 0
        var histories: [NoticeListHistory] = []
        histories.reserveCapacity(presences.count)
        let days = captures.map { SurvivalFigure.lastDay(of: $0.date) }
        let dates = captures.map(\.date)
        for presence in presences {
            let seen = presence.captures
            guard let first = seen.first, let history = presence.history(dates: dates) else {
                continue
            }
            var firstDeparture: Int?
            if first > 0 { counts[ChangeKey(capture: first, country: presence.country), default: .init()].added += 1 }
            for (position, capture) in seen.enumerated() {
                if position > 0, seen[position - 1] < capture - 1 {
                    counts[ChangeKey(capture: capture, country: presence.country), default: .init()].reappeared += 1
                }
                let next = position + 1 < seen.count ? seen[position + 1] : captures.count
                if next > capture + 1, capture + 1 < captures.count {
                    counts[ChangeKey(capture: capture + 1, country: presence.country), default: .init()].removed +=
                        1
                    if firstDeparture == nil { firstDeparture = capture + 1 }
                }
            }
            for modification in presence.modifications {
                let key = ChangeKey(capture: modification.capture, country: presence.country)
                counts[key, default: .init()].modified += 1
                for field in modification.fields { counts[key, default: .init()].fields[field, default: 0] += 1 }
            }
            if first == 0 {
                leftTruncated += 1
            } else if let departure = firstDeparture {
                durations[presence.country, default: []].append((days[departure] - days[first], true))
            } else {
                durations[presence.country, default: []].append((days[captures.count - 1] - days[first], false))
            }
            histories.append(history)
        }
        histories.sort { $0.id < $1.id }
        return PublicListSeries(
            grouping: grouping, coverage: coverage,
            changes: changes(counts, captures: captures, reliable: reliable),
            departures: departures(counts, captures: captures, reliable: reliable),
            timeOnList: timeOnList(durations, options: options), leftTruncated: leftTruncated, histories: histories)
    }

    /// The definitions the report prints for the series.
    static func definitions(options: AnalysisOptions) -> [FigureDefinition] {
        let share = Percent.level(minimumCoverage)
        return [
            FigureDefinition(
                id: figureID, title: "Changes on the public list between captures",
                text: "Each capture is a scrape of Interpol's public notices list on one date (from the dated "
                    + "folder or file name, or snapshot_date in sources.yml; a single undated scrape is dated by the "
                    + "as-of date). A notice seen in a capture was on the public list that day (a status by "
                    + "observation): one with no status of its own (list entries and detail documents of the "
                    + "public service carry none) has status active, observed on the date of the last capture it "
                    + "was seen in, and figures that use status count it as active, not unknown. Between two consecutive captures: added (first seen in the later one), left "
                    + "the public list (seen in the earlier, not in the later), reappeared (missing from the earlier, "
                    + "seen before and again in the later) and modified (seen in both, a field changed, named). "
                    + "Leaving the public list is not necessarily a cancellation: the requesting country can also "
                    + "ask for a notice to be made non-public. Departures per month are counted in the month of "
                    + "the capture that first missed the notice. Coverage check: a capture holding fewer than "
                    + "\(share) of the notices of the latest earlier capture that passed the check, or of the "
                    + "service's own total (the total its list pages give: the pages of one query share one total, "
                    + "the totals of distinct queries, such as slices by nationality, are added up), is flagged "
                    + "partial, and changes measured across it are marked "
                    + "unreliable (a failed or capped scrape is not mass removals)."),
            FigureDefinition(
                id: timeOnListID, title: "Time on the public list",
                text: "Days from a notice's first sighting to the first capture that missed it (event), or to the "
                    + "last capture (censored), for notices that appeared during the series. Notices already "
                    + "listed at the first capture are left-truncated (their entry is not observed) and left out, "
                    + "with their count printed. The time is measured between captures, so it is only as fine as "
                    + "the captures are frequent. " + SurvivalFigure.methodText(options: options)),
        ]
    }

    /// The coverage check of each capture (see ``minimumCoverage``).
    static func coverage(_ captures: [ListCapture]) -> [CaptureCoverage] {
        var result: [CaptureCoverage] = []
        var reference: Int?
        for (index, capture) in captures.enumerated() {
            let ofPrevious =
                index > 0 && captures[index - 1].seen > 0
                ? Double(capture.seen) / Double(captures[index - 1].seen) : nil
            let ofTotal = capture.serviceTotal.flatMap { $0 > 0 ? Double(capture.seen) / Double($0) : nil }
            let belowReference = reference.map { Double(capture.seen) < minimumCoverage * Double($0) } ?? false
            let belowTotal = ofTotal.map { $0 < minimumCoverage } ?? false
            let partial = belowReference || belowTotal
            if !partial { reference = capture.seen }
            result.append(
                CaptureCoverage(
                    capture: capture, shareOfPrevious: ofPrevious, shareOfServiceTotal: ofTotal, partial: partial))
        }
        return result
    }

    /// A later capture's position and a country: the key changes are counted under.
    struct ChangeKey: Hashable {
        var capture: Int
        var country: Country?
    }

    struct ChangeCounts {
        var added = 0
        var removed = 0
        var reappeared = 0
        var modified = 0
        var fields: [String: Int] = [:]

        mutating func add(_ other: ChangeCounts) {
            added += other.added
            removed += other.removed
            reappeared += other.reappeared
            modified += other.modified
            for (field, count) in other.fields { fields[field, default: 0] += count }
        }
    }

    /// Rows per consecutive pair: all countries first (always, even with nothing changed), then per country.
    static func changes(
        _ counts: [ChangeKey: ChangeCounts], captures: [ListCapture], reliable: [Bool]
    ) -> [ListChange] {
        guard captures.count > 1 else { return [] }
        var byCapture = [[(Country?, ChangeCounts)]](repeating: [], count: captures.count)
        for (key, value) in counts { byCapture[key.capture].append((key.country, value)) }
        var rows: [ListChange] = []
        for index in 1..<captures.count {
            var total = ChangeCounts()
            for (_, value) in byCapture[index] { total.add(value) }
            let countries = byCapture[index].compactMap { entry in entry.0.map { ($0, entry.1) } }.sorted {
                $0.0 < $1.0
            }
            func row(_ country: Country?, _ value: ChangeCounts) -> ListChange {
                ListChange(
                    from: captures[index - 1].date, to: captures[index].date, country: country, added: value.added,
                    removed: value.removed, reappeared: value.reappeared, modified: value.modified,
                    modifiedFields: value.fields.keys.sorted().map { FieldCount(field: $0, count: value.fields[$0]!) },
                    reliable: reliable[index])
            }
            rows.append(row(nil, total))
            rows += countries.map { row($0.0, $0.1) }
        }
        return rows
    }

    /// Departures per month of the capture that first missed them: all countries first, then per country.
    static func departures(
        _ counts: [ChangeKey: ChangeCounts], captures: [ListCapture], reliable: [Bool]
    ) -> [ListDepartures] {
        struct MonthKey: Hashable, Comparable {
            var month: CivilDate
            var country: Country?
            static func < (lhs: Self, rhs: Self) -> Bool {
                guard lhs.month == rhs.month else { return lhs.month < rhs.month }
                switch (lhs.country, rhs.country) {
                case (nil, _): return rhs.country != nil
                case (.some, nil): return false
                case (.some(let left), .some(let right)): return left < right
                }
            }
        }
        var months: [MonthKey: (count: Int, reliable: Bool)] = [:]
        for (key, value) in counts where value.removed > 0 {
            let date = captures[key.capture].date
            let month = CivilDate(year: date.year, month: max(1, date.month))!
            for country in key.country == nil ? [nil] : [nil, key.country] as [Country?] {
                let current = months[MonthKey(month: month, country: country)] ?? (0, true)
                months[MonthKey(month: month, country: country)] =
                    (current.count + value.removed, current.reliable && reliable[key.capture])
            }
        }
        return months.keys.sorted().map { key in
            ListDepartures(
                month: key.month, country: key.country, count: months[key]!.count, reliable: months[key]!.reliable)
        }
    }

    /// Kaplan–Meier time on the list, overall first, then per country with at least one duration.
    static func timeOnList(
        _ durations: [Country?: [(time: Int, ended: Bool)]], options: AnalysisOptions
    ) -> [SurvivalSummary] {
        guard !durations.isEmpty else { return [] }
        let all = KaplanMeier.tallies(durations: durations.values.flatMap { $0 })
        let horizon = all.last?.time ?? 0
        let overall = SurvivalFigure.summary(country: nil, all, options: options, horizon: horizon)
        return [overall]
            + durations.keys.compactMap { $0 }.sorted().map { country in
                SurvivalFigure.summary(
                    country: country, KaplanMeier.tallies(durations: durations[country]!), options: options,
                    horizon: horizon)
            }
    }
}

extension Figures {
    /// Adds the public list over time for captures of the list (a series, or one scrape), with its definitions;
    /// nothing when `captures` is empty.
    public mutating func addPublicList(captures: [ListCapture], presences: [ListPresence], grouping: ListGrouping) {
        guard !captures.isEmpty else { return }
        publicList = PublicListFigure.make(
            captures: captures, presences: presences, grouping: grouping, options: options)
        let position = definitions.firstIndex { $0.id == Analysis.exclusionsID } ?? definitions.count
        definitions.insert(contentsOf: PublicListFigure.definitions(options: options), at: position)
    }
}
