import NoticeWatchModel

/// SplitMix64: a small, fast, seeded generator, so every property test replays exactly.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Random notices and complaints with every hazard the analysis handles: missing and partial dates, ends before
/// starts, dates after the as-of date, every status, outcome and reason.
struct SeededRecords {
    var generator: SplitMix64
    /// 2024-06-30.
    static let asOf = CivilDate(year: 2024, month: 6, day: 30)!

    init(seed: UInt64) { generator = SplitMix64(seed: seed) }

    mutating func pick<T>(_ values: [T]) -> T { values[Int.random(in: 0..<values.count, using: &generator)] }

    mutating func chance(_ probability: Double) -> Bool { Double.random(in: 0..<1, using: &generator) < probability }

    /// A date: usually a full day between 2012 and 2025 (so some fall after the as-of date), sometimes partial,
    /// sometimes missing.
    mutating func date(after start: CivilDate? = nil) -> CivilDate? {
        if chance(0.05) { return nil }
        let base = start?.dayNumber ?? CivilDate(year: 2012, month: 1, day: 1)!.dayNumber!
        let offset =
            start == nil ? Int.random(in: 0...4_700, using: &generator) : Int.random(in: -30...1_500, using: &generator)
        let full = CivilDate(dayNumber: base + offset)
        if chance(0.04) { return CivilDate(year: full.year, month: full.month) }
        if chance(0.02) { return CivilDate(year: full.year) }
        return full
    }

    mutating func notice(_ number: Int) -> Notice {
        let issue = date()
        let status = pick([.active, .active, .active, .cancelled, .withdrawn, .expired, .unknown] as [NoticeStatus])
        let cancellation = status.hasEnded ? (chance(0.9) ? date(after: issue) : nil) : (chance(0.02) ? date() : nil)
        return Notice(
            id: "N/\(number)", kind: pick(NoticeKind.allCases), requestingCountry: .member(pick(Country.allMembers)),
            issueDate: issue, status: status, cancellationDate: cancellation,
            cancellationReason: status.hasEnded ? pick(CancellationReason.allCases) : .unknown,
            provenance: SourceLocation(source: "seeded", file: "notices.csv", line: number + 1)
        )
    }

    mutating func complaint(_ number: Int) -> Complaint {
        let filed = date()
        let outcome = pick(
            [
                .overturned, .overturned, .overturned, .upheld, .partiallyOverturned, .inadmissible, .withdrawn,
                .pending,
            ] as [Outcome]
        )
        let decision = outcome == .pending ? (chance(0.1) ? date(after: filed) : nil) : date(after: filed)
        return Complaint(
            id: "CCF/\(number)", noticeID: nil, requestingCountry: .member(pick(Country.allMembers)), filedDate: filed,
            decisionDate: decision, outcome: outcome, outcomeLabel: outcome.rawValue,
            provenance: SourceLocation(source: "seeded", file: "complaints.csv", line: number + 1)
        )
    }

    mutating func records(notices: Int, complaints: Int) -> (notices: [Notice], complaints: [Complaint]) {
        var noticeList: [Notice] = []
        var complaintList: [Complaint] = []
        for number in 0..<notices { noticeList.append(notice(number)) }
        for number in 0..<complaints { complaintList.append(complaint(number)) }
        return (noticeList, complaintList)
    }
}
