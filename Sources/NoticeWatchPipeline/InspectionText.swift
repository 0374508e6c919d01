import Foundation
import NoticeWatchIngest
import NoticeWatchModel

/// The text `noticewatch inspect` prints: one block per file, then what a run would not read, then one line
/// that says whether a run would read everything.
enum InspectionText {
    static func text(_ inspection: DatasetInspection) -> String {
        var lines: [String] = []
        let part = "first \(DatasetInspector.partBytes >> 20) MiB"
        lines.append(
            inspection.sourcesFile
                ? "Sources from sources.yml." : "No sources.yml: each file's mapping is inferred, as a run does.")
        lines.append(
            inspection.full
                ? "Whole files read (--full)."
                : "Counts are over the part read: the \(part) of a CSV or JSON file, the first "
                    + "\(grouped(DatasetInspector.partRecords)) records of an XML file, whole sheets (--full "
                    + "reads whole files).")
        for file in inspection.files {
            lines.append("")
            lines += block(file)
        }
        if !inspection.notRead.isEmpty {
            lines.append("")
            lines.append("Not read by a run:")
            for entry in inspection.notRead { lines.append("  \(quoted(entry.path)): \(entry.reason)") }
        }
        if !inspection.unnamed.isEmpty {
            lines.append("")
            lines.append("Named by no source of sources.yml (a run leaves them alone):")
            for path in inspection.unnamed { lines.append("  \(quoted(path))") }
        }
        lines.append("")
        let files = inspection.files.count
        let stops = inspection.files.filter { !$0.stops.isEmpty }.count
        var summary = "\(files) file\(files == 1 ? "" : "s") read"
        if !inspection.notRead.isEmpty { summary += ", \(inspection.notRead.count) not read" }
        if stops > 0 { summary += ", \(stops) a run would stop on" }
        summary +=
            inspection.readsEverything
            ? ": a run would read everything." : ": a run would not read everything (exit status 4)."
        lines.append(summary)
        return lines.joined(separator: "\n") + "\n"
    }

    private static func block(_ file: FileInspection) -> [String] {
        var lines: [String] = []
        let extent = file.readWhole ? "read whole" : "first part read"
        lines.append("\(file.path)  (\(file.format), \(grouped(file.size)) bytes, \(extent))")
        if file.source != file.path { lines.append("  source: \(quoted(file.source))") }
        if !file.choices.isEmpty { lines.append("  reader: " + file.choices.joined(separator: "; ")) }
        if let header = file.header { lines.append("  header: " + header.map(quoted).joined(separator: ", ")) }
        lines.append("  record: \(file.kind) (\(file.kindEvidence))")
        lines.append("  records read: \(grouped(file.recordsRead))")
        if !file.fields.isEmpty {
            lines.append("  fields:")
            let width = file.fields.map(\.field.count).max() ?? 0
            for field in file.fields {
                let name = field.field.padding(toLength: width, withPad: " ", startingAt: 0)
                let source = field.from.map { "<- \(quoted($0))" } ?? "= \(quoted(field.constant ?? ""))"
                var line = "    \(name) \(source)  [\(field.evidence)"
                if let note = field.note { line += "; \(note)" }
                line += "]"
                if field.from != nil {
                    line +=
                        " \(grouped(field.understood)) of \(grouped(field.present)) "
                        + (field.present == 1 ? "value" : "values") + " understood"
                }
                lines.append(line)
                if let evidence = field.dateEvidence {
                    let formats = field.dateFormats ?? []
                    var date = "      format: " + (formats.isEmpty ? "none" : formats.joined(separator: ", "))
                    date += " (\(evidence))"
                    if let examples = field.dateExamples, !examples.isEmpty {
                        date += "; e.g. " + examples.map(quoted).joined(separator: ", ")
                    }
                    lines.append(date)
                }
                for label in field.labels ?? [] {
                    let target = label.mapsTo.map { "-> \($0)" } ?? "-> UNKNOWN"
                    var text = "      \(quoted(label.value)) ×\(grouped(label.count)) \(target)"
                    if let suggestion = label.suggestion { text += " (closest known: \(suggestion); not applied)" }
                    lines.append(text)
                }
                if let others = field.otherLabels {
                    lines.append("      … and \(grouped(others)) records with other labels")
                }
                for value in field.unresolved ?? [] {
                    var text = "      \(quoted(value.value)) ×\(grouped(value.count)) -> no member country"
                    if let suggestion = value.suggestion { text += " (suggestion: \(suggestion); not applied)" }
                    lines.append(text)
                }
            }
        }
        if !file.setAside.isEmpty {
            lines.append("  set aside by a run (in the part read):")
            for count in file.setAside {
                lines.append("    \(count.reason) ×\(grouped(count.count)), first at \(count.first)")
            }
        }
        for stop in file.stops { lines.append("  a run would stop: \(stop)") }
        return lines
    }

    static func quoted(_ text: String) -> String {
        var result = "\""
        for character in text {
            switch character {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default: result.append(character)
            }
        }
        return result + "\""
    }

    static func grouped(_ value: Int) -> String {
        let digits = String(value)
        var result = ""
        for (index, character) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { result.append(",") }
            result.append(character)
        }
        return result
    }
}
