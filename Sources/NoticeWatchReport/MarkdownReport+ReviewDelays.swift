import NoticeWatchModel

extension MarkdownReport {
    /// Review delays: time from admissibility (or filing) to decision, and the shares over the statutory limits.
    func reviewDelaysSection() -> String {
        let delays = figures.reviewDelays
        var text = heading(
            "Review delays",
            "Days from admissibility to the CCF's decision (Kaplan–Meier, pending requests censored on "
                + "\(options.asOf)), and the share of requests decided after the limit of the CCF Statute, "
                + "Art. 40 (4 months for access requests, 9 months for correction or deletion), where requests "
                + "still pending past the limit count as over it. Quartiles with \(level) intervals; shares with "
                + "\(level) Wilson intervals. All groups are in `review_delays.csv`. Chart: "
                + "[charts/review-delays.svg](charts/review-delays.svg)."
        )
        guard !delays.groups.isEmpty else { return text + "\nNo request has a usable duration.\n" }
        let total = delays.fromAdmissibility + delays.fromFiling
        if delays.fromFiling > 0 {
            text +=
                "\n\(FixedDecimal.count(delays.fromFiling)) of \(FixedDecimal.count(total)) durations are counted "
                + "from filing, because their source gives no admissibility date: for them the delay and the "
                + "shares over the limit are overstated by the time admissibility took.\n"
        } else {
            text += "\nEvery duration is counted from the admissibility date.\n"
        }
        var table = MarkdownTable(
            header: [
                "Group", "Requests", "Decided", "Pending", "25% decided by", "Median", "75% decided by",
                "Over 4 months (access)", "Over 9 months (correction, deletion)",
            ],
            right: [1, 2, 3, 4, 5, 6, 7, 8]
        )
        // Countries by English name, as in the other per-country tables; those with too few durations are in
        // the CSV table only.
        func countryName(_ group: ReviewDelays.Group) -> String? {
            if case .country(let country) = group.scope { return country.name }
            return nil
        }
        let countries = delays.groups.filter { countryName($0) != nil && !$0.survival.tooFew }
            .sorted { (countryName($0) ?? "") < (countryName($1) ?? "") }
        let years = delays.groups.filter { if case .year = $0.scope { true } else { false } }
        let shown = delays.groups.filter { countryName($0) == nil && !years.contains($0) } + countries + years
        for group in shown {
            let summary = group.survival
            let quartiles = [0.25, 0.5, 0.75].map { probability in
                summary.tooFew
                    ? "too few" : summary.quantiles.first { $0.probability == probability }.map(quantileText) ?? "—"
            }
            table.append(
                [
                    scopeName(group.scope), FixedDecimal.count(summary.subjects), FixedDecimal.count(summary.events),
                    FixedDecimal.count(summary.censored),
                ] + quartiles
                    + ReviewDelays.StatutoryLimit.allCases.map { limit in
                        group.limits.first { $0.limit == limit }.map(limitText) ?? "—"
                    })
        }
        text += "\n" + table.render()
        text += "\n![Requests not yet decided, by days since admissibility](charts/review-delays.svg)\n"
        for limit in ReviewDelays.StatutoryLimit.allCases {
            if let share = delays.group(.overall)?.limits.first(where: { $0.limit == limit }) {
                text += "\n" + limitSentence(share) + "\n"
            }
        }
        return text + noticesInForceText()
    }

    /// How long notices stayed in force after an overturned complaint was filed about them.
    func noticesInForceText() -> String {
        var text = "\n### Notices in force after an overturned complaint\n\n"
        let summaries =
            figures.noticesInForce.filter { $0.country == nil }
            + figures.noticesInForce.filter { $0.country != nil && !$0.tooFew }
            .sorted { ($0.country?.name ?? "") < ($1.country?.name ?? "") }
        guard let overall = summaries.first else {
            return text + "No overturned complaint names a notice the data holds.\n"
        }
        text +=
            "Days from the filing of a complaint that was overturned to the cancellation of the notice it "
            + "challenged (Kaplan–Meier; notices still active on \(options.asOf) are censored). Of "
            + "\(counted(overall.subjects, "such complaint", "such complaints")), the notice had been cancelled for "
            + "\(FixedDecimal.count(overall.events)) and was still in force for \(FixedDecimal.count(overall.censored)) "
            + "by \(options.asOf). All groups are in `notices_in_force.csv`.\n\n"
        var table = MarkdownTable(
            header: [
                "Group", "Complaints", "Cancelled", "Still in force", "25% cancelled by", "Median", "75% cancelled by",
            ],
            right: [1, 2, 3, 4, 5, 6]
        )
        for summary in summaries {
            let quartiles = [0.25, 0.5, 0.75].map { probability in
                summary.tooFew
                    ? "too few" : summary.quantiles.first { $0.probability == probability }.map(quantileText) ?? "—"
            }
            table.append(
                [
                    groupName(summary.country), FixedDecimal.count(summary.subjects),
                    FixedDecimal.count(summary.events), FixedDecimal.count(summary.censored),
                ] + quartiles)
        }
        return text + table.render()
    }

    /// `62.5% (51.0–72.8%) of 64`, or `too few (3 of 4)`.
    func limitText(_ share: ReviewDelays.LimitShare) -> String {
        guard let value = share.share else { return "—" }
        if share.tooFew { return "too few (\(share.over) of \(share.counted))" }
        return "\(percent(value)) (\(percentRange(share.interval))) of \(FixedDecimal.count(share.counted))"
    }

    /// The share over one limit, in a sentence.
    func limitSentence(_ share: ReviewDelays.LimitShare) -> String {
        let what =
            share.limit == .access
            ? "access requests took longer than 4 months" : "correction and deletion requests took longer than 9 months"
        guard let value = share.share else { return "No \(what.split(separator: " ").first ?? "") request is counted." }
        return "\(percent(value)) (\(level) CI \(percentRange(share.interval))) of "
            + "\(FixedDecimal.count(share.counted)) \(what) from admissibility (or filing, where not given): "
            + "\(FixedDecimal.count(share.decidedAfter)) decided after the limit and "
            + "\(FixedDecimal.count(share.pendingPast)) still pending past it on \(options.asOf); "
            + "\(FixedDecimal.count(share.pendingWithin)) pending within the limit are not counted."
            + (share.tooFew ? " Too few to rely on." : "")
    }

    /// `All requests`, `Access requests`, a country's name, `Filed 2023`.
    func scopeName(_ scope: ReviewDelays.Scope) -> String {
        switch scope {
        case .overall: "All requests"
        case .requestType(let type):
            switch type {
            case .access: "Access requests"
            case .correction: "Correction requests"
            case .deletion: "Deletion requests"
            case .revision: "Revision requests"
            case .unknown: "Request type unknown"
            }
        case .country(let country): country.name
        case .year(let year): "Filed \(year)"
        }
    }
}
