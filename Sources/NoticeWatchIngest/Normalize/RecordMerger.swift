import NoticeWatchModel

/// Merges records with the same id across all files of a kind, and sorts them by id.
///
/// The files' records are taken in merge order (sources in order, files by path, rows in file order). The first
/// record with an id is kept. A later one with identical values (provenance and outcome wording aside) merges
/// silently; one that differs is merged too, and each differing field becomes a ``DuplicateConflict`` naming both
/// values and places.
///
/// Merging is a stable sort by id followed by one walk over runs of equal ids, so no dictionary keyed by id is
/// built. When the records already come in strictly increasing id order from a single file (the common export),
/// that file's array is handed on as it is, without a copy.
struct RecordMerger<Record: RecordWithFacts> {
    /// The id of a record.
    let id: (Record) -> String
    /// A record's compared fields as text (absent values empty), for conflict reports.
    let values: (Record) -> [(NormalizedField, String)]
    /// Where a record was read.
    let location: (Record) -> SourceLocation
    let kind: RecordKind
    /// The capture position of each file in a series of captures of the public list (``CaptureSightings``);
    /// empty when the files are not a series.
    var captureOfFile: [Int?] = []
    /// The country a record is counted under in a series (notices only).
    var listCountry: ((Record) -> (country: Country?, byNationality: Bool))?

    /// The collector of sightings for these files, when they are a series.
    func sightings(fileCount: Int) -> CaptureSightings<Record>? {
        guard let listCountry, captureOfFile.count == fileCount, captureOfFile.contains(where: { $0 != nil }) else {
            return nil
        }
        return CaptureSightings(captureOfFile: captureOfFile, values: values, country: listCountry, id: id)
    }
    /// The kept record with the fields it lacks taken from a later record with its id; `nil`: kept as read.
    var fill: ((Record, Record) -> Record)? = nil
    /// The fields ``fill`` fills: an empty value on one side of these is not a conflict.
    var filledFields: Set<NormalizedField> = []

    /// What merging the files of one kind gave.
    struct Merged {
        /// The kept records, sorted by id (ids are unique).
        var records: RecordList<Record>
        /// How many records of each file merged into an earlier one, aligned with the files.
        var merged: [Int]
        /// One entry per differing field of each merged record, in no particular order.
        var conflicts: [DuplicateConflict]
        /// Where each notice was seen, by id, when the files are a series of captures; else empty.
        var presences: [ListPresence] = []
    }

    /// Merges `files` (each in row order, the files in merge order).
    ///
    /// - Complexity: O(n log n) string comparisons in the total number of records, O(n) when the records already
    ///   come in increasing id order; memory O(n) words besides the result.
    func merge(_ files: [[Record]]) -> Merged {
        var merged = [Int](repeating: 0, count: files.count)
        let total = files.reduce(0) { $0 + $1.count }
        guard total > 0 else { return Merged(records: RecordList(), merged: merged, conflicts: []) }
        // The ids in merge order, and the (file, row) each position stands for.
        var ids: [String] = []
        ids.reserveCapacity(total)
        var places: [(file: Int32, row: Int32)] = []
        places.reserveCapacity(total)
        for (fileIndex, file) in files.enumerated() {
            for (row, record) in file.enumerated() {
                ids.append(id(record))
                places.append((Int32(fileIndex), Int32(row)))
            }
        }
        var increasing = true
        for position in 1..<total where !(ids[position - 1] < ids[position]) {
            increasing = false
            break
        }
        var sightings = self.sightings(fileCount: files.count)
        if increasing && sightings == nil {
            if let only = files.firstIndex(where: { $0.count == total }) {
                return Merged(records: RecordList(files[only]), merged: merged, conflicts: [])
            }
            var records: [Record] = []
            records.reserveCapacity(total)
            for file in files { records.append(contentsOf: file) }
            return Merged(records: RecordList(records), merged: merged, conflicts: [])
        }
        // A stable order by id: ties keep merge order, so the first of each run is the record kept.
        var order = [Int32](unsafeUninitializedCapacity: total) { buffer, count in
            for position in 0..<total { buffer[position] = Int32(position) }
            count = total
        }
        order.sort { ids[Int($0)] < ids[Int($1)] || (ids[Int($0)] == ids[Int($1)] && $0 < $1) }
        var records: [Record] = []
        records.reserveCapacity(total)
        var conflicts: [DuplicateConflict] = []
        var start = 0
        while start < total {
            let keptPlace = places[Int(order[start])]
            var kept = files[Int(keptPlace.file)][Int(keptPlace.row)]
            sightings?.begin(kept, file: Int(keptPlace.file))
            var end = start + 1
            let keptID = ids[Int(order[start])]
            while end < total && ids[Int(order[end])] == keptID { end += 1 }
            if end > start + 1 {
                let keptValues = values(kept)
                for position in (start + 1)..<end {
                    let place = places[Int(order[position])]
                    let other = files[Int(place.file)][Int(place.row)]
                    merged[Int(place.file)] += 1
                    sightings?.add(other, file: Int(place.file))
                    if let fill { kept = fill(kept, other) }
                    if sightings?.areDifferentCaptures(Int(keptPlace.file), Int(place.file)) == true { continue }
                    for (first, second) in zip(keptValues, values(other))
                    where first.1 != second.1
                        && !(filledFields.contains(first.0) && (first.1.isEmpty || second.1.isEmpty))
                    {
                        conflicts.append(
                            DuplicateConflict(
                                recordKind: kind, id: id(other), field: first.0.rawValue, keptValue: first.1,
                                keptLocation: location(kept), discardedValue: second.1,
                                discardedLocation: location(other)))
                    }
                }
            }
            records.append(kept)
            start = end
        }
        sightings?.end()
        return Merged(
            records: RecordList(records), merged: merged, conflicts: conflicts, presences: sightings?.presences ?? [])
    }
}

extension RecordMerger where Record == Notice {
    /// The merger of notices.
    static var notices: Self {
        RecordMerger(
            id: \.id, values: RecordMerger.values, location: \.provenance, kind: .notice, fill: RecordMerger.fill,
            filledFields: [.requestingCountry, .nationalities, .issueDate])
    }

    /// The kept notice with what it lacks taken from a later one for the same id: a list entry has no
    /// requesting country and a detail page for the same notice has it; nationalities and an issue date
    /// likewise. Filled fields are not conflicts.
    static func fill(_ kept: Notice, from other: Notice) -> Notice {
        var filled = kept
        if filled.requestingCountry == nil { filled.requestingCountry = other.requestingCountry }
        if filled.nationalities.isEmpty { filled.nationalities = other.nationalities }
        if filled.issueDate == nil { filled.issueDate = other.issueDate }
        return filled
    }

    /// A notice's fields as text, for comparison and for conflict reports (absent dates are empty).
    static func values(_ notice: Notice) -> [(NormalizedField, String)] {
        [
            (.kind, notice.kind.rawValue), (.requestingCountry, notice.requestingCountry?.alpha2 ?? ""),
            (.nationalities, notice.nationalities.map(\.alpha2).joined(separator: ",")),
            (.issueDate, notice.issueDate?.description ?? ""), (.status, notice.status.rawValue),
            (.cancellationDate, notice.cancellationDate?.description ?? ""),
            (.cancellationReason, notice.cancellationReason.rawValue),
        ]
    }
}

extension RecordMerger where Record == Complaint {
    /// The merger of complaints.
    static var complaints: Self {
        RecordMerger(
            id: \.id, values: RecordMerger.values, location: \.provenance, kind: .complaint, fill: RecordMerger.fill,
            filledFields: [.dataType, .requestType, .admissibilityDate])
    }

    /// The kept complaint with what it lacks taken from a later one for the same id: a known data type or
    /// request type beats an unknown one, and an admissibility date fills a missing one (a case list and a
    /// decisions table of the same complaints each give part). Filled fields are not conflicts.
    static func fill(_ kept: Complaint, from other: Complaint) -> Complaint {
        var filled = kept
        if filled.dataType == .unknown { filled.dataType = other.dataType }
        if filled.requestType == .unknown { filled.requestType = other.requestType }
        if filled.admissibilityDate == nil { filled.admissibilityDate = other.admissibilityDate }
        return filled
    }

    /// A complaint's fields as text, for comparison and for conflict reports.
    static func values(_ complaint: Complaint) -> [(NormalizedField, String)] {
        [
            (.noticeID, complaint.noticeID ?? ""), (.requestingCountry, complaint.requestingCountry.alpha2),
            (.filedDate, complaint.filedDate?.description ?? ""),
            (.decisionDate, complaint.decisionDate?.description ?? ""), (.outcome, complaint.outcome.rawValue),
            (.dataType, complaint.dataType == .unknown ? "" : complaint.dataType.rawValue),
            (.requestType, complaint.requestType == .unknown ? "" : complaint.requestType.rawValue),
            (.admissibilityDate, complaint.admissibilityDate?.description ?? ""),
        ]
    }
}
