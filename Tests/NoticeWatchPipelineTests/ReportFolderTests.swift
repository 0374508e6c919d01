import Foundation
import Logging
import NoticeWatchModel
import Testing

@testable import NoticeWatchPipeline

/// The report folder is NoticeWatch's and nothing else: whatever else is at `--out` is left byte for byte.
@Suite("What the report folder may replace")
struct ReportFolderTests {
    let root: String
    let dataset: String

    init() throws {
        root = try PipelineTestSupport.temporaryFolder("folder")
        dataset = root + "/data"
        try Self.write(Self.notices, to: dataset + "/notices.csv")
        try Self.write(Self.complaints, to: dataset + "/complaints.csv")
    }

    static let notices = """
        notice_id,requesting_country,issue_date,status,cancellation_date,charge
        2019/1001,Russian Federation,2019-03-04,Active,,"Мошенничество, ст. 159"
        2019/1002,Turkey,2019-05-06,Cancelled,2021-02-03,"Terör örgütü üyeliği"
        2020/2001,China,2020-01-07,Active,,"贪污, 受贿"

        """
    static let complaints = """
        complaint_id,requesting_country,filed_date,decision,decision_date
        CCF/0101/19,Russian Federation,2019-06-01,Not compliant,2020-02-01
        CCF/0102/19,Turkey,2019-07-01,Compliant,2020-03-01

        """
    /// Files a user keeps in a folder, in several scripts, to be found byte for byte after a refused run.
    static let victims: [(String, String)] = [
        ("notes.txt", "Заметки: не удалять\n"),
        ("ملاحظات.md", "\"ملاحظات\" مهمة\n"),
        ("sub/笔记.csv", "id,text\n1,\"重要, 不要删除\"\n"),
    ]

    static func write(_ text: String, to path: String) throws {
        try FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }

    private func plant(in folder: String) throws -> [String: Data] {
        var planted: [String: Data] = [:]
        for (name, text) in Self.victims {
            try Self.write(text, to: folder + "/" + name)
            planted[name] = Data(text.utf8)
        }
        return planted
    }

    private func expectUnchanged(_ planted: [String: Data], in folder: String) {
        #expect(PipelineTestSupport.files(in: folder) == planted.keys.sorted())
        for (name, data) in planted {
            #expect(FileManager.default.contents(atPath: folder + "/" + name) == data, "\(name) changed")
        }
    }

    private func run(
        into output: String, dataset: String? = nil, keep: Int? = nil, force: Bool = false,
        asOf: CivilDate? = CivilDate(year: 2021, month: 6, day: 30), logger: Logger = PipelineTestSupport.quietLogger
    ) throws(PipelineError) -> Pipeline.Result {
        try Pipeline.run(
            RunConfiguration(
                datasetDirectory: dataset ?? self.dataset, outputDirectory: output, asOf: asOf, keep: keep,
                force: force),
            logger: logger)
    }

    private func refusal(
        into output: String, dataset: String? = nil, keep: Int? = nil, force: Bool = false
    ) -> PipelineError? {
        #expect(throws: PipelineError.self) { _ = try run(into: output, dataset: dataset, keep: keep, force: force) }
    }

    /// The names in `folder`, hidden ones included, sorted.
    private func names(_ folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
    }

    @Test("An absent path is written, and nothing but the report is left beside it")
    func absentPath() throws {
        let result = try run(into: root + "/report")
        #expect(result.exitStatus == .success)
        #expect(FileManager.default.fileExists(atPath: root + "/report/report.md"))
        #expect(names(root) == ["data", "report"])
    }

    @Test("An empty folder is written")
    func emptyFolder() throws {
        try FileManager.default.createDirectory(atPath: root + "/report", withIntermediateDirectories: true)
        #expect(try run(into: root + "/report").exitStatus == .success)
        #expect(ReportFolder.isReport(root + "/report"))
    }

    @Test("A folder of other files is refused before anything is read, its files byte-identical after")
    func unrelatedFolder() throws {
        let planted = try plant(in: root + "/mine")
        let error = refusal(into: root + "/mine")
        #expect(error?.code == .reportFolderNotOurs)
        #expect(error?.exitStatus == .reportFolderRefused)
        #expect(error?.exitStatus.rawValue == 77)
        expectUnchanged(planted, in: root + "/mine")
        #expect(names(root) == ["data", "mine"])
        // Checked before the ingest: a missing dataset is not even looked at.
        let early = refusal(into: root + "/mine", dataset: root + "/no-such-data")
        #expect(early?.code == .reportFolderNotOurs)
    }

    @Test("--force replaces a folder of other files")
    func forceReplacesFolder() throws {
        _ = try plant(in: root + "/mine")
        #expect(try run(into: root + "/mine", force: true).exitStatus == .success)
        #expect(!FileManager.default.fileExists(atPath: root + "/mine/notes.txt"))
        #expect(ReportFolder.isReport(root + "/mine"))
    }

    @Test("A plain file at --out is refused and unchanged, even with --force")
    func plainFile() throws {
        let text = "Ceci n'est pas un rapport — «ne pas écraser»\n"
        try Self.write(text, to: root + "/report")
        for force in [false, true] {
            let error = refusal(into: root + "/report", force: force)
            #expect(error?.code == .reportFolderNotOurs)
            #expect(FileManager.default.contents(atPath: root + "/report") == Data(text.utf8))
        }
        #expect(names(root) == ["data", "report"])
    }

    @Test(
        "A report folder that is the dataset, inside it or above it is refused, even with --force",
        arguments: ["data", "data/report", "data/../data", "other/../data/./out", ".", ""])
    func overlapsDataset(relative: String) throws {
        let before = PipelineTestSupport.files(in: root)
        for force in [false, true] {
            let error = refusal(into: relative.isEmpty ? root : root + "/" + relative, force: force)
            #expect(error?.code == .reportFolderOverlapsDataset)
            #expect(error?.exitStatus == .reportFolderRefused)
        }
        #expect(PipelineTestSupport.files(in: root) == before)
        #expect(FileManager.default.contents(atPath: dataset + "/notices.csv") == Data(Self.notices.utf8))
        #expect(names(root) == ["data"])
    }

    @Test("A report folder reached through a link into the dataset is refused")
    func linkIntoDataset() throws {
        try FileManager.default.createSymbolicLink(atPath: root + "/alias", withDestinationPath: dataset)
        let error = refusal(into: root + "/alias/report", force: true)
        #expect(error?.code == .reportFolderOverlapsDataset)
        #expect(!FileManager.default.fileExists(atPath: dataset + "/report"))
    }

    @Test("A report folder above a file the dataset links to outside it is refused, the file unchanged")
    func aboveLinkedInput() throws {
        let elsewhere = root + "/shared/exports"
        try Self.write(Self.complaints, to: elsewhere + "/complaints.csv")
        try FileManager.default.removeItem(atPath: dataset + "/complaints.csv")
        try FileManager.default.createSymbolicLink(
            atPath: dataset + "/complaints.csv", withDestinationPath: elsewhere + "/complaints.csv")
        for target in [elsewhere, root + "/shared"] {
            let error = refusal(into: target, force: true)
            #expect(error?.code == .reportFolderOverlapsDataset)
            #expect(error?.message.contains("complaints.csv") == true)
        }
        #expect(FileManager.default.contents(atPath: elsewhere + "/complaints.csv") == Data(Self.complaints.utf8))
        #expect(try run(into: root + "/shared/report").exitStatus == .success)
    }

    @Test("A link to / or a cycle in the dataset folder is neither walked by the check nor read")
    func linkToRootAndCycle() throws {
        try FileManager.default.createSymbolicLink(atPath: dataset + "/everything", withDestinationPath: "/")
        try FileManager.default.createSymbolicLink(atPath: dataset + "/again", withDestinationPath: ".")
        let result = try run(into: root + "/report")
        #expect(result.exitStatus == .success)
        let report = try String(contentsOfFile: root + "/report/report.md", encoding: .utf8)
        #expect(report.contains("| everything | outside the dataset (a link out of the folder) |"))
        #expect(names(root) == ["data", "report"])
    }

    @Test("A previous NoticeWatch report is replaced whole")
    func previousReportReplaced() throws {
        let output = root + "/report"
        _ = try run(into: output)
        try Self.write("left by hand\n", to: output + "/scratch.txt")
        #expect(try run(into: output, asOf: CivilDate(year: 2021, month: 7, day: 1)).exitStatus == .success)
        #expect(!FileManager.default.fileExists(atPath: output + "/scratch.txt"))
        let report = try String(contentsOfFile: output + "/report.md", encoding: .utf8)
        #expect(report.contains("2021-07-01"))
        #expect(names(root) == ["data", "report"])
    }

    @Test("A report written without --keep is refused with --keep, and a --keep folder without it")
    func keepAndPlainDoNotMix() throws {
        _ = try run(into: root + "/plain")
        let single = refusal(into: root + "/plain", keep: 3)
        #expect(single?.code == .reportFolderNotOurs)
        #expect(single?.message.contains("without --keep") == true)
        _ = try run(into: root + "/nightly", keep: 3)
        let runs = refusal(into: root + "/nightly")
        #expect(runs?.code == .reportFolderNotOurs)
        #expect(runs?.message.contains("with --keep") == true)
        #expect(FileManager.default.fileExists(atPath: root + "/nightly/latest/report.md"))
    }

    @Test("--keep leaves other names in runs/ alone, mentions them once, and latest always points at a run")
    func keepWithStrayNames() throws {
        let runs = root + "/nightly/runs"
        let planted: [String: Data] = [
            "notes.txt": Data("Заметки\n".utf8), "2020-01-01/mine.txt": Data("«à garder»\n".utf8),
            "archive/2019.csv": Data("id,text\n1,\"保留\"\n".utf8),
        ]
        for (name, data) in planted { try Self.write(String(decoding: data, as: UTF8.self), to: runs + "/" + name) }
        let days = [(2021, 6, 28), (2021, 6, 29), (2021, 6, 30)].map { CivilDate(year: $0.0, month: $0.1, day: $0.2)! }
        for day in days {
            let log = RecordedLog()
            let result = try run(into: root + "/nightly", keep: 1, asOf: day, logger: log.logger)
            #expect(result.reportPath == root + "/nightly/latest")
            let mentions = log.lines.filter { $0.contains("not NoticeWatch runs") }
            #expect(mentions.count == 1)
            #expect(mentions.first?.contains("'2020-01-01', 'archive', 'notes.txt'") == true, "\(mentions)")
            let latest = try FileManager.default.destinationOfSymbolicLink(atPath: root + "/nightly/latest")
            #expect(latest == "runs/\(day)")
            #expect(ReportFolder.isReport(root + "/nightly/latest"))
        }
        for (name, data) in planted { #expect(FileManager.default.contents(atPath: runs + "/" + name) == data) }
        #expect(names(runs) == ["2020-01-01", "2021-06-30", "archive", "notes.txt"])
        #expect(names(root) == ["data", "nightly"])
        #expect(names(root + "/nightly") == [".noticewatch.lock", "latest", "runs"])
    }

    @Test("The lock leaves no dot-file in the report folder's parent")
    func noLockLitter() throws {
        let parent = root + "/reports"
        try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        _ = try run(into: parent + "/leak")
        #expect(names(parent) == ["leak"])
        _ = refusal(into: parent + "/leak", keep: 2)
        #expect(names(parent) == ["leak"])
        _ = try run(into: parent + "/nightly", keep: 2)
        #expect(names(parent) == ["leak", "nightly"])
    }
}

/// Log lines kept for the tests to read.
final class RecordedLog: @unchecked Sendable {
    private let lock = NSLock()
    private var recorded: [String] = []

    var lines: [String] { lock.withLock { recorded } }

    var logger: Logger {
        Logger(label: "noticewatch-tests") { _ in Handler(log: self) }
    }

    fileprivate func append(_ line: String) { lock.withLock { recorded.append(line) } }

    private struct Handler: LogHandler {
        let log: RecordedLog
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .debug

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) { log.append("\(event.level): \(event.message)") }
    }
}
