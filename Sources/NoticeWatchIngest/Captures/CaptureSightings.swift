import NoticeWatchModel

/// Where each notice of a series of captures was seen, collected while the merger walks each run of equal ids.
///
/// The merger calls ``begin(_:file:)`` for the first record of an id and ``add(_:file:)`` for each later one (in
/// merge order), then ``end()``. Files with no capture date are not part of the series and are ignored here.
/// Field values are compared only between sightings in different captures, in capture order: a notice whose
/// date of birth changed between two nights is "modified", not a conflict.
struct CaptureSightings<Record> {
    /// The capture position of each file (in merge order), `nil` for a file outside the series.
    let captureOfFile: [Int?]
    /// A record's compared fields as text.
    let values: (Record) -> [(NormalizedField, String)]
    /// The country a record is counted under in the series, and whether it is a nationality.
    let country: (Record) -> (country: Country?, byNationality: Bool)
    let id: (Record) -> String

    /// One per notice seen in at least one capture, in id order.
    private(set) var presences: [ListPresence] = []
    private var current: (id: String, country: (country: Country?, byNationality: Bool))?
    private var sightings: [(capture: Int, record: Record)] = []

    init(
        captureOfFile: [Int?], values: @escaping (Record) -> [(NormalizedField, String)],
        country: @escaping (Record) -> (country: Country?, byNationality: Bool), id: @escaping (Record) -> String
    ) {
        self.captureOfFile = captureOfFile
        self.values = values
        self.country = country
        self.id = id
    }

    /// Whether the files are a series (at least one file has a capture date).
    var isSeries: Bool { captureOfFile.contains { $0 != nil } }

    /// Whether two files are different captures (so that differing values are a modification, not a conflict).
    func areDifferentCaptures(_ first: Int, _ second: Int) -> Bool {
        guard let left = captureOfFile[first], let right = captureOfFile[second] else { return false }
        return left != right
    }

    /// Whether the id begun last was seen in a capture (so that it was on the public list on that date).
    var isCurrentSeen: Bool { !sightings.isEmpty }

    mutating func begin(_ record: Record, file: Int) {
        end()
        current = (id(record), country(record))
        add(record, file: file)
    }

    mutating func add(_ record: Record, file: Int) {
        guard let capture = captureOfFile[file] else { return }
        sightings.append((capture, record))
    }

    /// Closes the current id: its captures (distinct, ascending) and the fields changed between them.
    mutating func end() {
        defer {
            current = nil
            sightings.removeAll(keepingCapacity: true)
        }
        guard let current, !sightings.isEmpty else { return }
        // Stable by capture: within one capture the first record in merge order stands for the notice.
        let ordered = sightings.enumerated().sorted {
            ($0.element.capture, $0.offset) < ($1.element.capture, $1.offset)
        }
        var captures: [Int] = []
        var modifications: [ListModification] = []
        var previous: [(NormalizedField, String)]?
        for (_, sighting) in ordered where captures.last != sighting.capture {
            let seen = values(sighting.record)
            if let previous {
                let changed = zip(previous, seen).filter { $0.0.1 != $0.1.1 }.map { $0.0.0.rawValue }.sorted()
                if !changed.isEmpty {
                    modifications.append(ListModification(capture: sighting.capture, fields: changed))
                }
            }
            previous = seen
            captures.append(sighting.capture)
        }
        presences.append(
            ListPresence(
                id: current.id, country: current.country.country, byNationality: current.country.byNationality,
                captures: captures, modifications: modifications))
    }
}
