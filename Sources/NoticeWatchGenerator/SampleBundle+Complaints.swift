import NoticeWatchModel

/// A complaint as one export shows it, with the decision label chosen for it.
struct ComplaintRow {
    var complaint: SampleComplaint
    /// The decision wording; empty when the export leaves it out.
    var label: String
}

extension SampleBundle {
    /// The complaints register: Windows-1252, `;`-separated, CRLF line ends, French headers and labels with
    /// accents, dd.MM.yyyy dates, a quoted field holding the delimiter, an unknown country and an invalid date.
    /// The data type is in French (`Notice rouge`, `Diffusion`); the admissibility date is left empty where the
    /// register does not say.
    static func complaintsRegister(_ rows: [ComplaintRow], _ random: inout SeededRandom) -> WrittenFile {
        let path = "ccf_complaints_register.csv"
        var lines: [String] = [
            "Référence;N° notice;Pays requérant;Date de dépôt;Date de décision;Décision;Type de demande;"
                + "Type de données;Date de recevabilité"
        ]
        var rowIDs: [String?] = []
        var broken: [PlantedBrokenRow] = []
        var unclear: [PlantedBrokenRow] = []
        let requestTypes = ["Effacement", "\"Accès; effacement\"", "Révision"]
        let atlantisAt = rows.count / 4 + random.below(max(1, rows.count / 4))
        let invalidDateAt = rows.count / 2 + random.below(max(1, rows.count / 3))
        for (position, row) in rows.enumerated() {
            if position == atlantisAt {
                lines.append("CCF/9904/18;;Atlantis;05.03.2018;17.10.2018;Non conforme;Effacement;Notice rouge;")
                rowIDs.append("CCF/9904/18")
                unclear.append(
                    PlantedBrokenRow(
                        source: sourceNames[3], file: path, line: lines.count, record: rowIDs.count,
                        field: "requesting_country", rawValue: "Atlantis",
                        hazard: "unknown country: `Atlantis` is no member country (kept, country unrecognized)"))
            }
            if position == invalidDateAt {
                lines.append("CCF/9905/20;;Turquie;31.02.2020;;En cours d’examen;Effacement;Diffusion;")
                rowIDs.append("CCF/9905/20")
                unclear.append(
                    PlantedBrokenRow(
                        source: sourceNames[3], file: path, line: lines.count, record: rowIDs.count,
                        field: "filed_date", rawValue: "31.02.2020",
                        hazard: "invalid date: 31 February does not exist (kept, filing date unknown)"))
            }
            let complaint = row.complaint
            var fields = [complaint.id, complaint.noticeID ?? ""]
            fields.append(random.pick(SampleCountry.all[complaint.country].frenchSpellings))
            fields.append(format(complaint.filed, .dotDayFirst))
            fields.append(complaint.decision.map { format($0, .dotDayFirst) } ?? "")
            fields.append(row.label)
            fields.append(requestTypes[complaint.requestType])
            fields.append(SampleLabels.registerDataType(complaint.dataType, position: position))
            fields.append(complaint.admissibility.map { format($0, .dotDayFirst) } ?? "")
            lines.append(fields.joined(separator: ";"))
            rowIDs.append(complaint.id)
        }
        var bytes: [UInt8] = []
        for line in lines {
            bytes.append(contentsOf: Windows1252.encode(line))
            bytes.append(contentsOf: [0x0D, 0x0A])
        }
        return WrittenFile(path: path, bytes: bytes, rowIDs: rowIDs, broken: broken, unclear: unclear)
    }

    /// The case-system export: one JSON object per line, ISO datetimes in UTC, the decision nested
    /// (`decision.date`, `decision.label`, or `decision: null` while pending), a truncated line and an
    /// unmapped decision label.
    static func caseSystem(_ rows: [ComplaintRow], _ random: inout SeededRandom) -> WrittenFile {
        let path = "ccf_case_system.ndjson"
        var out = ByteBuffer()
        var rowIDs: [String?] = []
        var broken: [PlantedBrokenRow] = []
        var unclear: [PlantedBrokenRow] = []
        let truncatedAt = rows.count / 3 + random.below(max(1, rows.count / 3))
        let unmappedAt = rows.count / 2 + random.below(max(1, rows.count / 3))
        let requestTypes = ["deletion", "access-deletion", "revision"]
        for (position, row) in rows.enumerated() {
            if position == truncatedAt {
                let text =
                    "{\"case_id\":\"CCF/9906/22\",\"notice_ref\":null,\"requesting_country\":\"TR\","
                    + "\"request_type\":\"deletion\",\"filed_at\":\"2022-03-0"
                rowIDs.append(nil)
                broken.append(
                    PlantedBrokenRow(
                        source: sourceNames[4], file: path, line: out.currentLine, record: rowIDs.count, field: nil,
                        rawValue: text, hazard: "broken JSON: the line stops in the middle of a string"))
                out.append(text + "\n")
            }
            if position == unmappedAt {
                let text =
                    "{\"case_id\":\"CCF/9907/23\",\"notice_ref\":null,\"requesting_country\":\"RU\","
                    + "\"request_type\":\"deletion\",\"filed_at\":\"2023-02-13T09:30:00Z\","
                    + "\"decision\":{\"date\":\"2023-11-20T15:05:00Z\",\"label\":\"\(SampleLabels.unmappedOutcome)\"}}"
                rowIDs.append("CCF/9907/23")
                unclear.append(
                    PlantedBrokenRow(
                        source: sourceNames[4], file: path, line: out.currentLine, record: rowIDs.count,
                        field: "outcome", rawValue: SampleLabels.unmappedOutcome,
                        hazard: "unmapped decision label: no vocabulary entry or `values:` line maps it (kept, "
                            + "outcome unknown)"))
                out.append(text + "\n")
            }
            let complaint = row.complaint
            out.append("{\"case_id\":")
            out.append(jsonString: complaint.id)
            out.append(",\"notice_ref\":")
            if let noticeID = complaint.noticeID { out.append(jsonString: noticeID) } else { out.append("null") }
            out.append(",\"requesting_country\":")
            out.append(jsonString: random.pick(SampleCountry.all[complaint.country].caseSystemSpellings))
            out.append(",\"request_type\":\"\(requestTypes[complaint.requestType])\",\"data_type\":")
            out.append(jsonString: SampleLabels.caseSystemDataType(complaint.dataType, position: position))
            out.append(",\"filed_at\":")
            appendDatetime(complaint.filed, into: &out, &random)
            out.append(",\"admissible_on\":")
            if let admissibility = complaint.admissibility {
                out.append("\"")
                out.append(date: admissibility, .iso)
                out.append("\"")
            } else {
                out.append("null")
            }
            out.append(",\"decision\":")
            if let decision = complaint.decision {
                out.append("{\"date\":")
                appendDatetime(decision, into: &out, &random)
                out.append(",\"label\":")
                out.append(jsonString: row.label)
                out.append("}")
            } else if row.label.isEmpty {
                out.append("null")
            } else {
                out.append("{\"date\":null,\"label\":")
                out.append(jsonString: row.label)
                out.append("}")
            }
            out.append("}\n")
            rowIDs.append(complaint.id)
        }
        return WrittenFile(path: path, bytes: out.bytes, rowIDs: rowIDs, broken: broken, unclear: unclear)
    }

    /// Writes `"2021-04-09T10:22:00Z"`: the date with an office-hours time in UTC.
    private static func appendDatetime(_ date: CivilDate, into out: inout ByteBuffer, _ random: inout SeededRandom) {
        out.append("\"")
        out.append(date: date, .iso)
        out.append("T")
        out.append(number: random.int(in: 7...17), width: 2)
        out.append(":")
        out.append(number: random.below(60), width: 2)
        out.append(":00Z\"")
    }

    /// A full date as text in `layout`.
    static func format(_ date: CivilDate, _ layout: DateLayout) -> String {
        var buffer = ByteBuffer()
        buffer.append(date: date, layout)
        return String(decoding: buffer.bytes, as: UTF8.self)
    }
}
