import Foundation
import NoticeWatchAnalysis
import NoticeWatchGenerator
import NoticeWatchIngest
import NoticeWatchModel
import NoticeWatchPipeline
import Testing

/// A small realistic benchmark bundle runs with no sources file, in each of its three formats, and gives back
/// the figures its manifest plants: quoted free text, a Windows-1252 complaints file, day-first dates to
/// detect, countries that are no member and labels no vocabulary maps change no count.
@Suite("A realistic bench bundle runs zero-config with its planted figures", .serialized)
struct RealisticBenchRunTests {
    let folder: String
    let manifest: BenchManifest

    init() throws {
        folder = try PipelineTestSupport.temporaryFolder("realistic-bench") + "/bundle"
        manifest = try BenchBundle.write(
            to: folder, notices: 3000, complaints: 1200, seed: 20_250_630, profile: .realistic)
    }

    @Test("Every format's figures are the manifest's", arguments: ["csv", "ndjson", "xml"])
    func figuresComeBack(format: String) throws {
        #expect(!FileManager.default.fileExists(atPath: folder + "/" + format + "/sources.yml"))
        let ingested = try DatasetIngestor(directory: folder + "/" + format).ingest()
        #expect(ingested.quarantine.isEmpty, "\(ingested.quarantine.prefix(3))")
        #expect(ingested.sources.allSatisfy { $0.balances && $0.merged == 0 && $0.quarantined == 0 })
        #expect(ingested.notices.count == manifest.notices && ingested.complaints.count == manifest.complaints)
        let options = AnalysisOptions(asOf: manifest.asOf, asOfOrigin: "--as-of")
        let figures = Analysis.figures(notices: ingested.notices, complaints: ingested.complaints, options: options)

        #expect(figures.volumes.total == manifest.total.complaints)
        #expect(figures.volumes.unrecognized == manifest.unrecognized.complaints)
        #expect(manifest.unrecognized.complaints > 0 && manifest.unrecognized.notices > 0)
        for row in manifest.byCountry {
            #expect(figures.volumes.rows.first { $0.country == row.country }?.total == row.complaints, "\(row)")
        }
        let overall = figures.overturnRates.overall
        #expect(overall.overturned == manifest.total.overturned && overall.upheld == manifest.total.upheld)
        #expect(overall.partiallyOverturned == manifest.total.partiallyOverturned)
        #expect(overall.unknown == manifest.total.notUnderstood && overall.unknown > 0)
        #expect(figures.overturnRates.unrecognized?.overturned == manifest.unrecognized.overturned)
        #expect(figures.overturnRates.unrecognized?.decided == manifest.unrecognized.decided)
        for row in manifest.byCountry where row.complaints > 0 {
            let tally = figures.overturnRates.byCountry.first { $0.country == row.country }?.tally
            #expect(tally?.overturned == row.overturned && tally?.decided == row.decided, "\(row)")
        }

        let cancellations = figures.noticeCancellations
        #expect(cancellations.overall.notices == manifest.total.notices)
        #expect(cancellations.overall.cancelled == manifest.total.cancelled)
        #expect(cancellations.overall.unknownStatus == 0)
        #expect(cancellations.overall.byCCF == manifest.total.byCCF)
        #expect(cancellations.unrecognized?.notices == manifest.unrecognized.notices)
        // Every date was read (day-first, detected): every notice is a subject of the time to cancellation.
        let all = figures.noticeSurvival.first { $0.country == nil }
        #expect(all?.subjects == manifest.total.notices && all?.events == manifest.total.cancelled)
    }

    @Test("The CSV readers detect the encoding, the quoting and the day-first dates")
    func readerChoicesAreDetected() throws {
        let ingested = try DatasetIngestor(directory: folder + "/csv").ingest()
        let notices = try #require(ingested.inputFiles.first { $0.path.hasSuffix("notices.csv") })
        let complaints = try #require(ingested.inputFiles.first { $0.path.hasSuffix("complaints.csv") })
        #expect(
            notices.readerChoices.contains { $0.hasPrefix("issue_date format=dd/MM/yyyy") }, "\(notices.readerChoices)")
        #expect(
            complaints.readerChoices.contains { $0.hasPrefix("filed_date format=dd.MM.yyyy") },
            "\(complaints.readerChoices)")
        #expect(complaints.readerChoices.contains { $0.hasPrefix("encoding=windows-1252") })
        let charges = ingested.notices.flatMap { $0.warrants.map(\.charge) }
        #expect(charges.contains("Estafa agravada, art. 250 CP\nBlanqueo de capitales"))
        #expect(charges.contains("Participation in an \"illegal armed formation\", art. 208"))
    }

    @Test("The whole default run writes the report, records.sqlite included, with the unrecognized rows")
    func wholeRunWritesTheReport() throws {
        let output = try PipelineTestSupport.temporaryFolder("realistic-bench-report") + "/report"
        let result = try PipelineTestSupport.run(folder + "/csv", into: output, asOf: manifest.asOf)
        #expect(result.exitStatus == .success && result.quarantined == 0)
        #expect(result.notices == manifest.notices && result.complaints == manifest.complaints)
        #expect(FileManager.default.fileExists(atPath: output + "/records.sqlite"))
        let volumes = try String(contentsOfFile: output + "/complaint_volumes.csv", encoding: .utf8)
        let unrecognized = try #require(
            volumes.split(whereSeparator: \.isNewline).first { $0.contains("Unrecognized / not a member") })
        #expect(unrecognized.split(separator: ",").contains("\(manifest.unrecognized.complaints)"))
        let rates = try String(contentsOfFile: output + "/overturn_rates.csv", encoding: .utf8)
        let row = try #require(rates.split(whereSeparator: \.isNewline).first { $0.hasPrefix("unrecognized,") })
        #expect(row.contains(",\(manifest.unrecognized.decided),\(manifest.unrecognized.overturned),"))
    }
}
