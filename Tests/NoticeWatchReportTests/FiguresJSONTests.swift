import Foundation
import NoticeWatchModel
import NoticeWatchReport
import Testing

/// `figures.json` against its committed schema, on the hand-built run and on the committed sample report.
@Suite struct FiguresJSONTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    static func schema() throws -> JSONSchemaCheck {
        let text = try String(
            contentsOfFile: repository + "/Sources/NoticeWatchReport/figures.schema.json", encoding: .utf8)
        return JSONSchemaCheck(root: try ParsedJSON.parse(text))
    }

    static func figures(_ folder: String) throws -> ParsedJSON {
        try ParsedJSON.parse(try String(contentsOfFile: folder + "/figures.json", encoding: .utf8))
    }

    @Test func sampleReportConformsToTheSchema() throws {
        let document = try Self.figures(Self.repository + "/Reports/sample")
        #expect(try Self.schema().violations(of: document) == [])
        let figures = try #require(document["figures"]?.array)
        #expect(figures.count > 500)
        let ids = figures.compactMap { $0["id"]?.string }
        #expect(Set(ids).count == figures.count, "figure ids are unique")
        let definitions = Set(document["definitions"]?.array?.compactMap { $0["id"]?.string } ?? [])
        let used = Set(figures.compactMap { $0["definition"]?.string })
        #expect(used.isSubset(of: definitions), "\(used.subtracting(definitions)) not in the Method section")
        #expect(used.contains("overturn-rate") && used.contains("notice-time-to-cancellation"))
        // The overall rate is the one of overturn_rates.csv's first row (columns 13 to 15: rate, ci_lower, ci_upper).
        let csv = try String(contentsOfFile: Self.repository + "/Reports/sample/overturn_rates.csv", encoding: .utf8)
        let overall = csv.split(separator: "\r\n")[1].split(separator: ",", omittingEmptySubsequences: false)
        let rate = try #require(figures.first { $0["id"]?.string == "overturn-rate/rate" })
        #expect(rate["value"]?.double == Double(overall[13]))
        #expect(rate["ci"]?["lower"]?.double == Double(overall[14]))
        #expect(rate["ci"]?["upper"]?.double == Double(overall[15]))
        #expect(rate["n"] == .integer(Int(overall[4])!))
        #expect(rate["ci"]?["method"] == .string("wilson"))
    }

    @Test func sampleReportNamesEveryCountryRowOfTheVolumeTable() throws {
        let document = try Self.figures(Self.repository + "/Reports/sample")
        let figures = try #require(document["figures"]?.array)
        let csv = try String(contentsOfFile: Self.repository + "/Reports/sample/complaint_volumes.csv", encoding: .utf8)
        for line in csv.split(separator: "\r\n").dropFirst() where !line.contains("\"") {
            let cells = line.split(separator: ",", omittingEmptySubsequences: false)
            let id = "complaint-volume/complaints/country=\(cells[0].isEmpty ? "unrecognized" : cells[0])"
            let figure = figures.first { $0["id"]?.string == id }
            #expect(figure?["value"] == .integer(Int(cells[4])!), "\(id)")
        }
    }

    @Test func handBuiltReportConformsAndIsStable() throws {
        let temporary = try TemporaryFolder()
        defer { temporary.remove() }
        let (folder, outputs) = try writeReport(in: temporary)
        #expect(outputs.contains { $0.path == "figures.json" })
        let text = readText(folder, "figures.json")
        let document = try ParsedJSON.parse(text)
        #expect(try Self.schema().violations(of: document) == [])
        #expect(document["schema_version"] == .integer(1))
        let figures = try #require(document["figures"]?.array)
        let russia = try #require(figures.first { $0["id"]?.string == "overturn-rate/rate/country=RU" })
        #expect(russia["filters"] == .object([("country", .string("RU"))]))
        #expect(russia["numerator"] == .integer(2))
        let manifest = readText(folder, "manifest.json")
        #expect(manifest.contains("\"path\": \"figures.json\""))
    }

    @Test func publicListSeriesConformsToTheSchema() throws {
        let first = CivilDate(year: 2024, month: 3, day: 1)!
        let second = CivilDate(year: 2024, month: 4, day: 1)!
        let series = PublicListSeries(
            grouping: .nationality,
            coverage: [
                CaptureCoverage(
                    capture: ListCapture(
                        date: first, files: ["list-2024-03-01.json"], seen: 6_412, serviceTotal: 6_420),
                    shareOfPrevious: nil, shareOfServiceTotal: 0.9988, partial: false),
                CaptureCoverage(
                    capture: ListCapture(date: second, files: ["list-2024-04-01.json"], seen: 3_100),
                    shareOfPrevious: 0.4835, shareOfServiceTotal: nil, partial: true),
            ],
            changes: [
                ListChange(
                    from: first, to: second, country: nil, added: 12, removed: 3_324, reappeared: 0, modified: 4,
                    modifiedFields: [FieldCount(field: "forename", count: 4)], reliable: false),
                ListChange(
                    from: first, to: second, country: ReportFixture.ru, added: 3, removed: 800, reappeared: 0,
                    modified: 1, modifiedFields: [], reliable: false),
            ],
            departures: [
                ListDepartures(month: CivilDate(year: 2024, month: 4)!, country: nil, count: 3_324, reliable: false)
            ],
            timeOnList: ReportFixture.noticeSurvival, leftTruncated: 6_400, histories: [])
        var input = ReportFixture.input
        input.figures.publicList = series
        let temporary = try TemporaryFolder()
        defer { temporary.remove() }
        let (folder, _) = try writeReport(input, in: temporary)
        let document = try ParsedJSON.parse(readText(folder, "figures.json"))
        #expect(try Self.schema().violations(of: document) == [])
        let figures = try #require(document["figures"]?.array)
        let ids = figures.compactMap { $0["id"]?.string }
        #expect(Set(ids).count == ids.count, "figure ids are unique")
        #expect(
            ids.contains(
                "public-list-changes/left_public_list/country=RU/from_date=2024-03-01/grouping=nationality/to_date=2024-04-01"
            ))
        #expect(ids.contains("public-list-changes/left_public_list_in_month/grouping=nationality/month=2024-04"))
        let seen = try #require(
            figures.first { $0["id"]?.string == "public-list-changes/notices_seen/capture_date=2024-04-01" })
        #expect(seen["value"] == .integer(3_100))
        #expect(seen["notes"] == .array([.string("partial-capture")]))
        #expect(ids.contains { $0.hasPrefix("public-list-time-on-list/quantile_days") })
        // The database gains the public list tables, and metadata.json describes them.
        let metadata = readText(folder, "metadata.json")
        #expect(metadata.contains("\"public_list_changes\": {"))
        #expect(!metadata.contains("\": \"\""), "every column is described")
    }

    /// Runs `Scripts/check-figures.py` (the `jsonschema` package's Draft 2020-12 validator) on `paths`: its exit
    /// status and output, or `nil` when Python or the package is missing.
    static func referenceCheck(_ paths: [String]) throws -> (status: Int32, output: String)? {
        let python = ProcessInfo.processInfo.environment["PYTHON"] ?? "/usr/bin/env"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments =
            (python == "/usr/bin/env" ? ["python3"] : []) + [repository + "/Scripts/check-figures.py"] + paths
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return nil }
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        // 3: jsonschema is not installed; 127: no python3.
        guard process.terminationStatus != 3, process.terminationStatus != 127 else { return nil }
        return (process.terminationStatus, output)
    }

    @Test func referenceValidatorAgreesWhenInstalled() throws {
        let temporary = try TemporaryFolder()
        defer { temporary.remove() }
        let (folder, _) = try writeReport(in: temporary)
        guard
            let good = try Self.referenceCheck([
                Self.repository + "/Reports/sample/figures.json", folder + "/figures.json",
            ])
        else { return }  // No jsonschema here: the Swift checks stand alone.
        #expect(good.status == 0, "\(good.output)")
        let broken = temporary.path + "/broken.json"
        try readText(folder, "figures.json").replacingOccurrences(
            of: "\"unit\": \"proportion\"", with: "\"unit\": \"%\""
        )
        .write(toFile: broken, atomically: false, encoding: .utf8)
        let rejected = try #require(try Self.referenceCheck([broken]))
        #expect(rejected.status == 1)
        #expect(rejected.output.contains("'%' is not one of"))
    }

    @Test func schemaCheckRejectsWhatTheSchemaForbids() throws {
        let schema = try Self.schema()
        let temporary = try TemporaryFolder()
        defer { temporary.remove() }
        let (folder, _) = try writeReport(in: temporary)
        let text = readText(folder, "figures.json")
        let broken = [
            text.replacingOccurrences(of: "\"schema_version\": 1", with: "\"schema_version\": 2"),
            text.replacingOccurrences(of: "\"unit\": \"proportion\"", with: "\"unit\": \"percent\""),
            text.replacingOccurrences(of: "\"country\": \"RU\"", with: "\"country\": \"Russia\""),
            text.replacingOccurrences(of: "\"numerator\": 2", with: "\"numerator\": \"2\""),
            text.replacingOccurrences(of: "\"notes\": [],", with: "\"notes\": [], \"comment\": true,"),
            text.replacingOccurrences(of: "\"method\": \"wilson\"", with: "\"method\": \"wald\""),
        ]
        for document in broken {
            #expect(document != text)
            #expect(!schema.violations(of: try ParsedJSON.parse(document)).isEmpty)
        }
        #expect(throws: (any Error).self) { try ParsedJSON.parse(text + "}") }
    }
}
