import NoticeWatchModel

/// Review delays: time from admissibility (or filing) to the CCF's decision, and the shares over the limits
/// of the CCF Statute, Art. 40.
enum ReviewDelayFigure {
    static let id = "review-delay"
    static let limitID = "review-delay-over-limit"

    /// The definition of the time to decision the report prints.
    static func definition(options: AnalysisOptions) -> FigureDefinition {
        FigureDefinition(
            id: id, title: "Review delays",
            text: "Days from the day a request was found admissible to the CCF's decision, or from its filing date "
                + "when the source gives no admissibility date (the report says how many are counted from "
                + "filing; those overstate the delay the statute limits). Event: any outcome but pending, with a "
                + "decision date (withdrawn ends the review too). Censored: pending, at the as-of date "
                + "\(options.asOf). Inadmissible requests are left out (the limits run from admissibility), as "
                + "are, counted per reason, missing or partial dates, a decision before the start, and a start "
                + "or decision after the as-of date. Overall, per request type, per requesting country and per "
                + "calendar year of filing (a request with no filing date is in no year group). "
                + SurvivalFigure.methodText(options: options)
        )
    }

    /// The definition of the shares over the statutory limits the report prints.
    static func limitDefinition(options: AnalysisOptions) -> FigureDefinition {
        FigureDefinition(
            id: limitID, title: "Requests over the statutory limit",
            text: "The CCF Statute (Art. 40) gives the CCF 4 months from admissibility to decide an access "
                + "request and 9 months for a request for correction or deletion; revisions of its decisions and "
                + "requests of unknown type have no limit here. The limit day is the same day 4 or 9 calendar "
                + "months after the start (the month's last day when it is shorter); a decision on the limit day "
                + "is within it. Share over the limit = requests decided after the limit day plus requests still "
                + "pending at the as-of date \(options.asOf) that are already past it, divided by those plus the "
                + "requests decided within the limit; pending requests not yet at the limit are counted apart "
                + "(whether they will exceed it is not known), so the share is a lower bound when many are "
                + "pending. Same start, groups and exclusions as the review delays. Interval: "
                + WilsonInterval.methodText(confidenceLevel: options.confidenceLevel) + ". A group with fewer than "
                + "\(options.minimumDecisions) requests counted is shown but marked too few."
        )
    }

    /// The review delays from `counts`.
    ///
    /// - Complexity: O(k log k) in the number of keys.
    static func make(_ counts: ReviewDelayCounts, options: AnalysisOptions) -> ReviewDelays {
        typealias Scope = ReviewDelays.Scope
        var tallies: [Scope: [Int: KaplanMeier.Tally]] = [:]
        var fromAdmissibility = 0
        var fromFiling = 0
        for (key, count) in counts.spans.dictionary {
            if key.fromAdmissibility { fromAdmissibility += count } else { fromFiling += count }
            var scopes: [Scope] = [.overall, .requestType(key.requestType)]
            if let country = key.country { scopes.append(.country(country)) }
            if let year = key.year { scopes.append(.year(year)) }
            for scope in scopes {
                var tally =
                    tallies[scope, default: [:]][key.days] ?? KaplanMeier.Tally(time: key.days, events: 0, censored: 0)
                if key.ended { tally.events += count } else { tally.censored += count }
                tallies[scope, default: [:]][key.days] = tally
            }
        }
        var statuses: [Scope: [ReviewDelays.StatutoryLimit: [LimitStatus: Int]]] = [:]
        for (key, count) in counts.limits.dictionary {
            guard let limit = ReviewDelays.StatutoryLimit(key.requestType) else { continue }
            var scopes: [Scope] = [.overall, .requestType(key.requestType)]
            if let country = key.country { scopes.append(.country(country)) }
            if let year = key.year { scopes.append(.year(year)) }
            for scope in scopes { statuses[scope, default: [:]][limit, default: [:]][key.status, default: 0] += count }
        }
        let groups = tallies.keys.sorted(by: order).map { scope in
            let byTime = tallies[scope]!
            let sorted = byTime.keys.sorted().map { byTime[$0]! }
            let country: Country? = if case .country(let country) = scope { country } else { nil }
            return ReviewDelays.Group(
                scope: scope,
                survival: SurvivalFigure.summary(
                    country: country, sorted, options: options, horizon: sorted.last?.time ?? 0),
                limits: ReviewDelays.StatutoryLimit.allCases.compactMap { limit in
                    statuses[scope]?[limit].map { share(limit, $0, options: options) }
                })
        }
        return ReviewDelays(groups: groups, fromAdmissibility: fromAdmissibility, fromFiling: fromFiling)
    }

    /// The share over `limit` of requests counted by status.
    static func share(
        _ limit: ReviewDelays.StatutoryLimit, _ counts: [LimitStatus: Int], options: AnalysisOptions
    ) -> ReviewDelays.LimitShare {
        let within = counts[.decidedWithin] ?? 0
        let after = counts[.decidedAfter] ?? 0
        let past = counts[.pendingPast] ?? 0
        let counted = within + after + past
        return ReviewDelays.LimitShare(
            limit: limit, decidedWithin: within, decidedAfter: after, pendingPast: past,
            pendingWithin: counts[.pendingWithin] ?? 0,
            share: counted == 0 ? nil : Double(after + past) / Double(counted),
            interval: WilsonInterval.interval(
                successes: after + past, trials: counted, confidenceLevel: options.confidenceLevel),
            tooFew: counted < options.minimumDecisions)
    }

    /// Overall, then request types, countries and years, each in their own order.
    static func order(_ lhs: ReviewDelays.Scope, _ rhs: ReviewDelays.Scope) -> Bool {
        func rank(_ scope: ReviewDelays.Scope) -> (Int, Int) {
            switch scope {
            case .overall: (0, 0)
            case .requestType(let type): (1, type.ordinal)
            case .country(let country): (2, country.index)
            case .year(let year): (3, year)
            }
        }
        return rank(lhs) < rank(rhs)
    }
}
