import NoticeWatchIngest
import NoticeWatchModel
import Testing

/// One tiny file per hazard, each ingested whole: records, quarantine and accounting are compared exactly.
@Suite("Hostile CSV corpus")
struct HostileCSVTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var folder: String
        var expected: [String]
        var testDescription: String { folder }
    }

    static let twoNotices = [
        "notice N-1 unknown RU 2019-03-12 active - @notices.csv:2",
        "notice N-2 unknown FR 2020-01-05 cancelled - @notices.csv:3",
        "source notices.csv notice read=2 kept=2 merged=0 quarantined=0",
    ]

    static let cases: [Case] = [
        Case(folder: "bom", expected: twoNotices),
        Case(folder: "crlf", expected: twoNotices),
        Case(folder: "lone-cr", expected: twoNotices),
        Case(
            folder: "quoted-newline",
            expected: [
                "notice N-1 unknown RU 2019-03-12 active - @notices.csv:2",
                "notice N-2 unknown FR 2020-01-05 cancelled - @notices.csv:4",
                "source notices.csv notice read=2 kept=2 merged=0 quarantined=0",
            ]),
        Case(
            folder: "doubled-quotes",
            expected: [
                "notice N-\"1\" unknown RU 2019-03-12 active - @notices.csv:2",
                "notice N-2, bis unknown FR 2020-01-05 active - @notices.csv:3",
                "source notices.csv notice read=2 kept=2 merged=0 quarantined=0",
            ]),
        Case(
            folder: "ragged",
            expected: [
                "notice N-1 unknown RU 2019-03-12 active - @notices.csv:2",
                "notice N-4 unknown CN 2021-07-01 unknown - @notices.csv:5",
                "quarantine notices.csv:3 #2 - wrong-field-count: expected 4 fields, found 6 "
                    + "raw=\"N-2,FR,2020-01-05,Active,extra,more\"",
                "quarantine notices.csv:4 #3 - wrong-field-count: expected 4 fields, found 2 raw=\"N-3,FR\"",
                "source notices.csv notice read=4 kept=2 merged=0 quarantined=2",
            ]),
        Case(
            folder: "invalid-utf8",
            expected: [
                "notice N-1 unknown RU 2019-03-12 active - @notices.csv:2",
                "notice N-3 unknown FR 2020-02-05 active - @notices.csv:4",
                "quarantine notices.csv:3 #2 requesting_country invalid-encoding: byte 0xFF at byte offset 82 in column 2 "
                    + "\"requesting_country\" is not valid utf-8 raw=\"N-2,Fr\\\\xFFnce,2020-01-05,Active\"",
                "source leak notice read=3 kept=2 merged=0 quarantined=1",
            ]),
        Case(
            folder: "windows-1252",
            expected: [
                "complaint C-1 - TR 2019-03-12 - overturned \"non conforme\" @complaints.csv:2",
                "complaint C-2 - RU 2019-03-13 - upheld \"Conforme\" @complaints.csv:3",
                "source complaints.csv complaint read=2 kept=2 merged=0 quarantined=0",
            ]),
        Case(
            folder: "utf16-le",
            expected: [
                "notice N-1 unknown TR 2019-03-12 active - @notices.csv:2",
                "notice N-2 unknown MD 2020-01-05 cancelled - @notices.csv:3",
                "source notices.csv notice read=2 kept=2 merged=0 quarantined=0",
            ]),
        Case(
            folder: "utf16-be",
            expected: [
                "notice N-1 unknown TR 2019-03-12 active - @notices.csv:2",
                "notice N-2 unknown MD 2020-01-05 cancelled - @notices.csv:3",
                "source notices.csv notice read=2 kept=2 merged=0 quarantined=0",
            ]),
        Case(
            folder: "unterminated-quote",
            expected: [
                "notice N-1 unknown RU 2019-03-12 active - @notices.csv:2",
                "quarantine notices.csv:3 #2 - unterminated-quote: a quoted field opened on line 3 is not closed "
                    + "at the end of the file raw=\"N-2,\\\"FR,2020-01-05,Active\\nN-3,FR,2020-01-06,Active\\n\"",
                "source notices.csv notice read=2 kept=1 merged=0 quarantined=1",
            ]),
        Case(
            folder: "blank-lines",
            expected: [
                "notice N-1 unknown RU 2019-03-12 active - @notices.csv:4",
                "notice N-2 unknown FR 2020-01-05 active - @notices.csv:7",
                "source notices.csv notice read=2 kept=2 merged=0 quarantined=0",
            ]),
        Case(
            folder: "trailing-empty",
            expected: [
                "notice N-1 unknown RU 2019-03-12 unknown - @notices.csv:2",
                "notice N-2 unknown FR - unknown - @notices.csv:3",
                "source notices.csv notice read=2 kept=2 merged=0 quarantined=0",
            ]),
    ]

    @Test("each hazard gives exactly the expected records, quarantine and accounting", arguments: cases)
    func hazard(_ testCase: Case) throws {
        let result = try IngestFixtures.ingest("hostile/" + testCase.folder)
        #expect(IngestFixtures.lines(result) == testCase.expected)
        #expect(IngestFixtures.balances(result))
    }

    @Test(
        "an empty file and a header-only file stop the run with no-records", arguments: ["empty-file", "header-only"])
    func noRecords(_ folder: String) throws {
        let error = #expect(throws: IngestError.self) { try IngestFixtures.ingest("hostile/" + folder) }
        #expect(error?.code == .noRecords)
        #expect(error?.message == "no record was found in any input file")
    }

    @Test("a file whose headers name neither kind of record cannot be inferred")
    func unknownHeadersInferred() throws {
        let folder = try IngestFixtures.temporaryFolder(text: ["a/people.csv": "name,age\nSAMPLE,40\n"])
        let error = #expect(throws: IngestError.self) { try DatasetIngestor(directory: folder).ingest() }
        #expect(
            error?.description
                == "a/people.csv: error[mapping-not-inferred]: cannot tell whether a/people.csv holds notices or "
                + "complaints: no id and requesting country among its headers (found: \"name\", \"age\"); "
                + "describe it in sources.yml"
        )
    }

    @Test("reader choices record what was detected and what was set")
    func readerChoices() throws {
        let sniffed = try IngestFixtures.ingest("hostile/windows-1252")
        #expect(
            sniffed.inputFiles.map(\.readerChoices) == [
                [
                    "delimiter=\";\" (detected)",
                    "encoding=windows-1252 (detected: not valid UTF-8 at byte offset 46)",
                    "filed_date format=dd.MM.yyyy (detected)", "header=true (detected)", "quote=\"\\\"\" (default)",
                ]
            ])
        let set = try IngestFixtures.ingest("hostile/invalid-utf8")
        #expect(set.inputFiles.first?.readerChoices.contains("encoding=utf-8 (set)") == true)
        #expect(set.sourcesFileSHA256?.count == 64)
    }
}
