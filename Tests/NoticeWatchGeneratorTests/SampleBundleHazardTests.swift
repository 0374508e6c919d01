import Foundation
import NoticeWatchModel
import Testing

@testable import NoticeWatchGenerator

@Suite(.serialized) struct SampleBundleHazardTests {
    @Test func complaintsRegisterIsWindows1252WithCRLF() throws {
        let folder = try TemporaryFolder("cp1252")
        _ = try SampleBundle.write(to: folder.path, seed: 20_250_630)
        let bytes = try folder.bytes("ccf_complaints_register.csv")
        for (index, byte) in bytes.enumerated() where byte == 0x0A {
            #expect(index > 0 && bytes[index - 1] == 0x0D, "bare line feed at byte \(index)")
        }
        #expect(bytes.suffix(2) == [0x0D, 0x0A])
        let header = Array("R".utf8) + [0xE9] + Array("f".utf8) + [0xE9] + Array("rence;N".utf8) + [0xB0]
        #expect(Array(bytes.prefix(header.count)) == header)
        let russia: [UInt8] = [0x46, 0xE9, 0x64, 0xE9, 0x72, 0x61, 0x74, 0x69, 0x6F, 0x6E]  // "Fédération"
        #expect(contains(bytes, russia))
        #expect(contains(bytes, Array("Turquie".utf8)))
        #expect(contains(bytes, [0xC9] + Array("tats-Unis".utf8)))  // "États-Unis"
        #expect(contains(bytes, Array("Donn".utf8) + [0xE9, 0x65, 0x73]))  // "Données"
        #expect(contains(bytes, Array("En cours d".utf8) + [0x92]))  // typographic apostrophe
        #expect(!contains(bytes, [0xC3, 0xA9]), "UTF-8 é found in a Windows-1252 file")
        let text = Windows1252.decode(bytes)
        #expect(!text.contains("\u{FFFD}"))
        #expect(text.contains("Fédération de Russie") && text.contains("Non conforme"))
        #expect(text.contains("Conforme sous réserve de mises à jour"))
    }

    @Test func brokenRowsAreInTheFilesExactlyAsListed() throws {
        let folder = try TemporaryFolder("broken")
        let figures = try SampleBundle.write(to: folder.path, seed: 20_250_630)
        #expect(figures.brokenRows.map(\.source) == ["notices-register", "ccf-case-system"])
        #expect(
            figures.unclearValues.map(\.source) == [
                "interpol-api-pages", "diffusions-xml", "ccf-complaints-register", "ccf-complaints-register",
                "ccf-case-system",
            ])
        for row in figures.brokenRows + figures.unclearValues {
            let bytes = try folder.bytes(row.file)
            let text =
                row.file.hasPrefix("ccf_complaints")
                ? Windows1252.decode(bytes) : String(decoding: bytes, as: UTF8.self)
            // "\r\n" is one Character in Swift: split on both line ends.
            let lines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }
            if let line = row.line {
                let written = lines[line - 1]
                if row.field == nil {
                    #expect(written == row.rawValue[...], "\(row.file):\(line)")
                } else if row.rawValue.isEmpty {
                    #expect(written.contains("<nw:diffusion ref=\"D-2022-999903\">"), "\(row.file):\(line)")
                    #expect(!lines[line].contains("nw:country") && lines[line].contains("nw:subject"))
                } else {
                    #expect(written.contains(row.rawValue), "\(row.file):\(line)")
                }
            } else {
                let records = lines.filter { $0.contains("\"entity_id\"") }
                #expect(records[row.record - 1].contains("\"arrest_warrants\": []"), "\(row.file)#\(row.record)")
            }
        }
        let register = BundleScanning.csvRecords(try folder.text("notices_register.csv"), delimiter: ",")
        #expect(register[0].count == 10)
        #expect(register.dropFirst().filter { $0.count != 10 }.map { $0[0] } == ["2020/99901"])
        #expect(Country("Atlantis") == nil)
        #expect(!SampleLabels.caseSystemOutcomeValues.contains { $0.0 == SampleLabels.unmappedOutcome })
    }

    @Test func conflictsAreBetweenTheRegisterAndThePages() throws {
        let folder = try TemporaryFolder("conflicts")
        let figures = try SampleBundle.write(to: folder.path, seed: 20_250_630)
        #expect(figures.conflicts.count == SampleBundle.conflictingStatuses)
        let register = BundleScanning.csvRecords(try folder.text("notices_register.csv"), delimiter: ",")
        var pages = ""
        for page in figures.source(named: "interpol-api-pages")!.files { pages += try folder.text(page) }
        for conflict in figures.conflicts {
            let row = register.first { $0[0] == conflict.id }
            #expect(row.map { $0[6].lowercased() } == conflict.keptValue)
            let record = pages.split(separator: "\n").filter { $0.contains("\"entity_id\": \"\(conflict.id)\"") }
            #expect(record.count == 1)
            #expect(record.first.flatMap { BundleScanning.jsonValue("status", in: $0) } == conflict.discardedValue)
        }
    }

    @Test func repeatedComplaintsAgreeInBothFiles() throws {
        let folder = try TemporaryFolder("repeats")
        _ = try SampleBundle.write(to: folder.path, seed: SampleBundle.defaultSeed)
        let register = Windows1252.decode(try folder.bytes("ccf_complaints_register.csv"))
        var rows: [String: [String]] = [:]
        for fields in BundleScanning.csvRecords(register, delimiter: ";").dropFirst() { rows[fields[0]] = fields }
        var repeats = 0
        for line in try folder.text("ccf_case_system.ndjson").split(separator: "\n") where line.hasSuffix("}") {
            guard let fields = rows[BundleScanning.jsonValue("case_id", in: line)!] else { continue }
            repeats += 1
            #expect(BundleScanning.jsonValue("notice_ref", in: line) == fields[1])
            #expect(!fields[1].isEmpty)
            #expect(BundleScanning.jsonValue("label", in: line) == fields[5])
            let filed = BundleScanning.jsonValue("filed_at", in: line)!
            #expect(SampleBundle.format(CivilDate(iso: String(filed.prefix(10)))!, .dotDayFirst) == fields[3])
        }
        #expect(repeats == SampleBundle.repeatedComplaints)
    }

    @Test(arguments: SampleCountry.all.map(\.alpha2))
    func everySpellingResolvesToItsCountry(alpha2: String) {
        let country = SampleCountry.all.first { $0.alpha2 == alpha2 }!
        let spellings =
            country.registerSpellings + country.frenchSpellings + country.caseSystemSpellings
            + [country.exportName, country.alpha2.lowercased()]
        for spelling in spellings {
            #expect(Country(spelling) == Country(alpha2), "\(spelling)")
        }
    }

    @Test func sourcesFileMapsColumnsThatExist() throws {
        let folder = try TemporaryFolder("sources")
        _ = try SampleBundle.write(to: folder.path, seed: 20_250_630)
        let yaml = try folder.text("sources.yml")
        let register = try folder.text("notices_register.csv").split(separator: "\n")[0]
        for column in register.dropFirst().split(separator: ",").prefix(9)
        where column != "subject_name"
            && column != "date_of_birth"
        {
            #expect(yaml.contains(": \(column)\n"), "\(column)")
        }
        let complaints = Windows1252.decode(try folder.bytes("ccf_complaints_register.csv")).split(separator: "\r\n")[0]
        for column in complaints.split(separator: ";").prefix(6) {
            #expect(yaml.contains(": \(column)\n"), "\(column)")
        }
        for label in ["Non conforme", "Données effacées", "En cours d’examen", "Compliant subject to updates"] {
            #expect(yaml.contains("\"\(label)\": "), "\(label)")
        }
        #expect(yaml.hasPrefix("# The synthetic sample bundle"))
        #expect(yaml.contains("\nversion: 1\nsources:\n  - name: notices-register\n    path: notices_register.csv\n"))
        #expect(yaml.contains("\n      id: \"@ref\"\n"))
        #expect(!yaml.contains("\t"))
    }

    private func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard needle.count <= haystack.count else { return false }
        for start in 0...(haystack.count - needle.count) where haystack[start] == needle[0] {
            if Array(haystack[start..<(start + needle.count)]) == needle { return true }
        }
        return false
    }
}
