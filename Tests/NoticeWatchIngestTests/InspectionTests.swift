import Foundation
import NoticeWatchModel
import Testing

@testable import NoticeWatchIngest

/// `noticewatch inspect` on files that look like real exports (Fixtures/inspect): what each reader chose, the
/// mapping with its evidence, date formats with examples, labels and what they map to, countries that resolve
/// to no member, and what a run would set aside or not read.
@Suite("Inspecting a dataset folder")
struct InspectionTests {
    static func inspect(_ relative: String, only: [String] = [], full: Bool = false) throws -> DatasetInspection {
        try DatasetInspector(directory: IngestFixtures.folder("inspect/" + relative)).inspect(only: only, full: full)
    }

    static func field(_ file: FileInspection, _ name: NormalizedField) throws -> FieldInspection {
        try #require(file.fields.first { $0.field == name.rawValue })
    }

    @Test("A Windows-1252 register with French headers: dialect, mapping with its words, formats, labels, set aside")
    func frenchRegister() throws {
        let inspection = try Self.inspect("register")
        #expect(!inspection.sourcesFile)
        #expect(inspection.readsEverything)
        let file = try #require(inspection.files.first)
        #expect(file.path == "registre.csv")
        #expect(file.encoding == "windows-1252")
        #expect(file.delimiter == ";")
        #expect(file.quote == "\"")
        #expect(file.hasHeader == true)
        #expect(file.readWhole)
        #expect(file.header?.first == "N° dossier")
        #expect(file.choices.contains("encoding=windows-1252 (detected: not valid UTF-8 at byte offset 1)"))
        #expect(file.kind == "complaint")
        #expect(file.kindEvidence.contains("filed_date, decision_date, outcome, which only a complaint has"))
        #expect(file.fields.map(\.field) == ["id", "requesting_country", "filed_date", "decision_date", "outcome"])

        let id = try Self.field(file, .id)
        #expect(id.from == "N° dossier")
        #expect(id.evidence == "name words: number, dossier")
        #expect(id.present == 8)

        let filed = try Self.field(file, .filedDate)
        #expect(filed.from == "Date de réception")
        #expect(filed.evidence == "name words: date, reception")
        #expect(filed.dateFormats == ["dd/MM/yyyy"])
        #expect(filed.dateEvidence == "detected: 100% of 8 values parse as dd/MM/yyyy")
        #expect(filed.dateExamples == ["16/01/2021", "05/12/2021", "09/12/2021"])

        let country = try Self.field(file, .requestingCountry)
        #expect((country.present, country.understood) == (8, 7))
        #expect(country.unresolved == [LabelSeen(value: "Royaume de Narnia", count: 1, mapsTo: nil, suggestion: nil)])

        let outcome = try Self.field(file, .outcome)
        let labels = try #require(outcome.labels)
        // The unknown label first, with the closest known one as a suggestion that is not applied.
        #expect(
            labels.first
                == LabelSeen(
                    value: "Effacement partiel des données", count: 1, mapsTo: nil,
                    suggestion: "overturned (it holds the known label \"effacement\")"))
        #expect(labels.contains(LabelSeen(value: "Non conforme", count: 3, mapsTo: "overturned", suggestion: nil)))
        #expect(
            labels.contains(
                LabelSeen(
                    value: "Conforme sous réserve de mises à jour", count: 1, mapsTo: "partially-overturned",
                    suggestion: nil)))
        #expect(labels.dropFirst().map(\.count) == labels.dropFirst().map(\.count).sorted(by: >))

        #expect(
            file.setAside == [
                SetAsideCount(reason: "missing-id", count: 1, first: "registre.csv:10"),
                SetAsideCount(reason: "repeated-header", count: 1, first: "registre.csv:11"),
                SetAsideCount(reason: "totals-row", count: 1, first: "registre.csv:13"),
            ])
        #expect(file.recordsRead == 11)
        #expect(file.stops.isEmpty)
    }

    @Test("Paged JSON from the public notices service: records path, id-year, nationalities; an empty page not read")
    func pagedJSON() throws {
        let inspection = try Self.inspect("pages")
        let page = try #require(inspection.files.first)
        #expect(page.path == "page-1.json")
        #expect(page.records == "_embedded.notices")
        #expect(page.kindEvidence.contains("public notices service"))
        let issue = try Self.field(page, .issueDate)
        #expect(issue.dateFormats == ["id-year"])
        #expect(issue.from == "entity_id")
        let kind = try Self.field(page, .kind)
        #expect(kind.labels == [LabelSeen(value: "(a link naming red-notice)", count: 5, mapsTo: "red-notice")])
        let nationalities = try Self.field(page, .nationalities)
        #expect(nationalities.unresolved == [LabelSeen(value: "UNK", count: 1, mapsTo: nil, suggestion: nil)])
        // A last page with no notice has no key to infer a mapping from: a run does not read it.
        #expect(inspection.notRead.map(\.path) == ["page-2.json"])
        #expect(inspection.notRead.first?.reason.hasPrefix("mapping-not-inferred: ") == true)
        #expect(!inspection.readsEverything)
    }

    @Test("A pandas CSV with names in Cyrillic, Arabic and Chinese: Python lists, links, a former state")
    func pandasCSV() throws {
        let file = try #require(try Self.inspect("pandas").files.first)
        #expect(file.header == ["forename", "date_of_birth", "entity_id", "nationalities", "name", "_links"])
        #expect(file.recordsRead == 5)
        let nationalities = try Self.field(file, .nationalities)
        #expect((nationalities.present, nationalities.understood) == (5, 4))
        #expect(
            nationalities.unresolved == [
                LabelSeen(
                    value: "YU", count: 1, mapsTo: nil,
                    suggestion: "RS (Serbia continues Yugoslavia and Serbia and Montenegro)")
            ])
        #expect(try Self.field(file, .kind).from == "_links")
    }

    @Test("A namespaced XML export described by sources.yml: record element, prefixes, evidence from the file")
    func namespacedXML() throws {
        let inspection = try Self.inspect("namespaced")
        #expect(inspection.sourcesFile)
        let file = try #require(inspection.files.first)
        #expect(file.source == "register")
        #expect(file.recordElement == "ccf:complaint")
        #expect(file.namespaces == ["ccf": "urn:example:ccf-register"])
        #expect(file.kindEvidence == "set in sources.yml")
        #expect(file.fields.allSatisfy { $0.evidence == "set in sources.yml" })
        let country = try Self.field(file, .requestingCountry)
        #expect(country.unresolved?.first?.suggestion == "RU (Russia continues the USSR)")
        let outcome = try Self.field(file, .outcome)
        #expect(outcome.labels?.allSatisfy { $0.mapsTo != nil } == true)
        #expect(inspection.readsEverything)
    }

    @Test("The same namespaced export without a sources file: read, or listed as not read with why")
    func namespacedXMLZeroConfig() throws {
        let bytes = try Data(contentsOf: URL(fileURLWithPath: IngestFixtures.folder("inspect/namespaced/register.xml")))
        let folder = try IngestFixtures.temporaryFolder(["register.xml": Array(bytes)])
        let inspection = try DatasetInspector(directory: folder).inspect()
        if let file = inspection.files.first {
            #expect(file.kind == "complaint")
            #expect(file.recordElement?.hasSuffix("complaint") == true)
        } else {
            #expect(inspection.notRead.map(\.path) == ["register.xml"])
            #expect(inspection.notRead.first?.reason.contains(":") == true)
            #expect(!inspection.readsEverything)
        }
    }

    @Test("A workbook: each sheet with its header row, the cover sheet listed as not read")
    func workbook() throws {
        let folder = try WorkbookReadingTests.folder(with: "openpyxl/leak.xlsx")
        let inspection = try DatasetInspector(directory: folder).inspect()
        let sheet = try #require(inspection.files.first { $0.sheet == "Complaints 2021" })
        #expect(sheet.path == "leak.xlsx!Complaints 2021")
        #expect(sheet.format == "xlsx")
        #expect(sheet.readWhole)
        #expect(sheet.header?.first == "Case no.")
        #expect(sheet.kind == "complaint")
        let outcome = try Self.field(sheet, .outcome)
        #expect(outcome.labels?.first == LabelSeen(value: "отклонено", count: 1, mapsTo: nil, suggestion: nil))
        #expect(sheet.setAside.map(\.reason) == ["repeated-header", "totals-row"])
        #expect(inspection.files.contains { $0.sheet == "Notices" })
        #expect(inspection.notRead.map(\.path) == ["leak.xlsx!Cover"])
        #expect(inspection.notRead.first?.reason.contains("sheet-not-a-table") == true)
    }

    @Test("Links out of the folder, FIFOs and unmappable files are listed with why; FILE arguments narrow")
    func notRead() throws {
        let folder = try IngestFixtures.temporaryFolder(text: [
            "notices.csv": "notice_id,requesting_country,issue_date\nN1,RU,2020-01-02\n",
            "junk.csv": "Observations,Remarques\n\"Жалоба; «политическая»\",x\n",
        ])
        #expect(symlink("/etc/hostname", folder + "/outside.csv") == 0)
        #expect(mkfifo(folder + "/pipe.csv", 0o600) == 0)
        let inspection = try DatasetInspector(directory: folder).inspect()
        #expect(inspection.files.map(\.path) == ["notices.csv"])
        #expect(inspection.notRead.map(\.path) == ["junk.csv", "outside.csv", "pipe.csv"])
        #expect(inspection.notRead[0].reason.hasPrefix("mapping-not-inferred: "))
        #expect(!inspection.readsEverything)

        let one = try DatasetInspector(directory: folder).inspect(only: ["notices.csv"])
        #expect(one.files.map(\.path) == ["notices.csv"])
        #expect(one.notRead.isEmpty)
        #expect(one.readsEverything)
        #expect(throws: IngestError.self) { try DatasetInspector(directory: folder).inspect(only: ["nothing.csv"]) }
    }

    @Test("Only the first part of a large CSV is read unless --full; counts say so")
    func partRead() throws {
        var lines = ["Case number,Requesting NCB,Date of receipt,Outcome"]
        for row in 1...6000 { lines.append("C\(row),Russia,\(row % 18 + 10).03.2021,Not compliant") }
        let text = lines.joined(separator: "\n") + "\n"
        let folder = try IngestFixtures.temporaryFolder(text: ["big.csv": text])
        var inspector = DatasetInspector(directory: folder)
        inspector.partBytes = 64 * 1024
        let part = try #require(try inspector.inspect().files.first)
        #expect(!part.readWhole)
        #expect(part.recordsRead > 1000 && part.recordsRead < 6000)
        #expect(part.size == text.utf8.count)
        let whole = try #require(try inspector.inspect(full: true).files.first)
        #expect(whole.readWhole)
        #expect(whole.recordsRead == 6000)
        #expect(try Self.field(whole, .filedDate).dateFormats == ["dd.MM.yyyy"])
        #expect(try Self.field(whole, .requestingCountry).understood == 6000)
    }

    @Test("A JSON file is cut by its bytes too (a chunk at a time): the first records only, unless --full")
    func partReadJSON() throws {
        let entry =
            #"{"entity_id": "2019/%05d", "forename": "ИВАН", "name": "ПЕТРОВ", "nationalities": ["RU"], "#
            + #""_links": {"self": {"href": "https://ws-public.interpol.int/notices/v1/red/2019-%05d"}}}"#
        let entries = (1...16000).map { String(format: entry, $0, $0) }
        let text = "[\n" + entries.joined(separator: ",\n") + "\n]\n"
        #expect(text.utf8.count > 2 * 1024 * 1024 + 100_000)
        let folder = try IngestFixtures.temporaryFolder(text: ["notices.json": text])
        var inspector = DatasetInspector(directory: folder)
        inspector.partBytes = 64 * 1024
        let part = try #require(try inspector.inspect().files.first)
        #expect(!part.readWhole)
        #expect(part.recordsRead > 0 && part.recordsRead < 16000)
        let whole = try #require(try inspector.inspect(full: true).files.first)
        #expect(whole.readWhole)
        #expect(whole.recordsRead == 16000)
    }

    @Test("A date column that fits day-first and month-first is a stop: a run would ask for format:")
    func ambiguousDates() throws {
        let folder = try IngestFixtures.temporaryFolder(text: [
            "complaints.csv":
                "Case #,Country,Date filed,Outcome\nA1,RU,01/02/2021,Compliant\nA2,TR,03/04/2021,Compliant\n"
        ])
        let inspection = try DatasetInspector(directory: folder).inspect()
        let file = try #require(inspection.files.first)
        #expect(file.stops.count == 1)
        #expect(file.stops.first?.hasPrefix("ambiguous-date-format: field \"filed_date\"") == true)
        #expect(try Self.field(file, .filedDate).dateFormats == [])
        #expect(!inspection.readsEverything)
    }

    @Test("The sources.yml init writes parses into the sources a run infers; an ambiguous column is left open")
    func writtenSourcesFile() throws {
        let register = try Data(
            contentsOf: URL(fileURLWithPath: IngestFixtures.folder("inspect/register/registre.csv")))
        let folder = try IngestFixtures.temporaryFolder([
            "registre.csv": Array(register),
            "amb.csv": Array(
                "Case #,Country,Date filed,Outcome\nA1,RU,01/02/2021,Compliant\nA2,TR,03/04/2021,Compliant\n".utf8),
            "jsons/AE.json": Array("[]".utf8),
            "data/x*y.csv": Array("Ref.,Pays requérant,Lodged on\nR1,Russie,2020-01-02\n".utf8),
        ])
        let inspection = try DatasetInspector(directory: folder).inspect(full: true, inferring: true)
        let text = SourcesFileWriter.text(for: inspection)
        let specs = try SourcesFileParser(displayPath: "sources.yml").parse(text)
        #expect(specs.map(\.name) == ["amb.csv", "data/x*y.csv", "jsons/AE.json", "registre.csv"])
        #expect(specs.map(\.path) == specs.map(\.name))
        let french = try #require(specs.last)
        #expect(french.record == .complaint)
        #expect(french.csv == CSVOptions(delimiter: 0x3B, quote: 0x22, encoding: .windows1252, header: true))
        #expect(french.fields.map(\.field) == [.id, .requestingCountry, .filedDate, .decisionDate, .outcome])
        #expect(french.spec(for: .filedDate)?.formats == [DateFormat("dd/MM/yyyy")!])
        #expect(french.spec(for: .id)?.from == "N° dossier")
        // A column that fits day-first and month-first stays open, so that a run stops as it would without the file.
        #expect(specs[0].spec(for: .filedDate)?.formats == [])
        #expect(text.contains("# format: not set: ambiguous: every value fits both dd/MM/yyyy and MM/dd/yyyy"))
        // A name that holds `*` is a glob in a sources file: said so beside it.
        #expect(text.contains("    path: \"data/x*y.csv\"  # read as a glob: it may name other files too\n"))
        // A file with no record: a placeholder id, and its own layout.
        #expect(specs[2].record == .notice)
        #expect(specs[2].fields.map(\.from) == ["id"])
        #expect(specs[2].jsonRecords == "")
        #expect(text.contains("      records: \"\"  # detected\n"))
    }

    @Test("With a sources file, files no source names are listed apart, and do not change the exit status")
    func unnamedFiles() throws {
        let folder = try IngestFixtures.temporaryFolder(text: [
            "a.csv": "notice_id,requesting_country\nN1,RU\n",
            "old/b.csv": "notice_id,requesting_country\nN2,TR\n",
            "notes.txt": "not data\n",
            "sources.yml": """
            version: 1
            sources:
              - name: a
                path: a.csv
                record: notice
                fields:
                  id: notice_id
                  requesting_country: requesting_country
            """,
        ])
        let inspection = try DatasetInspector(directory: folder).inspect()
        #expect(inspection.sourcesFile)
        #expect(inspection.files.map(\.path) == ["a.csv"])
        #expect(inspection.unnamed == ["old/b.csv"])
        #expect(inspection.readsEverything)
        // init infers every file afresh, whatever the sources file says.
        let inferred = try DatasetInspector(directory: folder).inspect(inferring: true)
        #expect(!inferred.sourcesFile)
        #expect(inferred.files.map(\.path) == ["a.csv", "old/b.csv"])
        #expect(inferred.unnamed.isEmpty)
    }
}
