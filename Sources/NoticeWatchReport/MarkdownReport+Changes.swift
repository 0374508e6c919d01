import NoticeWatchModel

extension MarkdownReport {
    /// Changes since the previous run: new complaints, new cancellations and moved rates, per country.
    func changesSection(_ changes: RunChanges) -> String {
        let text = heading(
            "Changes since the previous run",
            "Compared with the previous report (\(counted(changes.previousComplaints, "complaint", "complaints")), "
                + "\(counted(changes.previousNotices, "notice", "notices"))): "
                + "\(counted(changes.overall.newComplaints, "new complaint", "new complaints")) and "
                + "\(counted(changes.overall.newCancellations, "new cancellation", "new cancellations")). A cancellation is new when "
                + "the notice has ended now and was absent or still open before. Rates are compared at 4 decimals. "
                + "Also in `changes_since_previous.csv`."
        )
        guard !changes.rows.isEmpty else { return text + "\nNothing changed.\n" }
        var table = MarkdownTable(
            header: [
                "Country", "New complaints", "New cancellations", "Decided before", "Rate before", "Decided now",
                "Rate now", "Change",
            ],
            right: [1, 2, 3, 4, 5, 6, 7]
        )
        for row in [changes.overall] + changes.rows {
            let change = row.rateChange.map { value in
                (value > 0 ? "+" : "") + FixedDecimal.format(value, decimals: 1) + " points"
            }
            table.append([
                row.countryName, FixedDecimal.count(row.newComplaints), FixedDecimal.count(row.newCancellations),
                row.previousDecided.map(FixedDecimal.count) ?? "—", percent(row.previousRate),
                row.decided.map(FixedDecimal.count) ?? "—", percent(row.rate), change ?? "—",
            ])
        }
        return text + "\n" + table.render()
    }
}
