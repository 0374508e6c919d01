import Foundation
import NoticeWatchAnalysis
import NoticeWatchGenerator
import NoticeWatchIngest
import NoticeWatchModel
import Testing

/// The generator plants known figures in the sample bundle; the pipeline must give them back exactly.
@Suite("Planted figures come back", .serialized)
struct PlantedFiguresTests {
    let planted: PlantedFigures
    let ingested: IngestResult
    let figures: Figures

    init() throws {
        let folder = try PipelineTestSupport.temporaryFolder("planted") + "/sample"
        planted = try SampleBundle.write(to: folder, seed: SampleBundle.defaultSeed)
        ingested = try DatasetIngestor(directory: folder).ingest()
        let options = AnalysisOptions(asOf: planted.asOf, asOfOrigin: "--as-of")
        figures = Analysis.figures(notices: ingested.notices, complaints: ingested.complaints, options: options)
    }

    @Test("Every source's accounting is the planted one, and read = kept + merged + quarantined")
    func accounting() {
        #expect(ingested.sources.map(\.source).sorted() == planted.sources.map(\.name).sorted())
        for source in planted.sources {
            let found = ingested.sources.first { $0.source == source.name }
            #expect(found?.read == source.rowsWritten, "\(source.name): read")
            #expect(found?.kept == source.kept, "\(source.name): kept")
            #expect(found?.merged == source.merged, "\(source.name): merged")
            #expect(found?.quarantined == source.quarantined, "\(source.name): quarantined")
            #expect(found?.balances == true, "\(source.name): read = kept + merged + quarantined")
        }
    }

    @Test("Each planted broken row is quarantined where it was planted, with its raw value")
    func brokenRows() {
        #expect(ingested.quarantine.count == planted.brokenRows.count)
        for row in planted.brokenRows {
            let match = ingested.quarantine.first {
                $0.location.source == row.source && $0.location.file == row.file
                    && ($0.location.line == row.line || $0.location.record == row.record)
            }
            #expect(
                match != nil,
                "no quarantined row for \(row.hazard) at \(row.file) line \(row.line ?? 0) record \(row.record)")
            if let match, row.field != nil {
                #expect(
                    row.rawValue.isEmpty || match.rawValue.contains(row.rawValue),
                    "\(row.hazard): raw value \(match.rawValue)")
            }
        }
    }

    @Test("Each planted value not understood is kept as an unknown field and listed with its place")
    func unclearValues() {
        let values = planted.unclearValues.filter { !$0.rawValue.isEmpty }
        #expect(values.count == 3)
        #expect(ingested.valuesNotUnderstood.count == values.count)
        for row in values {
            let match = ingested.valuesNotUnderstood.first { $0.source == row.source && $0.rawValue == row.rawValue }
            #expect(match?.field == row.field, "\(row.hazard)")
            #expect(match?.count == 1, "\(row.hazard)")
            #expect(match?.firstLocation.file == row.file, "\(row.hazard)")
            #expect(match?.firstLocation.line == row.line || match?.firstLocation.record == row.record)
        }
        #expect(figures.volumes.unrecognized == planted.unrecognizedComplaints.total)
        #expect(figures.overturnRates.unrecognized?.overturned == planted.unrecognizedComplaints.overturned)
        #expect(figures.noticeCancellations.unrecognized?.notices == planted.unrecognizedNotices)
        #expect(ingested.sources.reduce(0) { $0 + $1.withValuesNotUnderstood } == values.count)
    }

    @Test("Conflicting duplicates keep the first value by source order and list both")
    func conflicts() {
        #expect(ingested.conflicts.count == planted.conflicts.count)
        for conflict in planted.conflicts {
            let match = ingested.conflicts.first { $0.id == conflict.id && $0.field == conflict.field }
            #expect(match?.keptValue == conflict.keptValue, "\(conflict.id) kept")
            #expect(match?.discardedValue == conflict.discardedValue, "\(conflict.id) discarded")
            #expect(match?.keptLocation.source == conflict.keptSource)
            #expect(match?.discardedLocation.source == conflict.discardedSource)
        }
    }

    @Test("Complaints per data type challenged are exactly the planted counts, every type read from its label")
    func complaintsByDataType() {
        #expect(!planted.complaintsByDataType.isEmpty)
        // Only the case-system complaint whose outcome is not understood gives no data type.
        #expect(figures.dataTypes.row(.unknown)?.complaints == 1)
        for count in planted.complaintsByDataType {
            let row = figures.dataTypes.row(count.dataType)
            #expect(row?.complaints == count.counts.total, "\(count.dataType) complaints")
            #expect(row?.tally.overturned == count.counts.overturned, "\(count.dataType) overturned")
            #expect(row?.tally.decided == count.counts.decided, "\(count.dataType) decided")
            #expect(row?.tally.pending == count.counts.pending, "\(count.dataType) pending")
        }
    }

    @Test("Requests over the statutory limits are exactly the planted counts, counted from admissibility")
    func statutoryLimits() throws {
        let delays = figures.reviewDelays
        #expect(delays.fromFiling == planted.reviewsFromFiling && delays.fromFiling > 0)
        let overall = try #require(delays.group(.overall))
        #expect(overall.limits.map(\.limit.rawValue) == planted.limitCounts.map(\.limit))
        for (share, count) in zip(overall.limits, planted.limitCounts) {
            #expect(share.decidedWithin == count.decidedWithin, "\(count.limit) within")
            #expect(share.decidedAfter == count.decidedAfter, "\(count.limit) after")
            #expect(share.pendingPast == count.pendingPast, "\(count.limit) pending past")
            #expect(share.pendingWithin == count.pendingWithin, "\(count.limit) pending within")
        }
    }

    @Test("Complaint outcomes per country are exactly the planted counts")
    func complaintOutcomes() {
        #expect(figures.volumes.total == planted.complaintTotal.total)
        let overall = figures.overturnRates.overall
        #expect(overall.overturned == planted.complaintTotal.overturned)
        #expect(overall.upheld == planted.complaintTotal.upheld)
        #expect(overall.partiallyOverturned == planted.complaintTotal.partiallyOverturned)
        #expect(overall.inadmissible == planted.complaintTotal.inadmissible)
        #expect(overall.withdrawn == planted.complaintTotal.withdrawn)
        #expect(overall.pending == planted.complaintTotal.pending)
        #expect(overall.unknown == planted.complaintTotal.unknown)
        for count in planted.complaintsByCountry {
            guard let country = count.country else { continue }
            let row = figures.overturnRates.byCountry.first { $0.country == country }?.tally
            #expect(row?.overturned == count.overturned, "\(country) overturned")
            #expect(row?.upheld == count.upheld, "\(country) upheld")
            #expect(row?.partiallyOverturned == count.partiallyOverturned, "\(country) partial")
            #expect(row?.inadmissible == count.inadmissible, "\(country) inadmissible")
            #expect(row?.withdrawn == count.withdrawn, "\(country) withdrawn")
            #expect(row?.pending == count.pending, "\(country) pending")
            #expect(row?.unknown == count.unknown, "\(country) unknown")
            #expect(figures.volumes.rows.first { $0.country == country }?.total == count.total, "\(country) volume")
        }
    }

    @Test("Russia leads at about three times Türkiye, with an overturn rate near one half")
    func headline() throws {
        let russia = try #require(Country("RU"))
        let turkey = try #require(Country("TR"))
        #expect(figures.volumes.rows.first?.country == russia)
        let ratio =
            Double(planted.complaints(of: russia)?.total ?? 0) / Double(planted.complaints(of: turkey)?.total ?? 1)
        #expect((2.5...3.5).contains(ratio))
        let rate = try #require(figures.overturnRates.byCountry.first { $0.country == russia }?.tally.rate)
        #expect((0.45...0.55).contains(rate))
    }

    @Test("Notices and cancellations per country are exactly the planted counts")
    func notices() {
        #expect(figures.noticeCancellations.overall.notices == planted.noticeTotal.notices)
        #expect(figures.noticeCancellations.overall.cancelled == planted.noticeTotal.cancelled)
        #expect(figures.noticeCancellations.overall.withKnownReason == planted.noticeTotal.withKnownReason)
        #expect(figures.noticeCancellations.overall.byCCF == planted.noticeTotal.byCCF)
        for count in planted.noticesByCountry {
            guard let country = count.country else { continue }
            let row = figures.noticeCancellations.byCountry.first { $0.country == country }
            #expect(row?.notices == count.notices, "\(country) notices")
            #expect(row?.cancelled == count.cancelled, "\(country) cancelled")
            #expect(row?.byCCF == count.byCCF, "\(country) after a CCF decision")
        }
    }

    @Test("Complaints per year of filing are the planted ones")
    func filingYears() {
        for year in planted.complaintsByFilingYear {
            let index = figures.volumes.years.firstIndex(of: year.year)
            #expect(index.map { figures.volumes.totalByYear[$0] } == year.complaints, "\(year.year)")
        }
    }

    @Test("Every decided complaint is an event of the time-to-decision curve; pending ones are censored")
    func decisionDurations() throws {
        let overall = try #require(figures.complaintSurvival.first)
        #expect(overall.country == nil)
        let total = planted.complaintTotal
        #expect(overall.events == total.total - total.pending - total.unknown)
        #expect(overall.censored == total.pending - planted.pendingWithoutFilingDate)
        let longer = overall.histogram.filter { ($0.upperInclusive ?? .max) > 365 }.reduce(0) { $0 + $1.count }
        #expect(longer == planted.decisionsAfterMoreThanAYear)
    }
}
