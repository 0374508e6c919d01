import NoticeWatchModel

/// One written file of the sample bundle and what ingest must make of it.
struct WrittenFile {
    /// Path relative to the bundle folder.
    var path: String
    var bytes: [UInt8]
    /// The id of each row or record in file order; `nil` for a planted broken row.
    var rowIDs: [String?]
    var broken: [PlantedBrokenRow]
    /// Planted values not understood or not given, in records that are kept.
    var unclear: [PlantedBrokenRow] = []
}

/// A notice as one export shows it: the truth, plus the status that export disagrees on, if any.
struct NoticeRow {
    var notice: SampleNotice
    /// A status this export gives instead of the true one (a planted conflict).
    var conflictingStatus: NoticeStatus?
    /// Whether this export leaves the issue date out.
    var withoutIssueDate = false
}

extension SampleBundle {
    /// The UTF-8 comma CSV notices register: BOM, LF line ends, ISO dates, countries as alpha-3 codes and
    /// English names, quoted charges with commas, quotes and line breaks, and one ragged row.
    static func noticesRegister(_ notices: [SampleNotice], _ random: inout SeededRandom) -> WrittenFile {
        let path = "notices_register.csv"
        var out = ByteBuffer()
        out.append(bytes: [0xEF, 0xBB, 0xBF])
        out.append(
            "notice_id,type,requesting_country,subject_name,date_of_birth,issue_date,status,cancellation_date,"
                + "cancellation_reason,charge\n")
        var rowIDs: [String?] = []
        var broken: [PlantedBrokenRow] = []
        var unclear: [PlantedBrokenRow] = []
        let raggedAt = notices.count / 3 + random.below(max(1, notices.count / 3))
        for (position, notice) in notices.enumerated() {
            if position == raggedAt {
                let line =
                    "2020/99901,Red Notice,RUS,SAMPLE PERSON 9901,1975-04-02,2020-03-11,Active,,,"
                    + "Fraud, large scale"
                broken.append(
                    PlantedBrokenRow(
                        source: sourceNames[0], file: path, line: out.currentLine, record: rowIDs.count + 1,
                        field: nil, rawValue: line,
                        hazard: "ragged row: 11 fields for 10 columns (an unquoted comma in the charge)"))
                out.append(line + "\n")
                rowIDs.append(nil)
            }
            let country = SampleCountry.all[notice.country]
            out.append(notice.id + ",")
            out.append(random.chance(perMille: 100) ? "RN," : "Red Notice,")
            out.append(random.pick(country.registerSpellings) + ",")
            out.append("SAMPLE PERSON " + fourDigits(notice.subject) + ",")
            out.append(date: notice.birth, .iso)
            out.append(",")
            out.append(date: notice.issue, .iso)
            out.append("," + random.pick(SampleLabels.registerStatus(notice.status)) + ",")
            if let cancellation = notice.cancellation { out.append(date: cancellation, .iso) }
            out.append("," + SampleLabels.reason(notice.reason) + ",")
            var charge = SampleWorld.charges[notice.charge]
            if random.chance(perMille: 8) { charge += "\nSee annex (translation pending)" }
            out.append(csvField(charge, delimiter: ","))
            out.append("\n")
            rowIDs.append(notice.id)
        }
        return WrittenFile(path: path, bytes: out.bytes, rowIDs: rowIDs, broken: broken, unclear: unclear)
    }

    /// The public-service-shaped JSON pages (`api_pages/red_notices_p001.json` …), 50 records a page, with
    /// leak fields `status`, `date_of_issue` and `cancellation`, and one record with no arrest warrant.
    static func apiPages(_ rows: [NoticeRow], _ random: inout SeededRandom) -> [WrittenFile] {
        let perPage = 50
        var items: [NoticeRow?] = rows
        items.insert(nil, at: rows.count / 2 + random.below(max(1, rows.count / 2)))
        let pageCount = (items.count + perPage - 1) / perPage
        var files: [WrittenFile] = []
        for page in 1...pageCount {
            let path = "api_pages/red_notices_p" + threeDigits(page) + ".json"
            let slice = items[((page - 1) * perPage)..<min(items.count, page * perPage)]
            var out = ByteBuffer()
            out.append(
                "{\n  \"total\": \(items.count),\n  \"query\": {\"page\": \(page), \"resultPerPage\": \(perPage)},")
            out.append("\n  \"_embedded\": {\n    \"notices\": [\n")
            var rowIDs: [String?] = []
            var broken: [PlantedBrokenRow] = []
            var unclear: [PlantedBrokenRow] = []
            for (offset, item) in slice.enumerated() {
                out.append(offset == 0 ? "      " : ",\n      ")
                if let item {
                    apiRecord(item, into: &out, &random)
                    rowIDs.append(item.notice.id)
                } else {
                    out.append(
                        "{\"entity_id\": \"2021/99902\", \"forename\": \"SAMPLE\", \"name\": \"PERSON 9902\", "
                            + "\"date_of_birth\": \"1980/02/29\", \"nationalities\": [\"TR\"], "
                            + "\"arrest_warrants\": [], \"status\": \"active\", \"date_of_issue\": \"2021/06/15\", "
                            + "\"cancellation\": null}")
                    rowIDs.append("2021/99902")
                    unclear.append(
                        PlantedBrokenRow(
                            source: sourceNames[1], file: path, line: nil, record: offset + 1,
                            field: "requesting_country", rawValue: "",
                            hazard: "no requesting country: `arrest_warrants` is an empty array (kept, country "
                                + "not given)"))
                }
            }
            let base = "https://notices.example.org/notices/v1/red?resultPerPage=\(perPage)&page="
            out.append("\n    ]\n  },\n  \"_links\": {\"self\": {\"href\": \"\(base)\(page)\"}, ")
            out.append("\"first\": {\"href\": \"\(base)1\"}, ")
            if page < pageCount { out.append("\"next\": {\"href\": \"\(base)\(page + 1)\"}, ") }
            out.append("\"last\": {\"href\": \"\(base)\(pageCount)\"}}\n}\n")
            files.append(WrittenFile(path: path, bytes: out.bytes, rowIDs: rowIDs, broken: broken, unclear: unclear))
        }
        return files
    }

    private static func apiRecord(_ row: NoticeRow, into out: inout ByteBuffer, _ random: inout SeededRandom) {
        let notice = row.notice
        let code = SampleCountry.all[notice.country].alpha2
        out.append("{\"entity_id\": ")
        out.append(jsonString: notice.id)
        out.append(", \"forename\": \"SAMPLE\", \"name\": \"PERSON " + fourDigits(notice.subject) + "\"")
        if random.chance(perMille: 900) {
            out.append(", \"date_of_birth\": \"")
            out.append(date: notice.birth, .slashYearFirst)
            out.append("\"")
        } else {
            out.append(", \"date_of_birth\": null")
        }
        out.append(", \"nationalities\": [\"\(code)\"], \"sex_id\": \"\(random.chance(perMille: 850) ? "M" : "F")\"")
        out.append(", \"arrest_warrants\": [{\"issuing_country_id\": \"\(code)\", \"charge\": ")
        out.append(jsonString: SampleWorld.charges[notice.charge])
        out.append(", \"charge_translation\": null}")
        if random.chance(perMille: 60) {
            out.append(", {\"issuing_country_id\": \"\(code)\", \"charge\": \"Forgery of documents\"}")
        }
        let status = row.conflictingStatus ?? notice.status
        out.append("], \"status\": \"\(status.rawValue)\", \"date_of_issue\": ")
        if row.withoutIssueDate {
            out.append("null")
        } else {
            out.append("\"")
            out.append(date: notice.issue, .slashYearFirst)
            out.append("\"")
        }
        if let cancellation = notice.cancellation {
            out.append(", \"cancellation\": {\"date\": \"")
            out.append(date: cancellation, .slashYearFirst)
            let reason = SampleLabels.reason(notice.reason)
            out.append(reason.isEmpty ? "\", \"reason\": null}" : "\", \"reason\": \"\(reason)\"}")
        } else {
            out.append(", \"cancellation\": null")
        }
        let slug = notice.id.replacingSlashes()
        out.append(", \"_links\": {\"self\": {\"href\": \"https://notices.example.org/notices/v1/red/\(slug)\"}}}")
    }

    /// The namespaced XML export of diffusions: dd/MM/yyyy dates, country as a code attribute beside the
    /// English name, CDATA charges, escaped remarks, and one diffusion with no country element.
    static func diffusionsExport(_ notices: [SampleNotice], _ random: inout SeededRandom) -> WrittenFile {
        let path = "diffusions_export.xml"
        var out = ByteBuffer()
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        out.append("<nw:export xmlns:nw=\"urn:noticewatch:sample:1\" generated=\"\(SampleWorld.asOf)\" ")
        out.append("records=\"\(notices.count + 1)\">\n  <!-- Diffusions in circulation: synthetic sample -->\n")
        var rowIDs: [String?] = []
        var broken: [PlantedBrokenRow] = []
        var unclear: [PlantedBrokenRow] = []
        let missingAt = notices.count / 2 + random.below(max(1, notices.count / 3))
        for (position, notice) in notices.enumerated() {
            if position == missingAt {
                unclear.append(
                    PlantedBrokenRow(
                        source: sourceNames[2], file: path, line: out.currentLine, record: rowIDs.count + 1,
                        field: "requesting_country", rawValue: "",
                        hazard: "no requesting country: the diffusion has no `nw:country` element (kept, country "
                            + "not given)"))
                out.append("  <nw:diffusion ref=\"D-2022-999903\">\n    <nw:subject>SAMPLE PERSON 9903</nw:subject>\n")
                out.append("    <nw:issued>14/09/2022</nw:issued>\n    <nw:status>active</nw:status>\n")
                out.append("  </nw:diffusion>\n")
                rowIDs.append("D-2022-999903")
            }
            let country = SampleCountry.all[notice.country]
            let code = random.chance(perMille: 50) ? country.alpha2.lowercased() : country.alpha2
            out.append("  <nw:diffusion ref=\"\(notice.id)\">\n")
            out.append("    <nw:country code=\"\(code)\">")
            out.append(xmlText: country.exportName)
            out.append("</nw:country>\n    <nw:subject>SAMPLE PERSON \(fourDigits(notice.subject))</nw:subject>\n")
            out.append("    <nw:issued>")
            out.append(date: notice.issue, .slashDayFirst)
            out.append("</nw:issued>\n    <nw:status>\(notice.status.rawValue)</nw:status>\n")
            out.append("    <nw:charge><![CDATA[\(SampleWorld.charges[notice.charge])]]></nw:charge>\n")
            if let cancellation = notice.cancellation {
                out.append("    <nw:cancellation>\n      <nw:date>")
                out.append(date: cancellation, .slashDayFirst)
                out.append("</nw:date>\n      <nw:reason>\(SampleLabels.reason(notice.reason))</nw:reason>\n")
                out.append("    </nw:cancellation>\n")
            }
            if random.chance(perMille: 150) { out.append("    <nw:remark>Checked by NDTF &amp; CCF</nw:remark>\n") }
            out.append("  </nw:diffusion>\n")
            rowIDs.append(notice.id)
        }
        out.append("</nw:export>\n")
        return WrittenFile(path: path, bytes: out.bytes, rowIDs: rowIDs, broken: broken, unclear: unclear)
    }

    /// `text` as a CSV field: quoted (quotes doubled) when it holds the delimiter, a quote or a line break.
    static func csvField(_ text: String, delimiter: Character) -> String {
        guard text.contains(delimiter) || text.contains("\"") || text.contains("\n") || text.contains("\r") else {
            return text
        }
        var quoted = "\""
        for character in text { quoted += character == "\"" ? "\"\"" : String(character) }
        return quoted + "\""
    }

    static func fourDigits(_ number: Int) -> String { padded(number, 4) }
    static func threeDigits(_ number: Int) -> String { padded(number, 3) }

    static func padded(_ number: Int, _ width: Int) -> String {
        var text = String(number)
        while text.count < width { text = "0" + text }
        return text
    }
}

extension String {
    /// The id as the public service writes it in URLs: `2019/12345` → `2019-12345`.
    func replacingSlashes() -> String { String(map { $0 == "/" ? "-" : $0 }) }
}
