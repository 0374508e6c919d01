import NoticeWatchModel

/// A request's duration to decision, counted by requesting country, year of filing, request type, where the
/// duration starts (admissibility or filing), its length in days and whether it ended.
struct DelayKey: PackedKey {
    /// `nil`: not recognized or not given (in the overall figures only).
    var country: Country?
    var year: Int?
    var requestType: RequestType
    var fromAdmissibility: Bool
    var days: Int
    var ended: Bool

    /// Durations of this many days or more cannot be packed (about 45,000 years; never from real dates).
    static let dayLimit = 1 << 24

    var packed: UInt64 {
        let storedYear = UInt64(year.map { min(max($0, 0), 0x7FFE) + 1 } ?? 0)
        return UInt64(country.map { $0.index + 1 } ?? 0) << 44 | storedYear << 29 | UInt64(requestType.ordinal) << 26
            | (fromAdmissibility ? 1 << 25 : 0) | (ended ? 1 << 24 : 0) | UInt64(days)
    }

    init(country: Country?, year: Int?, requestType: RequestType, fromAdmissibility: Bool, days: Int, ended: Bool) {
        self.country = country
        self.year = year
        self.requestType = requestType
        self.fromAdmissibility = fromAdmissibility
        self.days = days
        self.ended = ended
    }

    init(packed: UInt64) {
        let storedYear = Int((packed >> 29) & 0x7FFF)
        self.init(
            country: packed >> 44 == 0 ? nil : Country(index: Int(packed >> 44) - 1),
            year: storedYear == 0 ? nil : storedYear - 1,
            requestType: RequestType(ordinal: Int((packed >> 26) & 0x7)) ?? .unknown,
            fromAdmissibility: packed & (1 << 25) != 0, days: Int(packed & 0xFF_FFFF), ended: packed & (1 << 24) != 0)
    }
}

/// Where a request with a statutory limit stands against it at the as-of date.
enum LimitStatus: Int, CaseIterable {
    case decidedWithin = 0
    case decidedAfter = 1
    case pendingPast = 2
    case pendingWithin = 3
}

/// Requests with a statutory limit by requesting country, year of filing, request type and ``LimitStatus``.
struct LimitKey: PackedKey {
    /// `nil`: not recognized or not given (in the overall figures only).
    var country: Country?
    var year: Int?
    var requestType: RequestType
    var status: LimitStatus

    var packed: UInt64 {
        UInt64(country.map { $0.index + 1 } ?? 0) << 48 | UInt64(requestType.ordinal) << 40 | UInt64(status.rawValue)
            << 36
            | PackedYear.pack(year)
    }

    init(country: Country?, year: Int?, requestType: RequestType, status: LimitStatus) {
        self.country = country
        self.year = year
        self.requestType = requestType
        self.status = status
    }

    init(packed: UInt64) {
        self.init(
            country: packed >> 48 == 0 ? nil : Country(index: Int(packed >> 48) - 1), year: PackedYear.unpack(packed),
            requestType: RequestType(ordinal: Int((packed >> 40) & 0xFF)) ?? .unknown,
            status: LimitStatus(rawValue: Int((packed >> 36) & 0xF)) ?? .pendingWithin)
    }
}

/// The counts behind ``ReviewDelays``: the durations from admissibility (or filing) to decision, and where each
/// request with a statutory limit stands against it. Their size does not grow with the number of records.
struct ReviewDelayCounts: Hashable, Sendable {
    /// The as-of day number.
    let asOf: Int
    var spans = CountTable<DelayKey>()
    var limits = CountTable<LimitKey>()

    init(asOf: Int) {
        self.asOf = asOf
    }

    /// Counts one complaint, or returns why its duration is left out.
    ///
    /// Inadmissible requests are left out (`inadmissible`: the limits run from admissibility). The start is
    /// the admissibility date when the source gives it (`partial-admissibility-date` without its day), else the
    /// filing date (`missing-filing-date`, `partial-filing-date`). A pending request is open at the as-of date;
    /// any other is an event at its decision date (`missing-decision-date`, `partial-decision-date`,
    /// `negative-duration`). A start or decision after the as-of date is left out too.
    mutating func add(_ complaint: Complaint.Facts) -> ExclusionReason? {
        guard complaint.outcome != .inadmissible else { return .inadmissible }
        let startDate: CivilDate
        let fromAdmissibility: Bool
        if let admissibility = complaint.admissibilityDate {
            guard admissibility.dayNumber != nil else { return .partialAdmissibilityDate }
            (startDate, fromAdmissibility) = (admissibility, true)
        } else {
            guard let filed = complaint.filedDate else { return .missingFilingDate }
            guard filed.dayNumber != nil else { return .partialFilingDate }
            (startDate, fromAdmissibility) = (filed, false)
        }
        let start = startDate.dayNumber!
        guard start <= asOf else { return fromAdmissibility ? .admissibilityDateAfterAsOf : .filingDateAfterAsOf }
        var end: Int?
        if complaint.outcome != .pending {
            guard let decision = complaint.decisionDate else { return .missingDecisionDate }
            guard let day = decision.dayNumber else { return .partialDecisionDate }
            guard day >= start else { return .negativeDuration }
            guard day <= asOf else { return .decisionDateAfterAsOf }
            end = day
        }
        let days = (end ?? asOf) - start
        guard days < DelayKey.dayLimit else { return .negativeDuration }
        let year = complaint.filedDate?.year
        spans.add(
            DelayKey(
                country: complaint.requestingCountry, year: year, requestType: complaint.requestType,
                fromAdmissibility: fromAdmissibility, days: days, ended: end != nil))
        if let months = complaint.requestType.statutoryLimitMonths {
            let limitDay = ReviewDelayCounts.day(startDate, plusMonths: months)
            let status: LimitStatus
            if let end {
                status = end > limitDay ? .decidedAfter : .decidedWithin
            } else {
                status = asOf > limitDay ? .pendingPast : .pendingWithin
            }
            limits.add(
                LimitKey(
                    country: complaint.requestingCountry, year: year, requestType: complaint.requestType,
                    status: status))
        }
        return nil
    }

    mutating func merge(_ other: ReviewDelayCounts) {
        precondition(asOf == other.asOf, "delays counted at different as-of dates cannot be merged")
        spans.merge(other.spans)
        limits.merge(other.limits)
    }

    /// The day number of the same day `months` calendar months after `date` (a full date), or of that month's
    /// last day when it is shorter (31 October + 4 months is 28 or 29 February).
    static func day(_ date: CivilDate, plusMonths months: Int) -> Int {
        let total = date.year * 12 + (date.month - 1) + months
        let (year, month) = (total / 12, total % 12 + 1)
        let day = min(date.day, CivilDate.daysIn(month: month, year: year))
        return CivilDate(year: year, month: month, day: day)?.dayNumber ?? date.dayNumber! + months * 31
    }
}
