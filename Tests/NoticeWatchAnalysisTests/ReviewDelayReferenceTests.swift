import Foundation
import NoticeWatchModel
import Testing

@testable import NoticeWatchAnalysis

/// Review delays and the statutory limits against lifelines, dateutil and statsmodels, and the difference of
/// overturn rates against statsmodels' Newcombe interval (`Scripts/reference/reference.py`).
struct ReviewDelayReferenceTests {
    struct LimitCase: Decodable {
        var counts: [String: Int]
        var over: Int
        var counted: Int
        var share: Double
        var lower: Double
        var upper: Double
    }

    struct DelayReference: Decodable {
        var as_of: String
        var from_filing: Int
        var km: ReferenceFixtures.KMCase
        var limits: [String: LimitCase]
    }

    struct NewcombeCase: Decodable {
        var count1: Int
        var nobs1: Int
        var count2: Int
        var nobs2: Int
        var difference: Double
        var lower: Double
        var upper: Double
    }

    struct NewcombeReference: Decodable { var differences: [NewcombeCase] }

    static let reference = try! ReferenceFixtures.decode(DelayReference.self, from: "review-delays-reference.json")

    /// The complaints of `review-delays/decisions.csv`, a decisions table with quoted free text, its labels
    /// mapped as ingest's vocabularies map them.
    static func complaints() throws -> [Complaint] {
        let url = try #require(
            Bundle.module.url(forResource: "decisions", withExtension: "csv", subdirectory: "Fixtures/review-delays"))
        let text = try String(contentsOf: url, encoding: .utf8)
        let requestTypes: [String: RequestType] = [
            "access request": .access, "demande d'accès": .access, "request for deletion": .deletion,
            "rectification": .correction, "revision": .revision,
        ]
        let outcomes: [String: Outcome] = [
            "Not compliant": .overturned, "Compliant": .upheld, "Compliant subject to updates": .partiallyOverturned,
            "Withdrawn": .withdrawn, "Inadmissible": .inadmissible, "Under examination": .pending,
            "Precautionary blocking": .pending,
        ]
        let countries: [String: String] = [
            "Russian Federation": "RU", "Fédération de Russie": "RU", "RU": "RU", "Türkiye": "TR", "TR": "TR",
            "Tajikistan": "TJ", "China": "CN",
        ]
        return try text.split(separator: "\n").dropFirst().enumerated().map { index, line in
            let fields = splitCSV(String(line))
            return Complaint(
                id: fields[0], noticeID: nil,
                requestingCountry: .member(try #require(countries[fields[1]].flatMap { Country($0) })),
                filedDate: CivilDate(iso: fields[3]), decisionDate: CivilDate(iso: fields[5]),
                outcome: try #require(outcomes[fields[6]]), outcomeLabel: fields[6],
                requestType: try #require(requestTypes[fields[2].lowercased()]),
                admissibilityDate: CivilDate(iso: fields[4]),
                provenance: SourceLocation(source: "ccf", file: "decisions.csv", line: index + 2))
        }
    }

    /// The fields of one CSV line (quoted fields may hold commas).
    static func splitCSV(_ line: String) -> [String] {
        var fields: [String] = []
        var current = ""
        var quoted = false
        for character in line {
            if character == "\"" {
                quoted.toggle()
            } else if character == "," && !quoted {
                fields.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        fields.append(current)
        return fields
    }

    static func figures() throws -> Figures {
        let options = AnalysisOptions(asOf: CivilDate(iso: reference.as_of)!, asOfOrigin: "--as-of")
        return Analysis.figures(notices: [], complaints: try complaints(), options: options)
    }

    @Test("the time from admissibility (or filing) to decision is lifelines' Kaplan–Meier, step by step")
    func curveMatchesLifelines() throws {
        let delays = try Self.figures().reviewDelays
        let overall = try #require(delays.group(.overall)).survival
        let expected = Self.reference.km
        #expect(delays.fromFiling == Self.reference.from_filing)
        #expect(overall.subjects == expected.at_risk.first)
        for step in overall.curve {
            let row = try #require(expected.times.firstIndex(of: step.time), "time \(step.time)")
            #expect(close(step.survival, expected.survival[row]), "S at \(step.time)")
            #expect(step.atRisk == expected.at_risk[row] && step.events == expected.observed[row])
            #expect(step.censored == expected.censored[row])
            if step.survival == 0 {
                // lifelines prints [0, 0] where the curve is 0; no interval is defined there.
                #expect(step.interval == nil, "no interval at \(step.time)")
            } else {
                #expect(close(step.interval?.lower, expected.loglog_lower[row]), "lower at \(step.time)")
                #expect(close(step.interval?.upper, expected.loglog_upper[row]), "upper at \(step.time)")
            }
        }
        for quantile in expected.r_quantiles {
            let found = try #require(overall.quantiles.first { $0.probability == quantile.probability })
            #expect(found.estimate == quantile.estimate && found.lower == quantile.lower)
            #expect(found.upper == quantile.upper)
        }
        for atRisk in overall.atRisk { #expect(atRisk.count == expected.at_risk_on_day[String(atRisk.day)]) }
    }

    @Test("the shares over 4 and 9 months match dateutil's calendar months and statsmodels' Wilson intervals")
    func limitSharesMatchReference() throws {
        let overall = try #require(try Self.figures().reviewDelays.group(.overall))
        #expect(overall.limits.map(\.limit.rawValue) == ["access-4-months", "correction-deletion-9-months"])
        for share in overall.limits {
            let expected = try #require(Self.reference.limits[share.limit.rawValue])
            #expect(share.decidedWithin == expected.counts["decided_within", default: 0])
            #expect(share.decidedAfter == expected.counts["decided_after", default: 0])
            #expect(share.pendingPast == expected.counts["pending_past", default: 0])
            #expect(share.pendingWithin == expected.counts["pending_within", default: 0])
            #expect(share.counted == expected.counted && share.over == expected.over)
            #expect(close(share.share, expected.share))
            #expect(close(share.interval?.lower, expected.lower) && close(share.interval?.upper, expected.upper))
        }
    }

    @Test("a limit day is the same day months later, or the month's last day; the limit day itself is within")
    func calendarMonths() throws {
        func day(_ text: String) -> CivilDate { CivilDate(iso: text)! }
        #expect(ReviewDelayCounts.day(day("2023-10-31"), plusMonths: 4) == day("2024-02-29").dayNumber)
        #expect(ReviewDelayCounts.day(day("2022-10-31"), plusMonths: 4) == day("2023-02-28").dayNumber)
        #expect(ReviewDelayCounts.day(day("2022-05-31"), plusMonths: 9) == day("2023-02-28").dayNumber)
        #expect(ReviewDelayCounts.day(day("2021-01-15"), plusMonths: 9) == day("2021-10-15").dayNumber)
        let figures = try Self.figures()
        let access = try #require(figures.reviewDelays.group(.requestType(.access))?.limits.first)
        // CCF/300/22 is decided on its limit day (31 October + 4 months = 28 February), CCF/301/23 a day after
        // it (29 February in a leap year): both are in the reference's counts, one on each side.
        #expect(access.decidedWithin >= 1 && access.decidedAfter >= 1)
    }

    @Test("inadmissible requests and partial dates are left out and counted; revisions have no limit")
    func exclusionsAndRevisions() throws {
        let figures = try Self.figures()
        let inadmissible = try Self.complaints().filter { $0.outcome == .inadmissible }.count
        #expect(
            figures.exclusions.filter { $0.figure == "review-delay" }.map { "\($0.reason) \($0.count)" }
                == ["inadmissible \(inadmissible)"])
        let revision = try #require(figures.reviewDelays.group(.requestType(.revision)))
        #expect(revision.limits.isEmpty && revision.survival.subjects > 0)
        let years = figures.reviewDelays.groups.compactMap { group -> Int? in
            if case .year(let year) = group.scope { return year }
            return nil
        }
        #expect(years == [2021, 2022, 2023, 2024])
    }

    @Test("the difference of two overturn rates has statsmodels' Newcombe interval")
    func newcombeMatchesStatsmodels() throws {
        let reference = try ReferenceFixtures.decode(NewcombeReference.self, from: "newcombe-reference.json")
        #expect(reference.differences.count == 8)
        for expected in reference.differences {
            func tally(_ successes: Int, _ trials: Int) -> OutcomeTally {
                OutcomeTally(
                    overturned: successes, upheld: trials - successes, partiallyOverturned: 0, inadmissible: 0,
                    withdrawn: 0, pending: 0, overturnedCounted: successes, rate: Double(successes) / Double(trials),
                    interval: WilsonInterval.interval(successes: successes, trials: trials, confidenceLevel: 0.95),
                    tooFewToRank: false)
            }
            let interval = try #require(
                DataTypeFigure.newcombe(tally(expected.count1, expected.nobs1), tally(expected.count2, expected.nobs2)))
            let label = "\(expected.count1)/\(expected.nobs1) − \(expected.count2)/\(expected.nobs2)"
            #expect(close(interval.lower, expected.lower), "\(label): lower \(interval.lower)")
            #expect(close(interval.upper, expected.upper), "\(label): upper \(interval.upper)")
        }
    }
}

/// Notices in force after an overturned complaint: the join by notice id, events, censoring and exclusions.
struct NoticeInForceTests {
    static func day(_ text: String) -> CivilDate { CivilDate(iso: text)! }

    static func notice(_ id: String, _ status: NoticeStatus, cancelled: String?) -> Notice {
        Notice(
            id: id, kind: .redNotice, requestingCountry: .member(Country("RU")!), issueDate: day("2018-01-01"),
            status: status,
            cancellationDate: cancelled.map(day), cancellationReason: .ccfDecision,
            provenance: SourceLocation(source: "notices", file: "notices.csv", line: 2))
    }

    static func complaint(_ number: Int, notice: String?, filed: String, _ outcome: Outcome) -> Complaint {
        Complaint(
            id: "CCF/\(number)/21", noticeID: notice, requestingCountry: .member(Country("RU")!), filedDate: day(filed),
            decisionDate: day("2022-01-10"), outcome: outcome, outcomeLabel: outcome.rawValue,
            provenance: SourceLocation(source: "ccf", file: "decisions.csv", line: number + 1))
    }

    @Test("overturned complaints are joined to their notices by id; active notices are censored at the as-of date")
    func joinsByNoticeID() {
        let notices = [
            Self.notice("2019/100", .cancelled, cancelled: "2022-03-01"),
            Self.notice("2019/101", .active, cancelled: nil),
            Self.notice("2019/102", .cancelled, cancelled: "2020-01-01"),
            Self.notice("2019/103", .unknown, cancelled: nil),
        ]
        let complaints = [
            Self.complaint(1, notice: "2019-100", filed: "2021-03-01", .overturned),
            Self.complaint(2, notice: "2019/101", filed: "2021-04-01", .overturned),
            Self.complaint(3, notice: "2019/102", filed: "2021-05-01", .overturned),
            Self.complaint(4, notice: "2019/103", filed: "2021-05-01", .overturned),
            Self.complaint(5, notice: "2019/999", filed: "2021-05-01", .overturned),
            Self.complaint(6, notice: nil, filed: "2021-05-01", .overturned),
            Self.complaint(7, notice: "2019/100", filed: "2021-06-01", .upheld),
            Self.complaint(8, notice: "2019/100", filed: "2021-07-01", .partiallyOverturned),
        ]
        let options = AnalysisOptions(asOf: Self.day("2024-06-30"), asOfOrigin: "--as-of")
        let figures = Analysis.figures(notices: notices, complaints: complaints, options: options)
        let overall = figures.noticesInForce.first
        #expect(overall?.country == nil && overall?.subjects == 2 && overall?.events == 1)
        // 2021-03-01 to 2022-03-01 is 365 days; 2021-04-01 to the as-of date 1,186 days, censored.
        #expect(overall?.curve.map(\.time) == [365, 1186])
        #expect(overall?.curve.map(\.events) == [1, 0])
        #expect(
            figures.exclusions.filter { $0.figure == "notice-in-force-after-complaint" }
                .map { "\($0.reason) \($0.count)" } == [
                    "cancelled-before-filing 1", "missing-notice-id 1", "notice-not-found 1", "unknown-status 1",
                ])
        let partial = AnalysisOptions(
            asOf: Self.day("2024-06-30"), asOfOrigin: "--as-of", partialCountsAsOverturned: true)
        #expect(
            Analysis.figures(notices: notices, complaints: complaints, options: partial).noticesInForce.first?.subjects
                == 3)
    }
}

/// Review delays at their edges: where the start is taken from, and what is left out.
struct ReviewDelayEdgeTests {
    static func day(_ text: String) -> CivilDate { CivilDate(iso: text)! }

    static func complaint(
        _ number: Int, filed: String?, admissible: CivilDate?, decided: String?, _ outcome: Outcome,
        _ type: RequestType
    ) -> Complaint {
        Complaint(
            id: "CCF/\(number)/23", noticeID: nil, requestingCountry: .member(Country("TR")!),
            filedDate: filed.map(day),
            decisionDate: decided.map(day), outcome: outcome, outcomeLabel: outcome.rawValue, requestType: type,
            admissibilityDate: admissible, provenance: SourceLocation(source: "ccf", file: "c.csv", line: number + 1))
    }

    @Test("the start is admissibility, else filing; partial and late starts, and inadmissible requests, are left out")
    func startsAndExclusions() throws {
        let complaints = [
            Self.complaint(
                1, filed: "2023-01-02", admissible: Self.day("2023-02-01"), decided: "2023-06-01", .upheld, .access),
            Self.complaint(2, filed: "2023-01-02", admissible: nil, decided: "2023-06-01", .upheld, .access),
            Self.complaint(
                3, filed: "2023-01-02", admissible: CivilDate(year: 2023, month: 2), decided: nil, .pending, .deletion),
            Self.complaint(
                4, filed: "2024-05-02", admissible: Self.day("2024-07-15"), decided: nil, .pending, .deletion),
            Self.complaint(5, filed: "2023-03-02", admissible: nil, decided: "2023-04-01", .inadmissible, .access),
            Self.complaint(6, filed: nil, admissible: Self.day("2023-03-01"), decided: nil, .pending, .correction),
        ]
        let options = AnalysisOptions(asOf: Self.day("2024-06-30"), asOfOrigin: "--as-of")
        let figures = Analysis.figures(notices: [], complaints: complaints, options: options)
        let delays = figures.reviewDelays
        #expect(delays.fromAdmissibility == 2 && delays.fromFiling == 1)
        let overall = try #require(delays.group(.overall))
        // 1: 2023-02-01 → 2023-06-01 is 120 days; 2: 2023-01-02 → 2023-06-01 is 150; 6: open 487 days.
        #expect(overall.survival.curve.map(\.time) == [120, 150, 487])
        #expect(overall.survival.censored == 1)
        let access = try #require(overall.limits.first { $0.limit == .access })
        // 1 is decided on its limit day (1 June); 2, counted from filing, after its limit (2 May).
        #expect(access.decidedWithin == 1 && access.decidedAfter == 1)
        let correction = try #require(overall.limits.first { $0.limit == .correctionOrDeletion })
        #expect(correction.pendingPast == 1 && correction.counted == 1)
        // Complaint 6 has no filing date: it is in no year group.
        #expect(
            delays.groups.filter { if case .year = $0.scope { true } else { false } }.map(\.survival.subjects) == [2])
        #expect(
            figures.exclusions.filter { $0.figure == "review-delay" }.map { "\($0.reason) \($0.count)" } == [
                "admissibility-date-after-as-of 1", "inadmissible 1", "partial-admissibility-date 1",
            ])
    }
}
