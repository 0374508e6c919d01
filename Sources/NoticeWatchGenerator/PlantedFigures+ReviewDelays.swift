public import NoticeWatchModel

/// The requests under one statutory limit of the CCF Statute, Art. 40, by where they stand at the as-of date.
public struct PlantedLimitCount: Sendable, Hashable {
    /// `access-4-months` or `correction-deletion-9-months`.
    public var limit: String
    public var decidedWithin = 0
    public var decidedAfter = 0
    public var pendingPast = 0
    public var pendingWithin = 0

    /// An empty count for `limit`.
    public init(limit: String) {
        self.limit = limit
    }
}

extension PlantedFigures {
    /// The admissible complaints of `complaints` under each limit: the world's request type 1 (access and
    /// deletion, mapped to access) has 4 months, type 0 (deletion) 9 months, revisions none; counted from the
    /// admissibility date, or from filing where the exports leave it out.
    static func limitCounts(_ complaints: [SampleComplaint], asOf: CivilDate) -> [PlantedLimitCount] {
        var access = PlantedLimitCount(limit: "access-4-months")
        var deletion = PlantedLimitCount(limit: "correction-deletion-9-months")
        for complaint in complaints where complaint.outcome != .inadmissible && complaint.requestType != 2 {
            let start = complaint.admissibility ?? complaint.filed
            let months = complaint.requestType == 1 ? 4 : 9
            var month = start.month + months
            var year = start.year
            while month > 12 {
                month -= 12
                year += 1
            }
            let limit = CivilDate(
                year: year, month: month, day: min(start.day, CivilDate.daysIn(month: month, year: year)))!
            var count = complaint.requestType == 1 ? access : deletion
            if let decision = complaint.decision {
                if decision > limit { count.decidedAfter += 1 } else { count.decidedWithin += 1 }
            } else if asOf > limit {
                count.pendingPast += 1
            } else {
                count.pendingWithin += 1
            }
            if complaint.requestType == 1 { access = count } else { deletion = count }
        }
        return [access, deletion]
    }

    /// Admissible complaints whose exports give no admissibility date (their delay counts from filing).
    static func reviewsFromFiling(_ complaints: [SampleComplaint]) -> Int {
        complaints.filter { $0.outcome != .inadmissible && $0.admissibility == nil }.count
    }

    /// The `PLANTED.md` table of requests against the statutory limits.
    var limitMarkdown: String {
        var text = "\n## Review delays against the statutory limits\n\n"
        text += "Admissible requests, from the admissibility date (from filing for \(reviewsFromFiling) whose "
        text += "exports leave it out) to the decision; a request still pending past the limit counts as over it.\n\n"
        text += "| Limit | Decided within | Decided after | Pending past | Pending within | Share over |\n"
        text += "|---|---:|---:|---:|---:|---:|\n"
        for row in limitCounts {
            let over = row.decidedAfter + row.pendingPast
            text += "| \(row.limit) | \(row.decidedWithin) | \(row.decidedAfter) | \(row.pendingPast) | "
            text += "\(row.pendingWithin) | \(PlantedFigures.percent(over, of: over + row.decidedWithin)) |\n"
        }
        return text
    }
}

extension PlantedFigures {
    /// Adds the planted complaint rows that are kept with a value not understood (see
    /// `SampleBundle+Complaints.swift`) to the data-type and statutory-limit counts, which are made from the
    /// world's complaints: `CCF/9904/18` (country `Atlantis`: a red notice, overturned, a deletion request decided
    /// within 9 months of filing), `CCF/9905/20` (filed on 31 February: a diffusion, pending; no filing date, so
    /// in no delay) and `CCF/9907/23` (an outcome no vocabulary maps: no data type given, a deletion request
    /// decided after 9 months). The two with a filing date count their delay from filing.
    mutating func addKeptUnclearComplaints() {
        func add(_ type: ChallengedDataType, _ outcome: Outcome) {
            guard let index = complaintsByDataType.firstIndex(where: { $0.dataType == type }) else { return }
            complaintsByDataType[index].counts.add(outcome)
        }
        add(.redNotice, .overturned)
        add(.diffusion, .pending)
        if let index = limitCounts.firstIndex(where: { $0.limit == "correction-deletion-9-months" }) {
            limitCounts[index].decidedWithin += 1
            limitCounts[index].decidedAfter += 1
        }
        reviewsFromFiling += 2
    }
}
