import Dispatch
public import NoticeWatchModel
import Synchronization

/// Every published figure, computed from notices and complaints.
///
/// The computation goes through ``PartialAggregate``: records are counted into aggregates at the as-of date,
/// which merge, and ``PartialAggregate/finish(options:)`` turns the counts into ``Figures``. Results never depend
/// on the order of the records.
public enum Analysis {
    /// Every figure of a run.
    ///
    /// - Parameters:
    ///   - notices: normalized notices and diffusions.
    ///   - complaints: normalized complaints.
    ///   - options: the as-of date, confidence level, interval transform and the other choices.
    /// - Returns: the figures, with their definitions and the records excluded from each statistic.
    /// - Complexity: O(n log n) in the number of records, counted on all cores.
    public static func figures(notices: [Notice], complaints: [Complaint], options: AnalysisOptions) -> Figures {
        var figures = aggregate(asOf: options.asOf, notices: notices, complaints: complaints).finish(options: options)
        addNoticesInForce(to: &figures, notices: RecordList(notices), complaints: complaints)
        return figures
    }

    /// Adds the time notices stayed in force after an overturned complaint, which joins complaints to notices
    /// by id and so is not counted from facts alone.
    static func addNoticesInForce(
        to figures: inout Figures, notices: RecordList<Notice>, complaints: some Sequence<Complaint>
    ) {
        let inForce = NoticeInForceFigure.make(notices: notices, complaints: complaints, options: figures.options)
        figures.noticesInForce = inForce.summaries
        figures.exclusions = (figures.exclusions + inForce.exclusions).sorted()
    }

    /// Every figure of a run, from ingest's record lists.
    ///
    /// Records held in memory are counted in shards on all cores; records read back from storage are counted
    /// one stored part per task, on all cores.
    ///
    /// - Complexity: O(n log n) in the number of records; memory O(1) per record beyond the durations.
    public static func figures(
        notices: RecordList<Notice>, complaints: RecordList<Complaint>, options: AnalysisOptions
    ) -> Figures {
        var figures = aggregate(asOf: options.asOf, notices: notices, complaints: complaints).finish(options: options)
        addNoticesInForce(to: &figures, notices: notices, complaints: complaints)
        return figures
    }

    /// The aggregate of two record lists (see ``figures(notices:complaints:options:)-(RecordList<Notice>,_,_)``).
    public static func aggregate(
        asOf: CivilDate, notices: RecordList<Notice>, complaints: RecordList<Complaint>
    ) -> PartialAggregate {
        if let noticeArray = notices.inMemory, let complaintArray = complaints.inMemory {
            return aggregate(asOf: asOf, notices: noticeArray, complaints: complaintArray)
        }
        // The stored parts go to at most four tasks of about equal records, each walking its parts' facts (which
        // stored parts read without the records' texts) in turn; the tasks' aggregates merge in task order.
        let units =
            notices.parts.map { (notices: $0, complaints: RecordList<Complaint>()) }
            + complaints.parts.map { (notices: RecordList<Notice>(), complaints: $0) }
        let total = max(1, notices.count + complaints.count)
        let tasks = min(4, units.count)
        var groups = [[Int]](repeating: [], count: max(tasks, 1))
        var seen = 0
        for (index, unit) in units.enumerated() {
            groups[min(tasks - 1, seen * tasks / total)].append(index)
            seen += unit.notices.count + unit.complaints.count
        }
        let assigned = groups
        let partials = Mutex([PartialAggregate](repeating: PartialAggregate(asOf: asOf), count: assigned.count))
        DispatchQueue.concurrentPerform(iterations: assigned.count) { group in
            var partial = PartialAggregate(asOf: asOf)
            for index in assigned[group] {
                units[index].notices.forEachFacts { partial.add($0) }
                units[index].complaints.forEachFacts { partial.add($0) }
            }
            partials.withLock { $0[group] = partial }
        }
        return partials.withLock { all in all.reduce(into: PartialAggregate(asOf: asOf)) { $0.merge($1) } }
    }

    /// The aggregate of `notices` and `complaints`, counted in contiguous shards on all cores and merged in
    /// shard order (merging is exact, so the result is the same for any split).
    ///
    /// - Parameter shardSize: about how many records one shard counts (at most 4 shards; fewer records than
    ///   two shards' worth are counted on the caller's thread).
    /// - Complexity: O(n) in the number of records.
    public static func aggregate(
        asOf: CivilDate, notices: [Notice], complaints: [Complaint], shardSize: Int = 1 << 17
    ) -> PartialAggregate {
        let shards = min(4, max(1, (notices.count + complaints.count) / max(1, shardSize)))
        guard shards > 1 else { return PartialAggregate(asOf: asOf, notices: notices, complaints: complaints) }
        @Sendable func slice(_ count: Int, _ shard: Int) -> Range<Int> {
            (count * shard / shards)..<(count * (shard + 1) / shards)
        }
        let partials = Mutex([PartialAggregate](repeating: PartialAggregate(asOf: asOf), count: shards))
        DispatchQueue.concurrentPerform(iterations: shards) { shard in
            let partial = PartialAggregate(
                asOf: asOf, notices: notices[slice(notices.count, shard)],
                complaints: complaints[slice(complaints.count, shard)])
            partials.withLock { $0[shard] = partial }
        }
        return partials.withLock { all in all.dropFirst().reduce(into: all[0]) { $0.merge($1) } }
    }

    /// The identifier of the exclusions definition.
    static let exclusionsID = "exclusions"

    /// Every figure's definition under `options`, in the order the report presents them.
    ///
    /// Ids: `complaint-volume`, `overturn-rate`, `persistent-overturns`, `complaints-by-data-type`,
    /// `notice-cancelled-share`, `notice-ccf-share`, `notice-nationalities`, `notice-charges`,
    /// `notice-time-to-cancellation`, `notice-time-to-cancellation-by-kind`, `complaint-time-to-decision`,
    /// `review-delay`, `review-delay-over-limit`, `notice-in-force-after-complaint`, `observed-duration-quantiles`,
    /// `duration-histogram`, `exclusions`.
    public static func definitions(options: AnalysisOptions) -> [FigureDefinition] {
        [
            VolumeFigure.definition(options: options),
            OverturnFigure.definition(options: options),
            OverturnFigure.persistentDefinition(options: options),
            DataTypeFigure.definition(options: options),
            CancellationFigure.cancelledDefinition(options: options),
            CancellationFigure.ccfDefinition(options: options),
            NationalityFigure.definition(),
            ChargeFigure.definition(options: options),
            SurvivalFigure.noticeDefinition(options: options),
            DataTypeFigure.survivalDefinition(options: options),
            SurvivalFigure.complaintDefinition(options: options),
            ReviewDelayFigure.definition(options: options),
            ReviewDelayFigure.limitDefinition(options: options),
            NoticeInForceFigure.definition(options: options),
            SurvivalFigure.observedDefinition(options: options),
            SurvivalFigure.histogramDefinition(options: options),
            FigureDefinition(
                id: exclusionsID, title: "Records left out",
                text: "A record whose dates cannot give a duration is left out of the time-to-event figures only, "
                    + "and counted under the figure and a reason code (for example negative-duration: the end "
                    + "date is before the start date). It still counts in volumes, rates and shares. Every "
                    + "reason with at least one record is listed, by figure then reason."
            ),
        ]
    }
}

extension PartialAggregate {
    /// The figures from these counts under `options`.
    ///
    /// Rows are in the order each ``Figures`` property documents; exclusions are sorted by figure then reason
    /// and list only reasons with at least one record. A partial as-of date stands for its last day.
    ///
    /// - Precondition: `options.confidenceLevel` is strictly between 0 and 1 (the command line checks it), and
    ///   `options.asOf` is the date the aggregate was counted at.
    /// - Complexity: O(k log k) in the number of keys.
    public func finish(options: AnalysisOptions) -> Figures {
        precondition(
            options.confidenceLevel > 0 && options.confidenceLevel < 1,
            "confidence level \(options.confidenceLevel) outside (0, 1)"
        )
        precondition(
            SurvivalFigure.lastDay(of: options.asOf) == noticeSpans.asOf,
            "the aggregate was counted at another as-of date than \(options.asOf)")
        var exclusions = self.exclusions
        let noticeSurvival = SurvivalFigure.make(
            noticeSpans, of: .notice, options: options, exclusions: &exclusions
        )
        let complaintSurvival = SurvivalFigure.make(
            complaintSpans, of: .complaint, options: options, exclusions: &exclusions
        )
        let dataTypes = DataTypeFigure.make(typedOutcomes.dictionary, kindSpans: kindSpans, options: options)
        let reviewDelays = ReviewDelayFigure.make(self.reviewDelays, options: options)
        let excluded = exclusions.filter { $0.value > 0 }
            .map { Exclusion(figure: $0.key.figure, reason: $0.key.reason, count: $0.value) }
            .sorted()
        var figures = Figures(
            options: options,
            volumes: VolumeFigure.make(filings.dictionary, asOf: options.asOf),
            overturnRates: OverturnFigure.make(outcomes.dictionary, options: options),
            noticeCancellations: CancellationFigure.make(notices.dictionary, options: options),
            noticeSurvival: noticeSurvival,
            complaintSurvival: complaintSurvival,
            exclusions: excluded,
            definitions: Analysis.definitions(options: options),
            noticeNationalities: nationalityFigure(),
            noticeCharges: chargeFigure(options: options)
        )
        figures.dataTypes = dataTypes
        figures.reviewDelays = reviewDelays
        return figures
    }
}
