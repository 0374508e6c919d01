import Foundation
import NoticeWatchModel
import Testing

@testable import NoticeWatchReport

@Suite struct RecordsDatabaseTests {
    func query(_ sql: String) throws -> [[String?]] {
        let temporary = try TemporaryFolder()
        defer { temporary.remove() }
        let (folder, _) = try writeReport(in: temporary)
        let database = try SQLiteDatabase(path: folder + "/records.sqlite", readOnly: true)
        return try database.query(sql)
    }

    @Test func recordsKeepIdsDatesAndProvenanceAsText() throws {
        #expect(
            try query(
                "SELECT id, kind, country, issue_date, status, cancellation_date, cancellation_reason, source, file, line, record FROM notices"
            )
                == [
                    [
                        "2019/1", "red-notice", "RU", "2019-01-10", "cancelled", "2020-01-10", "ccf-decision",
                        "notices-2021", "notices/red.json", nil, "1",
                    ],
                    [
                        "2019/2", "red-notice", "RU", "2019-05-01", "active", nil, "unknown", "notices-2021",
                        "notices/red.json", nil, "2",
                    ],
                    [
                        "2020/7", "diffusion", "TR", "2020", "withdrawn", nil, "unknown", "notices-2021",
                        "notices/red.json", nil, "4",
                    ],
                ]
        )
        #expect(
            try query(
                "SELECT id, notice_id, country, country_name, filed_date, decision_date, outcome, outcome_label, data_type, request_type, admissibility_date, line FROM complaints WHERE country = 'TR'"
            )
                == [
                    [
                        "CCF/3/21", "2020/7", "TR", "Türkiye", "2020-06-01", "2021-02-01", "upheld",
                        "=HYPERLINK(\"http://evil.example\",\"Compliant\")", "diffusion", "deletion", "2020-07-01",
                        "4",
                    ],
                    [
                        "CCF/4/21", nil, "TR", "Türkiye", "2020", nil, "pending", "Under examination", "unknown",
                        "unknown", nil, "6",
                    ],
                ]
        )
        #expect(try query("SELECT typeof(id), typeof(line) FROM complaints LIMIT 1") == [["text", "integer"]])
    }

    @Test func tablesAreStrictAndIndexed() throws {
        #expect(
            try query("SELECT name FROM pragma_table_list WHERE schema = 'main' AND strict = 1 ORDER BY name")
                == [
                    ["complaint_volumes"], ["complaints"], ["conflicts"], ["exclusions"], ["input_files"],
                    ["notice_cancellations"], ["notices"], ["overturn_rates"], ["quarantine"], ["run"], ["sources"],
                    ["survival_complaints"], ["survival_notices"], ["survival_summary"], ["values_not_understood"],
                    ["warrants"],
                ]
        )
        #expect(
            try query(
                "SELECT name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_autoindex%' ORDER BY name"
            )
                == [
                    ["complaints_country"], ["complaints_notice_id"], ["notices_country"], ["quarantine_reason_code"],
                    ["warrants_charge_category"],
                ]
        )
        #expect(try query("PRAGMA page_size") == [["16384"]])
        #expect(try query("PRAGMA application_id") == [[String(RecordsDatabase.applicationID)]])
    }

    @Test func dataQualityAndRunTablesAreComplete() throws {
        #expect(
            try query("SELECT id, source, file, line, record, field, raw_value, reason_code, reason FROM quarantine")
                == [
                    [
                        "1", "ccf-2021", "ccf/decisions.csv", "7", nil, "requesting_country", "=cmd|' /C calc'!A0",
                        "unknown-country", "not a member country",
                    ],
                    [
                        "2", "notices-2021", "notices/red.json", nil, "3", nil, "{\"entity_id\": null}", "missing-id",
                        "the record has no id",
                    ],
                ]
        )
        #expect(
            try query(
                "SELECT record_kind, record_id, field, kept_value, kept_line, discarded_value, discarded_line FROM conflicts"
            )
                == [["complaint", "CCF/2/20", "outcome", "Data deleted", "3", "-compliant", "5"]]
        )
        #expect(
            try query("SELECT source, record_kind, read, kept, merged, quarantined FROM sources")
                == [["ccf-2021", "complaint", "6", "4", "1", "1"], ["notices-2021", "notice", "4", "3", "0", "1"]]
        )
        #expect(
            try query("SELECT path, rows_read FROM input_files") == [
                ["ccf/decisions.csv", "6"], ["notices/red.json", "4"],
            ])
        #expect(
            try query("SELECT key, value FROM run ORDER BY key")
                == [
                    ["as_of", "2022-06-30"], ["as_of_origin", "--as-of"], ["dataset_path", "Datasets/sample"],
                    ["option.as-of", "2022-06-30"], ["option.minimum-decisions", "2"], ["option.top-countries", "1"],
                    ["sources_file_sha256", String(repeating: "c", count: 64)], ["tool_version", "0.1.0"],
                ]
        )
    }

    struct Keyed: RecordWithFacts {
        var id: String
        var facts: Int { id.count }
    }

    @Test(arguments: [
        ([String](), [Int]()), (["a", "b", "c"], [0, 1, 2]), (["b", "a", "c"], [1, 0, 2]),
        (["c", "b", "b", "a"], [3, 1, 2, 0]), (["2019/10", "2019/9", "2019/1"], [2, 0, 1]),
    ])
    func rowsAreInsertedInIdOrder(ids: [String], expected: [Int]) {
        let records = ids.map(Keyed.init(id:))
        #expect(RecordsDatabase.inIDOrder(RecordList(records), \.id).map(\.id) == expected.map { ids[$0] })
    }

    /// `N00042`: ids that sort as their numbers do.
    func noticeID(_ number: Int) -> String {
        "N" + String(repeating: "0", count: max(0, 5 - String(number).count)) + String(number)
    }

    /// Notices numbered `first...last`, in descending id order.
    func manyNotices(_ numbers: ClosedRange<Int>) -> ReportInput {
        var input = ReportFixture.input
        let template = ReportFixture.notices[0]
        input.ingest.notices = RecordList(
            numbers.reversed().map { number in
                var notice = template
                notice.id = noticeID(number)
                notice.provenance.line = number
                return notice
            })
        return input
    }

    @Test func bulkInsertsKeepEveryRowInIdOrder() throws {
        let temporary = try TemporaryFolder()
        defer { temporary.remove() }
        let count = RecordsDatabase.batchRows * (RecordsDatabase.chunkBatches + 2) + 7
        let path = try temporary.folder("run") + "/records.sqlite"
        try RecordsDatabase.write(manyNotices(1...count), to: path)
        let database = try SQLiteDatabase(path: path, readOnly: true)
        let rows = try database.query("SELECT rowid, id, line FROM notices ORDER BY rowid")
        #expect(rows.count == count)
        #expect(rows.allSatisfy { $0[0] == $0[2] })
        #expect(rows.first == ["1", "N00001", "1"])
        #expect(rows.last == ["\(count)", noticeID(count), "\(count)"])
    }

    @Test func aDuplicateIdNamesTheOneRowStatement() throws {
        let temporary = try TemporaryFolder()
        defer { temporary.remove() }
        var input = manyNotices(1...(RecordsDatabase.batchRows + 1))
        var notices = input.ingest.notices.array
        notices[3].id = notices[4].id
        input.ingest.notices = RecordList(notices)
        let path = try temporary.folder("run") + "/records.sqlite"
        let error = #expect(throws: ReportError.self) { try RecordsDatabase.write(input, to: path) }
        #expect(
            error?.description
                == "\(path): error[sqlite-failed]: UNIQUE constraint failed: notices.id - while executing "
                + "INSERT INTO notices VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
        )
    }
}

/// The `warrants` table holds every warrant of every notice, in order, with its charge and category.
@Suite struct WarrantsTableTests {
    @Test func everyWarrantIsARow() throws {
        let location = ReportFixture.location("details", "red_notices_details.json", record: 1)
        let warrants = [
            Warrant(
                matching: "Участие в незаконном вооружённом формировании", translation: "Illegal armed formation",
                issuingCountry: CountryValue("RU")),
            Warrant(matching: "Estafa", translation: nil, issuingCountry: CountryValue("ES")),
            Warrant(matching: "", translation: nil, issuingCountry: .unrecognized("HK")),
        ]
        let notice = Notice(
            id: "2016/48213", kind: .redNotice, requestingCountry: CountryValue("RU"), issueDate: nil,
            status: .unknown, cancellationDate: nil, cancellationReason: .unknown, warrants: warrants,
            provenance: location)
        let plain = Notice(
            id: "2013/41497", kind: .redNotice, requestingCountry: .unrecognized(""), issueDate: nil,
            status: .unknown, cancellationDate: nil, cancellationReason: .unknown, provenance: location)
        var ingest = IngestResult(
            notices: RecordList([plain, notice]), complaints: RecordList(), quarantine: [], conflicts: [],
            sources: [
                SourceAccounting(
                    source: "details", recordKind: .notice, read: 5, kept: 2, merged: 3, quarantined: 0,
                    exactRepeats: 2, mapping: [])
            ], inputFiles: [], sourcesFileSHA256: nil)
        ingest.mapsWarrants = true
        let temporary = try TemporaryFolder()
        defer { temporary.remove() }
        let path = try temporary.folder("db") + "/records.sqlite"
        try RecordsDatabase.write(
            ingest, provenance: ReportFixture.provenance, asOf: CivilDate(year: 2025, month: 6, day: 30)!,
            asOfOrigin: "--as-of", to: path)
        let database = try SQLiteDatabase(path: path, readOnly: true)
        #expect(
            try database.query("SELECT * FROM warrants ORDER BY notice_id, position") == [
                [
                    "2016/48213", "1", "RU", "Участие в незаконном вооружённом формировании",
                    "Illegal armed formation", "terrorism",
                ],
                ["2016/48213", "2", "ES", "Estafa", nil, "fraud"],
                ["2016/48213", "3", "HK", "", nil, nil],
            ])
        #expect(try database.query("SELECT merged, exact_repeats FROM sources") == [["3", "2"]])
        #expect(try database.query("PRAGMA user_version") == [["5"]])
    }
}
