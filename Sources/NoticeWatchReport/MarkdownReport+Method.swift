import NoticeWatchModel

extension MarkdownReport {
    /// Method: every figure definition, the as-of date and its origin, the options, interval methods and
    /// exclusions.
    func methodSection() -> String {
        var text = heading(
            "Method",
            "Every figure in this report is defined here exactly as it was computed."
        )
        for definition in figures.definitions {
            text +=
                "\n### \(Escaping.markdownText(definition.title))\n\n"
                + "`\(definition.id)`: \(Escaping.markdownText(definition.text))\n"
        }
        text += "\n### Options\n\n"
        let lines = [
            "As-of date: \(options.asOf), from \(options.asOfOrigin). Notices still active and complaints still "
                + "pending are censored on this day.",
            "Confidence level: \(level) for every interval.",
            "Proportions: Wilson score intervals.",
            "Kaplan–Meier: Greenwood variance, pointwise intervals on the \(options.survivalInterval.rawValue) "
                + "scale (\(intervalExplanation)); quartile intervals where the interval curve crosses the level.",
            "Kaplan–Meier quantiles: rule \(options.survivalQuantileRule.rawValue) ("
                + (options.survivalQuantileRule == .r
                    ? "R survfit's: the midpoint where the curve is exactly at the level over an interval"
                    : "the first day at or below the level, as lifelines") + "; option --km-quantile). Groups with "
                + "fewer than \(AnalysisOptions.minimumSurvivalSubjects) durations or "
                + "\(AnalysisOptions.minimumSurvivalEvents) ended ones are marked too few.",
            "Minimum decided complaints to rank a country: \(options.minimumDecisions).",
            "Partially overturned complaints (\"compliant subject to updates\") "
                + (options.partialCountsAsOverturned ? "count" : "do not count") + " as overturned.",
            "Withdrawn, inadmissible and pending complaints are not decisions: they are in no rate's denominator.",
            "A value given but not understood (a label no vocabulary maps, a date no format fits, a country that "
                + "is no member) makes that field unknown; the record counts wherever the field is not needed, and "
                + "each figure that needs it lists the records it left out under a `…-not-understood` reason.",
            "Status: when a source maps a cancellation date but no status, a notice with a cancellation date is "
                + "cancelled and one without is active as of the as-of date (censored there); status is unknown "
                + "only when a source gives neither, or gives a status not understood. Shares are over the "
                + "notices of known status, with the unknown count beside them."
                + (figures.publicList == nil
                    ? ""
                    : " A notice seen on the public list with no status of its own is active, observed on the date "
                        + "of the last capture it was seen in (a status by observation)."),
            "Countries not recognized (not members, such as Kosovo or Taiwan, former states, or not given) count in "
                + "every total and in one \"\(CSVTables.unrecognizedName)\" row, never in a member's row or a "
                + "ranking.",
            "Countries shown in the volume table: \(options.topCountries).",
        ]
        text += lines.map { "- \($0)" }.joined(separator: "\n") + "\n"
        text += "\n### Exclusions\n\n"
        if figures.exclusions.isEmpty {
            text += "No record was left out of any figure.\n"
        } else {
            var table = MarkdownTable(header: ["Figure", "Reason", "Records"], right: [2])
            for exclusion in figures.exclusions.sorted() {
                table.append([exclusion.figure, exclusion.reason, FixedDecimal.count(exclusion.count)])
            }
            text += "Records left out of a figure, with the reason (also in `exclusions.csv`):\n\n" + table.render()
        }
        return text
    }

    /// What the survival interval transform means, in words.
    var intervalExplanation: String {
        switch options.survivalInterval {
        case .logLog: "log(−log S), as lifelines and SAS PROC LIFETEST"
        case .log: "log S, as R's survfit default"
        case .plain: "S ± z·se, clamped to 0–1"
        }
    }

    /// Data quality: accounting per source, quarantine by reason with examples, conflicts.
    func dataQualitySection() -> String {
        let ingest = input.ingest
        var text = heading(
            "Data quality",
            "Every row read ends as exactly one of: kept (a new record), merged (a duplicate of a record read "
                + "earlier; of them, exact repeats hold the same id and identical values, as a scraper writes one notice "
                + "many times when it slices the service's queries, capped at 160 results) or quarantined (set "
                + "aside: a row that cannot be a record, with a reason). A kept or "
                + "merged row may hold values not understood: the field is unknown, the record kept. Full lists: "
                + "`accounting.csv`, `quarantine.csv`, `values_not_understood.csv`, `conflicts.csv`"
                + (input.recordsDatabase
                    ? ", and the tables of `records.sqlite`."
                    : " (`records.sqlite` was not written: --no-records-database).")
        )
        var accounting = MarkdownTable(
            header: [
                "Source", "Records", "Read", "Kept", "Merged", "Of which exact repeats", "Quarantined", "Balances",
                "With values not understood",
            ],
            right: [2, 3, 4, 5, 6, 8]
        )
        for source in ingest.sources.sorted() {
            accounting.append([
                source.source, source.recordKind.rawValue, FixedDecimal.count(source.read),
                FixedDecimal.count(source.kept),
                FixedDecimal.count(source.merged), FixedDecimal.count(source.exactRepeats),
                FixedDecimal.count(source.quarantined),
                source.balances ? "yes" : "**no**", FixedDecimal.count(source.withValuesNotUnderstood),
            ])
        }
        text += "\n" + accounting.render()
        text += valuesNotUnderstoodSection()

        text += "\n### Quarantined rows\n\n"
        if ingest.quarantine.isEmpty {
            text += "No row was quarantined.\n"
        } else {
            let byReason = Dictionary(grouping: ingest.quarantine.inReportOrder, by: \.reason.code)
            var reasons = MarkdownTable(
                header: ["Reason", "Rows", "Examples (file:line, field, raw value)"], right: [1])
            for code in byReason.keys.sorted() {
                let rows = byReason[code] ?? []
                let examples = rows.prefix(3).map { row in
                    "\(row.location) \(row.field ?? "(row)") \"\(MarkdownTable.truncate(row.rawValue))\""
                }
                reasons.append([code, FixedDecimal.count(rows.count), examples.joined(separator: "; ")])
            }
            text += "\(counted(ingest.quarantine.count, "row", "rows")), by reason:\n\n" + reasons.render()
        }

        text += "\n### Conflicts between duplicates\n\n"
        if ingest.conflicts.isEmpty {
            text += "No duplicate disagreed with the record it was merged into.\n"
        } else {
            var conflicts = MarkdownTable(header: [
                "Record", "Id", "Field", "Kept", "Kept from", "Discarded", "Discarded from",
            ])
            let sorted = ingest.conflicts.sorted()
            for conflict in sorted.prefix(20) {
                conflicts.append([
                    conflict.recordKind.rawValue, conflict.id, conflict.field,
                    MarkdownTable.truncate(conflict.keptValue),
                    conflict.keptLocation.description, MarkdownTable.truncate(conflict.discardedValue),
                    conflict.discardedLocation.description,
                ])
            }
            text +=
                "The first record read was kept. \(counted(sorted.count, "conflict", "conflicts"))"
                + (sorted.count > 20 ? " (the first 20 shown; all in `conflicts.csv`)" : "") + ":\n\n"
                + conflicts.render()
        }
        return text
    }

    /// Provenance: every input file with its hash, the sources file, the version and the options.
    func provenanceSection() -> String {
        let ingest = input.ingest
        let provenance = input.provenance
        var text = heading(
            "Provenance",
            "NoticeWatch \(provenance.toolVersion), dataset \(Escaping.markdownCode(provenance.datasetPath)). "
                + "Sources file SHA-256: "
                + (ingest.sourcesFileSHA256.map { "`\($0)`" } ?? "none (the mapping was inferred from headers)") + "."
        )
        var files = MarkdownTable(
            header: ["File", "Source", "Bytes", "Rows", "SHA-256", "Reader choices"], right: [2, 3])
        for file in ingest.inputFiles.sorted() {
            files.append([
                file.path, file.source, FixedDecimal.count(file.size), FixedDecimal.count(file.rowsRead), file.sha256,
                file.readerChoices.joined(separator: "; "),
            ])
        }
        text += "\n" + files.render()
        if !ingest.notRead.isEmpty {
            var refused = MarkdownTable(header: ["Not read", "Why"])
            for entry in ingest.notRead.sorted() { refused.append([entry.path, entry.reason]) }
            text +=
                "\nNot read: what a source would have read but is a link out of the dataset folder, a special file "
                + "or a kernel file (see `Datasets/SOURCES-FORMAT.md`):\n\n" + refused.render()
        }
        text += "\nOptions of this run:\n\n"
        text += provenance.options.sorted().map { "- " + Escaping.markdownCode($0) }.joined(separator: "\n")
        if provenance.options.isEmpty { text += "- none" }
        text += "\n\nEvery output file's SHA-256 is in `manifest.json`.\n"
        return text
    }
}
