/// What each table and column of `records.sqlite` holds, in the words of OUTPUTS.md, for `metadata.json`.
///
/// A column is described by its table's own entry, else by the entry shared by every table
/// (``shared``), else by a pattern (`complaints_<year>`). A column with none is a documentation gap, which
/// a test reports.
enum DatasetteColumns {
    /// Table titles and descriptions.
    static let tables: [String: (title: String, description: String)] = [
        "notices": ("Notices", "One row per notice or diffusion after normalization and merging of duplicates."),
        "complaints": ("Complaints", "One row per CCF complaint after normalization and merging of duplicates."),
        "quarantine": ("Quarantined rows", "Every rejected row: where, which field, the raw value, why."),
        "conflicts": (
            "Conflicts", "Duplicate records that disagreed, both values and both places; the first read was kept."
        ),
        "sources": ("Sources", "Per source: rows read = kept + merged + quarantined."),
        "input_files": ("Input files", "Every input file with its size, SHA-256, rows and reader choices."),
        "captures": ("Captures", "Each dated capture of the public list (only for a series of captures)."),
        "run": ("Run", "The tool version, dataset path, sources file hash, as-of date and every run option."),
        "complaint_volumes": (
            "Complaint volumes", "Complaints per member country (zeros included), per year of filing."
        ),
        "overturn_rates": (
            "Overturn rates", "Outcome counts and overturn rates: overall, per country, per year, per country and year."
        ),
        "notice_cancellations": (
            "Notice cancellations", "Notices ended per country, and cancellations following a CCF decision."
        ),
        "notices_by_nationality": ("Notices by nationality", "Notices per nationality of their subject."),
        "survival_notices": (
            "Time to cancellation", "Kaplan–Meier table of time from issue to cancellation, per group."
        ),
        "survival_complaints": ("Time to decision", "Kaplan–Meier table of time from filing to decision, per group."),
        "survival_summary": (
            "Time-to-event summary",
            "Quartiles with intervals, at-risk numbers, observed quantiles, histograms, per group."
        ),
        "exclusions": ("Exclusions", "Records left out of a figure, with the reason."),
        "warrants": (
            "Warrants", "Every arrest warrant of a notice: issuing country, charge as written, translation, category."
        ),
        "complaints_by_data_type": (
            "Complaints by data type", "Complaints and overturn rates for red notices, diffusions and other data."
        ),
        "survival_by_notice_kind": (
            "Time to cancellation by kind", "Kaplan–Meier summary of red notices and of diffusions, per group."
        ),
        "review_delays": (
            "Review delays", "Time from admissibility (or filing) to decision, and the share over the statutory limit."
        ),
        "notices_in_force": (
            "Notices in force under review", "Time from an overturned complaint's filing to its notice's cancellation."
        ),
        "values_not_understood": (
            "Values not understood",
            "Every value given but not understood: the record kept, the field unknown; with its count and first place."
        ),
        "public_list_captures": ("Public list captures", "Notices seen per capture, with the coverage check."),
        "public_list_changes": (
            "Public list changes", "Added, left the public list, reappeared, modified, per pair of captures."
        ),
        "public_list_departures": (
            "Public list departures", "Notices that left the public list, per month and country."
        ),
    ]

    /// Descriptions of columns with the same meaning in every table that has them.
    static let shared: [String: String] = [
        "country": "ISO 3166-1 alpha-2 code of the requesting country",
        "country_code": "ISO 3166-1 alpha-2 code (empty on an all-countries row)",
        "country_name": "English short name of the country",
        "country_alpha3": "ISO 3166-1 alpha-3 code",
        "source": "The source's name in the sources file",
        "file": "The input file, relative to the dataset folder",
        "line": "Physical line in the file (CSV and XML)",
        "record": "Record number in the file (JSON)",
        "record_kind": "notice or complaint",
        "id": "The record's id (primary key)",
        "field": "The field at fault (empty when the whole row is)",
        "scope": "What the row covers: overall, country, year (of decision), country-year, nationality, none, all",
        "year": "Calendar year (of decision for rates)",
        "partial_year": "The year's label on rows of a partial last year",
        "ci_lower": "Lower bound of the interval",
        "ci_upper": "Upper bound of the interval",
        "grouping": "What country_code is: requesting-country, nationality or requesting-country-or-nationality",
        "reliable": "false when either capture is partial",
        "left_public_list": "Notices seen in the earlier capture, not in the later",
        "group": "all, or the alpha-2 code of the requesting country",
        "events": "Durations that ended at this time (or in all)",
        "censored": "Durations still open (censored) at this time (or in all)",
        "files": "The files of the capture, space-separated",
        "notices_seen": "Distinct notice ids in the capture",
        "service_total": "The service's own total, when the files give it",
        "capture_date": "The day of the capture",
        "flagged": "The fields whose value was given but not understood, comma-separated (empty when none)",
        "unknown_status": "Notices whose status is not given or not understood (not in the share's denominator)",
    ]

    /// Descriptions of columns particular to one table.
    static let particular: [String: [String: String]] = [
        "notices": [
            "kind": "red-notice, yellow-notice, …, or diffusion", "issue_date": "ISO 8601 at its known precision",
            "status": "active, cancelled, withdrawn, expired or unknown",
            "cancellation_date": "ISO 8601 at its known precision",
            "cancellation_reason":
                "ccf-decision, withdrawn-by-requesting-country, general-secretariat-review, … or unknown",
            "nationalities": "The subject's nationalities, alpha-2 codes, comma-separated",
            "first_seen": "First capture the notice was seen in", "last_seen": "Last capture the notice was seen in",
            "captures_seen": "Captures the notice was seen in",
            "gaps": "Runs of captures missed between the first and last sighting",
            "seen_on": "The ISO dates of the captures the notice was seen in, comma-separated",
        ],
        "complaints": [
            "notice_id": "The challenged notice's id, when known", "filed_date": "ISO 8601 at its known precision",
            "decision_date": "ISO 8601 at its known precision",
            "outcome": "overturned, upheld, partially-overturned, inadmissible, withdrawn or pending",
            "outcome_label": "The source's wording of the outcome",
            "data_type": "What the complaint challenged: red-notice, diffusion, blue-notice, other or unknown",
            "request_type": "What the request asks for: access, correction, deletion, revision or unknown",
            "admissibility_date": "The day the CCF found the request admissible (statutory limits count from it)",
        ],
        "warrants": [
            "notice_id": "The notice's id", "position": "1…n in the notice's order of warrants",
            "issuing_country": "Alpha-2 code of the issuing member, or the text as written",
            "charge": "The charge as written", "charge_translation": "The service's translation of the charge",
            "charge_category": "terrorism, homicide, drugs, fraud or other",
        ],
        "values_not_understood": [
            "id": "1…n in the order of values_not_understood.csv", "raw_value": "The value as in the file, trimmed",
            "count": "Records that hold the value", "first_file": "Where it was first read: file",
            "first_line": "Where it was first read: line", "first_record": "Where it was first read: record",
        ],
        "quarantine": [
            "id": "1…n in the order of quarantine.csv", "raw_value": "The value as in the file",
            "reason_code": "Stable kebab-case reason", "reason": "The reason in words",
        ],
        "conflicts": [
            "id": "1…n in the order of conflicts.csv", "record_id": "The id of the duplicated record",
            "kept_value": "The value kept (first read)", "kept_source": "Where the kept value was read: source",
            "kept_file": "Where the kept value was read: file", "kept_line": "Where the kept value was read: line",
            "kept_record": "Where the kept value was read: record", "discarded_value": "The value discarded",
            "discarded_source": "Where the discarded value was read: source",
            "discarded_file": "Where the discarded value was read: file",
            "discarded_line": "Where the discarded value was read: line",
            "discarded_record": "Where the discarded value was read: record",
        ],
        "sources": [
            "read": "Rows read", "kept": "Rows kept as new records", "merged": "Rows merged into a record read earlier",
            "quarantined": "Rows rejected", "mapping": "How fields were mapped, '; '-separated",
            "with_values_not_understood": "Rows kept or merged that hold a value not understood",
            "exact_repeats": "Of the rows merged, those identical to a record already read",
        ],
        "input_files": [
            "path": "The file, relative to the dataset folder", "size": "Bytes", "sha256": "SHA-256 of the file",
            "rows_read": "Rows read", "reader_choices": "Reader choices, '; '-separated, each marked detected or set",
        ],
        "run": [
            "key": "tool_version, dataset_path, sources_file_sha256, as_of, as_of_origin, option.<name>",
            "value": "Its value",
        ],
        "complaint_volumes": [
            "rank": "1 = most complaints; ties share a rank", "complaints": "Complaints, all years",
            "share": "Share of all complaints", "complaints_unknown_year": "Complaints whose filing year is unknown",
            "change_from_previous_year": "Last complete year minus the year before",
            "change_compares": "The two years the change compares",
        ],
        "overturn_rates": [
            "decided": "Overturned + upheld + partially overturned", "overturned": "Overturned complaints",
            "upheld": "Upheld complaints", "partially_overturned": "Partially overturned complaints",
            "inadmissible": "Inadmissible complaints", "withdrawn": "Withdrawn complaints",
            "pending": "Pending complaints",
            "outcome_not_understood": "Complaints whose outcome label no vocabulary maps (in no denominator)",
            "overturned_counted": "The numerator: overturned, plus partially overturned when the run counts them",
            "rate": "Overturn rate", "ci_lower": "Wilson score interval, lower bound",
            "ci_upper": "Wilson score interval, upper bound",
            "too_few_to_rank": "Fewer decided complaints than the run's minimum",
            "persistent": "true when the country is listed as a persistent overturn",
            "others_rate": "Rate of all other countries together", "p_value": "Fisher's exact test, two-sided",
            "p_value_holm": "Holm-adjusted p-value",
        ],
        "notice_cancellations": [
            "notices": "Notices", "cancelled": "Status cancelled, withdrawn or expired",
            "cancelled_share": "Share of notices cancelled", "cancelled_ci_lower": "Wilson interval, lower bound",
            "cancelled_ci_upper": "Wilson interval, upper bound",
            "cancelled_with_known_reason": "Cancelled with a known reason",
            "cancelled_by_ccf": "Cancelled following a CCF decision", "ccf_share": "Of those with a known reason",
            "ccf_ci_lower": "Wilson interval, lower bound", "ccf_ci_upper": "Wilson interval, upper bound",
        ],
        "notices_by_nationality": ["notices": "Notices", "share": "Share of all notices"],
        "complaints_by_data_type": [
            "data_type": "red-notice, diffusion, blue-notice, other or unknown", "complaints": "Complaints",
            "share": "Share of the scope's complaints", "decided": "Overturned + upheld + partially overturned",
            "overturned": "Overturned complaints", "upheld": "Upheld complaints",
            "partially_overturned": "Partially overturned complaints", "inadmissible": "Inadmissible complaints",
            "withdrawn": "Withdrawn complaints", "pending": "Pending complaints",
            "outcome_not_understood": "Complaints whose outcome label no vocabulary maps (in no denominator)",
            "overturned_counted": "The numerator of the rate", "rate": "Overturn rate",
            "ci_lower": "Wilson score interval, lower bound", "ci_upper": "Wilson score interval, upper bound",
            "too_few_to_rank": "Fewer decided complaints than the run's minimum",
            "difference_from_red_notice": "Diffusions' rate minus red notices' rate",
            "difference_ci_lower": "Newcombe interval of the difference, lower bound",
            "difference_ci_upper": "Newcombe interval of the difference, upper bound",
        ],
        "survival_by_notice_kind": longFormColumns, "review_delays": longFormColumns,
        "notices_in_force": longFormColumns,
        "survival_notices": survivalColumns, "survival_complaints": survivalColumns,
        "survival_summary": [
            "analysis": "notices or complaints",
            "measure": "subjects, events, censored, km_quantile, at_risk, observed_quantile or histogram",
            "parameter": "The measure's parameter (share ended, day, probability or bucket)",
            "value": "The measure's value (days for quantiles)", "note": "not-reached, too-few or no-events",
        ],
        "exclusions": ["figure": "The figure's definition id", "reason": "Kebab-case reason", "count": "Records"],
        "public_list_captures": [
            "share_of_previous": "Share of the latest earlier capture that passed the check",
            "share_of_service_total": "Share of the service's total",
            "partial": "true when the capture holds fewer than 90% of the notices expected",
        ],
        "public_list_changes": [
            "from_date": "The earlier capture", "to_date": "The later capture",
            "added": "First seen in the later capture", "reappeared": "Missing from the earlier, seen before and again",
            "modified": "Seen in both with a field changed", "modified_fields": "field=count;…",
        ],
        "public_list_departures": ["month": "Of the capture that first missed the notice"],
    ]

    /// The columns of the long-form time-to-event tables (a measure per row, as `survival_summary.csv`).
    static let longFormColumns = [
        "analysis": "What is timed", "scope": "overall, request-type, country or year",
        "group": "all, or the group's code or value",
        "measure": "subjects, events, censored, km_quantile, at_risk, share_over_limit or another documented measure",
        "parameter": "The measure's parameter (share ended, day, limit)", "value": "The measure's value",
        "note": "not-reached, too-few or another documented note",
    ]

    static let survivalColumns = [
        "time": "Days since issue or filing", "at_risk": "Subjects at risk just before time",
        "survival": "Kaplan–Meier estimate after time", "ci_lower": "Pointwise interval, lower bound (Greenwood)",
        "ci_upper": "Pointwise interval, upper bound (Greenwood)", "ci_method": "loglog, log or plain",
        "too_few": "true when the group is under the Kaplan–Meier minimum",
    ]

    /// The description of `column` in `table`, or `nil` when none is written.
    static func describe(_ column: String, in table: String) -> String? {
        if let text = particular[table]?[column] ?? shared[column] { return text }
        if column.hasPrefix("complaints_"), let year = Int(column.dropFirst("complaints_".count)) {
            return "Complaints filed in \(year)"
        }
        return nil
    }
}
