public import NoticeWatchModel

/// Counts from one shard of records, from which every figure is computed.
///
/// A partial aggregate holds only counts keyed by country, year, outcome, status and durations in days, so its
/// size does not grow with the number of records. It depends on one option, the as-of date (durations are
/// measured to it); the confidence level and the other ``AnalysisOptions`` apply in ``finish(options:)``.
/// ``merge(_:)`` adds counts key by key, so it is associative and commutative, and any split of the records
/// into shards merges back to exactly the aggregate of the whole.
public struct PartialAggregate: Hashable, Sendable {
    /// Complaints by requesting country (`nil`: not recognized or not given) and calendar year of filing
    /// (`nil`: filing date missing or not understood).
    struct FilingKey: PackedKey {
        var country: Country?
        var year: Int?

        var packed: UInt64 { PackedCountry.pack(country) << 40 | PackedYear.pack(year) }

        init(country: Country?, year: Int?) {
            self.country = country
            self.year = year
        }

        init(packed: UInt64) {
            self.init(country: PackedCountry.unpack(packed >> 40), year: PackedYear.unpack(packed))
        }
    }

    /// Complaints by requesting country, calendar year of decision (`nil`: no decision date) and outcome.
    struct OutcomeKey: PackedKey {
        var country: Country?
        var year: Int?
        var outcome: Outcome

        var packed: UInt64 {
            PackedCountry.pack(country) << 40 | UInt64(outcome.ordinal) << 36 | PackedYear.pack(year)
        }

        init(country: Country?, year: Int?, outcome: Outcome) {
            self.country = country
            self.year = year
            self.outcome = outcome
        }

        init(packed: UInt64) {
            self.init(
                country: PackedCountry.unpack(packed >> 40), year: PackedYear.unpack(packed),
                outcome: Outcome(ordinal: Int((packed >> 36) & 0xF)) ?? .unknown)
        }
    }

    /// Notices by requesting country, status and cancellation reason.
    struct NoticeKey: PackedKey {
        var country: Country?
        var status: NoticeStatus
        var reason: CancellationReason

        var packed: UInt64 {
            PackedCountry.pack(country) << 16 | UInt64(status.ordinal) << 8 | UInt64(reason.ordinal)
        }

        init(country: Country?, status: NoticeStatus, reason: CancellationReason) {
            self.country = country
            self.status = status
            self.reason = reason
        }

        init(packed: UInt64) {
            self.init(
                country: PackedCountry.unpack(packed >> 16),
                status: NoticeStatus(ordinal: Int((packed >> 8) & 0xFF)) ?? .unknown,
                reason: CancellationReason(ordinal: Int(packed & 0xFF)) ?? .unknown)
        }
    }

    /// Records left out of a duration statistic, by figure and reason.
    struct ExclusionKey: Hashable, Sendable {
        var figure: String
        var reason: String
    }

    var filings = CountTable<FilingKey>()
    var outcomes = CountTable<OutcomeKey>()
    var notices = CountTable<NoticeKey>()
    /// Notices by nationality of the subject and year of issue (see ``NationalityKey``).
    var nationalities = CountTable<NationalityKey>()
    /// Notices with a charge or with warrants from several countries (see ``ChargeKey``).
    var charges = CountTable<ChargeKey>()
    /// Every notice counted, and those of them with no requesting country.
    var noticeTotal = 0
    var noticesWithoutRequestingCountry = 0
    /// Notices that list no member nationality: a plain count, since most exports list none.
    var noticesWithoutNationality = 0
    /// Usable durations from issue to cancellation (end `nil`: still open, censored at the as-of date).
    var noticeSpans: SpanCounts
    /// Usable durations from filing to decision.
    var complaintSpans: SpanCounts
    var exclusions: [ExclusionKey: Int] = [:]
    /// Complaints by country, data type challenged and outcome.
    var typedOutcomes = CountTable<TypedOutcomeKey>()
    /// Usable durations from issue to cancellation of red notices and of diffusions
    /// (``DataTypeFigure/timedKinds`` order).
    var kindSpans: [SpanCounts]
    /// Durations from admissibility (or filing) to decision, and the statutory limits.
    var reviewDelays: ReviewDelayCounts

    /// The empty aggregate at `asOf` (a partial date stands for its last day): the identity of ``merge(_:)``.
    public init(asOf: CivilDate) {
        let day = SurvivalFigure.lastDay(of: asOf)
        noticeSpans = SpanCounts(asOf: day)
        complaintSpans = SpanCounts(asOf: day)
        kindSpans = DataTypeFigure.timedKinds.map { _ in SpanCounts(asOf: day) }
        reviewDelays = ReviewDelayCounts(asOf: day)
    }

    /// The aggregate of `notices` and `complaints` at `asOf`.
    ///
    /// - Complexity: O(n) in the number of records (expected, hashing).
    public init(asOf: CivilDate, notices: some Sequence<Notice>, complaints: some Sequence<Complaint>) {
        self.init(asOf: asOf)
        for notice in notices { add(notice) }
        for complaint in complaints { add(complaint) }
    }

    /// Counts one notice: its country, status and reason, and its duration from issue to cancellation.
    ///
    /// The duration is checked in this order, and the first failure excludes it (the notice still counts in
    /// the cancellation shares): an issue date given but not understood (`issue-date-not-understood`); a
    /// missing issue date (`missing-issue-date`); an issue date without its day (`partial-issue-date`); status
    /// given but not understood (`status-not-understood`); status unknown (`unknown-status`); status active with
    /// a cancellation date (`active-with-cancellation-date`); status ended with a cancellation date not
    /// understood (`cancellation-date-not-understood`) or without one (`ended-without-cancellation-date`: it
    /// cannot be placed in time); a cancellation date without its day (`partial-cancellation-date`);
    /// cancellation before issue (`negative-duration`). An active notice is open (censored at the as-of date);
    /// an ended one is an event at its cancellation date. The cancelled share leaves out a notice of unknown
    /// status, counted under `status-not-understood` or `unknown-status` for that figure too.
    public mutating func add(_ notice: Notice) { add(notice.facts) }

    /// Counts one notice from its facts (see ``add(_:)-(Notice)``).
    public mutating func add(_ notice: Notice.Facts) {
        addNationalities(notice)
        addCharges(notice)
        notices.add(
            NoticeKey(country: notice.requestingCountry, status: notice.status, reason: notice.cancellationReason))
        if notice.status == .unknown {
            exclude(
                CancellationFigure.cancelledID,
                notice.flagged.contains(.status) ? .statusNotUnderstood : .unknownStatus)
        } else if notice.status.hasEnded && notice.cancellationReason == .unknown
            && notice.flagged.contains(.cancellationReason)
        {
            exclude(CancellationFigure.ccfID, .reasonNotUnderstood)
        }
        let figure = SurvivalFigure.noticeFigure
        guard let issue = notice.issueDate else {
            return exclude(figure, notice.flagged.contains(.issueDate) ? .issueDateNotUnderstood : .missingIssueDate)
        }
        guard let start = issue.dayNumber else { return exclude(figure, .partialIssueDate) }
        switch notice.status {
        case .unknown:
            exclude(figure, notice.flagged.contains(.status) ? .statusNotUnderstood : .unknownStatus)
        case .active:
            guard notice.cancellationDate == nil else { return exclude(figure, .activeWithCancellationDate) }
            addNoticeSpan(notice.kind, country: notice.requestingCountry, start: start, end: nil)
        case .cancelled, .withdrawn, .expired:
            guard let cancellation = notice.cancellationDate else {
                return exclude(
                    figure,
                    notice.flagged.contains(.cancellationDate)
                        ? .cancellationDateNotUnderstood : .endedWithoutCancellationDate)
            }
            guard let end = cancellation.dayNumber else { return exclude(figure, .partialCancellationDate) }
            guard end >= start else { return exclude(figure, .negativeDuration) }
            addNoticeSpan(notice.kind, country: notice.requestingCountry, start: start, end: end)
        }
    }

    /// Counts a notice's duration overall and, for a red notice or a diffusion, under its kind.
    private mutating func addNoticeSpan(_ kind: NoticeKind, country: Country?, start: Int, end: Int?) {
        noticeSpans.add(country: country, start: start, end: end)
        if let index = DataTypeFigure.timedKinds.firstIndex(of: kind) {
            kindSpans[index].add(country: country, start: start, end: end)
        }
    }

    /// Counts one complaint: its country, filing year, decision year and outcome, and its duration from filing
    /// to decision.
    ///
    /// The duration is checked in this order, and the first failure excludes it (the complaint still counts
    /// in volumes and rates): a filing date given but not understood (`filing-date-not-understood`); a missing
    /// filing date (`missing-filing-date`); a filing date without its day (`partial-filing-date`); an outcome
    /// not understood (`outcome-not-understood`: neither pending nor decided). A pending complaint is open
    /// (censored at the as-of date) whatever its decision date says (interim measures such as precautionary
    /// blocks are not decisions). Any other outcome is an event at its decision date, excluded when that is not
    /// understood (`decision-date-not-understood`), missing (`missing-decision-date`), has no day
    /// (`partial-decision-date`) or is before filing (`negative-duration`). The overturn rate leaves out an
    /// outcome not understood (`outcome-not-understood`), and the volumes' year columns a filing date not
    /// understood (`filing-date-not-understood`).
    public mutating func add(_ complaint: Complaint) { add(complaint.facts) }

    /// Counts one complaint from its facts (see ``add(_:)-(Complaint)``).
    public mutating func add(_ complaint: Complaint.Facts) {
        let country = complaint.requestingCountry
        filings.add(FilingKey(country: country, year: complaint.filedDate?.year))
        outcomes.add(OutcomeKey(country: country, year: complaint.decisionDate?.year, outcome: complaint.outcome))
        if complaint.outcome == .unknown { exclude(OverturnFigure.id, .outcomeNotUnderstood) }
        if complaint.flagged.contains(.filedDate) { exclude(VolumeFigure.id, .filingDateNotUnderstood) }
        typedOutcomes.add(TypedOutcomeKey(country: country, dataType: complaint.dataType, outcome: complaint.outcome))
        if let reason = reviewDelays.add(complaint) { exclude(ReviewDelayFigure.id, reason) }
        let figure = SurvivalFigure.complaintFigure
        guard let filed = complaint.filedDate else {
            return exclude(
                figure, complaint.flagged.contains(.filedDate) ? .filingDateNotUnderstood : .missingFilingDate)
        }
        guard let start = filed.dayNumber else { return exclude(figure, .partialFilingDate) }
        guard complaint.outcome != .pending else {
            complaintSpans.add(country: country, start: start, end: nil)
            return
        }
        guard complaint.outcome != .unknown else { return exclude(figure, .outcomeNotUnderstood) }
        guard let decision = complaint.decisionDate else {
            return exclude(
                figure,
                complaint.flagged.contains(.decisionDate) ? .decisionDateNotUnderstood : .missingDecisionDate)
        }
        guard let end = decision.dayNumber else { return exclude(figure, .partialDecisionDate) }
        guard end >= start else { return exclude(figure, .negativeDuration) }
        complaintSpans.add(country: country, start: start, end: end)
    }

    /// Adds `other`'s counts to this aggregate.
    ///
    /// - Complexity: O(m) in the number of keys of `other`.
    public mutating func merge(_ other: PartialAggregate) {
        filings.merge(other.filings)
        outcomes.merge(other.outcomes)
        notices.merge(other.notices)
        nationalities.merge(other.nationalities)
        charges.merge(other.charges)
        noticeTotal += other.noticeTotal
        noticesWithoutRequestingCountry += other.noticesWithoutRequestingCountry
        noticesWithoutNationality += other.noticesWithoutNationality
        noticeSpans.merge(other.noticeSpans)
        complaintSpans.merge(other.complaintSpans)
        exclusions.merge(other.exclusions, uniquingKeysWith: +)
        typedOutcomes.merge(other.typedOutcomes)
        for index in kindSpans.indices { kindSpans[index].merge(other.kindSpans[index]) }
        reviewDelays.merge(other.reviewDelays)
    }

    /// This aggregate with `other`'s counts added.
    ///
    /// - Complexity: O(m) in the number of keys of `other`.
    public func merged(with other: PartialAggregate) -> PartialAggregate {
        var result = self
        result.merge(other)
        return result
    }

    mutating func exclude(_ figure: String, _ reason: ExclusionReason) {
        exclusions[ExclusionKey(figure: figure, reason: reason.rawValue), default: 0] += 1
    }
}

/// Why a record's duration is left out of a time-to-event statistic.
enum ExclusionReason: String, CaseIterable {
    case issueDateNotUnderstood = "issue-date-not-understood"
    case statusNotUnderstood = "status-not-understood"
    case cancellationDateNotUnderstood = "cancellation-date-not-understood"
    case reasonNotUnderstood = "cancellation-reason-not-understood"
    case filingDateNotUnderstood = "filing-date-not-understood"
    case decisionDateNotUnderstood = "decision-date-not-understood"
    case outcomeNotUnderstood = "outcome-not-understood"
    case missingIssueDate = "missing-issue-date"
    case partialIssueDate = "partial-issue-date"
    case unknownStatus = "unknown-status"
    case activeWithCancellationDate = "active-with-cancellation-date"
    case endedWithoutCancellationDate = "ended-without-cancellation-date"
    case partialCancellationDate = "partial-cancellation-date"
    case issueDateAfterAsOf = "issue-date-after-as-of"
    case cancellationDateAfterAsOf = "cancellation-date-after-as-of"
    case missingFilingDate = "missing-filing-date"
    case partialFilingDate = "partial-filing-date"
    case missingDecisionDate = "missing-decision-date"
    case partialDecisionDate = "partial-decision-date"
    case filingDateAfterAsOf = "filing-date-after-as-of"
    case decisionDateAfterAsOf = "decision-date-after-as-of"
    case negativeDuration = "negative-duration"
    case inadmissible = "inadmissible"
    case partialAdmissibilityDate = "partial-admissibility-date"
    case admissibilityDateAfterAsOf = "admissibility-date-after-as-of"
}

/// An optional member country in 8 bits of a packed key: its index, or 0xFF for a country not recognized.
enum PackedCountry {
    static func pack(_ country: Country?) -> UInt64 { country.map { UInt64($0.index) } ?? 0xFF }

    static func unpack(_ packed: UInt64) -> Country? {
        let index = Int(packed & 0xFF)
        return index == 0xFF ? nil : Country(index: index)
    }
}

/// An optional year in the low 33 bits of a packed key: bit 32 says whether there is a year, the low 32 bits
/// hold it (any `CivilDate` year fits in 32 bits).
enum PackedYear {
    static func pack(_ year: Int?) -> UInt64 {
        guard let year else { return 0 }
        return 1 << 32 | UInt64(UInt32(bitPattern: Int32(truncatingIfNeeded: year)))
    }

    static func unpack(_ packed: UInt64) -> Int? {
        packed & (1 << 32) == 0 ? nil : Int(Int32(bitPattern: UInt32(truncatingIfNeeded: packed)))
    }
}
