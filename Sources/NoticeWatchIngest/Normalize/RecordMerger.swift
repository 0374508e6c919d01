import NoticeWatchModel

/// Merges records with the same id across all files of a kind, and sorts them by id.
///
/// The files' records are taken in merge order (sources in order, files by path, rows in file order). The first
/// record with an id is kept, with its id and provenance. A later one merges into it field by field: a field the
/// kept record has unknown or empty (an absent date, an `unknown` category, an unrecognized or missing country, an
/// empty complaint outcome) takes the later record's known value; a field known in both with two different values
/// keeps the first and becomes a ``DuplicateConflict`` naming both values and places. An unknown value is never a
/// conflict.
///
/// Merging is a stable sort by id followed by one walk over runs of equal ids, so no dictionary keyed by id is
/// built. When the records already come in strictly increasing id order from a single file (the common export),
/// that file's array is handed on as it is, without a copy.
struct RecordMerger<Record: RecordWithFacts> {
    /// The id of a record.
    let id: (Record) -> String
    /// Merges the second record into the first (see the type's rules) and returns the fields known in both with
    /// different values: the field, the kept value and the other value, as text.
    let combine: (inout Record, Record) -> [FieldDifference]
    /// Where a record was read.
    let location: (Record) -> SourceLocation
    let kind: RecordKind
    /// The capture position of each file in a series of captures of the public list (``CaptureSightings``);
    /// empty when the files are not a series.
    var captureOfFile: [Int?] = []
    /// The country a record is counted under in a series (notices only).
    var listCountry: ((Record) -> (country: Country?, byNationality: Bool))?
    /// A record's fields as text, for comparing captures (needed for a series).
    var values: ((Record) -> [(NormalizedField, String)])?
    /// What a record seen on the public list takes from having been seen there (a notice with no status of its
    /// own is active), applied to the kept record of each id seen in a capture.
    var observedOnList: ((inout Record) -> Void)?
    /// Whether two records with the same id hold identical values, their provenance aside: the later is an
    /// exact repeat (a scraper that wrote one notice many times).
    var isExactRepeat: (Record, Record) -> Bool = { _, _ in false }

    /// The collector of sightings for these files, when they are a series.
    func sightings(fileCount: Int) -> CaptureSightings<Record>? {
        guard let listCountry, let values, captureOfFile.count == fileCount,
            captureOfFile.contains(where: { $0 != nil })
        else {
            return nil
        }
        return CaptureSightings(captureOfFile: captureOfFile, values: values, country: listCountry, id: id)
    }

    /// The conflict entries of merging `other` into `kept` (which is changed).
    func merge(_ other: Record, into kept: inout Record) -> [DuplicateConflict] {
        let keptLocation = location(kept)
        return combine(&kept, other).map {
            DuplicateConflict(
                recordKind: kind, id: id(other), field: $0.field.rawValue, keptValue: $0.kept,
                keptLocation: keptLocation, discardedValue: $0.other, discardedLocation: location(other))
        }
    }

    /// What merging the files of one kind gave.
    struct Merged {
        /// The kept records, sorted by id (ids are unique).
        var records: RecordList<Record>
        /// How many records of each file merged into an earlier one, aligned with the files.
        var merged: [Int]
        /// Of `merged`, those identical to a record read before them (``RecordMerger/isExactRepeat``).
        var exactRepeats: [Int]
        /// One entry per differing field of each merged record, in no particular order.
        var conflicts: [DuplicateConflict]
        /// Where each notice was seen, by id, when the files are a series of captures; else empty.
        var presences: [ListPresence] = []

        init(
            records: RecordList<Record>, merged: [Int], exactRepeats: [Int]? = nil, conflicts: [DuplicateConflict],
            presences: [ListPresence] = []
        ) {
            self.records = records
            self.merged = merged
            self.exactRepeats = exactRepeats ?? [Int](repeating: 0, count: merged.count)
            self.conflicts = conflicts
            self.presences = presences
        }
    }

    /// Counts `other` as an exact repeat for `file` when it equals `first` (the first record read with its id,
    /// as read) or one of `variants` (the other distinct values read for the id, at most a few kept; empty, so
    /// never allocated, for an id read once), else notes it among the variants.
    func countRepeat(_ other: Record, first: Record, file: Int, variants: inout [Record], repeats: inout [Int]) {
        if isExactRepeat(first, other) || variants.contains(where: { isExactRepeat($0, other) }) {
            repeats[file] += 1
        } else if variants.count < 8 {
            variants.append(other)
        }
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
        var repeats = [Int](repeating: 0, count: files.count)
        var start = 0
        while start < total {
            let keptPlace = places[Int(order[start])]
            var kept = files[Int(keptPlace.file)][Int(keptPlace.row)]
            var first = (file: Int(keptPlace.file), record: kept)
            var variants: [Record] = []
            sightings?.begin(kept, file: Int(keptPlace.file))
            var end = start + 1
            let keptID = ids[Int(order[start])]
            while end < total && ids[Int(order[end])] == keptID { end += 1 }
            for position in (start + 1)..<end {
                let place = places[Int(order[position])]
                let other = files[Int(place.file)][Int(place.row)]
                merged[Int(place.file)] += 1
                // A notice seen again in a later capture of the public list is a sighting, not a repeat: repeats
                // are counted within one capture, from its first copy.
                if sightings?.areDifferentCaptures(first.file, Int(place.file)) == true {
                    first = (Int(place.file), other)
                    variants = []
                } else {
                    countRepeat(
                        other, first: first.record, file: Int(place.file), variants: &variants, repeats: &repeats)
                }
                sightings?.add(other, file: Int(place.file))
                let differences = merge(other, into: &kept)
                // Two captures of the list that differ are a modification (reported by the sightings), not a conflict.
                if sightings?.areDifferentCaptures(Int(keptPlace.file), Int(place.file)) != true {
                    conflicts += differences
                }
            }
            if sightings?.isCurrentSeen == true { observedOnList?(&kept) }
            records.append(kept)
            start = end
        }
        sightings?.end()
        return Merged(
            records: RecordList(records), merged: merged, exactRepeats: repeats, conflicts: conflicts,
            presences: sightings?.presences ?? [])
    }
}

extension RecordMerger where Record == Notice {
    /// The merger of notices.
    static var notices: Self {
        RecordMerger(
            id: \.id, combine: RecordMerger.combine, location: \.provenance, kind: .notice,
            values: RecordMerger.fieldTexts, observedOnList: RecordMerger.observeActive,
            isExactRepeat: RecordMerger.isSameNotice)
    }

    /// A notice on the public list on a capture date is active on that date: one with no status of its own (absent,
    /// not a value given and not understood) takes `active`, a status by observation.
    static func observeActive(_ notice: inout Notice) {
        if notice.status == .unknown && !notice.flagged.contains(NormalizedField.status.flag) {
            notice.status = .active
        }
    }

    /// A notice's warrants as text for a conflict entry: `RU: charge; KZ: charge`.
    static func warrantText(_ warrants: [Warrant]) -> String {
        warrants.map { "\($0.issuingCountry.code): \($0.charge)" }.joined(separator: "; ")
    }

    /// Whether two notices hold the same values, their provenance aside.
    static func isSameNotice(_ first: Notice, _ second: Notice) -> Bool {
        var first = first
        first.provenance = second.provenance
        return first == second
    }

    /// A notice's fields as text, for comparing captures of the public list (absent values are empty).
    static func fieldTexts(_ notice: Notice) -> [(NormalizedField, String)] {
        [
            (.kind, notice.kind.rawValue), (.requestingCountry, notice.requestingCountry.code),
            (.nationalities, notice.nationalities.map(\.alpha2).joined(separator: ",")),
            (.issueDate, notice.issueDate?.description ?? ""), (.status, notice.status.rawValue),
            (.cancellationDate, notice.cancellationDate?.description ?? ""),
            (.cancellationReason, notice.cancellationReason.rawValue),
            (.warrants, notice.warrants.isEmpty ? "" : warrantText(notice.warrants)),
        ]
    }

    /// Merges `other` into `kept`: unknown fields of `kept` take `other`'s known values (a list entry has no
    /// requesting country and a detail page for the same notice has it; nationalities and dates likewise).
    static func combine(_ kept: inout Notice, _ other: Notice) -> [FieldDifference] {
        var fill = FieldFill(keptFlags: kept.flagged, otherFlags: other.flagged)
        fill.merge(&kept.kind, other.kind, .kind, known: { $0 != .unknown }, text: \.rawValue)
        fill.merge(country: &kept.requestingCountry, other.requestingCountry)
        fill.merge(
            &kept.nationalities, other.nationalities, .nationalities, known: { !$0.isEmpty },
            text: { $0.map(\.alpha2).joined(separator: ",") })
        fill.merge(&kept.issueDate, other.issueDate, .issueDate, known: { $0 != nil }, text: FieldFill.text)
        fill.merge(&kept.status, other.status, .status, known: { $0 != .unknown }, text: \.rawValue)
        fill.merge(
            &kept.cancellationDate, other.cancellationDate, .cancellationDate, known: { $0 != nil },
            text: FieldFill.text)
        fill.merge(
            &kept.cancellationReason, other.cancellationReason, .cancellationReason, known: { $0 != .unknown },
            text: \.rawValue)
        fill.merge(&kept.warrants, other.warrants, .warrants, known: { !$0.isEmpty }, text: RecordMerger.warrantText)
        kept.flagged = fill.keptFlags
        return fill.differences
    }
}

extension RecordMerger where Record == Complaint {
    /// The merger of complaints.
    static var complaints: Self {
        RecordMerger(
            id: \.id, combine: RecordMerger.combine, location: \.provenance, kind: .complaint,
            isExactRepeat: { first, second in
                var first = first
                first.provenance = second.provenance
                return first == second
            })
    }

    /// Merges `other` into `kept`: unknown fields of `kept` take `other`'s known values (a case list and a
    /// decisions table of the same complaints each give part). An outcome is unknown when it is `unknown`, or
    /// `pending` only because the source gave no outcome (an empty label).
    static func combine(_ kept: inout Complaint, _ other: Complaint) -> [FieldDifference] {
        var fill = FieldFill(keptFlags: kept.flagged, otherFlags: other.flagged)
        fill.merge(&kept.noticeID, other.noticeID, .noticeID, known: { $0 != nil }, text: { $0 ?? "" })
        fill.merge(country: &kept.requestingCountry, other.requestingCountry)
        fill.merge(&kept.filedDate, other.filedDate, .filedDate, known: { $0 != nil }, text: FieldFill.text)
        fill.merge(&kept.decisionDate, other.decisionDate, .decisionDate, known: { $0 != nil }, text: FieldFill.text)
        var outcome = StatedOutcome(outcome: kept.outcome, label: kept.outcomeLabel)
        fill.merge(
            &outcome, StatedOutcome(outcome: other.outcome, label: other.outcomeLabel), .outcome,
            known: { $0.outcome != .unknown && !($0.outcome == .pending && $0.label.isEmpty) },
            text: \.outcome.rawValue)
        (kept.outcome, kept.outcomeLabel) = (outcome.outcome, outcome.label)
        fill.merge(&kept.dataType, other.dataType, .dataType, known: { $0 != .unknown }, text: \.rawValue)
        fill.merge(&kept.requestType, other.requestType, .requestType, known: { $0 != .unknown }, text: \.rawValue)
        fill.merge(
            &kept.admissibilityDate, other.admissibilityDate, .admissibilityDate, known: { $0 != nil },
            text: FieldFill.text)
        kept.flagged = fill.keptFlags
        return fill.differences
    }
}

/// A complaint's outcome with its wording, merged as one field.
private struct StatedOutcome: Equatable {
    var outcome: Outcome
    var label: String

    static func == (lhs: Self, rhs: Self) -> Bool { lhs.outcome == rhs.outcome }
}

/// A field known in two records with the same id, with two different values.
struct FieldDifference {
    var field: NormalizedField
    var kept: String
    var other: String
}

/// Merging one record's fields into another's: the flags of the kept record, and the differences found.
struct FieldFill {
    var keptFlags: FlaggedFields
    let otherFlags: FlaggedFields
    var differences: [FieldDifference] = []

    /// `kept` takes `other` when only `other` is known (the flag follows the value); two known values that differ
    /// are a difference; two unknown values keep `kept`, flagged when either was.
    mutating func merge<Value: Equatable>(
        _ kept: inout Value, _ other: Value, _ field: NormalizedField, known: (Value) -> Bool,
        text: (Value) -> String
    ) {
        switch (known(kept), known(other)) {
        case (true, true):
            if kept != other { differences.append(.init(field: field, kept: text(kept), other: text(other))) }
        case (false, true):
            kept = other
            keptFlags.remove(field.flag)
        case (false, false):
            if otherFlags.contains(field.flag) { keptFlags.insert(field.flag) }
        case (true, false):
            break
        }
    }

    /// A country: a member is known; an unrecognized text beats no text, and is never a difference.
    mutating func merge(country kept: inout CountryValue, _ other: CountryValue) {
        merge(&kept, other, .requestingCountry, known: { $0.member != nil }, text: \.code)
        if case .unrecognized("") = kept, case .unrecognized(let text) = other, !text.isEmpty {
            kept = other
            if otherFlags.contains(.requestingCountry) { keptFlags.insert(.requestingCountry) }
        }
    }

    static func text(_ date: CivilDate?) -> String { date?.description ?? "" }
}
