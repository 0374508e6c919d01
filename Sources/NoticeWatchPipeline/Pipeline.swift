internal import Foundation
public import Logging
internal import NoticeWatchAnalysis
internal import NoticeWatchIngest
public import NoticeWatchModel
internal import NoticeWatchReport

/// One run of NoticeWatch: inputs → normalized records → figures → report folder.
///
/// Each stage is a typed function from one value to the next; this type only wires them, times them for the
/// progress log, and turns their failures into ``PipelineError``s with the exit status cron sees.
public enum Pipeline {
    /// NoticeWatch's version, printed in every report's provenance.
    public static let version = "0.1.0"

    /// What a finished run did.
    public struct Result: Sendable {
        /// Where the report is (the output folder, or its `latest` link with `--keep`).
        public var reportPath: String
        /// ``ExitStatus/success``, ``ExitStatus/sourceSetAside`` or ``ExitStatus/quarantineOverThreshold``.
        public var exitStatus: ExitStatus
        /// The sources that read rows and kept none, every row quarantined, in source order.
        public var setAsideSources: [String]
        public var notices: Int
        public var complaints: Int
        public var quarantined: Int
        /// The as-of date used, and where it came from.
        public var asOf: CivilDate
        public var asOfOrigin: String
    }

    /// Runs the whole pipeline for `configuration`.
    ///
    /// Bad rows do not stop the run: they are quarantined, summarized on `logger` at warning level (one line per
    /// source), and detailed in the report.
    ///
    /// - Throws: ``PipelineError`` when no report can be written: a missing dataset folder, a wrong sources file,
    ///   unreadable inputs, no records at all, an ambiguous date column, a locked or unwritable report folder; and,
    ///   before anything is read, a report folder that is not NoticeWatch's or overlaps the dataset.
    public static func run(_ configuration: RunConfiguration, logger: Logger) throws(PipelineError) -> Result {
        try ReportFolder.check(
            target: configuration.outputDirectory, dataset: configuration.datasetDirectory, keep: configuration.keep,
            force: configuration.force)
        let publisher = ReportPublisher(target: configuration.outputDirectory, keep: configuration.keep)
        let lock = try publisher.acquireLock()
        defer { publisher.releaseLock(lock) }

        var ingested = try ingest(configuration, logger: logger)
        let (asOf, origin) = try AsOfDate.resolve(
            given: configuration.asOf, sourceDateEpoch: configuration.sourceDateEpoch, records: ingested)
        // A single scrape with no date of its own is a capture of the public list on the as-of date.
        if ingested.capturesDatedByAsOf {
            for index in ingested.captures.indices { ingested.captures[index].date = asOf }
            ingested.capturesDatedByAsOf = false
        }
        let options = AnalysisOptions(
            asOf: asOf, asOfOrigin: origin, minimumDecisions: configuration.minimumDecisions,
            partialCountsAsOverturned: configuration.partialCountsAsOverturned,
            topCountries: configuration.topCountries, survivalInterval: configuration.survivalInterval,
            survivalQuantileRule: configuration.survivalQuantileRule)

        let provenance = RunProvenance(
            toolVersion: version,
            datasetPath: URL(fileURLWithPath: configuration.datasetDirectory).standardizedFileURL.lastPathComponent,
            options: configuration.provenanceOptions(asOf: asOf, asOfOrigin: origin))
        // records.sqlite needs no figure: it is written while the figures are computed.
        let staging = try publisher.makeStaging()
        let database =
            configuration.recordsDatabase
            ? ReportWriter.startRecordsDatabase(
                ingested, provenance: provenance, asOf: asOf, asOfOrigin: origin, in: staging) : nil

        let analysisClock = ContinuousClock.now
        var figures = Analysis.figures(notices: ingested.notices, complaints: ingested.complaints, options: options)
        figures.addPublicList(
            captures: ingested.captures, presences: ingested.presences, grouping: ListGrouping(of: ingested.presences))
        let analysisLine =
            "analysis: \(ingested.notices.count) notices, \(ingested.complaints.count) complaints as of \(asOf) "
            + "in \(Self.seconds(since: analysisClock))"
        logger.info("\(analysisLine)")

        let reportClock = ContinuousClock.now
        let input = ReportInput(
            ingest: ingested, figures: figures, provenance: provenance, recordsDatabase: configuration.recordsDatabase,
            pngConverter: pngConverter(configuration, logger: logger))
        let outputs: [OutputFile]
        do {
            outputs = try writeReport(
                input, to: staging, database: database, publisher: publisher, logger: logger)
        } catch {
            database?.finish()
            publisher.discard(staging: staging)
            throw error
        }
        let publication: ReportPublisher.Publication
        do {
            publication = try publisher.publish(staging: staging, runName: asOf.description)
        } catch {
            publisher.discard(staging: staging)
            throw error
        }
        let reportPath = publication.path
        if !publication.strayNames.isEmpty {
            let names = publication.strayNames.map { "'\($0)'" }.joined(separator: ", ")
            logger.warning(
                "\(configuration.outputDirectory)/runs holds names that are not NoticeWatch runs, left alone: \(names)")
        }
        logger.info("report: \(outputs.count) files written to \(reportPath) in \(Self.seconds(since: reportClock))")
        // A workbook or sheet not read (encrypted, a ZIP bomb, a cover page) is listed among the report's inputs
        // with why; the terminal says so too.
        for file in ingested.inputFiles {
            guard let reason = file.readerChoices.first(where: { $0.hasPrefix("not read: ") }) else { continue }
            logger.warning("\(file.path) \(reason)")
        }

        let quarantined = ingested.quarantine.count
        var status = ExitStatus.success
        if let limit = configuration.maxQuarantined, quarantined > limit {
            status = .quarantineOverThreshold
            let line =
                "\(quarantined) rows quarantined, over the limit of \(limit) set by --max-quarantined "
                + "(the report was written; see quarantine.csv)"
            logger.error("\(line)")
        }
        let setAside = ingested.sources.filter { $0.read > 0 && $0.kept + $0.merged == 0 }.map(\.source)
        if !setAside.isEmpty {
            status = .sourceSetAside
            let names = setAside.map { "'\($0)'" }.joined(separator: ", ")
            logger.error(
                "every row of \(setAside.count == 1 ? "source" : "sources") \(names) was quarantined (the report was written; see quarantine.csv)"
            )
        }
        return Result(
            reportPath: reportPath, exitStatus: status, setAsideSources: setAside, notices: ingested.notices.count,
            complaints: ingested.complaints.count, quarantined: quarantined, asOf: asOf, asOfOrigin: origin)
    }

    /// Writes the report into `staging`, with the changes since the run in place when it differs from this one.
    /// The converter `--png` asks for: `rsvg-convert` on the `PATH`, or `nil` with a warning when it is not
    /// installed (the charts are then written as SVG only and the run goes on).
    private static func pngConverter(_ configuration: RunConfiguration, logger: Logger) -> PNGConverter? {
        guard configuration.chartsAsPNG else { return nil }
        let converter = PNGConverter.find(searchPath: ProcessInfo.processInfo.environment["PATH"])
        if converter == nil {
            let line =
                "--png: \(PNGConverter.name) is not on the PATH (apt-get install librsvg2-bin); the charts are "
                + "written as SVG only"
            logger.warning("\(line)")
        }
        return converter
    }

    /// A damaged earlier report must not block every later run: it is reported on `logger`, and the report is
    /// written without the section.
    private static func writeReport(
        _ input: ReportInput, to staging: String, database: RecordsDatabaseWrite?, publisher: ReportPublisher,
        logger: Logger
    ) throws(ReportError) -> [OutputFile] {
        let previous = PreviousRun.comparable(
            folder: publisher.currentReport, inputs: input.ingest.inputFiles,
            sourcesFileSHA256: input.ingest.sourcesFileSHA256, options: input.provenance.options)
        guard let previous else { return try ReportWriter.write(input, to: staging, previous: nil, database: database) }
        if PreviousRun.leftOutRecordsDatabase(folder: previous) {
            logger.info(
                "the previous report was written with --no-records-database; the report leaves out the changes since it"
            )
            return try ReportWriter.write(input, to: staging, previous: nil, database: database)
        }
        let first = Swift.Result { () throws(ReportError) -> [OutputFile] in
            try ReportWriter.write(input, to: staging, previous: previous, database: database)
        }
        switch first {
        case .success(let outputs):
            return outputs
        case .failure(let error) where error.code == .previousRunUnreadable:
            logger.warning("\(error.description); the report leaves out the changes since the previous run")
            return try ReportWriter.write(input, to: staging, previous: nil, database: database)
        case .failure(let error):
            throw error
        }
    }

    private static func ingest(_ configuration: RunConfiguration, logger: Logger) throws(PipelineError) -> IngestResult
    {
        let clock = ContinuousClock.now
        var ingestor = DatasetIngestor(directory: configuration.datasetDirectory)
        ingestor.recordBudget = configuration.recordsInMemory
        let ingested = try ingestor.ingest { progress in
            guard progress.finished else { return }
            logger.debug(
                "read \(progress.file) (\(progress.source)): \(progress.rowsRead) rows, \(progress.bytesRead) bytes"
            )
        }
        let rows = ingested.sources.reduce(0) { $0 + $1.read }
        let bytes = ingested.inputFiles.reduce(0) { $0 + $1.size }
        let elapsed = max(Self.elapsed(since: clock), 1e-6)
        let megabytesPerSecond = String(format: "%.1f", Double(bytes) / elapsed / 1e6)
        let line =
            "ingest: \(rows) rows from \(ingested.inputFiles.count) files in \(Self.seconds(since: clock)) "
            + "(\(Int(Double(rows) / elapsed)) rows/s, \(megabytesPerSecond) MB/s)"
        logger.info("\(line)")
        for line in SourceSummary.warnings(for: ingested) { logger.warning("\(line)") }
        return ingested
    }

    private static func elapsed(since start: ContinuousClock.Instant) -> Double {
        let duration = ContinuousClock.now - start
        return Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    private static func seconds(since start: ContinuousClock.Instant) -> String {
        String(format: "%.2fs", elapsed(since: start))
    }
}
