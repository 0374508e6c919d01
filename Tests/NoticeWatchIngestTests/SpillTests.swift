import Foundation
import NoticeWatchModel
import Testing

@testable import NoticeWatchIngest

/// Beyond the memory budget, records are spilled to sorted runs and merged into a store on disk: the result must
/// be the one reading everything in memory gives, record for record, with the same conflicts and accounting.
@Suite struct SpillTests {
    /// The committed sample bundle: five exports in three formats, duplicates across files, conflicts, bad rows.
    static let sample = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Datasets/sample").path

    static func ingest(
        _ folder: String, budget: Int = DatasetIngestor.standardRecordBudget,
        chunking: FileChunk.Sizes = .standard, piece: Int = 1 << 16
    ) throws -> IngestResult {
        var ingestor = DatasetIngestor(directory: folder)
        ingestor.recordBudget = budget
        ingestor.chunking = chunking
        ingestor.spillPieceSize = piece
        return try ingestor.ingest()
    }

    /// The facts of `list` by its facts walk, which stored parts read apart from the records.
    static func facts<Record: RecordWithFacts>(_ list: RecordList<Record>) -> [Record.Facts] {
        var facts: [Record.Facts] = []
        list.forEachFacts { facts.append($0) }
        return facts
    }

    /// Expects `spilled` to be `expected` in every part, its records and their facts read back from storage.
    static func expectSame(_ spilled: IngestResult, _ expected: IngestResult) {
        #expect(spilled.notices == expected.notices)
        #expect(spilled.complaints == expected.complaints)
        #expect(facts(spilled.notices) == expected.notices.map(\.facts))
        #expect(facts(spilled.complaints) == expected.complaints.map(\.facts))
        // Facts looked up by id (the stored ids' bytes compared, the records found decoded alone): every other
        // notice, the notices complaints name, and ids no notice has, before, between and after the stored ones.
        let ids =
            expected.notices.enumerated().filter { $0.offset % 2 == 0 }.map(\.element.id)
            + expected.complaints.compactMap(\.noticeID) + ["", "0", "2019/", "zzzz", "Ωmega", "2020/99999999"]
        let looked = spilled.notices.facts(ofIDs: ids)
        #expect(looked == expected.notices.facts(ofIDs: ids))
        #expect(looked.count >= expected.notices.count / 2)
        #expect(IngestFixtures.lines(spilled) == IngestFixtures.lines(expected))
        #expect(spilled.conflicts == expected.conflicts)
        #expect(spilled.quarantine == expected.quarantine)
        #expect(spilled.sources == expected.sources)
        #expect(spilled.inputFiles == expected.inputFiles)
    }

    @Test("The sample bundle spilled whole or in part gives the in-memory result", arguments: [0, 1000, 2500])
    func sampleBundle(budget: Int) throws {
        let expected = try Self.ingest(Self.sample)
        #expect(expected.notices.inMemory != nil)
        #expect(!expected.conflicts.isEmpty)
        let spilled = try Self.ingest(Self.sample, budget: budget)
        Self.expectSame(spilled, expected)
        #expect(spilled.notices.inMemory == nil || spilled.complaints.inMemory == nil)
        // A stored list walks the same records every time.
        #expect(Array(spilled.notices) == Array(spilled.notices))
    }

    @Test(
        "Files read in one piece spill part way through, every few records, and give the in-memory result",
        arguments: [(0, 1), (0, 7), (300, 50), (2000, 97)])
    func spilledWhileReading(budget: Int, piece: Int) throws {
        let expected = try Self.ingest(Self.sample)
        let spilled = try Self.ingest(Self.sample, budget: budget, piece: piece)
        Self.expectSame(spilled, expected)
        let csv = try IngestFixtures.temporaryFolder(text: [
            "sources.yml": ChunkedReadingTests.csvSources,
            "complaints.csv": ChunkedReadingTests.complaints(broken: true, quoted: true),
        ])
        let whole = try Self.ingest(csv, chunking: ChunkedReadingTests.whole)
        for chunking in [ChunkedReadingTests.whole, .init(minimumFileSize: 0, targetSize: 250)] {
            Self.expectSame(try Self.ingest(csv, budget: budget, chunking: chunking, piece: piece), whole)
        }
    }

    @Test("Spilled chunks of NDJSON and CSV files, bad rows in later chunks included", arguments: [false, true])
    func spilledChunks(broken: Bool) throws {
        let expected = try ChunkedReadingTests.ingest(broken: broken, chunking: ChunkedReadingTests.whole)
        let folder = try IngestFixtures.temporaryFolder(text: [
            "sources.yml": ChunkedReadingTests.sources, "notices.ndjson": ChunkedReadingTests.notices(broken: broken),
            "more.ndjson": "{\"entity_id\":\"N001\",\"country\":\"DE\"}\n\n{\"entity_id\":\"N200\",\"country\":\"FR\"}",
        ])
        for size in [40, 300] {
            let spilled = try Self.ingest(folder, budget: 0, chunking: .init(minimumFileSize: 0, targetSize: size))
            Self.expectSame(spilled, expected)
            #expect(spilled.notices.inMemory == nil)
        }
        let csv = try IngestFixtures.temporaryFolder(text: [
            "sources.yml": ChunkedReadingTests.csvSources,
            "complaints.csv": ChunkedReadingTests.complaints(broken: broken, quoted: false),
        ])
        let whole = try Self.ingest(csv, chunking: ChunkedReadingTests.whole)
        let spilled = try Self.ingest(csv, budget: 0, chunking: .init(minimumFileSize: 0, targetSize: 200))
        Self.expectSame(spilled, whole)
        #expect(spilled.complaints.inMemory == nil)
    }

    /// A CSV of notices exported in id order; `repeated` repeats one id on the next row, with another status.
    static func orderedNotices(repeated: Bool) -> String {
        var lines = ["id,country,issued,status"]
        for index in 0..<120 {
            lines.append("N\(1000 + index),\(index % 3 == 0 ? "RU" : "TR"),2019-03-\(10 + index % 9),active")
            if repeated && index == 77 { lines.append("N\(1000 + index),RU,2019-03-12,cancelled") }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    @Test(
        "Runs of a file exported in id order are read one after the other, unless an id repeats",
        arguments: [false, true])
    func orderedRuns(repeated: Bool) throws {
        let folder = try IngestFixtures.temporaryFolder(text: ["notices.csv": Self.orderedNotices(repeated: repeated)])
        let expected = try Self.ingest(folder, chunking: ChunkedReadingTests.whole)
        let spilled = try Self.ingest(folder, budget: 0, chunking: .init(minimumFileSize: 0, targetSize: 300))
        Self.expectSame(spilled, expected)
        #expect(expected.conflicts.isEmpty == !repeated)
        #expect(expected.sources.first?.merged == (repeated ? 1 : 0))

        let spillFolder = try SpillFolder()
        let notices = expected.notices.array
        let halves = [Array(notices[..<50]), Array(notices[50...])]
        let runs = try halves.map { half throws(IngestError) in try SpillRun.write(half, to: spillFolder) }
        let merge = ExternalMerge(merger: .notices, folder: spillFolder)
        let sources = [ExternalMerge<Notice>.Source(file: 0, run: runs[1]), .init(file: 0, run: runs[0])]
        let concatenated = try #require(merge.concatenation(sources, fileCount: 1))
        #expect(concatenated.records == expected.notices)
        let overlapping = [ExternalMerge<Notice>.Source(file: 0, run: runs[0]), .init(file: 1, run: runs[0])]
        #expect(merge.concatenation(overlapping, fileCount: 2) == nil)
        let both = try merge.merge(overlapping, fileCount: 2)
        #expect(both.records.count == 50)
        #expect(both.merged == [0, 50])
    }

    @Test("Every hostile CSV fixture spilled gives the in-memory result")
    func hostileFixtures() throws {
        let root = IngestFixtures.folder("hostile")
        let names = try FileManager.default.contentsOfDirectory(atPath: root).sorted()
        #expect(names.count > 5)
        for name in names {
            let folder = root + "/" + name
            guard let expected = try? Self.ingest(folder) else { continue }
            Self.expectSame(try Self.ingest(folder, budget: 0), expected)
        }
    }

    @Test("The spill folder is removed with the last list reading from it")
    func folderRemoved() throws {
        var path = ""
        var list = RecordList<Complaint>()
        do {
            let folder = try SpillFolder()
            path = folder.path
            let records = try Self.ingest(Self.sample).complaints.array
            let run = try SpillRun.write(records, to: folder)
            let merged = try ExternalMerge(merger: .complaints, folder: folder).merge(
                [.init(file: 0, run: run)], fileCount: 1)
            #expect(merged.merged == [0])
            list = merged.records
        }
        #expect(FileManager.default.fileExists(atPath: path))
        #expect(list.count > 1000)
        #expect(Array(list).count == list.count)
        list = RecordList()
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test("A temporary folder that cannot take the spilled records stops the run with a message naming it")
    func unwritableSpillFolder() throws {
        var ingestor = DatasetIngestor(directory: Self.sample)
        ingestor.recordBudget = 0
        ingestor.spillBase = "/nonexistent-noticewatch-spill-base"
        let error = #expect(throws: IngestError.self) { try ingestor.ingest() }
        #expect(error?.code == .spillFailed)
        #expect(
            error?.description
                == "/nonexistent-noticewatch-spill-base: error[spill-failed]: cannot make a temporary folder for "
                + "records beyond the memory budget: No such file or directory; set TMPDIR to a writable folder "
                + "with room")
    }

    @Test("Spill folders left by processes that are gone are removed; those of live processes are not")
    func abandonedFoldersRemoved() throws {
        let base = NSTemporaryDirectory() + "noticewatch-spill-base-" + UUID().uuidString
        let gone = base + "/noticewatch-spill-2147483647-AbCdEf"
        let live = base + "/noticewatch-spill-\(getpid())-XyZ123"
        let other = base + "/something-else-2147483647"
        for folder in [gone, live, other] {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try Data("x".utf8).write(to: URL(fileURLWithPath: folder + "/0.records"))
        }
        SpillFolder.removeAbandoned(in: base)
        #expect(!FileManager.default.fileExists(atPath: gone))
        #expect(FileManager.default.fileExists(atPath: live + "/0.records"))
        #expect(FileManager.default.fileExists(atPath: other + "/0.records"))
        try FileManager.default.removeItem(atPath: base)
    }

    @Test("Records round-trip through a run: every field, sorted by id then row, shifted when asked")
    func roundTrip() throws {
        let folder = try SpillFolder()
        let origin = SourceLocation.Origin(source: "ccf", file: "ccf/2019.csv")
        let other = SourceLocation.Origin(source: "api", file: "api/page-1.json")
        let complaints = [
            Complaint(
                id: "CCF/2", noticeID: nil, requestingCountry: .member(Country("RU")!), filedDate: nil,
                decisionDate: CivilDate(year: 2020), outcome: .partiallyOverturned,
                outcomeLabel: "Compliant subject to updates", dataType: .diffusion, requestType: .revision,
                admissibilityDate: CivilDate(year: 2019, month: 12, day: 31),
                provenance: SourceLocation(in: origin, line: 4)),
            Complaint(
                id: "CCF/1", noticeID: "", requestingCountry: .member(Country("TR")!),
                filedDate: CivilDate(year: 2019, month: 2, day: 28), decisionDate: CivilDate(year: 2019, month: 7),
                outcome: .pending, outcomeLabel: "", provenance: SourceLocation(in: other, record: 9)),
            Complaint(
                id: "CCF/1", noticeID: "2019/ç-12", requestingCountry: .member(Country("EG")!), filedDate: nil,
                decisionDate: nil, outcome: .overturned, outcomeLabel: "Non conforme — données effacées",
                dataType: .other, requestType: .unknown, provenance: SourceLocation(in: origin, line: 7, record: 6)),
        ]
        var run = try SpillRun.write(complaints, to: folder)
        #expect(run.count == 3)
        var reader = SpillReader<Complaint>(run: run, origins: folder.originTable)
        var read: [(Complaint, UInt32)] = []
        while let next = reader.next() { read.append(next) }
        #expect(read.map(\.0) == [complaints[1], complaints[2], complaints[0]])
        #expect(read.map(\.1) == [1, 2, 0])
        run.lineShift = 100
        run.recordShift = 10
        var shifted = SpillReader<Complaint>(run: run, origins: folder.originTable)
        #expect(shifted.next()?.record.provenance.description == "api/page-1.json#19")
        #expect(shifted.next()?.record.provenance == SourceLocation(in: origin, line: 107, record: 16))
        #expect(shifted.next()?.record.provenance.line == 104)
        #expect(shifted.next() == nil)
    }
}
