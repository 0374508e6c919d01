import Foundation
import NoticeWatchModel
import Testing

@testable import NoticeWatchPipeline

@Suite("Publishing a report folder")
struct ReportPublisherTests {
    let root: String

    init() throws {
        root = NSTemporaryDirectory() + "noticewatch-publisher-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    }

    private func write(_ text: String, to path: String) throws {
        try FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try text.write(toFile: path, atomically: false, encoding: .utf8)
    }

    /// The part of a report's manifest.json that says NoticeWatch wrote it.
    static let manifest =
        "{\n  \"format_version\": 1,\n  \"tool\": {\n    \"name\": \"noticewatch\",\n    \"version\": \"0.1.0\"\n  }\n}\n"

    private func read(_ path: String) -> String? { try? String(contentsOfFile: path, encoding: .utf8) }

    @Test("A new report replaces the previous one whole, and no staging folder is left")
    func replacesWhole() throws {
        let target = root + "/report"
        try write("old", to: target + "/report.md")
        try write("stale", to: target + "/only-in-old.csv")
        let publisher = ReportPublisher(target: target, keep: nil)
        #expect(publisher.currentReport == target)
        let staging = try publisher.makeStaging()
        try write("new", to: staging + "/report.md")
        let published = try publisher.publish(staging: staging, runName: "2025-06-30")
        #expect(published.path == target)
        #expect(read(target + "/report.md") == "new")
        #expect(!FileManager.default.fileExists(atPath: target + "/only-in-old.csv"))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: root).sorted()
        #expect(leftovers == ["report"])
    }

    @Test("A run that fails before publishing leaves the previous report as it was")
    func failedRunLeavesPrevious() throws {
        let target = root + "/report"
        try write("old", to: target + "/report.md")
        let publisher = ReportPublisher(target: target, keep: nil)
        let staging = try publisher.makeStaging()
        try write("half", to: staging + "/report.md")
        publisher.discard(staging: staging)
        #expect(read(target + "/report.md") == "old")
        #expect(!FileManager.default.fileExists(atPath: staging))
    }

    @Test("Staging folders left by a killed run are removed by the next run")
    func leftoversRemoved() throws {
        let target = root + "/report"
        try write("half", to: root + "/.report.staging-99999/report.md")
        try write("old", to: root + "/.report.old-99998/report.md")
        try write("keep", to: root + "/.other.staging-1/report.md")
        let publisher = ReportPublisher(target: target, keep: nil)
        let staging = try publisher.makeStaging()
        let names = try FileManager.default.contentsOfDirectory(atPath: root).sorted()
        #expect(names == [".other.staging-1", (staging as NSString).lastPathComponent])
    }

    @Test("A second run on the same folder fails at once, naming the holder's pid")
    func lockIsExclusive() throws {
        let target = root + "/report"
        let first = ReportPublisher(target: target, keep: nil)
        let fd = try first.acquireLock()
        defer { first.releaseLock(fd) }
        // flock locks belong to the open file description, so a second open in the same process conflicts too.
        let error = #expect(throws: PipelineError.self) {
            _ = try ReportPublisher(target: target, keep: nil).acquireLock()
        }
        #expect(error?.exitStatus == .locked)
        #expect(error?.code == .reportLocked)
        #expect(error?.message.contains("pid \(getpid())") == true)
    }

    @Test("The lock is free again once released, and its file beside the folder is gone")
    func lockReleases() throws {
        let publisher = ReportPublisher(target: root + "/report", keep: nil)
        publisher.releaseLock(try publisher.acquireLock())
        publisher.releaseLock(try publisher.acquireLock())
        #expect(try FileManager.default.contentsOfDirectory(atPath: root) == [])
    }

    @Test("With --keep the lock is inside the report folder, never beside it")
    func keepLockInside() throws {
        let publisher = ReportPublisher(target: root + "/nightly", keep: 3)
        let fd = try publisher.acquireLock()
        #expect(publisher.lockPath == root + "/nightly/.noticewatch.lock")
        #expect(try FileManager.default.contentsOfDirectory(atPath: root) == ["nightly"])
        publisher.releaseLock(fd)
        #expect(try FileManager.default.contentsOfDirectory(atPath: root) == ["nightly"])
    }

    @Test("A rerun of an earlier date is never pruned, and latest points at it")
    func rerunOfEarlierDateKept() throws {
        let target = root + "/nightly"
        let publisher = ReportPublisher(target: target, keep: 2)
        for day in ["2025-06-29", "2025-06-30", "2025-06-28"] {
            let staging = try publisher.makeStaging()
            try write(day, to: staging + "/report.md")
            try write(Self.manifest, to: staging + "/manifest.json")
            _ = try publisher.publish(staging: staging, runName: day)
        }
        let runs = try FileManager.default.contentsOfDirectory(atPath: target + "/runs").sorted()
        #expect(runs == ["2025-06-28", "2025-06-30"])
        #expect(read(target + "/latest/report.md") == "2025-06-28")
    }

    @Test("A folder named like the run but not written by NoticeWatch is not replaced")
    func runFolderNotOurs() throws {
        let target = root + "/nightly"
        try write("mine", to: target + "/runs/2025-06-30/notes.txt")
        let publisher = ReportPublisher(target: target, keep: 2)
        let staging = try publisher.makeStaging()
        try write(Self.manifest, to: staging + "/manifest.json")
        let error = #expect(throws: PipelineError.self) {
            _ = try publisher.publish(staging: staging, runName: "2025-06-30")
        }
        #expect(error?.code == .reportFolderNotOurs)
        #expect(error?.exitStatus == .reportFolderRefused)
        #expect(read(target + "/runs/2025-06-30/notes.txt") == "mine")
    }

    @Test("--keep keeps the newest N dated runs and points latest at the newest")
    func keepsDatedRuns() throws {
        let target = root + "/nightly"
        let publisher = ReportPublisher(target: target, keep: 2)
        for day in ["2025-06-28", "2025-06-29", "2025-06-30"] {
            let staging = try publisher.makeStaging()
            try write(day, to: staging + "/report.md")
            try write(Self.manifest, to: staging + "/manifest.json")
            let published = try publisher.publish(staging: staging, runName: day)
            #expect(published.path == target + "/latest")
        }
        let runs = try FileManager.default.contentsOfDirectory(atPath: target + "/runs").sorted()
        #expect(runs == ["2025-06-29", "2025-06-30"])
        #expect(read(target + "/latest/report.md") == "2025-06-30")
        #expect(publisher.currentReport == target + "/latest")
    }
}
