import NoticeWatchModel

/// A notice or diffusion as the generator made it: the truth every export of the sample bundle is cut from.
struct SampleNotice: Sendable {
    var id: String
    var kind: NoticeKind
    /// Index into ``SampleCountry/all``.
    var country: Int
    var issue: CivilDate
    var status: NoticeStatus
    var cancellation: CivilDate?
    /// `.unknown` for notices still active and for cancellations whose reason the export leaves empty.
    var reason: CancellationReason
    /// The number in the invented name `SAMPLE PERSON 0042`.
    var subject: Int
    var birth: CivilDate
    /// Index into ``SampleWorld/charges``.
    var charge: Int
}

/// A complaint to the CCF as the generator made it.
struct SampleComplaint: Sendable {
    var id: String
    var noticeID: String?
    /// Index into ``SampleCountry/all``.
    var country: Int
    var filed: CivilDate
    /// `nil` while pending.
    var decision: CivilDate?
    var outcome: Outcome
    /// 0 deletion, 1 access and deletion, 2 revision.
    var requestType: Int
    /// What the complaint challenged: the challenged notice's kind when it is named, else drawn.
    var dataType: ChallengedDataType = .unknown
    /// The day the request was found admissible; `nil` for inadmissible requests and where the export does
    /// not say.
    var admissibility: CivilDate?
}

/// The synthetic truth of the sample bundle: notices, diffusions and complaints with planted rates.
///
/// Everything is drawn from ``SeededRandom`` streams of one seed, so the same seed gives the same world.
/// Nothing is dated after ``asOf``.
struct SampleWorld: Sendable {
    /// The snapshot date of the bundle: nothing in it is dated later.
    static let asOf = CivilDate(year: 2025, month: 6, day: 30)!
    /// The first year of the bundle.
    static let firstYear = 2015
    /// Relative weights of issue years 2015…2025 (2025 covers half a year).
    static let noticeYearWeights = [6, 7, 8, 8, 8, 9, 10, 11, 12, 13, 7]
    /// Relative weights of filing years 2015…2025: the CCF's caseload grows over the decade.
    static let complaintYearWeights = [4, 5, 6, 7, 8, 8, 9, 11, 13, 14, 7]
    /// Charges written in the exports (invented wording in the style of published notices).
    static let charges = [
        "Fraud (Art. 159 part 4 Criminal Code)", "Fraud, large scale", "Embezzlement", "Money laundering",
        "Tax evasion", "Participation in the \"Sample\" organisation", "Theft", "Murder",
        "Drug trafficking", "Abuse of office", "Forgery of documents", "Smuggling",
    ]

    var redNotices: [SampleNotice]
    var diffusions: [SampleNotice]
    var complaints: [SampleComplaint]

    /// Draws a world of the given sizes from `seed`.
    ///
    /// - Complexity: O(n log n) in the number of records (they are sorted by date before ids are given).
    init(seed: UInt64, redNotices redCount: Int, diffusions diffusionCount: Int, complaints complaintCount: Int) {
        var noticeRandom = SeededRandom(seed: seed, stream: 1)
        redNotices = SampleWorld.drawNotices(count: redCount, kind: .redNotice, subjectBase: 0, &noticeRandom)
        var diffusionRandom = SeededRandom(seed: seed, stream: 2)
        diffusions = SampleWorld.drawNotices(
            count: diffusionCount, kind: .diffusion, subjectBase: redCount, &diffusionRandom)
        var complaintRandom = SeededRandom(seed: seed, stream: 3)
        var idsByCountry = Array(repeating: [(id: String, issue: CivilDate)](), count: SampleCountry.all.count)
        for notice in redNotices + diffusions { idsByCountry[notice.country].append((notice.id, notice.issue)) }
        complaints = SampleWorld.drawComplaints(count: complaintCount, noticeIDs: idsByCountry, &complaintRandom)
        var detailRandom = SeededRandom(seed: seed, stream: 4)
        SampleWorld.drawDetails(&complaints, &detailRandom)
    }

    /// Draws each complaint's data type and admissibility date from a stream of their own, so that the rest of
    /// the world does not depend on them.
    private static func drawDetails(_ complaints: inout [SampleComplaint], _ random: inout SeededRandom) {
        let types: [ChallengedDataType] = [.redNotice, .diffusion, .blueNotice, .other]
        for index in complaints.indices {
            let drawnType = types[random.weighted([72, 20, 4, 4])]
            let delay = 10 + random.below(60)
            let unstated = random.chance(perMille: 150)
            var complaint = complaints[index]
            if let noticeID = complaint.noticeID {
                complaint.dataType = noticeID.hasPrefix("D-") ? .diffusion : .redNotice
            } else {
                complaint.dataType = drawnType
            }
            let admissible = CivilDate(dayNumber: complaint.filed.dayNumber! + delay)
            let end = complaint.decision ?? asOf
            if complaint.outcome != .inadmissible && !unstated && admissible <= end {
                complaint.admissibility = admissible
            }
            complaints[index] = complaint
        }
    }

    /// A uniformly drawn day of `year`, no later than ``asOf``.
    static func day(in year: Int, _ random: inout SeededRandom) -> CivilDate {
        let first = CivilDate(year: year, month: 1, day: 1)!.dayNumber!
        let last = min(CivilDate(year: year, month: 12, day: 31)!.dayNumber!, asOf.dayNumber!)
        return CivilDate(dayNumber: random.int(in: first...last))
    }

    private static func drawNotices(
        count: Int, kind: NoticeKind, subjectBase: Int, _ random: inout SeededRandom
    ) -> [SampleNotice] {
        let asOfDay = asOf.dayNumber!
        var drawn: [(day: Int, order: Int, notice: SampleNotice)] = []
        drawn.reserveCapacity(count)
        for order in 0..<count {
            let country = random.weighted(SampleCountry.noticeWeights)
            let issue = day(in: firstYear + random.weighted(noticeYearWeights), &random)
            var notice = SampleNotice(
                id: "", kind: kind, country: country, issue: issue, status: .active, cancellation: nil,
                reason: .unknown, subject: subjectBase + order + 1,
                birth: day(in: random.int(in: 1950...2000), &random), charge: random.below(charges.count))
            // About one notice in five ends within six years; the rest stay valid, so censoring dominates.
            if random.chance(perMille: 200) {
                let end = issue.dayNumber! + 30 + random.below(2200)
                if end <= asOfDay {
                    notice.cancellation = CivilDate(dayNumber: end)
                    switch random.weighted([75, 18, 7]) {
                    case 0:
                        notice.status = .cancelled
                        let reasons: [CancellationReason] = [
                            .ccfDecision, .withdrawnByRequestingCountry, .generalSecretariatReview, .subjectLocated,
                            .other, .unknown,
                        ]
                        notice.reason = reasons[random.weighted([35, 20, 20, 15, 5, 5])]
                    case 1:
                        notice.status = .withdrawn
                        notice.reason = .withdrawnByRequestingCountry
                    default:
                        notice.status = .expired
                    }
                }
            }
            drawn.append((issue.dayNumber!, order, notice))
        }
        drawn.sort { ($0.day, $0.order) < ($1.day, $1.order) }
        var notices = drawn.map(\.notice)
        var number = 10_000
        for index in notices.indices {
            number += 1 + random.below(12)
            let year = notices[index].issue.year
            if kind == .diffusion {
                var digits = String(number)
                while digits.count < 6 { digits = "0" + digits }
                notices[index].id = "D-\(year)-\(digits)"
            } else {
                notices[index].id = "\(year)/\(number)"
            }
        }
        return notices
    }

    private static func drawComplaints(
        count: Int, noticeIDs: [[(id: String, issue: CivilDate)]], _ random: inout SeededRandom
    ) -> [SampleComplaint] {
        let asOfDay = asOf.dayNumber!
        var drawn: [(day: Int, order: Int, complaint: SampleComplaint)] = []
        drawn.reserveCapacity(count)
        for order in 0..<count {
            let country = random.weighted(SampleCountry.complaintWeights)
            let filed = day(in: firstYear + random.weighted(complaintYearWeights), &random)
            // Most complaints name the challenged notice: one of the country's, issued before the filing.
            var noticeID: String?
            if random.chance(perMille: 800) && !noticeIDs[country].isEmpty {
                let challenged = random.pick(noticeIDs[country])
                if challenged.issue < filed { noticeID = challenged.id }
            }
            var complaint = SampleComplaint(
                id: "", noticeID: noticeID, country: country, filed: filed, decision: nil, outcome: .pending,
                requestType: random.weighted([70, 20, 10]))
            let filedDay = filed.dayNumber!
            let decisionDay: Int
            let outcome: Outcome
            if random.chance(perMille: 300) {
                decisionDay = filedDay + 20 + random.below(130)
                outcome = .inadmissible
            } else {
                if random.chance(perMille: 850) {
                    decisionDay = filedDay + 100 + random.below(81) + random.below(81) + random.below(81)
                } else {
                    decisionDay = filedDay + 330 + random.below(600)
                }
                let decided: [Outcome] = [.overturned, .upheld, .partiallyOverturned, .withdrawn]
                outcome = decided[random.weighted(SampleCountry.all[country].outcomePerMille)]
            }
            if decisionDay <= asOfDay {
                complaint.decision = CivilDate(dayNumber: decisionDay)
                complaint.outcome = outcome
            }
            drawn.append((filedDay, order, complaint))
        }
        drawn.sort { ($0.day, $0.order) < ($1.day, $1.order) }
        var complaints = drawn.map(\.complaint)
        for index in complaints.indices {
            var digits = String(101 + index)
            while digits.count < 4 { digits = "0" + digits }
            let year = complaints[index].filed.year % 100
            complaints[index].id = "CCF/\(digits)/\(year < 10 ? "0" : "")\(year)"
        }
        return complaints
    }
}
