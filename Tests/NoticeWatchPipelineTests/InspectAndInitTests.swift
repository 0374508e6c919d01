import Foundation
import NoticeWatchModel
import Testing

@testable import NoticeWatchPipeline

/// The three commands a new user types on a folder of someone else's files: `inspect`, `init`, `run`. The
/// sources.yml `init` writes must parse and give the same figures as the run without it.
@Suite("inspect and init on a new user's folder")
struct InspectAndInitTests {
    /// A folder as a journalist receives it: a French case register from a spreadsheet (Windows-1252, `;`), a
    /// page of the public notices service, the CSV pandas wrote from list entries, an XML export of complaints
    /// and a workbook with a cover sheet.
    static func newUserFolder() throws -> String {
        let folder = try PipelineTestSupport.temporaryFolder("first-contact")
        let register =
            [
                "N° dossier;Pays requérant;Date de réception;Décision;Date de décision;Observations",
                "CCF/001/21;Turquie;16/01/2021;Non conforme;27/08/2022;\"Art. 3; suite à l'examen\"",
                "CCF/002/21;Chine;05/12/2021;Conforme sous réserve de mises à jour;06/12/2022;\"Demande « politique »\r\nvoir note\"",
                "CCF/003/21;Tadjikistan;09/12/2021;Irrecevable;27/11/2022;",
                "CCF/004/21;Turquie;23/02/2021;Effacement partiel des données;;",
                "CCF/005/21;Émirats arabes unis;02/02/2021;Conforme;25/07/2022;",
                ";Turquie;01/02/2021;Conforme;01/03/2022;ligne sans numéro",
                "Total;;;;;5",
            ].joined(separator: "\r\n") + "\r\n"
        try #require(register.data(using: .windowsCP1252)).write(to: URL(fileURLWithPath: folder + "/registre.csv"))
        let page = """
            {"total": 3, "query": {"page": 1, "resultPerPage": 20}, "_embedded": {"notices": [
              {"date_of_birth": "1979/01/17", "nationalities": ["RU", "UA"], "entity_id": "2019/12345",
               "forename": "ИВАН", "name": "ПЕТРОВ",
               "_links": {"self": {"href": "https://ws-public.interpol.int/notices/v1/red/2019-12345"}}},
              {"date_of_birth": "1985", "nationalities": ["SY"], "entity_id": "2021/75051", "forename": "محمد",
               "name": "الحسن", "_links": {"self": {"href": "https://ws-public.interpol.int/notices/v1/red/2021-75051"}}},
              {"date_of_birth": null, "nationalities": ["UNK"], "entity_id": "2020/3321", "forename": "伟",
               "name": "王", "_links": {"self": {"href": "https://ws-public.interpol.int/notices/v1/yellow/2020-3321"}}}
            ]}, "_links": {"self": {"href": "https://ws-public.interpol.int/notices/v1/red?page=1"}}}

            """
        try page.write(toFile: folder + "/data.json", atomically: false, encoding: .utf8)
        let pandas = #"""
            forename,date_of_birth,entity_id,nationalities,name,_links
            ANNA,6/30/1972,2022/1007,"['PL', 'DE']",KOWALSKA,"{'self': {'href': 'https://ws-public.interpol.int/notices/v1/red/2022-1007'}}"
            "JOSÉ ""PEPE""",12/3/1990,2018/44120,['MX'],"MARTÍNEZ, Jr.","{'self': {'href': 'https://ws-public.interpol.int/notices/v1/red/2018-44120'}}"

            """#
        try pandas.write(
            toFile: folder + "/pandas/red_notices.csv", atomically: false, encoding: .utf8, makingFolders: true)
        let xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <complaints>
              <complaint><case_number>X-1</case_number><requesting_country>RUS</requesting_country>
                <date_received>2022-03-01</date_received><outcome>Not compliant – deleted</outcome>
                <note>Жалоба «политическая»</note></complaint>
              <complaint><case_number>X-2</case_number><requesting_country>Türkiye</requesting_country>
                <date_received>2022-04-11</date_received><outcome>Pending</outcome><note>قرار</note></complaint>
            </complaints>

            """
        try xml.write(toFile: folder + "/export.xml", atomically: false, encoding: .utf8)
        let workbook =
            PipelineTestSupport.packageRoot + "/Tests/NoticeWatchIngestTests/Fixtures/workbooks/openpyxl/leak.xlsx"
        try FileManager.default.copyItem(atPath: workbook, toPath: folder + "/leak.xlsx")
        return folder
    }

    /// The files of a report that carry figures, not provenance: the tables (but the accounting and the input
    /// list, which name the sources file and the reader choices as set or detected) and figures.json. The charts
    /// name their sources in their captions: a workbook's sheet that is not a table, a source with no row without
    /// a sources file, is listed as not read in the file `init` writes.
    static func figureFiles(_ report: String) throws -> [String: Data] {
        let provenance: Set<String> = ["accounting.csv", "input_files.csv"]
        var files: [String: Data] = [:]
        for path in PipelineTestSupport.files(in: report)
        where (path.hasSuffix(".csv") || path == "figures.json") && !provenance.contains(path) {
            files[path] = try Data(contentsOf: URL(fileURLWithPath: report + "/" + path))
        }
        return files
    }

    @Test("init writes a sources.yml that parses and gives the same figures as the run without it")
    func sameFigures() throws {
        let folder = try Self.newUserFolder()
        let root = try PipelineTestSupport.temporaryFolder("first-contact-reports")
        try PipelineTestSupport.run(folder, into: root + "/zero-config")
        let printed = try Inspection.initialize(directory: folder, force: false)
        #expect(printed.hasPrefix("wrote \(folder)/sources.yml: 6 sources"))
        let text = try String(contentsOfFile: folder + "/sources.yml", encoding: .utf8)
        #expect(text.contains("      encoding: windows-1252  # detected: not valid UTF-8 at byte offset 1\n"))
        #expect(text.contains("      delimiter: \";\"  # detected\n"))
        #expect(text.contains("      id: \"N° dossier\"  # name words: number, dossier\n"))
        #expect(
            text.contains(
                "        format: \"dd/MM/yyyy\"  # detected: 100% of 5 values parse as dd/MM/yyyy (e.g. \"16/01/2021\")\n"
            ))
        #expect(text.contains("      records: \"_embedded.notices\"  # detected\n"))
        #expect(text.contains("    sheet: \"Complaints 2021\"\n"))
        #expect(text.contains("#   \"leak.xlsx!Cover\": sheet-not-a-table: "))
        // The run reads the file (it would stop on any mistake in it) and says it was given one.
        let inspection = try Inspection.inspect(directory: folder)
        #expect(inspection.text.hasPrefix("Sources from sources.yml."))
        try PipelineTestSupport.run(folder, into: root + "/with-sources")
        let before = try Self.figureFiles(root + "/zero-config")
        let after = try Self.figureFiles(root + "/with-sources")
        #expect(before.keys.sorted() == after.keys.sorted())
        for (path, data) in before.sorted(by: { $0.key < $1.key }) {
            #expect(
                PipelineTestSupport.firstDifference(expected: data, found: after[path] ?? Data()) == nil,
                "\(path) differs")
        }
        let manifest = try String(contentsOfFile: root + "/with-sources/report.md", encoding: .utf8)
        #expect(!manifest.contains("Sources file SHA-256: none"))
    }

    @Test("init never replaces a sources.yml without --force, and --force replaces the entry, not a file it links to")
    func refusesToOverwrite() throws {
        let folder = try Self.newUserFolder()
        let mine = "version: 1\nsources: []\n# my own notes\n"
        try mine.write(toFile: folder + "/elsewhere.txt", atomically: false, encoding: .utf8)
        try FileManager.default.createSymbolicLink(
            atPath: folder + "/sources.yml", withDestinationPath: "elsewhere.txt")
        let error = #expect(throws: PipelineError.self) { try Inspection.initialize(directory: folder, force: false) }
        #expect(error?.code == .initWouldOverwrite)
        #expect(error?.exitStatus == .cannotWriteReport)
        #expect(try String(contentsOfFile: folder + "/elsewhere.txt", encoding: .utf8) == mine)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: folder + "/sources.yml") == "elsewhere.txt")

        _ = try Inspection.initialize(directory: folder, force: true)
        #expect(try String(contentsOfFile: folder + "/elsewhere.txt", encoding: .utf8) == mine)
        let attributes = try FileManager.default.attributesOfItem(atPath: folder + "/sources.yml")
        #expect(attributes[.type] as? FileAttributeType == .typeRegular)
        #expect(
            try String(contentsOfFile: folder + "/sources.yml", encoding: .utf8).hasPrefix(
                "# Written by `noticewatch init`"))
        // Nothing else appeared: no temporary file is left behind.
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        #expect(
            names == ["data.json", "elsewhere.txt", "export.xml", "leak.xlsx", "pandas", "registre.csv", "sources.yml"])
    }

    @Test("inspect: exit 0 when a run reads everything, 4 when it would not; JSON stable and sorted")
    func exitStatusAndJSON() throws {
        let folder = try Self.newUserFolder()
        try FileManager.default.removeItem(atPath: folder + "/leak.xlsx")
        let clean = try Inspection.inspect(directory: folder)
        #expect(clean.exitStatus == .success)
        #expect(clean.text.hasSuffix("4 files read: a run would read everything.\n"))
        #expect(
            clean.text.contains("      \"Effacement partiel des données\" ×1 -> UNKNOWN (closest known: overturned"))
        #expect(clean.text.contains("    id                 <- \"N° dossier\"  [name words: number, dossier]"))

        try "Observations;Remarques\nà revoir;x\n".write(
            toFile: folder + "/notes.csv", atomically: false, encoding: .utf8)
        let json = try Inspection.inspect(directory: folder, json: true)
        #expect(json.exitStatus == .notEverythingRead)
        #expect(json.exitStatus.rawValue == 4)
        #expect(try Inspection.inspect(directory: folder, json: true).text == json.text)
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(json.text.utf8)) as? [String: Any])
        #expect(object["reads_everything"] as? Bool == false)
        let notRead = try #require(object["not_read"] as? [[String: String]])
        #expect(notRead.map { $0["path"] } == ["notes.csv"])
        let resorted = try JSONSerialization.data(
            withJSONObject: object, options: [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes])
        #expect(String(decoding: resorted, as: UTF8.self) + "\n" == json.text)
        let files = try #require(object["files"] as? [[String: Any]])
        #expect(
            files.compactMap { $0["path"] as? String } == [
                "data.json", "export.xml", "pandas/red_notices.csv", "registre.csv",
            ])
    }

    @Test("inspect FILE…: only the files named, as paths in the folder or with the folder in front")
    func namedFiles() throws {
        let folder = try Self.newUserFolder()
        let one = try Inspection.inspect(directory: folder, only: [folder + "/registre.csv"], json: false)
        #expect(one.text.contains("\nregistre.csv  (csv, "))
        #expect(!one.text.contains("data.json"))
        let error = #expect(throws: PipelineError.self) {
            try Inspection.inspect(directory: folder, only: ["missing.csv"])
        }
        #expect(error?.code == .pathNotFound)
    }

    @Test("The documentation shows what inspect and init print, and the README's first screen the three commands")
    func documented() throws {
        let folder = try PipelineTestSupport.temporaryFolder("documented")
        let fixture = PipelineTestSupport.packageRoot + "/Tests/NoticeWatchIngestTests/Fixtures/inspect/register"
        try FileManager.default.copyItem(atPath: fixture + "/registre.csv", toPath: folder + "/registre.csv")
        let printed = try Inspection.inspect(directory: folder).text
        let guide = try String(
            contentsOfFile: PipelineTestSupport.packageRoot + "/Datasets/README.md", encoding: .utf8)
        let block = try #require(printed.components(separatedBy: "\n\n").first { $0.hasPrefix("registre.csv  (") })
        #expect(guide.contains(block + "\n\n1 file read: a run would read everything.\n"))
        _ = try Inspection.initialize(directory: folder, force: false)
        let written = try String(contentsOfFile: folder + "/sources.yml", encoding: .utf8)
        let body = try #require(written.components(separatedBy: "version: 1\n").last)
        #expect(guide.contains("version: 1\n" + body))
        #expect(guide.hasPrefix("# Datasets\n\n## A folder you have never seen: `inspect`, then `init`\n"))

        let readme = try String(contentsOfFile: PipelineTestSupport.packageRoot + "/README.md", encoding: .utf8)
        let firstScreen = readme.split(separator: "\n", omittingEmptySubsequences: false).prefix(30)
            .joined(separator: "\n")
        for command in ["noticewatch inspect ", "noticewatch init ", "noticewatch run "] {
            #expect(firstScreen.contains(command), "the README's first screen lacks \(command)")
        }
    }

    @Test("The executable: inspect exits 0 or 4, init 0 then 73 without --force; errors on standard error")
    func executable() throws {
        guard QuietOptionTests.executable != nil else { return }
        let folder = try Self.newUserFolder()
        try FileManager.default.removeItem(atPath: folder + "/leak.xlsx")
        let clean = try QuietOptionTests.run(["inspect", folder])
        #expect(clean.status == 0)
        #expect(clean.output.hasSuffix("4 files read: a run would read everything.\n"))
        #expect(clean.errors.isEmpty)
        let json = try QuietOptionTests.run(["inspect", folder, "registre.csv", "--json", "--full"])
        #expect(json.status == 0)
        #expect(json.output.hasPrefix("{\n"))
        #expect(json.output.contains("\"full\" : true"))

        try "Observations\nà revoir\n".write(toFile: folder + "/notes.csv", atomically: false, encoding: .utf8)
        let unread = try QuietOptionTests.run(["inspect", folder])
        #expect(unread.status == 4)
        #expect(unread.output.contains("Not read by a run:\n  \"notes.csv\": mapping-not-inferred: "))
        try FileManager.default.removeItem(atPath: folder + "/notes.csv")

        let written = try QuietOptionTests.run(["init", folder])
        #expect(written.status == 0)
        #expect(written.output == "wrote \(folder)/sources.yml: 4 sources\n")
        let again = try QuietOptionTests.run(["init", folder])
        #expect(again.status == 73)
        #expect(again.output.isEmpty)
        #expect(again.errors.contains("error[init-would-overwrite]"))
        let forced = try QuietOptionTests.run(["init", folder, "--force"])
        #expect(forced.status == 0)
        let missing = try QuietOptionTests.run(["inspect", folder + "/nothing-here"])
        #expect(missing.status == 66)
    }
}

extension String {
    /// Writes the string to `path`, making its folder first.
    fileprivate func write(toFile path: String, atomically: Bool, encoding: String.Encoding, makingFolders: Bool) throws
    {
        try FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try write(toFile: path, atomically: atomically, encoding: encoding)
    }
}
