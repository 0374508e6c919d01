import NoticeWatchModel

/// Builds `metadata.json` beside `records.sqlite`, for Datasette (`datasette records.sqlite -m metadata.json`):
/// titles, a description of every column, the source and licence fields, and canned queries for the
/// common questions.
///
/// The tables and columns are read back from the written database, so the file describes exactly what is in
/// it; a column without a description in ``DatasetteColumns`` gets an empty one (a test fails on it).
enum DatasetteMetadata {
    /// The database's name in Datasette: the file name without `.sqlite`.
    static let databaseName = "records"

    /// The canned queries: name, title, description and SQL with named parameters.
    static let queries: [(name: String, title: String, description: String, sql: String)] = [
        (
            "country_notices", "A country's notices",
            "Every notice requested by one country (its ISO alpha-2 code, such as RU), by issue date.",
            "SELECT id, kind, issue_date, status, cancellation_date, cancellation_reason, source, file, line, record "
                + "FROM notices WHERE country = upper(:country) ORDER BY issue_date, id"
        ),
        (
            "country_complaints_by_outcome", "A country's complaints by outcome",
            "How many complaints about one country's notices (ISO alpha-2 code) ended in each outcome.",
            "SELECT outcome, count(*) AS complaints FROM complaints WHERE country = upper(:country) "
                + "GROUP BY outcome ORDER BY complaints DESC, outcome"
        ),
        (
            "country_overturn_rate", "A country's overturn rate by year",
            "The overturn rate with its Wilson interval, overall and per year of decision, for one country.",
            "SELECT scope, year, decided, overturned_counted, rate, ci_lower, ci_upper, too_few_to_rank "
                + "FROM overturn_rates WHERE country_code = upper(:country) ORDER BY scope, year"
        ),
    ]

    /// The metadata of the database at `path`, written for `input`.
    ///
    /// - Throws: `ReportError` `sqlite-failed` when the database cannot be read back.
    static func build(_ input: ReportInput, database path: String) throws(ReportError) -> JSONValue {
        let database = try SQLiteDatabase(path: path, readOnly: true)
        let names = try database.query(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
        )
        .compactMap { $0.first ?? nil }
        var tables: [(String, JSONValue)] = []
        for name in names {
            let columns = try database.query("SELECT name FROM pragma_table_info('\(name)') ORDER BY cid")
                .compactMap { $0.first ?? nil }
            let described = DatasetteColumns.tables[name]
            tables.append(
                (
                    name,
                    .object([
                        ("title", .string(described?.title ?? name)),
                        ("description", .string(described?.description ?? "")),
                        (
                            "columns",
                            .object(columns.map { ($0, .string(DatasetteColumns.describe($0, in: name) ?? "")) })
                        ),
                    ])
                ))
        }
        let canned = queries.map { query in
            (
                query.name,
                JSONValue.object([
                    ("title", .string(query.title)), ("description", .string(query.description)),
                    ("sql", .string(query.sql)),
                ])
            )
        }
        let provenance = input.provenance
        let options = input.figures.options
        let source =
            "NoticeWatch \(provenance.toolVersion), from the files of \(provenance.datasetPath) "
            + "(listed with their SHA-256 in input_files)"
        return .object([
            ("title", .string("NoticeWatch records and figures, as of \(options.asOf)")),
            (
                "description",
                .string(
                    "Normalized notices and complaints, the rows set aside with their reasons, and every figure "
                        + "of the report as a table (the same columns as its CSV file). Definitions: report.md, "
                        + "Method; figures as data: figures.json.")
            ),
            ("source", .string(source)),
            (
                "license",
                .string(
                    "The terms of the input files apply to the records; NoticeWatch records no licence of its own "
                        + "for them.")
            ),
            (
                "databases",
                .object([
                    (
                        databaseName,
                        .object([
                            ("title", .string("NoticeWatch records")), ("tables", .object(tables)),
                            ("queries", .object(canned)),
                        ])
                    )
                ])
            ),
        ])
    }
}
