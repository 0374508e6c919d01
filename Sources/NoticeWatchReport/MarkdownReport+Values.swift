import NoticeWatchModel

extension MarkdownReport {
    /// How many values not understood the section lists before pointing to the CSV file.
    static let valuesShown = 30

    /// Values not understood: each value with its count and first place, then, per source and field, the
    /// `sources.yml` entry that would map them all.
    func valuesNotUnderstoodSection() -> String {
        let values = input.ingest.valuesNotUnderstood.sorted()
        var text = "\n### Values not understood\n\n"
        guard !values.isEmpty else { return text + "Every value given was understood.\n" }
        let records = values.reduce(0) { $0 + $1.count }
        text +=
            "\(counted(values.count, "value", "distinct values")) in \(counted(records, "field", "fields")) of kept "
            + "records were given but not understood: each field became unknown and the record was kept. Each "
            + "figure that needs the field says how many records it left out (Method, Exclusions)"
            + (values.count > Self.valuesShown ? "; the first \(Self.valuesShown) are shown, all in " : "; also in ")
            + "`values_not_understood.csv`.\n\n"
        var table = MarkdownTable(header: ["Source", "Field", "Value", "Records", "First read"], right: [3])
        for value in values.prefix(Self.valuesShown) {
            table.append([
                value.source, value.field, "\"\(MarkdownTable.truncate(value.rawValue))\"",
                FixedDecimal.count(value.count), value.firstLocation.description,
            ])
        }
        text += table.render()
        let suggestions = input.ingest.mappingSuggestions.sorted()
        guard !suggestions.isEmpty else { return text }
        text +=
            "\nTo map them, replace the field's entry under the source's `fields:` in `sources.yml` with the lines "
            + "below (a guessed category is named in a comment; `unknown` records that a label means nothing "
            + "known). A date not understood needs a `format:` that fits it, not a `values:` line.\n"
        for suggestion in suggestions {
            text += "\nSource `\(suggestion.source)`, field `\(suggestion.field)`:\n\n```yaml\n\(suggestion.yaml)```\n"
        }
        return text
    }
}
