import Foundation
import NoticeWatchModel

/// The sample bundle: a few thousand synthetic notices and complaints in five exports of three formats, with
/// the hazards real leaked files have, a `sources.yml` that maps them, and the figures planted in them.
///
/// Files written (see `Datasets/README.md` for each one's layout and hazards):
/// `notices_register.csv`, `api_pages/red_notices_p001.json` …, `diffusions_export.xml`,
/// `ccf_complaints_register.csv`, `ccf_case_system.ndjson`, `sources.yml` and `PLANTED.md`.
public struct SampleBundle {
    /// The source names of `sources.yml`, in its order: the notices register, the API pages, the diffusions
    /// export, the complaints register and the case system.
    public static let sourceNames = [
        "notices-register", "interpol-api-pages", "diffusions-xml", "ccf-complaints-register", "ccf-case-system",
    ]

    /// The seed of the committed bundle in `Datasets/sample/` (`make sample`).
    public static let defaultSeed: UInt64 = 20_250_630

    /// Red notices, diffusions and complaints in the synthetic truth.
    static let sizes = (redNotices: 1650, diffusions: 400, complaints: 1800)
    /// Red notices that appear in both the register and the API pages with a conflicting status.
    static let conflictingStatuses = 8
    /// Red notices that the API pages repeat (an overlap of crawl slices).
    static let repeatedOnPages = 12
    /// Complaints of 2020 that the case system repeats from the register.
    static let repeatedComplaints = 25

    /// Writes the bundle for `seed` into `directory` (created when missing) and returns what it planted.
    ///
    /// The same seed gives the same bytes on every run and platform. Files of an earlier bundle are
    /// overwritten; stale `api_pages/red_notices_p*.json` pages are removed first.
    ///
    /// - Parameters:
    ///   - directory: The bundle folder.
    ///   - seed: The seed of every random draw (`make sample` uses 20250630).
    /// - Returns: The figures a correct run over the bundle must reproduce.
    /// - Throws: ``GeneratorError`` when the folder cannot be created or a file cannot be written.
    /// - Complexity: O(n log n) in the number of records, a few thousand.
    public static func write(to directory: String, seed: UInt64) throws(GeneratorError) -> PlantedFigures {
        let world = SampleWorld(
            seed: seed, redNotices: sizes.redNotices, diffusions: sizes.diffusions, complaints: sizes.complaints)
        var random = SeededRandom(seed: seed, stream: 4)
        let plan = SampleLayout(world: world, &random)

        var files: [[WrittenFile]] = []
        files.append([noticesRegister(plan.registerNotices, &random)])
        files.append(apiPages(plan.apiRows, &random))
        files.append([diffusionsExport(world.diffusions, &random)])
        files.append([complaintsRegister(plan.registerComplaints, &random)])
        files.append([caseSystem(plan.caseSystemComplaints, &random)])

        let pagesFolder = FileSink.join(directory, "api_pages")
        try FileSink.makeDirectory(pagesFolder)
        let stale = (try? FileManager.default.contentsOfDirectory(atPath: pagesFolder)) ?? []
        for name in stale.sorted() where name.hasPrefix("red_notices_p") && name.hasSuffix(".json") {
            try? FileManager.default.removeItem(atPath: FileSink.join(pagesFolder, name))
        }
        for file in files.joined() { try FileSink.write(file.bytes, to: FileSink.join(directory, file.path)) }
        try FileSink.write(Array(sourcesFile.utf8), to: FileSink.join(directory, "sources.yml"))

        let figures = plantedFigures(seed: seed, world: world, plan: plan, files: files)
        try FileSink.write(Array(figures.markdown.utf8), to: FileSink.join(directory, "PLANTED.md"))
        return figures
    }

    /// Counts what `files` hold the way ingest must: rows in source order, the first occurrence of an id
    /// kept, later ones merged, planted broken rows quarantined, planted values not understood kept with the
    /// field unknown.
    static func plantedFigures(
        seed: UInt64, world: SampleWorld, plan: SampleLayout, files: [[WrittenFile]]
    ) -> PlantedFigures {
        var sources: [PlantedSource] = []
        var seenNotices: Set<String> = []
        var seenComplaints: Set<String> = []
        for (index, sourceFiles) in files.enumerated() {
            let kind: RecordKind = index < 3 ? .notice : .complaint
            var source = PlantedSource(
                name: sourceNames[index], recordKind: kind, files: sourceFiles.map(\.path), rowsWritten: 0, kept: 0,
                merged: 0, quarantined: 0)
            for file in sourceFiles {
                for id in file.rowIDs {
                    source.rowsWritten += 1
                    guard let id else {
                        source.quarantined += 1
                        continue
                    }
                    let isNew = kind == .notice ? seenNotices.insert(id).inserted : seenComplaints.insert(id).inserted
                    if isNew { source.kept += 1 } else { source.merged += 1 }
                }
            }
            sources.append(source)
        }

        let countries = SampleCountry.all.map(\.country)
        var notices = countries.map {
            PlantedNoticeCount(
                country: $0, notices: 0, redNotices: 0, diffusions: 0, cancelled: 0, withKnownReason: 0, byCCF: 0)
        }
        for notice in world.redNotices + world.diffusions {
            notices[notice.country].notices += 1
            if notice.kind == .diffusion {
                notices[notice.country].diffusions += 1
            } else {
                notices[notice.country].redNotices += 1
            }
            if notice.status.hasEnded {
                notices[notice.country].cancelled += 1
                if notice.reason != .unknown { notices[notice.country].withKnownReason += 1 }
                if notice.reason == .ccfDecision { notices[notice.country].byCCF += 1 }
            }
        }
        var complaints = countries.map {
            PlantedComplaintCount(
                country: $0, overturned: 0, upheld: 0, partiallyOverturned: 0, inadmissible: 0, withdrawn: 0,
                pending: 0)
        }
        var years = Array(repeating: 0, count: SampleWorld.asOf.year - SampleWorld.firstYear + 1)
        var durations: [Int] = []
        for complaint in world.complaints {
            complaints[complaint.country].add(complaint.outcome)
            years[complaint.filed.year - SampleWorld.firstYear] += 1
            if let decision = complaint.decision { durations.append(decision.dayNumber! - complaint.filed.dayNumber!) }
        }
        // The planted records kept with a field unknown are in no world list: counted here as a run must count
        // them (their values are in `SampleBundle+Complaints.swift` and `SampleBundle+Notices.swift`).
        var unrecognizedComplaints = PlantedComplaintCount(
            country: nil, overturned: 0, upheld: 0, partiallyOverturned: 0, inadmissible: 0, withdrawn: 0, pending: 0)
        // CCF/9904/18: Atlantis, "Non conforme", filed 5 March 2018, decided 17 October 2018.
        unrecognizedComplaints.add(.overturned)
        years[2018 - SampleWorld.firstYear] += 1
        durations.append(
            CivilDate(year: 2018, month: 10, day: 17)!.dayNumber! - CivilDate(year: 2018, month: 3, day: 5)!.dayNumber!)
        // CCF/9905/20: Turquie, filed "31.02.2020" (no such day), pending: in no year and in no duration.
        if let turkey = countries.firstIndex(where: { $0.alpha2 == "TR" }) { complaints[turkey].add(.pending) }
        // CCF/9907/23: RU, filed 13 February 2023, decided with an unmapped label: outcome unknown, no duration.
        if let russia = countries.firstIndex(where: { $0.alpha2 == "RU" }) { complaints[russia].add(.unknown) }
        years[2023 - SampleWorld.firstYear] += 1
        durations.sort()

        // 2021/99902 (a Red Notice with no arrest warrant) and D-2022-999903 (a diffusion with no country):
        // active, requesting country not given.
        var noticeTotal = PlantedNoticeCount(
            country: nil, notices: 2, redNotices: 1, diffusions: 1, cancelled: 0, withKnownReason: 0, byCCF: 0)
        for row in notices {
            noticeTotal.notices += row.notices
            noticeTotal.redNotices += row.redNotices
            noticeTotal.diffusions += row.diffusions
            noticeTotal.cancelled += row.cancelled
            noticeTotal.withKnownReason += row.withKnownReason
            noticeTotal.byCCF += row.byCCF
        }
        var complaintTotal = unrecognizedComplaints
        for row in complaints { complaintTotal.add(row) }

        var planted = PlantedFigures(
            seed: seed, asOf: SampleWorld.asOf, sources: sources, brokenRows: files.joined().flatMap(\.broken),
            conflicts: plan.conflicts,
            noticesByCountry: notices.filter { $0.notices > 0 }.sorted { $0.country! < $1.country! },
            noticeTotal: noticeTotal,
            complaintsByCountry: complaints.filter { $0.total > 0 }.sorted { $0.country! < $1.country! },
            complaintTotal: complaintTotal,
            complaintsByFilingYear: years.enumerated().map {
                PlantedYearCount(year: SampleWorld.firstYear + $0.offset, complaints: $0.element)
            },
            medianDaysToDecision: durations.isEmpty ? 0 : durations[(durations.count - 1) / 2],
            decisionsAfterMoreThanAYear: durations.filter { $0 > 365 }.count,
            noticesWithoutIssueDate: Set(plan.apiRows.filter(\.withoutIssueDate).map(\.notice.id)).count,
            unclearValues: files.joined().flatMap(\.unclear), unrecognizedNotices: 2,
            unrecognizedComplaints: unrecognizedComplaints, pendingWithoutFilingDate: 1)
        planted.complaintsByDataType = PlantedFigures.complaintsByDataType(world.complaints)
        planted.limitCounts = PlantedFigures.limitCounts(world.complaints, asOf: SampleWorld.asOf)
        planted.reviewsFromFiling = PlantedFigures.reviewsFromFiling(world.complaints)
        planted.addKeptUnclearComplaints()
        return planted
    }
}
