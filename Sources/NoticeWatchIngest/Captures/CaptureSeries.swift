import NoticeWatchModel

/// The captures of the public list among the notice files: which capture each file belongs to.
///
/// A file's capture date is its source's `snapshot_date` in `sources.yml`, else the date its path names
/// (``CaptureDating``). When the notice files name at least two dates they are a series, one capture per date, and
/// a notice file with no date is left out of it (it is still read as usual). Otherwise the scrapes among them (notice
/// files of the public service's records, their id read from `entity_id`, with no status of their own, as list
/// entries and detail documents have none) are one capture: dated by the one date they name, or, when they name none, by the run's as-of date
/// (``isDatedByAsOf``; the pipeline puts that date in).
struct CaptureSeries {
    /// What the series needs to know of one notice file.
    struct NoticeFile {
        var path: String
        /// The source's `snapshot_date`, if any.
        var snapshotDate: CivilDate?
        /// Whether the file's mapping fills `status` (an export of the notices' own status, not a scrape).
        var mapsStatus: Bool
        /// Whether any field is mapped (an empty file has none).
        var mapsFields: Bool
        /// Whether the id is read from the service's `entity_id` (a list entry, a detail document, or a
        /// scraper's CSV of them).
        var readsEntityID: Bool

        /// The date the file was captured on, if it says.
        var date: CivilDate? { snapshotDate ?? CaptureDating.date(ofPath: path) }
        /// Whether the file is a scrape of the public list: the service's records, with no status of their own.
        var isScrape: Bool { readsEntityID && !mapsStatus }
    }

    /// The capture dates, ascending and distinct (one placeholder day when ``isDatedByAsOf``).
    private(set) var dates: [CivilDate]
    /// Per file (in merge order), the position of its date in ``dates``.
    let captureOfFile: [Int?]
    /// Per capture, the files it was read from, sorted.
    let files: [[String]]
    /// Whether the only capture names no date of its own, so that it is dated by the as-of date.
    let isDatedByAsOf: Bool

    /// The captures of the notice files among `files` (`nil` for a file of another kind), or `nil` when there are
    /// none.
    init?(files noticeFiles: [NoticeFile?]) {
        let fileDates = noticeFiles.map { $0?.date }
        let distinct = Set(fileDates.compactMap { $0 }).sorted()
        if distinct.count >= 2 {
            let position = Dictionary(uniqueKeysWithValues: distinct.enumerated().map { ($1, $0) })
            dates = distinct
            captureOfFile = fileDates.map { $0.flatMap { position[$0] } }
            isDatedByAsOf = false
        } else {
            let scrapes = noticeFiles.map { $0?.isScrape == true }
            guard zip(noticeFiles, scrapes).contains(where: { $1 && $0?.mapsFields == true }) else { return nil }
            let scrapeDates = Set(zip(fileDates, scrapes).compactMap { $1 ? $0 : nil })
            // One date among the scrapes dates them all; with none, the as-of date will.
            dates = [scrapeDates.first ?? CivilDate(dayNumber: 0)]
            isDatedByAsOf = scrapeDates.isEmpty
            captureOfFile = scrapes.map { $0 ? 0 : nil }
        }
        var files = [[String]](repeating: [], count: dates.count)
        for (file, capture) in zip(noticeFiles, captureOfFile) {
            if let file, let capture { files[capture].append(file.path) }
        }
        self.files = files.map { $0.sorted() }
    }

    /// The captures, with the distinct notices each one holds and the service's own total where the files give it.
    ///
    /// - Parameter pageHeaders: per file (in merge order), the `total` and `query` of a list page, if read.
    func captures(presences: [ListPresence], pageHeaders: [ListPageHeader?]) -> [ListCapture] {
        var seen = [Int](repeating: 0, count: dates.count)
        for presence in presences {
            for capture in presence.captures { seen[capture] += 1 }
        }
        var headers = [[ListPageHeader]](repeating: [], count: dates.count)
        for (capture, header) in zip(captureOfFile, pageHeaders) {
            if let capture, let header { headers[capture].append(header) }
        }
        return dates.indices.map { index in
            ListCapture(
                date: dates[index], files: files[index], seen: seen[index],
                serviceTotal: ListPageHeader.serviceTotal(of: headers[index]))
        }
    }
}
