import NoticeWatchModel

/// Builds every CSV table of a report from its input. Column names are stable and documented in OUTPUTS.md.
///
/// Common conventions: `country_code` is the ISO alpha-2 code and `country_name` the English short name;
/// dates are ISO 8601 at their known precision; proportions have 4 decimals (``FixedDecimal/proportion(_:)``);
/// a missing value is an empty cell; booleans are `true`/`false`.
enum CSVTables {
    /// Every table, in the order they are written, with its file name.
    static func all(_ input: ReportInput) -> [(name: String, table: CSVTable)] {
        builders(input).map { ($0.name, $0.make()) }
    }

    /// Every table's file name with the function that builds it, in the order of ``all(_:)``: the report builds,
    /// writes and drops one table at a time on each thread, so that the largest (the survival curves, every step
    /// of every country) are never all in memory together.
    static func builders(_ input: ReportInput) -> [(name: String, make: @Sendable () -> CSVTable)] {
        let figures = input.figures
        let ingest = input.ingest
        var tables: [(name: String, make: @Sendable () -> CSVTable)] = [
            ("complaint_volumes.csv", { volumes(figures.volumes) }),
            ("overturn_rates.csv", { overturnRates(figures.overturnRates) }),
            ("complaints_by_data_type.csv", { complaintsByDataType(figures.dataTypes) }),
            ("notice_cancellations.csv", { cancellations(figures.noticeCancellations) }),
            (
                "survival_notices.csv",
                { survivalCurves(figures.noticeSurvival, method: figures.options.survivalInterval) }
            ),
            (
                "survival_complaints.csv",
                { survivalCurves(figures.complaintSurvival, method: figures.options.survivalInterval) }
            ),
            (
                "survival_summary.csv",
                { survivalSummary(notices: figures.noticeSurvival, complaints: figures.complaintSurvival) }
            ),
            ("survival_by_notice_kind.csv", { survivalByNoticeKind(figures.dataTypes) }),
            ("review_delays.csv", { reviewDelays(figures.reviewDelays) }),
            ("notices_in_force.csv", { survivalSummary([("notices-in-force", figures.noticesInForce)]) }),
            ("exclusions.csv", { exclusions(figures.exclusions) }),
            ("accounting.csv", { accounting(ingest.sources) }),
            ("input_files.csv", { inputFiles(ingest.inputFiles) }),
            ("conflicts.csv", { conflicts(ingest.conflicts) }),
            ("quarantine.csv", { quarantine(ingest.quarantine) }),
            ("values_not_understood.csv", { valuesNotUnderstood(ingest.valuesNotUnderstood) }),
        ]
        if !figures.noticeNationalities.rows.isEmpty {
            let figure = figures.noticeNationalities
            tables.insert(("notices_by_nationality.csv", { @Sendable in nationalities(figure) }), at: 4)
        }
        if figures.noticeCharges.overall.notices > 0 {
            let figure = figures.noticeCharges
            let position = tables.firstIndex { $0.name == "survival_notices.csv" } ?? tables.count
            tables.insert(("notices_by_charge.csv", { @Sendable in charges(figure) }), at: position)
        }
        return tables + publicListBuilders(figures)
    }

    /// The `country_name` of the row of records whose requesting country is not recognized or not given.
    static let unrecognizedName = "Unrecognized / not a member"

    /// `complaint_volumes.csv`: one row per member country, in the figures' order (rank, then code), then one
    /// row with no code and no rank for complaints whose country is not recognized, when there are any.
    static func volumes(_ volumes: ComplaintVolumes) -> CSVTable {
        var table = CSVTable(
            header: ["country_code", "country_alpha3", "country_name", "rank", "complaints", "share"]
                + volumes.years.map { "complaints_\($0)" }
                + ["complaints_unknown_year", "change_from_previous_year", "change_compares", "partial_year"]
        )
        let compares = volumes.changeYears.map { "\($0.later) vs \($0.earlier)" } ?? ""
        let partial = volumes.partialYear?.label ?? ""
        for row in volumes.rows {
            let known = row.byYear.reduce(0, +)
            table.append(
                [
                    row.country.alpha2, row.country.alpha3, row.country.name, String(row.rank), String(row.total),
                    FixedDecimal.proportion(row.share),
                ]
                    + (Array(row.byYear.prefix(volumes.years.count))
                    + Array(repeating: 0, count: max(0, volumes.years.count - row.byYear.count))).map(String.init)
                    + [String(row.total - known), row.changeFromPreviousYear.map(String.init) ?? "", compares, partial]
            )
        }
        if volumes.unrecognized > 0 {
            let byYear = aligned(volumes.unrecognizedByYear, to: volumes.years.count)
            let known = byYear.reduce(0, +)
            table.append(
                ["", "", unrecognizedName, "", String(volumes.unrecognized)]
                    + [FixedDecimal.proportion(Double(volumes.unrecognized) / Double(max(volumes.total, 1)))]
                    + byYear.map(String.init) + [String(volumes.unrecognized - known), "", "", partial]
            )
        }
        return table
    }

    /// `values` cut or padded with zeros to `count` entries.
    static func aligned(_ values: [Int], to count: Int) -> [Int] {
        Array(values.prefix(count)) + Array(repeating: 0, count: max(0, count - values.count))
    }

    /// The tally columns shared by `overturn_rates.csv` rows.
    static let tallyHeader = [
        "decided", "overturned", "upheld", "partially_overturned", "inadmissible", "withdrawn", "pending",
        "outcome_not_understood", "overturned_counted", "rate", "ci_lower", "ci_upper", "too_few_to_rank",
    ]

    static func tallyCells(_ tally: OutcomeTally) -> [String] {
        [
            String(tally.decided), String(tally.overturned), String(tally.upheld), String(tally.partiallyOverturned),
            String(tally.inadmissible), String(tally.withdrawn), String(tally.pending), String(tally.unknown),
            String(tally.overturnedCounted), FixedDecimal.proportion(tally.rate),
            FixedDecimal.proportion(tally.interval?.lower), FixedDecimal.proportion(tally.interval?.upper),
            String(tally.tooFewToRank),
        ]
    }

    /// `overturn_rates.csv`: the overall row, then per country, per year, per country and year.
    ///
    /// `scope` is `overall`, `country`, `unrecognized` (complaints whose country is not recognized, after the
    /// countries, when there are any), `year` or `country-year`; `persistent` is `true` for countries in the
    /// persistent-overturn list, empty for rows that are not per country. `others_rate`, `p_value` and
    /// `p_value_holm` are the test against all other countries (Fisher's exact, two-sided; Holm-adjusted),
    /// empty for a country not tested and for rows that are not per country.
    static func overturnRates(_ rates: OverturnRates) -> CSVTable {
        var table = CSVTable(
            header: ["scope", "country_code", "country_name", "year"] + tallyHeader
                + ["persistent", "others_rate", "p_value", "p_value_holm", "partial_year"])
        func partial(_ year: Int) -> String { rates.partialYear?.year == year ? rates.partialYear!.label : "" }
        let persistent = Set(rates.persistent.map(\.country))
        table.append(["overall", "", "", ""] + tallyCells(rates.overall) + ["", "", "", "", ""])
        for row in rates.byCountry {
            table.append(
                ["country", row.country.alpha2, row.country.name, ""] + tallyCells(row.tally)
                    + [
                        String(persistent.contains(row.country)), FixedDecimal.proportion(row.comparison?.othersRate),
                        row.comparison.map { String($0.pValue) } ?? "",
                        row.comparison.map { String($0.adjustedPValue) } ?? "", "",
                    ]
            )
        }
        if let tally = rates.unrecognized {
            table.append(["unrecognized", "", unrecognizedName, ""] + tallyCells(tally) + ["", "", "", "", ""])
        }
        for row in rates.byYear {
            table.append(
                ["year", "", "", String(row.year)] + tallyCells(row.tally) + ["", "", "", "", partial(row.year)])
        }
        for row in rates.byCountryYear {
            table.append(
                ["country-year", row.country.alpha2, row.country.name, String(row.year)] + tallyCells(row.tally)
                    + ["", "", "", "", partial(row.year)]
            )
        }
        return table
    }

    /// `notice_cancellations.csv`: the overall row, then one row per country with notices, then one row
    /// (`unrecognized`) for notices whose country is not recognized, when there are any. `cancelled_share` is over
    /// the notices of known status; `unknown_status` counts the others.
    static func cancellations(_ figure: NoticeCancellations) -> CSVTable {
        var table = CSVTable(header: [
            "scope", "country_code", "country_name", "notices", "unknown_status", "cancelled", "cancelled_share",
            "cancelled_ci_lower", "cancelled_ci_upper", "cancelled_with_known_reason", "cancelled_by_ccf",
            "ccf_share", "ccf_ci_lower", "ccf_ci_upper",
        ])
        let rows =
            [("overall", figure.overall)] + figure.byCountry.map { ("country", $0) }
            + (figure.unrecognized.map { [("unrecognized", $0)] } ?? [])
        for (scope, row) in rows {
            table.append([
                scope, row.country?.alpha2 ?? "", scope == "unrecognized" ? unrecognizedName : row.country?.name ?? "",
                String(row.notices), String(row.unknownStatus), String(row.cancelled),
                FixedDecimal.proportion(row.cancelledShare),
                FixedDecimal.proportion(row.cancelledInterval?.lower),
                FixedDecimal.proportion(row.cancelledInterval?.upper), String(row.withKnownReason),
                String(row.byCCF), FixedDecimal.proportion(row.ccfShare),
                FixedDecimal.proportion(row.ccfInterval?.lower),
                FixedDecimal.proportion(row.ccfInterval?.upper),
            ])
        }
        return table
    }

    /// `exclusions.csv`: records left out of a figure, by figure then reason.
    static func exclusions(_ exclusions: [Exclusion]) -> CSVTable {
        var table = CSVTable(header: ["figure", "reason", "count"])
        for exclusion in exclusions.sorted() {
            table.append([exclusion.figure, exclusion.reason, String(exclusion.count)])
        }
        return table
    }

    /// The group label of a survival summary: `all`, or the country's alpha-2 code.
    static func group(_ country: Country?) -> String { country?.alpha2 ?? "all" }
}
