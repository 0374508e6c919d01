import NoticeWatchModel

extension PlantedFigures {
    /// The figures as `PLANTED.md`: a human-readable account of the sources, the broken rows, the conflicts
    /// and the expected counts, so a reader can check a report against the truth by eye.
    ///
    /// - Complexity: O(n) in the number of rows of the tables.
    public var markdown: String {
        var text = """
            # Planted figures of the sample bundle

            Seed \(seed); snapshot (as-of) date \(asOf): nothing in the bundle is dated later. These are the exact
            figures a correct run over this folder must produce. Counts are of the records that survive ingest:
            planted broken rows (rows that cannot be records) are quarantined, planted values not understood are
            kept with the field unknown, and a record met again (in another file or the same one) merges into the
            first occurrence, in the order of `sources.yml`, then file name, then position.

            ## Sources

            | Source | Record | Files | Rows written | Kept | Merged | Quarantined |
            |---|---|---|---:|---:|---:|---:|

            """
        for source in sources {
            let first = source.files[0]
            let files = source.files.count == 1 ? first : "\(first) … (\(source.files.count) files)"
            text += "| \(source.name) | \(source.recordKind.rawValue) | `\(files)` | \(source.rowsWritten) | "
            text += "\(source.kept) | \(source.merged) | \(source.quarantined) |\n"
        }
        text += "\n## Broken rows (each one quarantined row)\n\n"
        text += "| Source | File | Line | Record | Field | Raw value | Hazard |\n|---|---|---:|---:|---|---|---|\n"
        for row in brokenRows {
            let raw = row.rawValue.isEmpty ? "(none)" : "`\(row.rawValue.replacingPipes())`"
            text += "| \(row.source) | `\(row.file)` | \(row.line.map(String.init) ?? "") | \(row.record) | "
            text += "\(row.field ?? "(whole row)") | \(raw) | \(row.hazard) |\n"
        }
        text += "\n## Values not understood or not given (each record kept, the field unknown)\n\n"
        text += "| Source | File | Line | Record | Field | Raw value | Hazard |\n|---|---|---:|---:|---|---|---|\n"
        for row in unclearValues {
            let raw = row.rawValue.isEmpty ? "(none)" : "`\(row.rawValue.replacingPipes())`"
            text += "| \(row.source) | `\(row.file)` | \(row.line.map(String.init) ?? "") | \(row.record) | "
            text += "\(row.field ?? "(whole row)") | \(raw) | \(row.hazard) |\n"
        }
        text += "\n\(unrecognizedNotices) notices and \(unrecognizedComplaints.total) complaints have a requesting "
        text += "country that is not recognized or not given: they count in the totals, in no country's row.\n"
        text += "\n## Conflicting duplicates (the first occurrence is kept)\n\n"
        text += "| Record | Id | Field | Kept | From | Discarded | From |\n|---|---|---|---|---|---|---|\n"
        for conflict in conflicts {
            text += "| \(conflict.recordKind.rawValue) | \(conflict.id) | \(conflict.field) | \(conflict.keptValue) | "
            text += "\(conflict.keptSource) | \(conflict.discardedValue) | \(conflict.discardedSource) |\n"
        }
        text += "\n## Notices per requesting country\n\n"
        text += "Cancelled = status cancelled, withdrawn or expired. \(noticesWithoutIssueDate) notices have no "
        text += "issue date in any file.\n\n"
        text += "| Country | Notices | Red Notices | Diffusions | Cancelled | With known reason | By CCF |\n"
        text += "|---|---:|---:|---:|---:|---:|---:|\n"
        for row in noticesByCountry + [noticeTotal] {
            text += "| \(row.country.map { "\($0.name) (\($0.alpha2))" } ?? "**All**") | \(row.notices) | "
            text +=
                "\(row.redNotices) | \(row.diffusions) | \(row.cancelled) | \(row.withKnownReason) | \(row.byCCF) |\n"
        }
        text += "\n## Complaints per requesting country, by outcome\n\n"
        text += "Decided = overturned + upheld + partially overturned; the overturn rate is overturned / decided "
        text += "(partially overturned not counted as overturned).\n\n"
        text += "| Country | Total | Overturned | Upheld | Partially | Inadmissible | Withdrawn | Pending | Unknown "
        text += "| Decided | Overturn rate |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n"
        for row in complaintsByCountry + [complaintTotal] {
            text += "| \(row.country.map { "\($0.name) (\($0.alpha2))" } ?? "**All**") | \(row.total) | "
            text += "\(row.overturned) | \(row.upheld) | \(row.partiallyOverturned) | \(row.inadmissible) | "
            text += "\(row.withdrawn) | \(row.pending) | \(row.unknown) | \(row.decided) | "
            text += "\(PlantedFigures.percent(row.overturned, of: row.decided)) |\n"
        }
        text += dataTypeMarkdown
        text += limitMarkdown
        text += "\n## Complaints per year of filing\n\n| Year | Complaints |\n|---:|---:|\n"
        for row in complaintsByFilingYear { text += "| \(row.year) | \(row.complaints) |\n" }
        text += """

            ## Time to decision

            Median days from filing to decision over the \
            \(complaintTotal.total - complaintTotal.pending - complaintTotal.unknown) complaints with a decision \
            (lower median, any known outcome, censoring ignored): \(medianDaysToDecision). Decisions more than a \
            year after filing: \(decisionsAfterMoreThanAYear).

            """
        return text
    }

    /// `part / whole` as a percentage with one decimal (`49.6%`), computed in integers; `n/a` for 0 / 0.
    static func percent(_ part: Int, of whole: Int) -> String {
        guard whole > 0 else { return "n/a" }
        let tenths = (part * 2000 + whole) / (2 * whole)
        return "\(tenths / 10).\(tenths % 10)%"
    }
}

extension String {
    /// The text with `|` escaped for a Markdown table cell.
    func replacingPipes() -> String { map { $0 == "|" ? "\\|" : String($0) }.joined() }
}
