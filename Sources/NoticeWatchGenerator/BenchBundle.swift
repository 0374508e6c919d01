import Foundation
import NoticeWatchModel

/// The benchmark bundle: many records in three notice formats and one complaints CSV, written fast with
/// buffered byte-level writes, and the exact figures they hold.
///
/// Layout: `csv/notices.csv` + `csv/complaints.csv`, `ndjson/notices.ndjson` + `ndjson/complaints.csv`,
/// `xml/notices.xml` + `xml/complaints.csv`, and `EXPECTED.md`; the clean profile adds a `sources.yml` in each
/// of the three folders, the realistic one is read with none (see ``BenchProfile``). The three notice files
/// hold the same notices; the complaints file is written once and hard-linked (or copied where links are not
/// possible) into the other folders.
public struct BenchBundle {
    /// Notices in the bundle `make bench` writes by default.
    public static let defaultNotices = 1_000_000
    /// Complaints in the bundle `make bench` writes by default.
    public static let defaultComplaints = 300_000

    /// The largest bundle the generator writes.
    public static let maximumRecords = 5_000_000

    /// Writes a benchmark bundle into `directory` (created when missing) and returns its figures.
    ///
    /// - Parameters:
    ///   - directory: The bundle folder.
    ///   - notices: Notices to write, 1…5,000,000 (`make bench` uses 1,000,000).
    ///   - complaints: Complaints to write, 1…5,000,000 (`make bench` uses 300,000).
    ///   - seed: The seed of every random draw; the same seed, sizes and profile give the same bytes.
    ///   - profile: What the files look like (`make bench` uses ``BenchProfile/realistic``).
    /// - Returns: The exact figures of the bundle.
    /// - Throws: ``GeneratorError`` `invalid-size` for a count out of range, `directory-not-creatable` or
    ///   `file-not-writable` for I/O failures.
    /// - Complexity: O(n) in the number of records, with memory bounded by the write buffers.
    public static func write(
        to directory: String, notices: Int, complaints: Int, seed: UInt64, profile: BenchProfile = .clean
    ) throws(GeneratorError) -> BenchManifest {
        for (name, count) in [("notices", notices), ("complaints", complaints)]
        where !(1...maximumRecords).contains(count) {
            throw GeneratorError(
                code: "invalid-size", message: "\(name) must be between 1 and \(maximumRecords), not \(count)")
        }
        for folder in ["csv", "ndjson", "xml"] { try FileSink.makeDirectory(FileSink.join(directory, folder)) }
        // One slot per country of the sample world, and a last one for the countries that are no member.
        var figures = SampleCountry.all.map { BenchCountryFigures(country: $0.country) }
        figures.append(BenchCountryFigures(country: nil))
        switch profile {
        case .clean:
            try writeNotices(directory, count: notices, seed: seed, into: &figures)
            try writeComplaints(directory, count: complaints, notices: notices, seed: seed, into: &figures)
        case .realistic:
            try writeRealisticNotices(directory, count: notices, seed: seed, into: &figures)
            try writeRealisticComplaints(directory, count: complaints, notices: notices, seed: seed, into: &figures)
        }
        for folder in ["ndjson", "xml"] {
            let target = FileSink.join(FileSink.join(directory, folder), "complaints.csv")
            let source = FileSink.join(FileSink.join(directory, "csv"), "complaints.csv")
            try? FileManager.default.removeItem(atPath: target)
            do {
                try FileManager.default.linkItem(atPath: source, toPath: target)
            } catch {
                do { try FileManager.default.copyItem(atPath: source, toPath: target) } catch {
                    throw GeneratorError(code: "file-not-writable", message: "cannot copy: \(error)", path: target)
                }
            }
        }
        var files = [
            "EXPECTED.md", "csv/complaints.csv", "csv/notices.csv", "ndjson/complaints.csv", "ndjson/notices.ndjson",
            "xml/complaints.csv", "xml/notices.xml",
        ]
        if profile == .clean {
            for (folder, text) in [("csv", csvSources), ("ndjson", ndjsonSources), ("xml", xmlSources)] {
                let path = FileSink.join(FileSink.join(directory, folder), "sources.yml")
                try FileSink.write(Array(text.utf8), to: path)
                files.append(folder + "/sources.yml")
            }
        }
        let unrecognized = figures.removeLast()
        var total = BenchCountryFigures(country: nil)
        for row in figures + [unrecognized] { total.add(row) }
        let manifest = BenchManifest(
            seed: seed, asOf: SampleWorld.asOf, notices: notices, complaints: complaints, profile: profile,
            files: files.sorted(),
            byCountry: figures.filter { $0.notices + $0.complaints > 0 }.sorted { $0.country! < $1.country! },
            unrecognized: unrecognized, total: total)
        try FileSink.write(Array(manifest.markdown.utf8), to: FileSink.join(directory, "EXPECTED.md"))
        return manifest
    }

    /// The notice id of the `index`-th notice (0-based): `N00000001` ….
    static func noticeID(_ index: Int, into out: inout ByteBuffer) {
        out.append(byte: 0x4E)
        out.append(number: index + 1, width: 8)
    }

    private static func writeNotices(
        _ directory: String, count: Int, seed: UInt64, into figures: inout [BenchCountryFigures]
    ) throws(GeneratorError) {
        var random = SeededRandom(seed: seed, stream: 11)
        var csv = try FileSink(path: FileSink.join(directory, "csv/notices.csv"))
        var ndjson = try FileSink(path: FileSink.join(directory, "ndjson/notices.ndjson"))
        var xml = try FileSink(path: FileSink.join(directory, "xml/notices.xml"))
        csv.buffer.append("id,kind,country,issue_date,status,cancellation_date,cancellation_reason\n")
        xml.buffer.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<notices>\n")
        let firstDay = CivilDate(year: SampleWorld.firstYear, month: 1, day: 1)!.dayNumber!
        let asOfDay = SampleWorld.asOf.dayNumber!
        let statuses: [NoticeStatus] = [.cancelled, .withdrawn, .expired]
        let reasons: [CancellationReason] = [
            .ccfDecision, .withdrawnByRequestingCountry, .generalSecretariatReview, .subjectLocated, .other,
        ]
        for index in 0..<count {
            let country = random.weighted(SampleCountry.noticeWeights)
            let code = SampleCountry.all[country].alpha2
            let kind: NoticeKind = random.chance(perMille: 100) ? .diffusion : .redNotice
            let issueDay = random.int(in: firstDay...asOfDay)
            var status = NoticeStatus.active
            var reason = CancellationReason.unknown
            var endDay: Int?
            if random.chance(perMille: 200) {
                let end = issueDay + 30 + random.below(2200)
                if end <= asOfDay {
                    endDay = end
                    status = statuses[random.weighted([75, 18, 7])]
                    if status == .cancelled { reason = reasons[random.weighted([35, 20, 20, 15, 10])] }
                    if status == .withdrawn { reason = .withdrawnByRequestingCountry }
                }
            }
            figures[country].notices += 1
            if endDay != nil { figures[country].cancelled += 1 }
            if reason == .ccfDecision { figures[country].byCCF += 1 }
            let issue = CivilDate(dayNumber: issueDay)
            let end = endDay.map(CivilDate.init(dayNumber:))

            noticeID(index, into: &csv.buffer)
            csv.buffer.append("," + kind.rawValue + "," + code + ",")
            csv.buffer.append(date: issue, .iso)
            csv.buffer.append("," + status.rawValue + ",")
            if let end { csv.buffer.append(date: end, .iso) }
            csv.buffer.append(",")
            if reason != .unknown { csv.buffer.append(reason.rawValue) }
            csv.buffer.append("\n")

            ndjson.buffer.append("{\"entity_id\":\"")
            noticeID(index, into: &ndjson.buffer)
            ndjson.buffer.append("\",\"forename\":\"SAMPLE\",\"name\":\"PERSON ")
            ndjson.buffer.append(number: index + 1, width: 8)
            ndjson.buffer.append(
                "\",\"nationalities\":[\"" + code + "\"],\"arrest_warrants\":[{\"issuing_country_id\":\"")
            ndjson.buffer.append(code + "\",\"charge\":\"Fraud\"}],\"kind\":\"" + kind.rawValue + "\",\"status\":\"")
            ndjson.buffer.append(status.rawValue + "\",\"date_of_issue\":\"")
            ndjson.buffer.append(date: issue, .slashYearFirst)
            if let end {
                ndjson.buffer.append("\",\"cancellation\":{\"date\":\"")
                ndjson.buffer.append(date: end, .slashYearFirst)
                ndjson.buffer.append(
                    reason == .unknown ? "\",\"reason\":null}}\n" : "\",\"reason\":\"\(reason.rawValue)\"}}\n")
            } else {
                ndjson.buffer.append("\",\"cancellation\":null}\n")
            }

            xml.buffer.append("<notice><id>")
            noticeID(index, into: &xml.buffer)
            xml.buffer.append("</id><kind>" + kind.rawValue + "</kind><country>" + code + "</country><issued>")
            xml.buffer.append(date: issue, .iso)
            xml.buffer.append("</issued><status>" + status.rawValue + "</status>")
            if let end {
                xml.buffer.append("<cancelled>")
                xml.buffer.append(date: end, .iso)
                xml.buffer.append("</cancelled>")
                if reason != .unknown { xml.buffer.append("<reason>" + reason.rawValue + "</reason>") }
            }
            xml.buffer.append("</notice>\n")

            try csv.flushIfFull()
            try ndjson.flushIfFull()
            try xml.flushIfFull()
        }
        xml.buffer.append("</notices>\n")
        try csv.close()
        try ndjson.close()
        try xml.close()
    }

    private static func writeComplaints(
        _ directory: String, count: Int, notices: Int, seed: UInt64, into figures: inout [BenchCountryFigures]
    ) throws(GeneratorError) {
        var random = SeededRandom(seed: seed, stream: 12)
        var csv = try FileSink(path: FileSink.join(directory, "csv/complaints.csv"))
        csv.buffer.append("id,notice_id,country,filed_date,decision_date,outcome\n")
        let firstDay = CivilDate(year: SampleWorld.firstYear, month: 1, day: 1)!.dayNumber!
        let asOfDay = SampleWorld.asOf.dayNumber!
        let decided: [Outcome] = [.overturned, .upheld, .partiallyOverturned, .withdrawn]
        for index in 0..<count {
            let country = random.weighted(SampleCountry.complaintWeights)
            let filedDay = random.int(in: firstDay...asOfDay)
            var decisionDay: Int
            var outcome: Outcome
            if random.chance(perMille: 300) {
                decisionDay = filedDay + 20 + random.below(130)
                outcome = .inadmissible
            } else {
                decisionDay =
                    random.chance(perMille: 850)
                    ? filedDay + 100 + random.below(81) + random.below(81) + random.below(81)
                    : filedDay + 330 + random.below(600)
                outcome = decided[random.weighted(SampleCountry.all[country].outcomePerMille)]
            }
            if decisionDay > asOfDay { outcome = .pending }
            figures[country].add(outcome)

            csv.buffer.append(byte: 0x43)
            csv.buffer.append(number: index + 1, width: 8)
            csv.buffer.append(",")
            if random.chance(perMille: 700) { noticeID(random.below(notices), into: &csv.buffer) }
            csv.buffer.append("," + SampleCountry.all[country].alpha2 + ",")
            csv.buffer.append(date: CivilDate(dayNumber: filedDay), .iso)
            csv.buffer.append(",")
            if outcome != .pending { csv.buffer.append(date: CivilDate(dayNumber: decisionDay), .iso) }
            csv.buffer.append("," + outcome.rawValue + "\n")
            try csv.flushIfFull()
        }
        try csv.close()
    }
}
