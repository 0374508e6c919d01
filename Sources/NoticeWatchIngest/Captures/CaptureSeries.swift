import NoticeWatchModel

/// The captures of a dated series of notice files: which capture each file belongs to (``CaptureDating``).
///
/// The files are a series when they name at least two different dates; a notice file with no date in its path
/// is then left out of the series (it is still read as usual).
struct CaptureSeries {
    /// The capture dates, ascending and distinct.
    let dates: [CivilDate]
    /// Per file (in merge order), the position of its date in ``dates``.
    let captureOfFile: [Int?]
    /// Per capture, the files it was read from, sorted.
    let files: [[String]]

    /// The series of the notice files among `paths` (`nil` for a file of another kind), or `nil` when they name
    /// fewer than two dates.
    init?(paths: [String?]) {
        let fileDates = paths.map { $0.flatMap(CaptureDating.date(ofPath:)) }
        let dates = Set(fileDates.compactMap { $0 }).sorted()
        guard dates.count >= 2 else { return nil }
        let position = Dictionary(uniqueKeysWithValues: dates.enumerated().map { ($1, $0) })
        self.dates = dates
        captureOfFile = fileDates.map { $0.flatMap { position[$0] } }
        var files = [[String]](repeating: [], count: dates.count)
        for (path, capture) in zip(paths, captureOfFile) {
            if let path, let capture { files[capture].append(path) }
        }
        self.files = files.map { $0.sorted() }
    }

    /// The captures, with the distinct notices each one holds.
    func captures(presences: [ListPresence]) -> [ListCapture] {
        var seen = [Int](repeating: 0, count: dates.count)
        for presence in presences {
            for capture in presence.captures { seen[capture] += 1 }
        }
        return dates.indices.map { ListCapture(date: dates[$0], files: files[$0], seen: seen[$0]) }
    }
}
