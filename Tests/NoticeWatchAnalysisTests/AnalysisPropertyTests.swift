import NoticeWatchAnalysis
import NoticeWatchModel
import Testing

/// Properties of the figures over seeded random records.
struct AnalysisPropertyTests {
    static let seeds: [UInt64] = [1, 2, 3, 20_261_125, 0xDEAD_BEEF]

    static func options(
        partial: Bool = false, method: SurvivalIntervalMethod = .logLog, level: Double = 0.95
    ) -> AnalysisOptions {
        AnalysisOptions(
            asOf: SeededRecords.asOf, asOfOrigin: "--as-of", minimumDecisions: 10, partialCountsAsOverturned: partial,
            confidenceLevel: level, survivalInterval: method
        )
    }

    static func figures(seed: UInt64, options: AnalysisOptions = options()) -> Figures {
        var source = SeededRecords(seed: seed)
        let records = source.records(notices: 400, complaints: 300)
        return Analysis.figures(notices: records.notices, complaints: records.complaints, options: options)
    }

    @Test(arguments: seeds)
    func volumeSharesSumToOne(seed: UInt64) {
        let volumes = Self.figures(seed: seed).volumes
        #expect(volumes.rows.count == Country.allMembers.count)
        #expect(abs(volumes.rows.reduce(0) { $0 + $1.share } - 1) < 1e-12)
        #expect(volumes.rows.reduce(0) { $0 + $1.total } == volumes.total)
        #expect(volumes.totalByYear.reduce(0, +) + volumes.unknownYear == volumes.total)
    }

    @Test(arguments: seeds)
    func everyRateLiesInsideItsInterval(seed: UInt64) throws {
        for options in [Self.options(), Self.options(partial: true, level: 0.9)] {
            let figures = Self.figures(seed: seed, options: options)
            let rates = figures.overturnRates
            let tallies =
                [rates.overall] + rates.byCountry.map(\.tally) + rates.byYear.map(\.tally)
                + rates.byCountryYear.map(\.tally)
            for tally in tallies where tally.decided > 0 {
                let interval = try #require(tally.interval)
                let rate = try #require(tally.rate)
                #expect(interval.contains(rate), "\(rate) outside [\(interval.lower), \(interval.upper)]")
                #expect(0 <= interval.lower && interval.upper <= 1)
            }
            let rows = [figures.noticeCancellations.overall] + figures.noticeCancellations.byCountry
            for row in rows {
                if let share = row.cancelledShare { #expect(try #require(row.cancelledInterval).contains(share)) }
                if let share = row.ccfShare { #expect(try #require(row.ccfInterval).contains(share)) }
            }
        }
    }

    @Test(arguments: seeds)
    func survivalIsNonIncreasingAndBandsHoldTheCurve(seed: UInt64) {
        for method in SurvivalIntervalMethod.allCases {
            let figures = Self.figures(seed: seed, options: Self.options(method: method))
            for summary in figures.noticeSurvival + figures.complaintSurvival {
                #expect(summary.curve.first.map { $0.atRisk == summary.subjects } ?? false)
                for (before, after) in zip(summary.curve, summary.curve.dropFirst()) {
                    #expect(after.survival <= before.survival)
                    #expect(after.time > before.time)
                }
                for step in summary.curve {
                    if let interval = step.interval { #expect(interval.contains(step.survival)) }
                }
            }
        }
    }

    @Test(arguments: seeds)
    func withoutCensoringKaplanMeierIsTheEmpiricalSurvival(seed: UInt64) {
        var generator = SplitMix64(seed: seed)
        let durations = (0..<200).map { _ in (time: Int.random(in: 0...900, using: &generator), ended: true) }
        let steps = KaplanMeier.curve(KaplanMeier.tallies(durations: durations), method: .logLog, confidenceLevel: 0.95)
        for step in steps {
            let beyond = durations.filter { $0.time > step.time }.count
            #expect(abs(step.survival - Double(beyond) / 200) < 1e-12, "at \(step.time)")
        }
    }

    @Test("Counting on all cores gives the aggregate counted in one pass", arguments: seeds)
    func shardedCountingMatchesOnePass(seed: UInt64) {
        var source = SeededRecords(seed: seed)
        let records = source.records(notices: 400, complaints: 300)
        let whole = PartialAggregate(asOf: SeededRecords.asOf, notices: records.notices, complaints: records.complaints)
        for shardSize in [1, 50, 99, 700, 10_000] {
            #expect(
                Analysis.aggregate(
                    asOf: SeededRecords.asOf, notices: records.notices, complaints: records.complaints,
                    shardSize: shardSize)
                    == whole)
        }
    }

    /// `records` as a stored list cut into parts of `size`.
    static func stored<Record: Sendable>(_ records: [Record], partsOf size: Int) -> RecordList<Record> {
        RecordList(
            parts: stride(from: 0, to: records.count, by: size).map { start in
                let part = Array(records[start..<min(records.count, start + size)])
                return RecordList.Part(count: part.count) { AnyIterator(part.makeIterator()) }
            })
    }

    @Test("Records read back in parts give the aggregate of the records in memory", arguments: seeds)
    func storedPartsMatchMemory(seed: UInt64) {
        var source = SeededRecords(seed: seed)
        let records = source.records(notices: 400, complaints: 300)
        let whole = PartialAggregate(asOf: SeededRecords.asOf, notices: records.notices, complaints: records.complaints)
        for size in [1, 33, 150, 1000] {
            let notices = Self.stored(records.notices, partsOf: size)
            let complaints = Self.stored(records.complaints, partsOf: size)
            #expect(Analysis.aggregate(asOf: SeededRecords.asOf, notices: notices, complaints: complaints) == whole)
            #expect(
                Analysis.aggregate(
                    asOf: SeededRecords.asOf, notices: notices, complaints: RecordList(records.complaints)) == whole)
        }
    }

    @Test(arguments: seeds)
    func mergingShardsGivesTheWholesFigures(seed: UInt64) {
        var source = SeededRecords(seed: seed)
        let records = source.records(notices: 400, complaints: 300)
        let options = Self.options()
        let whole = PartialAggregate(asOf: SeededRecords.asOf, notices: records.notices, complaints: records.complaints)
        var generator = SplitMix64(seed: seed &+ 99)
        let shardCount = Int.random(in: 2...6, using: &generator)
        var shards = [PartialAggregate](repeating: PartialAggregate(asOf: SeededRecords.asOf), count: shardCount)
        for notice in records.notices { shards[Int.random(in: 0..<shardCount, using: &generator)].add(notice) }
        for complaint in records.complaints {
            shards[Int.random(in: 0..<shardCount, using: &generator)].add(complaint)
        }
        let forward = shards.reduce(PartialAggregate(asOf: SeededRecords.asOf)) { $0.merged(with: $1) }
        let backward = shards.reversed().reduce(PartialAggregate(asOf: SeededRecords.asOf)) { $0.merged(with: $1) }
        let grouped = shards.dropFirst().reduce(PartialAggregate(asOf: SeededRecords.asOf)) { $0.merged(with: $1) }
            .merged(with: shards[0])
        #expect(forward == whole)
        #expect(backward == whole)
        #expect(grouped == whole)
        #expect(forward.finish(options: options) == whole.finish(options: options))
        #expect(whole.merged(with: PartialAggregate(asOf: SeededRecords.asOf)) == whole)
    }

    @Test(arguments: seeds)
    func shuffledInputGivesTheSameFigures(seed: UInt64) {
        var source = SeededRecords(seed: seed)
        let records = source.records(notices: 400, complaints: 300)
        var generator = SplitMix64(seed: seed &+ 7)
        let options = Self.options()
        let first = Analysis.figures(notices: records.notices, complaints: records.complaints, options: options)
        let second = Analysis.figures(
            notices: records.notices.shuffled(using: &generator),
            complaints: records.complaints.shuffled(using: &generator), options: options
        )
        #expect(first == second)
    }

    @Test(arguments: seeds)
    func everyRecordIsUsedOrExcluded(seed: UInt64) {
        var source = SeededRecords(seed: seed)
        let records = source.records(notices: 400, complaints: 300)
        let figures = Analysis.figures(
            notices: records.notices, complaints: records.complaints, options: Self.options())
        func excluded(_ figure: String) -> Int {
            figures.exclusions.filter { $0.figure == figure }.reduce(0) { $0 + $1.count }
        }
        #expect(
            (figures.noticeSurvival.first?.subjects ?? 0) + excluded("notice-time-to-cancellation")
                == records.notices.count
        )
        #expect(
            (figures.complaintSurvival.first?.subjects ?? 0) + excluded("complaint-time-to-decision")
                == records.complaints.count
        )
        #expect(figures.exclusions == figures.exclusions.sorted())
        #expect(figures.exclusions.allSatisfy { $0.count > 0 })
        let perCountry = figures.noticeSurvival.dropFirst().reduce(0) { $0 + $1.subjects }
        #expect(perCountry == figures.noticeSurvival.first?.subjects)
    }
}
