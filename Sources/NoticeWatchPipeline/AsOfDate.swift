public import NoticeWatchModel

/// Where the as-of date comes from: `--as-of`, else `SOURCE_DATE_EPOCH`, else the latest full date in the
/// data (a record's date, or the date of a dated capture of the public list) — never the clock, so the same inputs give the same report on any day.
public enum AsOfDate {
    /// The as-of date and a phrase naming its origin, printed in the report.
    ///
    /// - Throws: ``PipelineError`` with ``ExitStatus/badOptions`` for a `SOURCE_DATE_EPOCH` that is not a whole
    ///   number of seconds, and ``ExitStatus/badData`` when there is no full date anywhere in the data.
    public static func resolve(
        given: CivilDate?, sourceDateEpoch: String?, records: IngestResult
    ) throws(PipelineError) -> (CivilDate, String) {
        if let given { return (given, "--as-of") }
        if let epoch = sourceDateEpoch, !epoch.isEmpty {
            guard let seconds = Int(epoch), seconds >= 0 else {
                throw PipelineError(
                    code: .badSourceDateEpoch,
                    message: "SOURCE_DATE_EPOCH must be a whole number of seconds since 1970-01-01, not '\(epoch)'")
            }
            return (CivilDate(dayNumber: seconds / 86_400), "SOURCE_DATE_EPOCH")
        }
        var latest: CivilDate?
        func consider(_ date: CivilDate?) {
            guard let date, date.precision == .day else { return }
            if latest.map({ date > $0 }) ?? true { latest = date }
        }
        for notice in records.notices {
            consider(notice.issueDate)
            consider(notice.cancellationDate)
        }
        for complaint in records.complaints {
            consider(complaint.filedDate)
            consider(complaint.decisionDate)
            consider(complaint.admissibilityDate)
        }
        // A dated capture of the public list is a full date of the data (list entries carry none of their own).
        if !records.capturesDatedByAsOf {
            for capture in records.captures { consider(capture.date) }
        }
        guard let latest else {
            throw PipelineError(
                code: .noAsOfDate,
                message: "no record has a full date, so the as-of date cannot be taken from the data; give --as-of")
        }
        return (latest, "latest date in the data")
    }
}
