import NoticeWatchModel

/// Shares of notices cancelled and of cancellations due to the CCF: the computation of
/// ``NoticeCancellations`` and its definitions.
enum CancellationFigure {
    static let cancelledID = "notice-cancelled-share"
    static let ccfID = "notice-ccf-share"

    /// The definition of the cancelled share the report prints.
    static func cancelledDefinition(options: AnalysisOptions) -> FigureDefinition {
        FigureDefinition(
            id: cancelledID, title: "Share of notices cancelled",
            text: "Notices and diffusions whose status is cancelled, withdrawn or expired, divided by the notices "
                + "and diffusions of the requesting country whose status is known (a status not given, or given "
                + "in words no vocabulary maps, is unknown: such notices are counted and shown beside the share, "
                + "not in its denominator). When a source maps a cancellation date but no status, a notice with "
                + "a cancellation date is cancelled and one without is active as of the as-of date. Overall and "
                + "per requesting country with at least one notice; notices whose requesting country is not "
                + "recognized count in the overall share and in one \"unrecognized / not a member\" row. "
                + "Interval: " + WilsonInterval.methodText(confidenceLevel: options.confidenceLevel) + "."
        )
    }

    /// The definition of the CCF share the report prints.
    static func ccfDefinition(options: AnalysisOptions) -> FigureDefinition {
        FigureDefinition(
            id: ccfID, title: "Share of cancellations due to the CCF",
            text: "Among notices cancelled, withdrawn or expired whose cancellation reason is known (any reason "
                + "but \"unknown\"), the share whose reason is a CCF decision. Cancellations with an unknown "
                + "reason are counted and shown, not in the denominator. Interval: "
                + WilsonInterval.methodText(confidenceLevel: options.confidenceLevel) + "."
        )
    }

    /// Counts for one row, before shares and intervals.
    struct Counts {
        var notices = 0
        var unknownStatus = 0
        var cancelled = 0
        var withKnownReason = 0
        var byCCF = 0

        mutating func add(_ key: PartialAggregate.NoticeKey, _ count: Int) {
            notices += count
            if key.status == .unknown { unknownStatus += count }
            guard key.status.hasEnded else { return }
            cancelled += count
            guard key.reason != .unknown else { return }
            withKnownReason += count
            if key.reason == .ccfDecision { byCCF += count }
        }
    }

    /// The row for `counts` under `options`.
    static func row(country: Country?, _ counts: Counts, options: AnalysisOptions) -> NoticeCancellations.Row {
        let known = counts.notices - counts.unknownStatus
        return NoticeCancellations.Row(
            country: country, notices: counts.notices, unknownStatus: counts.unknownStatus,
            cancelled: counts.cancelled,
            cancelledShare: known == 0 ? nil : Double(counts.cancelled) / Double(known),
            cancelledInterval: WilsonInterval.interval(
                successes: counts.cancelled, trials: known, confidenceLevel: options.confidenceLevel
            ),
            withKnownReason: counts.withKnownReason, byCCF: counts.byCCF,
            ccfShare: counts.withKnownReason == 0 ? nil : Double(counts.byCCF) / Double(counts.withKnownReason),
            ccfInterval: WilsonInterval.interval(
                successes: counts.byCCF, trials: counts.withKnownReason, confidenceLevel: options.confidenceLevel
            )
        )
    }

    /// Builds the cancellation shares from notice counts per (country, status, reason).
    ///
    /// - Complexity: O(k log k) in the number of keys.
    static func make(
        _ notices: [PartialAggregate.NoticeKey: Int], options: AnalysisOptions
    ) -> NoticeCancellations {
        var overall = Counts()
        var byCountry: [Country: Counts] = [:]
        var unrecognized: Counts?
        for (key, count) in notices {
            overall.add(key, count)
            if let country = key.country {
                byCountry[country, default: Counts()].add(key, count)
            } else {
                unrecognized = unrecognized ?? Counts()
                unrecognized?.add(key, count)
            }
        }
        return NoticeCancellations(
            overall: row(country: nil, overall, options: options),
            byCountry: byCountry.keys.sorted().map { row(country: $0, byCountry[$0]!, options: options) },
            unrecognized: unrecognized.map { row(country: nil, $0, options: options) }
        )
    }
}
