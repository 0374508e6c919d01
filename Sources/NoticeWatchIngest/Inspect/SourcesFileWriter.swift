import NoticeWatchModel

/// Writes the `sources.yml` that reproduces what a run without one infers: one source per file (per sheet of a
/// workbook), named after its path as the run names it, with every reader choice, the record kind and each
/// field's column and date format written out, each with why as a comment.
///
/// The text is in the syntax ``SourcesFileParser`` reads. A file with no record (an empty file, `[]`) gets a
/// placeholder id, so that it is listed with zero rows as without a sources file; the files a run does not read
/// are listed in comments at the end, with why.
enum SourcesFileWriter {
    /// The sources file for `inspection` (made from whole files, with every mapping inferred).
    static func text(for inspection: DatasetInspection) -> String {
        var text = """
            # Written by `noticewatch init` from what a run without a sources file infers (whole files read).
            # Each choice has its reason as a comment: edit a line to change it, and run `noticewatch inspect`
            # on the folder to see what a run reads with this file.
            version: 1

            """
        var sources = ""
        for file in inspection.files {
            if hasID(file) {
                sources += source(file)
            } else {
                // A source needs an id, and a file with no record has no name to take it from: a placeholder, which
                // reads the file's zero records as a run without a sources file does (a notice source, no row).
                var placeholder = file
                placeholder.kind = RecordKind.notice.rawValue
                placeholder.fields = [
                    FieldInspection(
                        field: NormalizedField.id.rawValue, from: "id",
                        evidence: "a placeholder: the file has no record to map; map its names once it has some",
                        present: 0, understood: 0)
                ]
                sources += source(placeholder)
            }
        }
        text += sources.isEmpty ? "sources: []\n" : "sources:\n" + sources
        if !inspection.notRead.isEmpty {
            text += "# Not read by a run, and so not described here:\n"
            for entry in inspection.notRead { text += "#   \(quoted(entry.path)): \(oneLine(entry.reason))\n" }
        }
        return text
    }

    private static func hasID(_ file: FileInspection) -> Bool {
        file.fields.contains { $0.field == NormalizedField.id.rawValue }
    }

    private static func source(_ file: FileInspection) -> String {
        let path = file.sheet == nil ? file.path : String(file.path.dropLast(file.sheet!.count + 1))
        var text = "  - name: \(quoted(file.source))\n"
        text += "    path: \(quoted(path))"
        if path.contains("*") || path.contains("?") {
            text += "  # read as a glob: it may name other files too"
        }
        text += "\n"
        if let sheet = file.sheet {
            text += "    sheet: \(quoted(sheet))"
            if sheet.contains("*") || sheet.contains("?") { text += "  # read as a glob: it may name other sheets" }
            text += "\n"
        }
        text += "    format: \(file.format)\n"
        text += "    record: \(file.kind)  # \(oneLine(file.kindEvidence))\n"
        if let encoding = file.encoding, let delimiter = file.delimiter, let quote = file.quote {
            text += "    csv:\n"
            text += "      encoding: \(encoding)\(comment(file, "encoding"))\n"
            text += "      delimiter: \(quoted(delimiter))\(comment(file, "delimiter"))\n"
            text += "      quote: \(quoted(quote))\(comment(file, "quote"))\n"
            text += "      header: \(file.hasHeader ?? true)\(comment(file, "header"))\n"
        }
        if let records = file.records {
            text += "    json:\n      records: \(quoted(records))\(comment(file, "layout"))\n"
        }
        if let element = file.recordElement {
            text += "    xml:\n      record: \(quoted(element))\(comment(file, "record"))\n"
            if let namespaces = file.namespaces, !namespaces.isEmpty {
                text += "      namespaces:\n"
                for (prefix, uri) in namespaces.sorted(by: { $0.key < $1.key }) {
                    text += "        \(quoted(prefix)): \(quoted(uri))\n"
                }
            }
        }
        text += "    fields:\n"
        for field in file.fields { text += entry(field) }
        return text
    }

    /// One field under `fields:`: `id: "N° dossier"  # why`, or its mapping when it has a format or constant.
    private static func entry(_ field: FieldInspection) -> String {
        var why = field.evidence
        if let note = field.note { why += "; " + note }
        if field.present > 0 && field.field != NormalizedField.id.rawValue {
            why +=
                "; \(InspectionEvidence.percent(field.understood, of: field.present)) of "
                + "\(InspectionEvidence.values(field.present)) understood"
        }
        let formats = field.dateFormats ?? []
        guard let from = field.from else {
            return "      \(field.field):\n        value: \(quoted(field.constant ?? ""))  # \(oneLine(why))\n"
        }
        guard field.dateFormats != nil else { return "      \(field.field): \(quoted(from))  # \(oneLine(why))\n" }
        var text = "      \(field.field):\n        from: \(quoted(from))  # \(oneLine(why))\n"
        var dateWhy = field.dateEvidence ?? ""
        if let example = field.dateExamples?.first { dateWhy += " (e.g. \(quoted(example)))" }
        if formats.isEmpty {
            text += "        # format: not set: \(oneLine(dateWhy))\n"
        } else if formats.count == 1 {
            text += "        format: \(quoted(formats[0]))  # \(oneLine(dateWhy))\n"
        } else {
            text += "        format: [\(formats.map(quoted).joined(separator: ", "))]  # \(oneLine(dateWhy))\n"
        }
        return text
    }

    /// `  # detected` for the reader choice `key=… (detected)` of `file`, or nothing when it has none.
    private static func comment(_ file: FileInspection, _ key: String) -> String {
        guard let choice = file.choices.first(where: { $0.hasPrefix(key + "=") }), choice.hasSuffix(")") else {
            return ""
        }
        // The reason is the last parenthesis (`layout=records=(top-level array) (detected)`).
        var depth = 0
        var open = choice.endIndex
        for index in choice.indices.reversed() {
            if choice[index] == ")" { depth += 1 }
            if choice[index] == "(" { depth -= 1 }
            if depth == 0 {
                open = index
                break
            }
        }
        guard open < choice.endIndex else { return "" }
        return "  # " + oneLine(String(choice[choice.index(after: open)..<choice.index(before: choice.endIndex)]))
    }

    static func quoted(_ text: String) -> String { MappingSuggester.quoted(text) }

    /// `text` on one line, for a comment.
    static func oneLine(_ text: String) -> String {
        String(text.map { $0 == "\n" || $0 == "\r" ? " " : $0 })
    }
}
