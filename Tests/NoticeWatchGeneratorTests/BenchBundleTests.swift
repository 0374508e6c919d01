import Foundation
import NoticeWatchModel
import Testing

@testable import NoticeWatchGenerator

@Suite(.serialized) struct BenchBundleTests {
    @Test func figuresMatchTheFilesInEveryFormat() throws {
        let folder = try TemporaryFolder("bench")
        let manifest = try BenchBundle.write(to: folder.path, notices: 3000, complaints: 900, seed: 7)
        #expect(folder.files() == manifest.files)
        #expect(manifest.total.notices == 3000 && manifest.total.complaints == 900)

        let notices = BundleScanning.csvRecords(try folder.text("csv/notices.csv"), delimiter: ",")
        #expect(
            notices[0] == [
                "id", "kind", "country", "issue_date", "status", "cancellation_date",
                "cancellation_reason",
            ])
        var perCountry: [String: (notices: Int, cancelled: Int)] = [:]
        for row in notices.dropFirst() {
            var entry = perCountry[row[2]] ?? (0, 0)
            entry.notices += 1
            if row[4] != "active" { entry.cancelled += 1 }
            perCountry[row[2]] = entry
        }
        let ndjson = try folder.text("ndjson/notices.ndjson").split(separator: "\n")
        let xml = try folder.text("xml/notices.xml").split(separator: "\n").filter { $0.hasPrefix("<notice>") }
        #expect(ndjson.count == 3000 && xml.count == 3000)
        for index in [0, 1234, 2999] {
            let id = notices[index + 1][0]
            #expect(BundleScanning.jsonValue("entity_id", in: ndjson[index]) == id)
            #expect(BundleScanning.xmlText("id", in: xml[index]) == id)
            #expect(BundleScanning.xmlText("country", in: xml[index]) == notices[index + 1][2])
            #expect(BundleScanning.jsonValue("status", in: ndjson[index]) == notices[index + 1][4])
        }

        let complaints = BundleScanning.csvRecords(try folder.text("csv/complaints.csv"), delimiter: ",")
        var outcomes: [String: BenchCountryFigures] = [:]
        for row in complaints.dropFirst() {
            var entry = outcomes[row[2]] ?? BenchCountryFigures(country: Country(row[2]))
            entry.add(Outcome(rawValue: row[5])!)
            outcomes[row[2]] = entry
        }
        for row in manifest.byCountry {
            let code = row.country!.alpha2
            #expect(perCountry[code]?.notices ?? 0 == row.notices, "\(code)")
            #expect(perCountry[code]?.cancelled ?? 0 == row.cancelled, "\(code)")
            let tally = outcomes[code] ?? BenchCountryFigures(country: row.country)
            #expect(tally.overturned == row.overturned && tally.upheld == row.upheld, "\(code)")
            #expect(tally.pending == row.pending && tally.complaints == row.complaints, "\(code)")
        }
        let csvComplaints = try folder.bytes("csv/complaints.csv")
        #expect(try folder.bytes("ndjson/complaints.csv") == csvComplaints)
        #expect(try folder.bytes("xml/complaints.csv") == csvComplaints)
        #expect(try folder.text("EXPECTED.md") == manifest.markdown)
    }

    @Test func sameSeedGivesIdenticalBytes() throws {
        let first = try TemporaryFolder("bench-a")
        let second = try TemporaryFolder("bench-b")
        let a = try BenchBundle.write(to: first.path, notices: 500, complaints: 200, seed: 11)
        let b = try BenchBundle.write(to: second.path, notices: 500, complaints: 200, seed: 11)
        #expect(a == b)
        for file in first.files() { #expect(try first.bytes(file) == second.bytes(file), "\(file)") }
    }

    @Test func nothingIsDatedAfterTheSnapshot() throws {
        let folder = try TemporaryFolder("bench-dates")
        _ = try BenchBundle.write(to: folder.path, notices: 2000, complaints: 2000, seed: 3)
        for file in ["csv/notices.csv", "csv/complaints.csv", "ndjson/notices.ndjson", "xml/notices.xml"] {
            let found = BundleScanning.dates(in: try folder.text(file))
            #expect(found.invalid == 0 && !found.dates.isEmpty, "\(file)")
            #expect(found.dates.allSatisfy { $0 <= SampleWorld.asOf }, "\(file)")
        }
    }

    @Test(arguments: [(0, 10), (10, 0), (BenchBundle.maximumRecords + 1, 10)])
    func rejectsSizesOutOfRange(notices: Int, complaints: Int) throws {
        let folder = try TemporaryFolder("bench-size")
        let error = #expect(throws: GeneratorError.self) {
            try BenchBundle.write(to: folder.path, notices: notices, complaints: complaints, seed: 1)
        }
        let name = notices == 10 ? "complaints" : "notices"
        let value = notices == 10 ? complaints : notices
        #expect(error?.code == "invalid-size")
        #expect(error?.description == "error[invalid-size]: \(name) must be between 1 and 5000000, not \(value)")
    }

    @Test func sourcesFilesNameTheFilesOfTheirFolder() throws {
        let folder = try TemporaryFolder("bench-sources")
        _ = try BenchBundle.write(to: folder.path, notices: 10, complaints: 10, seed: 1)
        for (folderName, notices) in [("csv", "notices.csv"), ("ndjson", "notices.ndjson"), ("xml", "notices.xml")] {
            let yaml = try folder.text("\(folderName)/sources.yml")
            #expect(yaml.contains("\nversion: 1\nsources:\n  - name: bench-notices-\(folderName)\n"))
            #expect(yaml.contains("    path: \(notices)\n"))
            #expect(yaml.contains("  - name: bench-complaints\n    path: complaints.csv\n"))
            #expect(yaml.contains("          \"partially-overturned\": partially-overturned\n"))
        }
    }
}

/// The realistic profile: files shaped like real exports, with the hazards a zero-config run must survive.
@Suite(.serialized) struct RealisticBenchBundleTests {
    static let notices = 4000
    static let complaints = 1500

    @Test func writesNoSourcesFileAndCountsEveryRow() throws {
        let folder = try TemporaryFolder("bench-realistic")
        let manifest = try BenchBundle.write(
            to: folder.path, notices: Self.notices, complaints: Self.complaints, seed: 7, profile: .realistic)
        #expect(folder.files() == manifest.files)
        #expect(!manifest.files.contains { $0.hasSuffix("sources.yml") })
        #expect(manifest.profile == .realistic)
        #expect(manifest.total.notices == Self.notices && manifest.total.complaints == Self.complaints)
        let notices = BundleScanning.csvRecords(try folder.text("csv/notices.csv"), delimiter: ",")
        #expect(notices[0] == BenchBundle.realisticNoticeFields)
        #expect(notices.count == Self.notices + 1)
        #expect(notices.allSatisfy { $0.count == BenchBundle.realisticNoticeFields.count })
        let members = Set(SampleCountry.all.map(\.alpha2))
        let unrecognized = notices.dropFirst().filter { !members.contains($0[2]) }
        #expect(unrecognized.count == manifest.unrecognized.notices)
        // About 2% of the countries are no member.
        #expect((60...110).contains(unrecognized.count), "\(unrecognized.count)")
        #expect(Set(unrecognized.map { $0[2] }).isSubset(of: ["XK", "TW", "Kosovo", "KP", "Taiwan", "Western Sahara"]))
        #expect(try folder.text("EXPECTED.md").contains("| Unrecognized | \(manifest.unrecognized.notices) |"))
    }

    @Test func freeTextIsQuotedInAboutFortyPercentOfRowsWithLineBreaksAndDoubledQuotes() throws {
        let folder = try TemporaryFolder("bench-realistic-quotes")
        _ = try BenchBundle.write(
            to: folder.path, notices: Self.notices, complaints: Self.complaints, seed: 8, profile: .realistic)
        let text = try folder.text("csv/notices.csv")
        let records = BundleScanning.csvRecords(text, delimiter: ",").dropFirst()
        let needsQuotes: (String) -> Bool = { $0.contains { $0 == "," || $0 == "\"" || $0 == "\n" } }
        let quoted = records.filter { $0.contains(where: needsQuotes) }
        let share = Double(quoted.count) / Double(records.count)
        #expect((0.35...0.46).contains(share), "quoted share \(share)")
        #expect(records.contains { $0[7].contains("\n") })
        #expect(records.contains { $0[8].contains("\n") })
        #expect(text.contains("\"Participation in an \"\"illegal armed formation\"\", art. 208\""))
        #expect(records.contains { $0[7].contains("Мошенничество") })
        #expect(records.contains { $0[7].contains("الإرهاب") })
        // Physical lines outnumber records: line breaks sit inside quotes.
        #expect(text.split(separator: "\n", omittingEmptySubsequences: false).count > records.count + 2)

        let complaints = try Windows1252.decode(folder.bytes("csv/complaints.csv"))
        let rows = BundleScanning.csvRecords(complaints, delimiter: ",").dropFirst()
        let quotedComplaints = rows.filter { $0.contains(where: needsQuotes) }
        let complaintShare = Double(quotedComplaints.count) / Double(rows.count)
        #expect((0.33...0.47).contains(complaintShare), "quoted share \(complaintShare)")
        #expect(rows.contains { $0[7].contains("\n") })
    }

    @Test func complaintsFileIsWindows1252WithCRLFAndDecodes() throws {
        let folder = try TemporaryFolder("bench-realistic-1252")
        let manifest = try BenchBundle.write(
            to: folder.path, notices: 500, complaints: Self.complaints, seed: 9, profile: .realistic)
        let bytes = try folder.bytes("csv/complaints.csv")
        #expect(String(validating: bytes, as: UTF8.self) == nil, "not UTF-8")
        #expect(bytes.contains(0xE9) && bytes.contains(0x80), "é and € as Windows-1252 bytes")
        let text = Windows1252.decode(bytes)
        #expect(!text.contains("\u{FFFD}"))
        #expect(text.hasPrefix(BenchBundle.realisticComplaintFields.joined(separator: ",") + "\r\n"))
        #expect(text.contains("Données effacées") && text.contains("1 200 €") && text.contains("L’avocat"))
        let rows = BundleScanning.csvRecords(text, delimiter: ",").dropFirst()
        #expect(rows.count == Self.complaints)
        // Outcome labels outside every vocabulary: about 1% of the decided complaints, counted as not understood.
        let unknown: Set = ["Renvoyé en session plénière", "Referred to plenary session", "Suspendu"]
        #expect(rows.filter { unknown.contains($0[5]) }.count == manifest.total.notUnderstood)
        #expect(manifest.total.notUnderstood > 0)
        // The secondary field holds decision wording no vocabulary maps.
        #expect(rows.contains { $0[6] == "Non conforme – art. 3 (caractère politique)" })
        for file in ["ndjson/complaints.csv", "xml/complaints.csv"] { #expect(try folder.bytes(file) == bytes) }
    }

    @Test func datesAreDayFirstAndSomeDayIsPastTheTwelfth() throws {
        let folder = try TemporaryFolder("bench-realistic-dates")
        _ = try BenchBundle.write(to: folder.path, notices: 800, complaints: 400, seed: 3, profile: .realistic)
        let notices = BundleScanning.csvRecords(try folder.text("csv/notices.csv"), delimiter: ",").dropFirst()
        let complaints = BundleScanning.csvRecords(
            Windows1252.decode(try folder.bytes("csv/complaints.csv")), delimiter: ","
        ).dropFirst()
        for (values, separator) in [
            (notices.map { $0[3] }, "/"), (notices.map { $0[5] }.filter { !$0.isEmpty }, "/"),
            (complaints.map { $0[3] }, "."), (complaints.map { $0[4] }.filter { !$0.isEmpty }, "."),
        ] {
            #expect(!values.isEmpty)
            #expect(values.allSatisfy { $0.count == 10 && $0.split(separator: Character(separator)).count == 3 })
            // A day past the 12th rules out month-first, so the format is detected unambiguously.
            #expect(values.contains { Int($0.prefix(2))! > 12 })
        }
        for file in ["csv/notices.csv", "ndjson/notices.ndjson", "xml/notices.xml"] {
            let found = BundleScanning.dates(in: try folder.text(file))
            #expect(found.invalid == 0 && !found.dates.isEmpty, "\(file)")
            #expect(found.dates.allSatisfy { $0 <= SampleWorld.asOf }, "\(file)")
        }
    }

    @Test func theThreeNoticeFormatsHoldTheSameValues() throws {
        let folder = try TemporaryFolder("bench-realistic-formats")
        _ = try BenchBundle.write(to: folder.path, notices: 600, complaints: 10, seed: 5, profile: .realistic)
        let csv = BundleScanning.csvRecords(try folder.text("csv/notices.csv"), delimiter: ",")
        let ndjson = try folder.text("ndjson/notices.ndjson").split(separator: "\n")
        let xml = try folder.text("xml/notices.xml").components(separatedBy: "</notice>\n").dropLast()
        #expect(ndjson.count == 600 && xml.count == 600)
        for index in 0..<600 {
            let row = csv[index + 1]
            let record = xml[index][...]
            #expect(BundleScanning.jsonValue("id", in: ndjson[index]) == row[0])
            #expect(BundleScanning.jsonValue("date_of_issue", in: ndjson[index]) == row[3])
            #expect(BundleScanning.jsonValue("status", in: ndjson[index]) == row[4])
            #expect(BundleScanning.xmlText("id", in: record) == row[0])
            #expect(BundleScanning.xmlText("country", in: record) == row[2])
            #expect(BundleScanning.xmlText("issue_date", in: record) == row[3])
        }
        #expect(try folder.text("xml/notices.xml").contains("<remarks><![CDATA["))
    }

    @Test func sameSeedGivesIdenticalBytes() throws {
        let first = try TemporaryFolder("bench-realistic-a")
        let second = try TemporaryFolder("bench-realistic-b")
        let a = try BenchBundle.write(to: first.path, notices: 700, complaints: 300, seed: 11, profile: .realistic)
        let b = try BenchBundle.write(to: second.path, notices: 700, complaints: 300, seed: 11, profile: .realistic)
        #expect(a == b)
        for file in first.files() { #expect(try first.bytes(file) == second.bytes(file), "\(file)") }
    }
}
