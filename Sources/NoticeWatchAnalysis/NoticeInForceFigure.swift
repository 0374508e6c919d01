import NoticeWatchModel

/// How long a notice stayed in force while a complaint about it was under review: for overturned complaints,
/// the time from the complaint's filing to the challenged notice's cancellation.
enum NoticeInForceFigure {
    static let id = "notice-in-force-after-complaint"

    /// The definition the report prints.
    static func definition(options: AnalysisOptions) -> FigureDefinition {
        let counted =
            options.partialCountsAsOverturned
            ? "overturned or partially overturned (a choice of this run)" : "overturned"
        return FigureDefinition(
            id: id, title: "Notices in force after an overturned complaint",
            text:
                "For each complaint that was \(counted) and names the notice it challenged, days from the complaint's "
                + "filing date to that notice's cancellation date: how long the notice stayed in force while the "
                + "complaint was under review and after the CCF's decision. The complaint is joined to the notice "
                + "by the notice's id (2019-12345 and 2019/12345 alike). Event: the notice's status is "
                + "cancelled, withdrawn or expired, with a cancellation date. Censored: the notice is still active "
                + "at the as-of date \(options.asOf). Excluded, counted per reason: no notice id, a notice id no "
                + "notice record has, a missing or partial filing or cancellation date, a notice of unknown "
                + "status or ended without a date, a cancellation before the filing, and dates after the as-of "
                + "date. A notice challenged by several such complaints counts once per complaint. Kaplan–Meier "
                + "as for the other durations, overall and per requesting country of the complaint."
        )
    }

    /// The summaries (overall first, then per country) and the complaints left out, by reason.
    ///
    /// The overturned complaints' notice ids are collected first (few, against all notices), then the notices'
    /// facts are looked up by id in one walk of their ids (``RecordList/facts(ofIDs:)``), which decodes the
    /// notices found alone.
    ///
    /// - Complexity: O(n + m log m) for n notices and m overturned complaints; memory O(m).
    static func make(
        notices: RecordList<Notice>, complaints: some Sequence<Complaint>, options: AnalysisOptions
    ) -> (summaries: [SurvivalSummary], exclusions: [Exclusion]) {
        let asOf = SurvivalFigure.lastDay(of: options.asOf)
        var reasons: [String: Int] = [:]
        func exclude(_ reason: String, _ count: Int = 1) { reasons[reason, default: 0] += count }
        var waiting: [String: [(country: Country?, start: Int)]] = [:]
        for complaint in complaints {
            let counted =
                complaint.outcome == .overturned
                || (options.partialCountsAsOverturned && complaint.outcome == .partiallyOverturned)
            guard counted else { continue }
            guard let noticeID = complaint.noticeID.map(normalizedID), !noticeID.isEmpty else {
                exclude("missing-notice-id")
                continue
            }
            guard let filed = complaint.filedDate else {
                exclude("missing-filing-date")
                continue
            }
            guard let start = filed.dayNumber else {
                exclude("partial-filing-date")
                continue
            }
            guard start <= asOf else {
                exclude("filing-date-after-as-of")
                continue
            }
            waiting[noticeID, default: []].append((complaint.requestingCountry.member, start))
        }
        var spans = SpanCounts(asOf: asOf)
        let found = notices.facts(ofIDs: waiting.keys)
        // Keys in order, so that spans are added in the same order whatever the table's layout.
        for noticeID in waiting.keys.sorted() {
            guard let notice = found[noticeID], let complaints = waiting.removeValue(forKey: noticeID) else {
                continue
            }
            for (country, start) in complaints {
                if let reason = reason(notice, start: start, asOf: asOf) {
                    exclude(reason)
                } else {
                    let end = notice.status == .active ? nil : notice.cancellationDate?.dayNumber
                    spans.add(country: country, start: start, end: end)
                }
            }
        }
        exclude("notice-not-found", waiting.values.reduce(0) { $0 + $1.count })
        var unused: [PartialAggregate.ExclusionKey: Int] = [:]
        let summaries = SurvivalFigure.make(spans, of: .notice, options: options, exclusions: &unused)
        let exclusions = reasons.filter { $0.value > 0 }.map { Exclusion(figure: id, reason: $0.key, count: $0.value) }
        return (summaries, exclusions.sorted())
    }

    /// Why the span from `start` to the notice's cancellation cannot be timed, or `nil` when it can.
    static func reason(_ notice: Notice.Facts, start: Int, asOf: Int) -> String? {
        switch notice.status {
        case .unknown: return "unknown-status"
        case .active: return notice.cancellationDate == nil ? nil : "active-with-cancellation-date"
        case .cancelled, .withdrawn, .expired:
            guard let cancellation = notice.cancellationDate else { return "ended-without-cancellation-date" }
            guard let end = cancellation.dayNumber else { return "partial-cancellation-date" }
            if end < start { return "cancelled-before-filing" }
            if end > asOf { return "cancellation-date-after-as-of" }
            return nil
        }
    }

    /// A notice id as notices are keyed: `2019-12345` (the public service's URL form) is `2019/12345`.
    static func normalizedID(_ id: String) -> String {
        let bytes = Array(id.utf8)
        guard bytes.count >= 6, bytes[4] == UInt8(ascii: "-"),
            bytes[0..<4].allSatisfy({ (0x30...0x39).contains($0) }),
            bytes[5...].allSatisfy({ (0x30...0x39).contains($0) })
        else { return id }
        var rewritten = bytes
        rewritten[4] = UInt8(ascii: "/")
        return String(decoding: rewritten, as: UTF8.self)
    }
}
