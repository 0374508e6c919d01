import Foundation
import NoticeWatchModel
import NoticeWatchReport
import Testing

@Suite struct ManifestAndChangesTests {
    @Test func manifestListsEveryOtherOutputWithItsHash() throws {
        let temporary = try TemporaryFolder()
        defer { temporary.remove() }
        let (folder, outputs) = try writeReport(in: temporary)
        let data = try #require(FileManager.default.contents(atPath: folder + "/manifest.json"))
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let listed = try #require(json["outputs"] as? [[String: Any]])
        let others = outputs.filter { $0.path != "manifest.json" }
        #expect(listed.map { $0["path"] as? String } == others.map(\.path))
        #expect(listed.map { $0["sha256"] as? String } == others.map(\.sha256))
        #expect(listed.map { $0["size"] as? Int } == others.map(\.size))
        #expect((json["tool"] as? [String: Any])?["version"] as? String == "0.1.0")
        #expect((json["counts"] as? [String: Any])?["quarantined"] as? Int == 2)
        let inputs = try #require(json["inputs"] as? [[String: Any]])
        #expect(inputs.map { $0["path"] as? String } == ["ccf/decisions.csv", "notices/red.json"])
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.hasPrefix("{\n  \"counts\": {\n    \"complaints\": 4,\n    \"conflicts\": 1,\n"))
        #expect(text.contains("\"confidence_level\": 0.9500,\n"))
        #expect(outputs.last?.path == "manifest.json")
    }

    /// The fixture one run later: a new Russian complaint, a Russian notice cancelled, Türkiye's rate moved.
    static var laterInput: ReportInput {
        var input = ReportFixture.input
        var complaints = input.ingest.complaints.array
        complaints.append(
            Complaint(
                id: "CCF/5/22", noticeID: nil, requestingCountry: .member(ReportFixture.ru),
                filedDate: CivilDate(year: 2022, month: 1, day: 3),
                decisionDate: CivilDate(year: 2022, month: 5, day: 1),
                outcome: .overturned, outcomeLabel: "Not compliant",
                provenance: ReportFixture.location("ccf-2022", "ccf/2022.csv", line: 2)
            )
        )
        input.ingest.complaints = RecordList(complaints)
        var notices = input.ingest.notices.array
        notices[1].status = .cancelled
        input.ingest.notices = RecordList(notices)
        let russia = ReportFixture.tally(
            overturned: 3, upheld: 0, rate: 1, interval: ReportFixture.interval(0.4385, 1), tooFew: false)
        let turkey = ReportFixture.tally(
            overturned: 1, upheld: 1, rate: 0.5, interval: ReportFixture.interval(0.0945, 0.9055), tooFew: false)
        input.figures.overturnRates.byCountry = [
            .init(country: ReportFixture.ru, tally: russia), .init(country: ReportFixture.tr, tally: turkey),
        ]
        return input
    }

    @Test func changesSincePreviousRunArePerCountry() throws {
        let temporary = try TemporaryFolder()
        defer { temporary.remove() }
        let (before, _) = try writeReport(in: temporary, name: "before")
        let (after, outputs) = try writeReport(Self.laterInput, in: temporary, name: "after", previous: before)
        #expect(outputs.contains { $0.path == "changes_since_previous.csv" })
        #expect(
            readText(after, "changes_since_previous.csv")
                == "country_code,country_name,new_complaints,new_cancellations,previous_decided,previous_rate,decided,"
                + "rate,rate_change_points\r\n"
                + ",All countries,1,1,3,0.6667,3,0.6667,0.00\r\n"
                + "RU,Russia,1,1,2,1.0000,3,1.0000,0.00\r\n"
                + "TR,Türkiye,0,0,1,0.0000,2,0.5000,50.00\r\n"
        )
        let report = readText(after, "report.md")
        #expect(
            report.contains(
                "Compared with the previous report (4 complaints, 3 notices): 1 new complaint and 1 new cancellation."
            ))
        #expect(
            report.contains(
                "| All countries | 1 | 1 | 3 | 66.7% | 3 | 66.7% | 0.0 points |\n| Russia | 1 | 1 | 2 | 100.0% | 3 | 100.0% | 0.0 points |"
            ))
        #expect(report.contains("| Türkiye | 0 | 0 | 1 | 0.0% | 2 | 50.0% | +50.0 points |"))
    }

    @Test func anUnchangedRunSaysNothingChanged() throws {
        let temporary = try TemporaryFolder()
        defer { temporary.remove() }
        let (before, _) = try writeReport(in: temporary, name: "before")
        let (after, _) = try writeReport(in: temporary, name: "after", previous: before)
        #expect(readText(after, "report.md").contains("## Changes since the previous run\n"))
        #expect(
            readText(after, "report.md").contains(
                "0 new complaints and 0 new cancellations. A cancellation is new when"))
        #expect(readText(after, "report.md").contains("\nNothing changed.\n"))
    }

    @Test func aPreviousFolderWithoutRecordsIsAnError() throws {
        let temporary = try TemporaryFolder()
        defer { temporary.remove() }
        let empty = try temporary.folder("empty")
        let output = try temporary.folder("run")
        let error = #expect(throws: ReportError.self) {
            try ReportWriter.write(ReportFixture.input, to: output, previous: empty)
        }
        #expect(
            error?.description
                == "\(empty)/records.sqlite: error[previous-run-unreadable]: no records.sqlite in the previous report"
        )
    }

    @Test func aPreviousRateTableWithoutItsColumnsIsAnError() throws {
        let temporary = try TemporaryFolder()
        defer { temporary.remove() }
        let (before, _) = try writeReport(in: temporary, name: "before")
        try Data("scope,country\r\n".utf8).write(to: URL(fileURLWithPath: before + "/overturn_rates.csv"))
        let output = try temporary.folder("run")
        let error = #expect(throws: ReportError.self) {
            try ReportWriter.write(ReportFixture.input, to: output, previous: before)
        }
        #expect(
            error?.description
                == "\(before)/overturn_rates.csv: error[previous-run-unreadable]: overturn_rates.csv is missing or has "
                + "no scope, country_code, decided and rate columns"
        )
    }

    @Test func aFolderThatIsNotEmptyIsNotOverwritten() throws {
        let temporary = try TemporaryFolder()
        defer { temporary.remove() }
        let (folder, _) = try writeReport(in: temporary)
        let error = #expect(throws: ReportError.self) {
            try ReportWriter.write(ReportFixture.input, to: folder, previous: nil)
        }
        #expect(error?.code == .outputNotWritable)
        #expect(error?.path == folder + "/complaint_volumes.csv")
    }

    @Test func aReportRefusedForItsPreviousRunLeavesTheFolderEmptyForAnotherTry() throws {
        let temporary = try TemporaryFolder()
        defer { temporary.remove() }
        let (before, _) = try writeReport(in: temporary, name: "before")
        try Data("scope,country\r\n".utf8).write(to: URL(fileURLWithPath: before + "/overturn_rates.csv"))
        let output = try temporary.folder("run")
        let error = #expect(throws: ReportError.self) {
            try ReportWriter.write(ReportFixture.input, to: output, previous: before)
        }
        #expect(error?.code == .previousRunUnreadable)
        #expect(try FileManager.default.contentsOfDirectory(atPath: output) == [])
        let outputs = try ReportWriter.write(ReportFixture.input, to: output, previous: nil)
        #expect(outputs == (try writeReport(in: temporary, name: "again")).outputs)
    }
}
