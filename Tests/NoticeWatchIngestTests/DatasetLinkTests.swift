import Foundation
import NoticeWatchModel
import Testing

@testable import NoticeWatchIngest

#if canImport(Glibc)
    import Glibc
#endif

/// Which files of a dataset folder are read: links inside followed once, links out and special files refused.
@Suite("Links and special files in the dataset folder")
struct DatasetLinkTests {
    static let sources = """
        version: 1
        sources:
          - name: red-notices
            path: red_notices.csv
            format: csv
            record: notice
            fields:
              id: entity_id
              requesting_country: country
              issue_date:
                from: issued
                format: yyyy-MM-dd
        """

    static let notices = """
        entity_id,name,forename,country,issued
        2019/11111,"ИВАНОВ","Пётр, Ильич",RU,2019-03-01
        2021/33333,"YILMAZ","Ayşe ""Ayşo"" Y.",TR,2021-01-01

        """

    /// A folder outside any dataset holding a notice file whose text must never reach a result.
    static func outsideFolder() throws -> String {
        try IngestFixtures.temporaryFolder(text: [
            "secret.csv": "entity_id,name,forename,country,issued\n2099/99999,\"SECRET\",\"Leak\",FR,2020-01-01\n"
        ])
    }

    static func link(_ folder: String, _ name: String, to target: String) throws {
        try FileManager.default.createSymbolicLink(atPath: folder + "/" + name, withDestinationPath: target)
    }

    @Test("A folder with the cycles a -> . and b -> . finishes, each file read once by its own path")
    func cycleWithSourcesFile() throws {
        let folder = try IngestFixtures.temporaryFolder(text: [
            "sources.yml": Self.sources, "red_notices.csv": Self.notices,
        ])
        try Self.link(folder, "a", to: ".")
        try Self.link(folder, "b", to: ".")
        let result = try DatasetIngestor(directory: folder).ingest()
        #expect(result.inputFiles.map(\.path) == ["red_notices.csv"])
        #expect(result.notices.map(\.id) == ["2019/11111", "2021/33333"])
        #expect(result.sources.map(\.read) == [2])
        #expect(result.notRead.isEmpty)
    }

    @Test("With no sources file, a cycle and a link to a file inside give each real file once")
    func cycleZeroConfig() throws {
        let folder = try IngestFixtures.temporaryFolder(text: [
            "snapshots/2026-11-01/red_notices.csv": CaptureSeriesTests.nightly["snapshots/2026-11-01/red_notices.csv"]!,
            "snapshots/2026-11-02/red_notices.csv": CaptureSeriesTests.nightly["snapshots/2026-11-02/red_notices.csv"]!,
        ])
        try Self.link(folder, "a", to: ".")
        try Self.link(folder + "/snapshots", "loop", to: "..")
        try Self.link(folder, "latest.csv", to: "snapshots/2026-11-02/red_notices.csv")
        let listing = try DatasetListing(directory: folder)
        #expect(listing.files == ["snapshots/2026-11-01/red_notices.csv", "snapshots/2026-11-02/red_notices.csv"])
        #expect(listing.aliases["latest.csv"] == "snapshots/2026-11-02/red_notices.csv")
        let result = try DatasetIngestor(directory: folder).ingest()
        #expect(result.inputFiles.map(\.path) == listing.files)
        #expect(result.sources.count == 2)
        #expect(result.presences.map(\.id) == ["2005/20198", "2016/41701", "2026/1234"])
    }

    @Test("A sources-file path through a link inside the folder reads the file it points to, once")
    func sourcesPathThroughLink() throws {
        let folder = try IngestFixtures.temporaryFolder(text: [
            "sources.yml": Self.sources, "captures/red_notices_2026-11-01.csv": Self.notices,
        ])
        try Self.link(folder, "red_notices.csv", to: "captures/red_notices_2026-11-01.csv")
        let result = try DatasetIngestor(directory: folder).ingest()
        #expect(result.inputFiles.map(\.path) == ["captures/red_notices_2026-11-01.csv"])
        #expect(result.notices.count == 2)
    }

    @Test("Links to files outside the dataset, /proc/self/environ among them, are listed as not read")
    func linksOutside() throws {
        let outside = try Self.outsideFolder()
        let folder = try IngestFixtures.temporaryFolder(text: ["red_notices.csv": Self.notices])
        try Self.link(folder, "leak.csv", to: outside + "/secret.csv")
        try Self.link(folder, "environ.csv", to: "/proc/self/environ")
        try Self.link(folder, "elsewhere", to: outside)
        try Self.link(folder, "up", to: "..")
        try Self.link(folder, "gone.csv", to: "no-such-file.csv")
        try Self.link(folder, "notes.txt", to: outside + "/secret.csv")
        let result = try DatasetIngestor(directory: folder).ingest()
        #expect(result.inputFiles.map(\.path) == ["red_notices.csv"])
        #expect(!result.notices.contains { $0.id == "2099/99999" })
        let outsideReason = "outside the dataset (a link out of the folder)"
        #expect(
            result.notRead == [
                NotReadFile(path: "elsewhere", reason: outsideReason),
                NotReadFile(path: "environ.csv", reason: outsideReason),
                NotReadFile(path: "gone.csv", reason: "a link to nothing"),
                NotReadFile(path: "leak.csv", reason: outsideReason),
                NotReadFile(path: "up", reason: outsideReason),
            ])
    }

    @Test("A sources file naming only a link out of the folder stops with path-not-found, saying why")
    func sourcesNamingALinkOutside() throws {
        let outside = try Self.outsideFolder()
        let folder = try IngestFixtures.temporaryFolder(text: ["sources.yml": Self.sources])
        try Self.link(folder, "red_notices.csv", to: outside + "/secret.csv")
        #expect {
            try DatasetIngestor(directory: folder).ingest()
        } throws: { error in
            guard let error = error as? IngestError else { return false }
            return error.code == .pathNotFound
                && error.message.hasSuffix(
                    "; not read: \"red_notices.csv\" (outside the dataset (a link out of the folder))")
        }
    }

    @Test("A sources file that is a link out of the folder is not read")
    func sourcesFileOutside() throws {
        let outside = try IngestFixtures.temporaryFolder(text: ["sources.yml": Self.sources])
        let folder = try IngestFixtures.temporaryFolder(text: ["red_notices.csv": Self.notices])
        try Self.link(folder, "sources.yml", to: outside + "/sources.yml")
        #expect {
            try DatasetIngestor(directory: folder).ingest()
        } throws: { error in
            guard let error = error as? IngestError else { return false }
            return error.code == .fileUnreadable
                && error.message == "the sources file is not read: outside the dataset (a link out of the folder)"
        }
    }

    @Test("A FIFO named like a data file is refused without being opened, and the run finishes")
    func fifo() throws {
        let folder = try IngestFixtures.temporaryFolder(text: ["red_notices.csv": Self.notices])
        #expect(mkfifo(folder + "/pipe.csv", 0o600) == 0)
        try Self.link(folder, "pipe-link.csv", to: "pipe.csv")
        let result = try DatasetIngestor(directory: folder).ingest()
        #expect(result.inputFiles.map(\.path) == ["red_notices.csv"])
        #expect(
            result.notRead == [
                NotReadFile(path: "pipe-link.csv", reason: "a FIFO (named pipe), not a file"),
                NotReadFile(path: "pipe.csv", reason: "a FIFO (named pipe), not a file"),
            ])
    }

    @Test("A FIFO the sources file does not name is not reported")
    func fifoNotNamed() throws {
        let folder = try IngestFixtures.temporaryFolder(text: [
            "sources.yml": Self.sources, "red_notices.csv": Self.notices,
        ])
        #expect(mkfifo(folder + "/pipe.csv", 0o600) == 0)
        let result = try DatasetIngestor(directory: folder).ingest()
        #expect(result.inputFiles.map(\.path) == ["red_notices.csv"])
        #expect(result.notRead.isEmpty)
    }

    #if os(Linux)
        @Test("A dataset folder on /proc is not walked")
        func procFolder() throws {
            let listing = try DatasetListing(directory: "/proc/self")
            #expect(listing.files.isEmpty)
            #expect(listing.notRead == [NotReadFile(path: ".", reason: "a kernel file (/proc), not data")])
        }
    #endif
}

/// A file that turns into a FIFO after the folder was listed is refused when opened, without waiting.
@Suite("Opening data files")
struct OpenRegularTests {
    @Test("A FIFO in a data file's place is refused at once with file-unreadable")
    func fifoInPlace() throws {
        let folder = try IngestFixtures.temporaryFolder(text: ["red_notices.csv": DatasetLinkTests.notices])
        #expect(mkfifo(folder + "/late.csv", 0o600) == 0)
        #expect {
            try DatasetFiles.openRegular(folder + "/late.csv", displayPath: "late.csv")
        } throws: { error in
            guard let error = error as? IngestError else { return false }
            return error.code == .fileUnreadable && error.file == "late.csv" && error.message.hasPrefix("not a regular")
        }
        let descriptor = try DatasetFiles.openRegular(folder + "/red_notices.csv", displayPath: "red_notices.csv")
        defer { close(descriptor) }
        #expect(fcntl(descriptor, F_GETFL) & O_NONBLOCK == 0)
        #expect(DatasetFiles.contents(of: folder + "/late.csv") == nil)
        #expect(DatasetFiles.contents(of: folder + "/red_notices.csv") == Array(DatasetLinkTests.notices.utf8))
    }
}
