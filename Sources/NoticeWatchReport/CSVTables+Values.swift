import NoticeWatchModel

extension CSVTables {
    /// `values_not_understood.csv`: one row per source, field and value that was given but not understood (the
    /// records were kept with the field unknown), by source, field and value: how many records hold it, where it
    /// was first read, and the `sources.yml` line under the field's `values:` that would map it (empty for a
    /// date, which needs a `format:`).
    static func valuesNotUnderstood(_ values: [ValueNotUnderstood]) -> CSVTable {
        var table = CSVTable(header: [
            "source", "record_kind", "field", "raw_value", "count", "first_file", "first_line", "first_record",
            "sources_yml_line",
        ])
        for value in values.sorted() {
            table.append(
                [value.source, value.recordKind.rawValue, value.field, value.rawValue, String(value.count)]
                    + Array(locationCells(value.firstLocation).dropFirst()) + [value.suggestion]
            )
        }
        return table
    }
}
