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
