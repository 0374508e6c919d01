import NoticeWatchModel

/// Infers a source's record kind and field mapping from its header names (CSV) or key paths (JSON, XML).
///
/// A name fits a field by its words (``HeaderWords``), in any order and language: it must have the words a
/// field needs (`Date de réception`: a date word and a receipt word → `filed_date`) and no word the field does
/// not allow (`Date of birth` fits nothing). For a JSON or XML path the whole path is tried first, then its last
/// step (`arrest_warrants[0].issuing_country_id` → `issuing country id`). When several names fit one field, the
/// one with the most distinct meaningful words wins (`N° dossier` over `Ref`), then the leftmost; the mapping
/// description names the others. A name serves one field only.
enum MappingInference {
    typealias Concept = HeaderWords.Concept

    /// What a name needs and may have to fit a field.
    struct Pattern: Sendable {
        var field: NormalizedField
        /// Each alternative's concepts must all be there; one alternative is enough.
        var needs: [Set<Concept>]
        /// Concepts the name may have besides those it needs.
        var allows: Set<Concept>

        func fits(_ concepts: Set<Concept>) -> Bool {
            needs.contains { $0.isSubset(of: concepts) }
                && concepts.isSubset(of: allows.union(needs.reduce(into: Set<Concept>()) { $0.formUnion($1) }))
        }
    }

    static let country = Pattern(
        field: .requestingCountry, needs: [[.country], [.state, .requesting]],
        allows: [.country, .state, .requesting, .identifier, .code, .member, .request])

    /// Patterns per kind, in the order fields take their names.
    static let patterns: [RecordKind: [Pattern]] = [
        .notice: [
            Pattern(
                field: .id, needs: [[.identifier], [.number], [.reference]],
                allows: [.identifier, .number, .reference, .notice, .entity]),
            Pattern(field: .kind, needs: [[.kind]], allows: [.kind, .notice, .date]),
            country,
            Pattern(field: .issueDate, needs: [[.issue]], allows: [.issue, .date, .on, .notice]),
            Pattern(field: .status, needs: [[.status], [.state]], allows: [.status, .state, .notice]),
            Pattern(
                field: .cancellationDate, needs: [[.cancellation, .date], [.cancellation, .on]],
                allows: [.cancellation, .date, .on, .notice]),
            Pattern(field: .cancellationReason, needs: [[.cancellation, .reason]], allows: [.notice]),
            Pattern(field: .charge, needs: [[.charge]], allows: [.charge]),
            Pattern(field: .chargeTranslation, needs: [[.charge, .translation]], allows: []),
        ],
        .complaint: [
            Pattern(
                field: .id, needs: [[.number], [.identifier], [.reference], [.caseWord]],
                allows: [.number, .identifier, .reference, .caseWord, .complaint, .ccf, .request]),
            Pattern(field: .noticeID, needs: [[.notice]], allows: [.number, .identifier, .reference, .entity]),
            country,
            Pattern(
                field: .filedDate, needs: [[.receipt], [.date, .complaint], [.date, .request]],
                allows: [.date, .on, .caseWord, .ccf]),
            Pattern(
                field: .decisionDate, needs: [[.decision, .date], [.decided], [.outcome, .date]],
                allows: [.date, .on, .ccf, .final]),
            Pattern(
                field: .outcome, needs: [[.decision], [.outcome]],
                allows: [.decision, .outcome, .ccf, .final, .complaint, .caseWord]),
            Pattern(
                field: .dataType, needs: [[.kind, .date], [.kind, .dataWord], [.kind, .notice]],
                allows: [.kind, .date, .dataWord, .notice]),
            Pattern(
                field: .requestType, needs: [[.kind, .request], [.kind, .complaint]],
                allows: [.kind, .request, .complaint, .ccf]),
            Pattern(
                field: .admissibilityDate, needs: [[.admissibility]],
                allows: [.admissibility, .date, .on, .request, .complaint, .ccf]),
        ],
    ]

    /// Fields that only a complaint has: one of them mapped makes a complaint of a file both kinds fit.
    static let complaintOnly: Set<NormalizedField> = [
        .filedDate, .decisionDate, .outcome, .requestType, .admissibilityDate,
    ]

    /// The kind and the mapping for a file with these names, or `nil` when neither kind has its id and
    /// requesting country.
    static func infer(names: [String]) -> (kind: RecordKind, fields: [FieldSpec])? {
        if let service = PublicServiceShape.infer(names: names) { return (.notice, service) }
        let notice = map(names: names, kind: .notice)
        let complaint = map(names: names, kind: .complaint)
        let noticeValid = isComplete(notice, kind: .notice)
        let complaintValid = isComplete(complaint, kind: .complaint)
        if complaintValid && complaint.contains(where: { complaintOnly.contains($0.field) }) {
            return (.complaint, complaint)
        }
        if noticeValid { return (.notice, notice) }
        if complaintValid { return (.complaint, complaint) }
        return nil
    }

    /// The field `name` fits for `kind`, if any (whole name only; for tests and the documentation's table).
    static func field(for name: String, kind: RecordKind) -> NormalizedField? {
        guard let concepts = HeaderWords.concepts(stripPrefixesAndIndexes(name)) else { return nil }
        return patterns[kind]?.first { $0.fits(concepts) }?.field
    }

    /// The mapping of `names` for `kind`: each field with the name that fits it best.
    static func map(names: [String], kind: RecordKind) -> [FieldSpec] {
        let concepts = names.map { name in
            // A name too long for any field is not even stripped (that would read all of it).
            name.utf8.count > HeaderWords.longestPath
                ? (whole: nil, last: nil)
                : (
                    whole: HeaderWords.concepts(stripPrefixesAndIndexes(name)),
                    last: HeaderWords.concepts(lastStep(name))
                )
        }
        var used = Set<Int>()
        var fields: [FieldSpec] = []
        for pattern in patterns[kind] ?? [] {
            for pass in 0..<2 {
                let fitting = concepts.indices.filter { index in
                    guard !used.contains(index), let found = pass == 0 ? concepts[index].whole : concepts[index].last
                    else { return false }
                    return pattern.fits(found)
                }
                let size = { (index: Int) in (pass == 0 ? concepts[index].whole : concepts[index].last)?.count ?? 0 }
                guard let best = fitting.max(by: { size($0) < size($1) || (size($0) == size($1) && $0 > $1) })
                else { continue }
                used.insert(best)
                var spec = FieldSpec(field: pattern.field, from: names[best])
                let others = fitting.filter { $0 != best }.map { names[$0] }
                if !others.isEmpty {
                    spec.note = "chosen over \(TextFolding.quotedList(others)): more words that fit, then leftmost"
                }
                fields.append(spec)
                break
            }
        }
        return fields.sorted { $0.field < $1.field }
    }

    static func isComplete(_ fields: [FieldSpec], kind: RecordKind) -> Bool {
        NormalizedField.fields(of: kind).filter { $0.isRequired(for: .complaint) }.allSatisfy { required in
            fields.contains { $0.field == required }
        }
    }

    /// The key of a whole name or path: namespace prefixes, array indexes and punctuation dropped.
    static func pathKey(_ name: String) -> String {
        TextFolding.headerKey(stripPrefixesAndIndexes(name))
    }

    /// The key of a path's last step (`decision.date` → `date`); the whole key for a plain name.
    static func lastStepKey(_ name: String) -> String { TextFolding.headerKey(lastStep(name)) }

    /// A path's last step without prefixes, indexes or `@` (`decision.date` → `date`); a plain name itself.
    static func lastStep(_ name: String) -> String {
        let cleaned = stripPrefixesAndIndexes(name)
        let last = cleaned.split(whereSeparator: { $0 == "." || $0 == "/" }).last.map(String.init) ?? cleaned
        return last.hasPrefix("@") ? String(last.dropFirst()) : last
    }

    private static func stripPrefixesAndIndexes(_ name: String) -> String {
        var result = ""
        var inIndex = false
        var step = ""
        func flush() {
            if let colon = step.lastIndex(of: ":") { step = String(step[step.index(after: colon)...]) }
            result += step
            step = ""
        }
        for character in name {
            if character == "[" {
                inIndex = true
            } else if character == "]" {
                inIndex = false
            } else if inIndex {
                continue
            } else if character == "." || character == "/" {
                flush()
                result.append(character)
            } else {
                step.append(character)
            }
        }
        flush()
        return result
    }
}
