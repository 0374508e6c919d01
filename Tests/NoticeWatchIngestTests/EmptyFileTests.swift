import NoticeWatchIngest
import NoticeWatchModel
import Testing

@Suite("Empty files in a folder read without a sources file")
struct EmptyFileTests {
    @Test("An empty file is listed with zero rows and does not stop the run; the other files are read")
    func emptyFileBesideData() throws {
        let folder = try IngestFixtures.temporaryFolder(text: [
            "notices.csv": "notice_id,requesting_country,issue_date,status\nN1,RU,2020-01-02,active\n",
            "empty.csv": "",
        ])
        let result = try DatasetIngestor(directory: folder).ingest()
        #expect(result.notices.map(\.id) == ["N1"])
        let empty = try #require(result.sources.first { $0.source == "empty.csv" })
        #expect(empty.read == 0 && empty.kept == 0 && empty.merged == 0 && empty.quarantined == 0)
        #expect(empty.mapping == ["none: the file is empty"])
        #expect(result.inputFiles.map(\.path) == ["empty.csv", "notices.csv"])
        #expect(result.inputFiles.first?.readerChoices.contains("empty file: nothing to read") == true)
        #expect(result.inputFiles.first?.sha256 == SHA256.hexDigest(of: [UInt8]()))
    }

    @Test("A folder holding only empty files has no records, which stops the run")
    func onlyEmptyFiles() throws {
        let folder = try IngestFixtures.temporaryFolder(text: ["empty.csv": "", "also-empty.json": ""])
        let error = #expect(throws: IngestError.self) { _ = try DatasetIngestor(directory: folder).ingest() }
        #expect(error?.code == .noRecords)
    }
}
