import NoticeWatchModel
import NoticeWatchReport
import Testing

/// The report lists each value not understood with the `sources.yml` lines that map it, and shows the records
/// whose country is not recognized in one unranked row.
@Suite struct ValuesNotUnderstoodReportTests {
    static let label = "Renvoyé en session plénière"
    static let line =
        "\"\(label)\": unknown  # no guess: replace unknown by one of: overturned, upheld, "
        + "partially-overturned, inadmissible, withdrawn, pending, unknown"

    /// The fixture's run with a decision label and a country not understood, and one complaint and one notice
    /// of a country not recognized.
    static var input: ReportInput {
        var input = ReportFixture.input
        input.ingest.valuesNotUnderstood = [
            ValueNotUnderstood(
                source: "ccf-2021", recordKind: .complaint, field: "outcome", rawValue: label, count: 2,
                firstLocation: SourceLocation(source: "ccf-2021", file: "ccf/décisions.csv", line: 4, record: 3),
                suggestion: line),
            ValueNotUnderstood(
                source: "ccf-2021", recordKind: .complaint, field: "requesting_country", rawValue: "Kosovo", count: 1,
                firstLocation: SourceLocation(source: "ccf-2021", file: "ccf/décisions.csv", line: 6, record: 5),
                suggestion: "# \"Kosovo\": not a member country"),
        ]
        input.ingest.mappingSuggestions = [
            MappingSuggestion(
                source: "ccf-2021", field: "outcome",
                yaml: "      outcome:\n        from: \"Décision\"\n        values:\n          \(line)\n")
        ]
        input.figures.volumes.total += 1
        input.figures.volumes.unrecognized = 1
        input.figures.volumes.unrecognizedByYear = [0, 1]
        input.figures.volumes.totalByYear[1] += 1
        let unrecognized = NoticeCancellations.Row(
            country: nil, notices: 2, unknownStatus: 1, cancelled: 1, cancelledShare: 1, cancelledInterval: nil,
            withKnownReason: 0, byCCF: 0, ccfShare: nil, ccfInterval: nil)
        input.figures.noticeCancellations.unrecognized = unrecognized
        return input
    }

    @Test func valuesNotUnderstoodCSVHasOneRowPerValueWithItsLine() throws {
        let temporary = try TemporaryFolder()
        defer { temporary.remove() }
        let (folder, outputs) = try writeReport(Self.input, in: temporary)
        #expect(outputs.map(\.path).contains("values_not_understood.csv"))
        let header = "source,record_kind,field,raw_value,count,first_file,first_line,first_record,sources_yml_line"
        let outcome: String =
            "ccf-2021,complaint,outcome,\(Self.label),2,ccf/décisions.csv,4,3,\"\"\"\(Self.label)\"\": unknown"
            + "  # no guess: replace unknown by one of: overturned, upheld, partially-overturned, "
            + "inadmissible, withdrawn, pending, unknown\""
        let country: String =
            "ccf-2021,complaint,requesting_country,Kosovo,1,ccf/décisions.csv,6,5,\"# \"\"Kosovo\"\": not a "
            + "member country\""
        let expected: String = [header, outcome, country].map { $0 + "\r\n" }.joined()
        #expect(readText(folder, "values_not_understood.csv") == expected)
        let volumes = readText(folder, "complaint_volumes.csv").split(separator: "\r\n")
        #expect(volumes.last == ",,Unrecognized / not a member,,1,0.1667,0,1,0,,,")
        let cancellations = readText(folder, "notice_cancellations.csv").split(separator: "\r\n")
        #expect(cancellations.last == "unrecognized,,Unrecognized / not a member,2,1,1,1.0000,,,0,0,,,")
    }

    @Test func theReportListsTheValuesAndThePasteableEntry() throws {
        let temporary = try TemporaryFolder()
        defer { temporary.remove() }
        let (folder, _) = try writeReport(Self.input, in: temporary)
        let text = readText(folder, "report.md")
        #expect(
            text.contains(
                """
                ### Values not understood

                2 distinct values in 3 fields of kept records were given but not understood: each field became \
                unknown and the record was kept.
                """))
        #expect(text.contains("| ccf-2021 | outcome | \"\(Self.label)\" | 2 | ccf/décisions.csv:4 |"))
        #expect(
            text.contains(
                "Unrecognized / not a member, as written: \"Kosovo\" (1) (records read, duplicates included; "
                    + "every text in `values_not_understood.csv`)."))
        #expect(
            text.contains(
                """
                Source `ccf-2021`, field `outcome`:

                ```yaml
                      outcome:
                        from: "Décision"
                        values:
                          \(Self.line)
                ```
                """))
        #expect(text.contains("|  | Unrecognized / not a member | 1 | 16.7% | 0 | 1 | —"))
        #expect(text.contains("| Unrecognized / not a member | 2 | 1 | 1 | 100.0% | — |"))
    }
}
