import Foundation
import NoticeWatchModel
import Testing

@testable import NoticeWatchGenerator

@Suite(.serialized) struct SampleBundleTests {
    static let seed = SampleBundle.defaultSeed

    @Test func writesEveryFileOfTheBundle() throws {
        let folder = try TemporaryFolder("files")
        let figures = try SampleBundle.write(to: folder.path, seed: Self.seed)
        let pages = figures.source(named: "interpol-api-pages")!.files
        let expected =
            [
                "PLANTED.md", "ccf_case_system.ndjson", "ccf_complaints_register.csv", "diffusions_export.xml",
                "notices_register.csv", "sources.yml",
            ] + pages
        #expect(folder.files() == expected.sorted())
        #expect(pages.first == "api_pages/red_notices_p001.json")
        #expect(figures.sources.map(\.name) == SampleBundle.sourceNames)
        #expect(try folder.text("PLANTED.md") == figures.markdown)
    }

    @Test func sameSeedGivesIdenticalBytesAndAnotherSeedDoesNot() throws {
        let first = try TemporaryFolder("same-a")
        let second = try TemporaryFolder("same-b")
        let other = try TemporaryFolder("other")
        let figuresA = try SampleBundle.write(to: first.path, seed: Self.seed)
        let figuresB = try SampleBundle.write(to: second.path, seed: Self.seed)
        _ = try SampleBundle.write(to: other.path, seed: Self.seed + 1)
        #expect(figuresA == figuresB)
        #expect(first.files() == second.files())
        for file in first.files() {
            #expect(try first.bytes(file) == second.bytes(file), "\(file) differs between two runs")
        }
        for file in ["notices_register.csv", "ccf_complaints_register.csv", "ccf_case_system.ndjson"] {
            #expect(try first.bytes(file) != other.bytes(file), "\(file) is the same for another seed")
        }
    }

    @Test func sourcesBalanceAndMatchTheRowsInTheFiles() throws {
        let folder = try TemporaryFolder("rows")
        let figures = try SampleBundle.write(to: folder.path, seed: Self.seed)
        for source in figures.sources {
            #expect(source.rowsWritten == source.kept + source.merged + source.quarantined, "\(source.name)")
            #expect(source.quarantined == figures.brokenRows.filter { $0.source == source.name }.count)
        }
        let register = BundleScanning.csvRecords(try folder.text("notices_register.csv"), delimiter: ",")
        #expect(register.count - 1 == figures.source(named: "notices-register")!.rowsWritten)
        var pageRecords = 0
        for page in figures.source(named: "interpol-api-pages")!.files {
            pageRecords += try folder.text(page).split(separator: "\n").filter { $0.contains("\"entity_id\"") }.count
        }
        #expect(pageRecords == figures.source(named: "interpol-api-pages")!.rowsWritten)
        let diffusions = try folder.text("diffusions_export.xml").split(separator: "\n")
            .filter { $0.contains("<nw:diffusion ") }.count
        #expect(diffusions == figures.source(named: "diffusions-xml")!.rowsWritten)
        let complaints = Windows1252.decode(try folder.bytes("ccf_complaints_register.csv"))
        #expect(
            BundleScanning.csvRecords(complaints, delimiter: ";").count - 1
                == figures.source(named: "ccf-complaints-register")!.rowsWritten)
        let caseLines = try folder.text("ccf_case_system.ndjson").split(separator: "\n")
        #expect(caseLines.count == figures.source(named: "ccf-case-system")!.rowsWritten)

        let kept = figures.sources.filter { $0.recordKind == .notice }.map(\.kept).reduce(0, +)
        #expect(kept == figures.noticeTotal.notices)
        let keptComplaints = figures.sources.filter { $0.recordKind == .complaint }.map(\.kept).reduce(0, +)
        #expect(keptComplaints == figures.complaintTotal.total)
    }

    @Test func complaintCountsPerCountryAndOutcomeMatchTheFiles() throws {
        let folder = try TemporaryFolder("complaints")
        let figures = try SampleBundle.write(to: folder.path, seed: Self.seed)
        var labels: [String: Outcome] = ["": .pending]
        for outcome in Outcome.allCases {
            for label in SampleLabels.registerOutcome(outcome) + SampleLabels.caseSystemOutcome(outcome) {
                labels[label] = outcome
            }
        }
        labels[SampleLabels.unmappedOutcome] = .unknown
        // Only the truncated JSON line cannot be a record; the others are kept with a field unknown.
        let broken = Set(["CCF/9906/22"])
        var seen: Set<String> = []
        var tallies: [Country: PlantedComplaintCount] = [:]
        var unrecognized = PlantedComplaintCount(
            country: nil, overturned: 0, upheld: 0, partiallyOverturned: 0, inadmissible: 0, withdrawn: 0, pending: 0)
        func count(id: String, country: String, label: String) {
            guard !broken.contains(id), seen.insert(id).inserted else { return }
            guard let resolved = Country(country) else { return unrecognized.add(labels[label]!) }
            var tally =
                tallies[resolved]
                ?? PlantedComplaintCount(
                    country: resolved, overturned: 0, upheld: 0, partiallyOverturned: 0, inadmissible: 0, withdrawn: 0,
                    pending: 0)
            tally.add(labels[label]!)
            tallies[resolved] = tally
        }
        let register = Windows1252.decode(try folder.bytes("ccf_complaints_register.csv"))
        for fields in BundleScanning.csvRecords(register, delimiter: ";").dropFirst() {
            count(id: fields[0], country: fields[2], label: fields[5])
        }
        for line in try folder.text("ccf_case_system.ndjson").split(separator: "\n") where line.hasSuffix("}") {
            let id = BundleScanning.jsonValue("case_id", in: line)!
            let label = line.contains("\"decision\":null") ? "" : BundleScanning.jsonValue("label", in: line) ?? ""
            count(id: id, country: BundleScanning.jsonValue("requesting_country", in: line)!, label: label)
        }
        #expect(tallies.values.sorted { $0.country! < $1.country! } == figures.complaintsByCountry)
        #expect(unrecognized == figures.unrecognizedComplaints)
        #expect(unrecognized.total == 1)
    }

    @Test func plantedRatesAreRealistic() throws {
        let folder = try TemporaryFolder("rates")
        let figures = try SampleBundle.write(to: folder.path, seed: Self.seed)
        let russia = figures.complaints(of: Country("RU")!)!
        let turkey = figures.complaints(of: Country("TR")!)!
        let ranked = figures.complaintsByCountry.sorted { $0.total > $1.total }
        #expect(ranked[0].country == Country("RU") && ranked[1].country == Country("TR"))
        #expect(russia.total * 10 >= turkey.total * 25 && russia.total * 10 <= turkey.total * 35)
        #expect(russia.overturned * 100 >= russia.decided * 44 && russia.overturned * 100 <= russia.decided * 56)
        let all = figures.complaintTotal
        let admissibleDecided = all.decided + all.withdrawn
        #expect(all.overturned * 100 >= admissibleDecided * 54 && all.overturned * 100 <= admissibleDecided * 66)
        #expect(all.inadmissible * 100 >= all.total * 25 && all.inadmissible * 100 <= all.total * 35)
        #expect((180...245).contains(figures.medianDaysToDecision))
        #expect(figures.decisionsAfterMoreThanAYear > 0)
        #expect(figures.noticeTotal.cancelled * 4 < figures.noticeTotal.notices)
        #expect(figures.noticeTotal.byCCF > 0)
    }

    @Test func aLongTailOfCountriesHasFewOrNoComplaints() throws {
        let folder = try TemporaryFolder("tail")
        let figures = try SampleBundle.write(to: folder.path, seed: Self.seed)
        #expect(figures.noticesByCountry.count == SampleCountry.all.count)
        #expect(SampleCountry.all.count >= 30)
        let tooFewToRank = figures.complaintsByCountry.filter { $0.decided < 10 }
        #expect(tooFewToRank.count >= 5)
        let tail = Set(SampleCountry.tail.map(\.country))
        #expect(tooFewToRank.allSatisfy { tail.contains($0.country!) })
        let withoutComplaints = figures.noticesByCountry.map(\.country!).filter { figures.complaints(of: $0) == nil }
        let byDesign = SampleCountry.all.filter { $0.complaintWeight == 0 }.map(\.country)
        #expect(byDesign.count >= 3)
        #expect(byDesign.allSatisfy { withoutComplaints.contains($0) })
    }

    @Test func nothingIsDatedAfterTheSnapshot() throws {
        let folder = try TemporaryFolder("dates")
        _ = try SampleBundle.write(to: folder.path, seed: Self.seed)
        var invalid = 0
        var total = 0
        for file in folder.files() where !file.hasSuffix(".md") && !file.hasSuffix(".yml") {
            let text =
                file == "ccf_complaints_register.csv"
                ? Windows1252.decode(try folder.bytes(file)) : try folder.text(file)
            let found = BundleScanning.dates(in: text)
            invalid += found.invalid
            total += found.dates.count
            let late = found.dates.filter { $0 > SampleWorld.asOf }
            #expect(late.isEmpty, "\(file) has dates after 2025-06-30: \(late.prefix(3))")
            #expect(found.dates.allSatisfy { $0.year >= 1950 }, "\(file)")
        }
        #expect(total > 5000)
        #expect(invalid == 1, "only the planted 31.02.2020 is no valid day")
    }
}

@Suite struct CommittedSampleTests {
    /// `Datasets/sample/` in the repository, found from this file's path.
    static let committed = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Datasets/sample").path

    @Test func committedSampleIsTheOutputOfItsSeed() throws {
        let folder = try TemporaryFolder("committed")
        _ = try SampleBundle.write(to: folder.path, seed: SampleBundle.defaultSeed)
        for file in folder.files() {
            let committed = try Data(contentsOf: URL(fileURLWithPath: Self.committed + "/" + file))
            #expect([UInt8](committed) == (try folder.bytes(file)), "Datasets/sample/\(file) is stale: run make sample")
        }
    }
}

@Suite struct PlantedNoticeTests {
    @Test func noticeCountsPerCountryMatchTheFiles() throws {
        let folder = try TemporaryFolder("notices")
        let figures = try SampleBundle.write(to: folder.path, seed: SampleBundle.defaultSeed)
        var seen: Set<String> = []
        var counts: [Country: (notices: Int, cancelled: Int)] = [:]
        func count(id: String, country: String, status: String) {
            guard seen.insert(id).inserted else { return }
            let resolved = Country(country)!
            var entry = counts[resolved] ?? (0, 0)
            entry.notices += 1
            if ["cancelled", "withdrawn", "expired"].contains(status.lowercased()) { entry.cancelled += 1 }
            counts[resolved] = entry
        }
        let register = BundleScanning.csvRecords(try folder.text("notices_register.csv"), delimiter: ",")
        for row in register.dropFirst() where row.count == 10 { count(id: row[0], country: row[2], status: row[6]) }
        for page in figures.source(named: "interpol-api-pages")!.files {
            for line in try folder.text(page).split(separator: "\n") where line.contains("\"entity_id\"") {
                guard let country = BundleScanning.jsonValue("issuing_country_id", in: line) else { continue }
                count(
                    id: BundleScanning.jsonValue("entity_id", in: line)!, country: country,
                    status: BundleScanning.jsonValue("status", in: line)!)
            }
        }
        let export = try folder.text("diffusions_export.xml")
        for block in export.split(separator: "<nw:diffusion ").dropFirst() {
            guard let code = block.split(separator: "code=\"").dropFirst().first?.prefix(2) else { continue }
            let ref = block.split(separator: "\"")[1]
            count(id: String(ref), country: String(code), status: BundleScanning.xmlText("nw:status", in: block)!)
        }
        #expect(seen.count + figures.unrecognizedNotices == figures.noticeTotal.notices)
        for row in figures.noticesByCountry {
            let found = counts[row.country!]
            #expect(found?.notices == row.notices, "\(row.country!.alpha2)")
            #expect(found?.cancelled == row.cancelled, "\(row.country!.alpha2)")
        }
        #expect(counts.count == figures.noticesByCountry.count)
    }
}
