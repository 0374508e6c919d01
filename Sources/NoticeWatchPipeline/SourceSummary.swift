public import NoticeWatchModel

/// The one-line-per-source summaries of bad rows that go to standard error (the details go to the report).
public enum SourceSummary {
    /// One warning per source that quarantined rows, in source order, one per source with values not understood,
    /// one per entry of the dataset folder not read, and one for duplicate conflicts:
    /// `source 'ccf-cases': 4 of 1,203 rows quarantined (2 unknown-country, 1 invalid-date, 1 wrong-field-count); see quarantine.csv`.
    public static func warnings(for result: IngestResult) -> [String] {
        var lines: [String] = []
        for source in result.sources where source.quarantined > 0 {
            var byReason: [String: Int] = [:]
            for row in result.quarantine where row.location.source == source.source {
                byReason[row.reason.code, default: 0] += 1
            }
            let reasons = byReason.sorted { ($1.value, $0.key) < ($0.value, $1.key) }
                .map { "\($0.value) \($0.key)" }
                .joined(separator: ", ")
            lines.append(
                "source '\(source.source)': \(source.quarantined) of \(source.read) rows quarantined (\(reasons)); "
                    + "see quarantine.csv")
        }
        for source in result.sources where source.withValuesNotUnderstood > 0 {
            let values = result.valuesNotUnderstood.filter { $0.source == source.source }
            let fields = Set(values.map(\.field)).sorted().joined(separator: ", ")
            lines.append(
                "source '\(source.source)': \(source.withValuesNotUnderstood) of \(source.read) rows kept with "
                    + "values not understood (\(values.count) distinct, in \(fields)); see values_not_understood.csv")
        }
        for entry in result.notRead {
            lines.append("not read: '\(entry.path)', \(entry.reason); see the provenance in report.md")
        }
        if !result.conflicts.isEmpty {
            let ids = Set(result.conflicts.map { "\($0.recordKind.rawValue):\($0.id)" }).count
            lines.append(
                "\(result.conflicts.count) conflicting values between duplicates of \(ids) records "
                    + "(the first by source order was kept); see conflicts.csv")
        }
        return lines
    }
}
