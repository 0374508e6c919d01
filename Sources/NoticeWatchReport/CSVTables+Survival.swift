import NoticeWatchModel

extension CSVTables {
    /// `survival_notices.csv` / `survival_complaints.csv`: the Kaplan–Meier table of every group, in the
    /// figures' order (all first, then countries), steps by ascending time.
    static func survivalCurves(_ summaries: [SurvivalSummary], method: SurvivalIntervalMethod) -> CSVTable {
        var table = CSVTable(header: [
            "group", "time", "at_risk", "events", "censored", "survival", "ci_lower", "ci_upper", "ci_method",
            "too_few",
        ])
        for summary in summaries {
            for step in summary.curve {
                table.append([
                    group(summary.country), String(step.time), String(step.atRisk), String(step.events),
                    String(step.censored), FixedDecimal.proportion(step.survival),
                    FixedDecimal.proportion(step.interval?.lower), FixedDecimal.proportion(step.interval?.upper),
                    method.rawValue, String(summary.tooFew),
                ])
            }
        }
        return table
    }

    /// `survival_summary.csv`: one row per measure of every group, in long form.
    ///
    /// `measure` is `subjects`, `events`, `censored` (no parameter; note `too-few` on `subjects` when the group
    /// is under the Kaplan–Meier minimum), `km_quantile` (parameter: the share ended, `0.25`/`0.50`/`0.75`;
    /// value in days, a half day where R's midpoint rule applies; note `not-reached` when the curve never gets
    /// there, `too-few` when the group is under the minimum),
    /// `at_risk` (parameter: the day), `observed_quantile` (parameter: the probability; value in days with
    /// 1 decimal, events only, censoring ignored) or `histogram` (parameter: the bucket's label; value: events).
    static func survivalSummary(notices: [SurvivalSummary], complaints: [SurvivalSummary]) -> CSVTable {
        survivalSummary([("notices", notices), ("complaints", complaints)])
    }

    /// The long-form summary table of each named analysis in turn (see
    /// ``survivalSummary(notices:complaints:)``).
    static func survivalSummary(_ analyses: [(String, [SurvivalSummary])]) -> CSVTable {
        var table = CSVTable(header: [
            "analysis", "group", "measure", "parameter", "value", "ci_lower", "ci_upper", "note",
        ])
        for (analysis, summaries) in analyses {
            for summary in summaries {
                let prefix = [analysis, group(summary.country)]
                for row in kaplanMeierRows(summary) { table.append(prefix + row) }
                for quantile in summary.observedQuantiles {
                    table.append(
                        prefix + [
                            "observed_quantile", FixedDecimal.format(quantile.probability, decimals: 2),
                            quantile.days.map { FixedDecimal.format($0, decimals: 1) } ?? "", "", "",
                            quantile.days == nil ? "no-events" : "",
                        ]
                    )
                }
                for bucket in summary.histogram {
                    table.append(prefix + ["histogram", bucket.label, String(bucket.count), "", "", ""])
                }
            }
        }
        return table
    }

    /// The Kaplan–Meier rows of one group in the long-form tables (after the group's own columns): `subjects`
    /// (note `too-few` under the minimum), `events`, `censored`, one `km_quantile` per share ended (note
    /// `not-reached` or `too-few`) and one `at_risk` per day.
    static func kaplanMeierRows(_ summary: SurvivalSummary) -> [[String]] {
        var rows = [
            ["subjects", "", String(summary.subjects), "", "", summary.tooFew ? "too-few" : ""],
            ["events", "", String(summary.events), "", "", ""],
            ["censored", "", String(summary.censored), "", "", ""],
        ]
        for quantile in summary.quantiles {
            rows.append([
                "km_quantile", FixedDecimal.format(quantile.probability, decimals: 2),
                quantile.estimate.map(days) ?? "", quantile.lower.map(days) ?? "", quantile.upper.map(days) ?? "",
                summary.tooFew ? "too-few" : quantile.estimate == nil ? "not-reached" : "",
            ])
        }
        for atRisk in summary.atRisk { rows.append(["at_risk", String(atRisk.day), String(atRisk.count), "", "", ""]) }
        return rows
    }

    /// Days as the CSV tables write them: `412`, or `412.5` for a midpoint.
    static func days(_ value: Double) -> String {
        value.rounded() == value ? String(Int(value)) : FixedDecimal.format(value, decimals: 1)
    }

    /// `accounting.csv`: per source, `read = kept + merged + quarantined`, how many of the rows merged were
    /// exact repeats (`exact_repeats`, a subset of `merged`), and how many of the rows kept or merged had a
    /// value not understood.
    static func accounting(_ sources: [SourceAccounting]) -> CSVTable {
        var table = CSVTable(header: [
            "source", "record_kind", "read", "kept", "merged", "exact_repeats", "quarantined", "balances",
            "with_values_not_understood", "mapping",
        ])
        for source in sources.sorted() {
            table.append([
                source.source, source.recordKind.rawValue, String(source.read), String(source.kept),
                String(source.merged), String(source.exactRepeats), String(source.quarantined), String(source.balances),
                String(source.withValuesNotUnderstood), source.mapping.joined(separator: "; "),
            ])
        }
        return table
    }

    /// `input_files.csv`: every input file with its hash and the reader's choices.
    static func inputFiles(_ files: [InputFile]) -> CSVTable {
        var table = CSVTable(header: ["path", "source", "size", "sha256", "rows_read", "reader_choices"])
        for file in files.sorted() {
            table.append([
                file.path, file.source, String(file.size), file.sha256, String(file.rowsRead),
                file.readerChoices.joined(separator: "; "),
            ])
        }
        return table
    }

    /// `conflicts.csv`: duplicates that disagreed, with both values and where each was read.
    static func conflicts(_ conflicts: [DuplicateConflict]) -> CSVTable {
        var table = CSVTable(header: [
            "record_kind", "id", "field", "kept_value", "kept_source", "kept_file", "kept_line", "kept_record",
            "discarded_value", "discarded_source", "discarded_file", "discarded_line", "discarded_record",
        ])
        for conflict in conflicts.sorted() {
            table.append(
                [conflict.recordKind.rawValue, conflict.id, conflict.field, conflict.keptValue]
                    + locationCells(conflict.keptLocation) + [conflict.discardedValue]
                    + locationCells(conflict.discardedLocation)
            )
        }
        return table
    }

    /// `quarantine.csv`: every rejected row with where it was, the field, the raw value and the reason.
    static func quarantine(_ rows: [QuarantinedRow]) -> CSVTable {
        var table = CSVTable(header: [
            "source", "file", "line", "record", "field", "raw_value", "reason_code", "reason",
        ])
        for row in rows.inReportOrder {
            table.append(
                locationCells(row.location)
                    + [row.field ?? "", row.rawValue, row.reason.code, row.reason.message]
            )
        }
        return table
    }

    /// source, file, line, record.
    static func locationCells(_ location: SourceLocation) -> [String] {
        [location.source, location.file, location.line.map(String.init) ?? "", location.record.map(String.init) ?? ""]
    }
}
