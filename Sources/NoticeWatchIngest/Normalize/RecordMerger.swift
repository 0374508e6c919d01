import NoticeWatchModel

/// Merges records with the same id across all sources of a kind, in the order they are added.
///
/// The first record with an id is kept. A later one with identical values (provenance and outcome wording
/// aside) merges silently; one that differs is merged too, and each differing field becomes a
/// ``DuplicateConflict`` naming both values and places.
struct RecordMerger {
    private(set) var notices: [Notice] = []
    private(set) var complaints: [Complaint] = []
    private(set) var conflicts: [DuplicateConflict] = []
    private var noticeIndex: [String: Int] = [:]
    private var complaintIndex: [String: Int] = [:]

    /// Makes room for `count` more records, so adding them does not rehash or copy.
    mutating func reserve(notices: Int, complaints: Int) {
        self.notices.reserveCapacity(self.notices.count + notices)
        noticeIndex.reserveCapacity(noticeIndex.count + notices)
        self.complaints.reserveCapacity(self.complaints.count + complaints)
        complaintIndex.reserveCapacity(complaintIndex.count + complaints)
    }

    /// Adds `record`; returns `true` when it was kept as a new record, `false` when it merged into an earlier one.
    mutating func add(_ record: NormalizedRecord) -> Bool {
        switch record {
        case .notice(let notice):
            if let index = noticeIndex[notice.id] {
                let kept = notices[index]
                compare(
                    .notice, notice.id, RecordMerger.values(kept), kept.provenance, RecordMerger.values(notice),
                    notice.provenance)
                return false
            }
            noticeIndex[notice.id] = notices.count
            notices.append(notice)
            return true
        case .complaint(let complaint):
            if let index = complaintIndex[complaint.id] {
                let kept = complaints[index]
                compare(
                    .complaint, complaint.id, RecordMerger.values(kept), kept.provenance,
                    RecordMerger.values(complaint), complaint.provenance)
                return false
            }
            complaintIndex[complaint.id] = complaints.count
            complaints.append(complaint)
            return true
        }
    }

    private mutating func compare(
        _ kind: RecordKind, _ id: String, _ kept: [(NormalizedField, String)], _ keptLocation: SourceLocation,
        _ other: [(NormalizedField, String)], _ otherLocation: SourceLocation
    ) {
        for (first, second) in zip(kept, other) where first.1 != second.1 {
            conflicts.append(
                DuplicateConflict(
                    recordKind: kind, id: id, field: first.0.rawValue, keptValue: first.1, keptLocation: keptLocation,
                    discardedValue: second.1, discardedLocation: otherLocation))
        }
    }

    /// A notice's fields as text, for comparison and for conflict reports (absent dates are empty).
    static func values(_ notice: Notice) -> [(NormalizedField, String)] {
        [
            (.kind, notice.kind.rawValue), (.requestingCountry, notice.requestingCountry.alpha2),
            (.issueDate, notice.issueDate?.description ?? ""), (.status, notice.status.rawValue),
            (.cancellationDate, notice.cancellationDate?.description ?? ""),
            (.cancellationReason, notice.cancellationReason.rawValue),
        ]
    }

    /// A complaint's fields as text, for comparison and for conflict reports.
    static func values(_ complaint: Complaint) -> [(NormalizedField, String)] {
        [
            (.noticeID, complaint.noticeID ?? ""), (.requestingCountry, complaint.requestingCountry.alpha2),
            (.filedDate, complaint.filedDate?.description ?? ""),
            (.decisionDate, complaint.decisionDate?.description ?? ""), (.outcome, complaint.outcome.rawValue),
        ]
    }
}
