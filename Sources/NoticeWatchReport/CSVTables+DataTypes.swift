import NoticeWatchModel

extension CSVTables {
    /// `complaints_by_data_type.csv`: every data type overall, then each country's red-notice and diffusion
    /// rows, with the difference of the diffusion rate from the red-notice rate on the diffusion rows.
    static func complaintsByDataType(_ split: DataTypeSplit) -> CSVTable {
        var table = CSVTable(
            header: ["scope", "country_code", "country_name", "data_type", "complaints", "share"] + tallyHeader
                + ["difference_from_red_notice", "difference_ci_lower", "difference_ci_upper"])
        var differences: [Country?: DataTypeSplit.Difference] = [:]
        for difference in split.differences { differences[difference.country] = difference }
        for row in split.overall + split.byCountry {
            let difference = row.dataType == .diffusion ? differences[row.country] : nil
            table.append(
                [
                    row.country == nil ? "overall" : "country", row.country?.alpha2 ?? "", row.country?.name ?? "",
                    row.dataType.rawValue, String(row.complaints), FixedDecimal.proportion(row.share),
                ] + tallyCells(row.tally)
                    + [
                        FixedDecimal.proportion(difference?.difference),
                        FixedDecimal.proportion(difference?.interval.lower),
                        FixedDecimal.proportion(difference?.interval.upper),
                    ])
        }
        return table
    }

    /// `survival_by_notice_kind.csv`: the long-form summary of time to cancellation of red notices, then of
    /// diffusions (`analysis` is the kind).
    static func survivalByNoticeKind(_ split: DataTypeSplit) -> CSVTable {
        survivalSummary(split.noticeSurvival.map { ($0.kind.rawValue, $0.summaries) })
    }

    /// `review_delays.csv`: one row per measure of every group, in long form.
    ///
    /// `scope` is `overall`, `request_type`, `country` or `filing_year`, and `group` the request type, ISO
    /// alpha-2 code or year (`all` overall). Measures: `subjects`, `events`, `censored` (note `too-few` on
    /// `subjects` under the Kaplan–Meier minimum), `km_quantile` (parameter the share decided, value in days,
    /// note `not-reached` or `too-few`), `at_risk` (parameter the day), and per statutory limit (parameter
    /// `access-4-months` or `correction-deletion-9-months`): `decided_within`, `decided_after`, `pending_past`,
    /// `pending_within` (counts) and `share_over_limit` (proportion with its Wilson interval, note `too-few`).
    static func reviewDelays(_ delays: ReviewDelays) -> CSVTable {
        var table = CSVTable(header: [
            "scope", "group", "measure", "parameter", "value", "ci_lower", "ci_upper", "note",
        ])
        table.append(["overall", "all", "from_admissibility", "", String(delays.fromAdmissibility), "", "", ""])
        table.append(["overall", "all", "from_filing", "", String(delays.fromFiling), "", "", ""])
        for group in delays.groups {
            let prefix: [String]
            switch group.scope {
            case .overall: prefix = ["overall", "all"]
            case .requestType(let type): prefix = ["request_type", type.rawValue]
            case .country(let country): prefix = ["country", country.alpha2]
            case .year(let year): prefix = ["filing_year", String(year)]
            }
            for row in kaplanMeierRows(group.survival) { table.append(prefix + row) }
            for share in group.limits {
                let limit = share.limit.rawValue
                table.append(prefix + ["decided_within", limit, String(share.decidedWithin), "", "", ""])
                table.append(prefix + ["decided_after", limit, String(share.decidedAfter), "", "", ""])
                table.append(prefix + ["pending_past", limit, String(share.pendingPast), "", "", ""])
                table.append(prefix + ["pending_within", limit, String(share.pendingWithin), "", "", ""])
                table.append(
                    prefix + [
                        "share_over_limit", limit, FixedDecimal.proportion(share.share),
                        FixedDecimal.proportion(share.interval?.lower), FixedDecimal.proportion(share.interval?.upper),
                        share.tooFew ? "too-few" : "",
                    ])
            }
        }
        return table
    }
}
