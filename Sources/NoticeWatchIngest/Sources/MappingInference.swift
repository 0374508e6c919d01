import NoticeWatchModel

/// Infers a source's record kind and field mapping from its header names (CSV) or key paths (JSON, XML).
///
/// Names are compared by ``TextFolding/headerKey(_:)``, so `Notice ID`, `notice_id`, `notice-id` and `NoticeId`
/// are one name. For a JSON or XML path the whole path is tried first, then its last step
/// (`arrest_warrants[0].issuing_country_id` → `issuingcountryid`). Each field takes the first of its synonyms
/// that some name matches; a name serves one field only.
enum MappingInference {
    /// Synonyms per field, most specific first, as header keys.
    static let synonyms: [RecordKind: [(NormalizedField, [String])]] = [
        .notice: [
            (.id, ["noticeid", "noticenumber", "noticeref", "noticereference", "entityid", "id", "reference", "ref"]),
            (.kind, ["noticekind", "noticetype", "kind", "type", "datatype", "noticecolour", "noticecolor"]),
            (.requestingCountry, countrySynonyms),
            (.issueDate, ["issuedate", "dateofissue", "issuedon", "dateissued", "issued", "publicationdate"]),
            (.status, ["noticestatus", "status", "state"]),
            (
                .cancellationDate,
                ["cancellationdate", "dateofcancellation", "cancelleddate", "cancelledon", "canceldate"]
            ),
            (.cancellationReason, ["cancellationreason", "reasonforcancellation", "cancelreason"]),
        ],
        .complaint: [
            (
                .id,
                [
                    "complaintid", "complaintnumber", "complaintref", "complaintreference", "caseid", "casereference",
                    "caseref", "casenumber", "ccfreference", "ccfref", "requestid", "id", "reference", "ref",
                ]
            ),
            (.noticeID, ["noticeid", "noticereference", "noticeref", "noticenumber", "notice"]),
            (.requestingCountry, countrySynonyms),
            (
                .filedDate,
                [
                    "fileddate", "datefiled", "filingdate", "dateoffiling", "filed", "filedon", "submissiondate",
                    "datesubmitted", "submitted", "receiveddate", "datereceived",
                ]
            ),
            (.decisionDate, ["decisiondate", "dateofdecision", "decidedon", "datedecided", "decided"]),
            (.outcome, ["decision", "outcome", "ccfdecision", "result", "conclusion"]),
        ],
    ]

    static let countrySynonyms = [
        "requestingcountry", "requestingcountryid", "requestingncb", "issuingcountry", "issuingcountryid",
        "requestingstate", "countryofrequest", "country", "ncb",
    ]

    /// Fields that only a complaint has: one of them mapped makes a complaint of a file both kinds fit.
    static let complaintOnly: Set<NormalizedField> = [.filedDate, .decisionDate, .outcome]

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

    /// The mapping of `names` for `kind`: each field with the name that matched it.
    static func map(names: [String], kind: RecordKind) -> [FieldSpec] {
        let keys = names.map { (whole: pathKey($0), last: lastStepKey($0)) }
        var used = Set<Int>()
        var fields: [FieldSpec] = []
        for (field, candidates) in synonyms[kind] ?? [] {
            var found: Int?
            search: for candidate in candidates {
                for pass in 0..<2 {
                    for (index, key) in keys.enumerated() where !used.contains(index) {
                        if (pass == 0 ? key.whole : key.last) == candidate {
                            found = index
                            break search
                        }
                    }
                }
            }
            if let found {
                used.insert(found)
                fields.append(FieldSpec(field: field, from: names[found]))
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
    static func lastStepKey(_ name: String) -> String {
        let cleaned = stripPrefixesAndIndexes(name)
        let last = cleaned.split(whereSeparator: { $0 == "." || $0 == "/" }).last.map(String.init) ?? cleaned
        return TextFolding.headerKey(last.hasPrefix("@") ? String(last.dropFirst()) : last)
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
