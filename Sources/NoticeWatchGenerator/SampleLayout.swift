import NoticeWatchModel

/// How the synthetic truth is cut into the sample bundle's exports: which notice goes to which file, which
/// records are repeated, which disagree, and the wording each row gets.
struct SampleLayout {
    /// Red notices of the register, in issue order.
    var registerNotices: [SampleNotice] = []
    /// Records of the API pages in crawl order (by country, then id), repeats included.
    var apiRows: [NoticeRow] = []
    /// Complaints of the register (filed up to 2020), in filing order.
    var registerComplaints: [ComplaintRow] = []
    /// Complaints of the case system (filed from 2021, plus repeats of 2020), by id.
    var caseSystemComplaints: [ComplaintRow] = []
    /// The planted status conflicts between the register and the API pages, by id.
    var conflicts: [PlantedConflict] = []

    /// Cuts `world` into exports, drawing choices from `random`.
    ///
    /// - Complexity: O(n log n) in the number of records.
    init(world: SampleWorld, _ random: inout SeededRandom) {
        var apiNotices: [NoticeRow] = []
        for notice in world.redNotices {
            let draw = random.below(100)
            let inRegister = draw < 62 || draw >= 90
            let onPages = draw >= 62
            if inRegister { registerNotices.append(notice) }
            guard onPages else { continue }
            var row = NoticeRow(notice: notice)
            if inRegister, notice.status == .cancelled, conflicts.count < SampleBundle.conflictingStatuses {
                row.conflictingStatus = .withdrawn
                conflicts.append(
                    PlantedConflict(
                        recordKind: .notice, id: notice.id, field: "status", keptValue: notice.status.rawValue,
                        keptSource: SampleBundle.sourceNames[0], discardedValue: NoticeStatus.withdrawn.rawValue,
                        discardedSource: SampleBundle.sourceNames[1]))
            }
            if !inRegister, notice.status == .active, random.chance(perMille: 30) { row.withoutIssueDate = true }
            apiNotices.append(row)
        }
        conflicts.sort { $0.id < $1.id }
        apiNotices.sort {
            (SampleCountry.all[$0.notice.country].alpha2, $0.notice.id)
                < (SampleCountry.all[$1.notice.country].alpha2, $1.notice.id)
        }
        var repeats = 0
        while repeats < SampleBundle.repeatedOnPages && apiNotices.count > 1 {
            let source = random.below(apiNotices.count - 1)
            let row = apiNotices[source]
            guard row.conflictingStatus == nil else { continue }
            apiNotices.insert(row, at: random.int(in: (source + 1)...apiNotices.count))
            repeats += 1
        }
        apiRows = apiNotices

        var older: [ComplaintRow] = []
        var newer: [ComplaintRow] = []
        for complaint in world.complaints {
            if complaint.filed.year <= 2020 {
                let labels =
                    complaint.outcome != .pending && random.chance(perMille: 200)
                    ? SampleLabels.caseSystemOutcome(complaint.outcome)
                    : SampleLabels.registerOutcome(complaint.outcome)
                older.append(ComplaintRow(complaint: complaint, label: random.pick(labels)))
            } else {
                var label = random.pick(SampleLabels.caseSystemOutcome(complaint.outcome))
                if complaint.outcome == .pending, random.chance(perMille: 400) { label = "" }
                newer.append(ComplaintRow(complaint: complaint, label: label))
            }
        }
        // Repeats are decided and name their notice, so both copies normalize to the same record: an empty CSV
        // field and a JSON null are not compared.
        var candidates = older.indices.filter {
            older[$0].complaint.filed.year == 2020 && older[$0].complaint.outcome != .pending
                && older[$0].complaint.noticeID != nil
        }
        var chosen: [Int] = []
        while chosen.count < SampleBundle.repeatedComplaints && !candidates.isEmpty {
            chosen.append(candidates.remove(at: random.below(candidates.count)))
        }
        for index in chosen {
            older[index].label = random.pick(SampleLabels.caseSystemOutcome(older[index].complaint.outcome))
            newer.append(older[index])
        }
        newer.sort { $0.complaint.id < $1.complaint.id }
        registerComplaints = older
        caseSystemComplaints = newer
    }
}
