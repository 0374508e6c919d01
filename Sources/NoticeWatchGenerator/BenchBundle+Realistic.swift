import NoticeWatchModel

/// The realistic profile's notices: the same notices in CSV, NDJSON and XML, with free text in several
/// scripts, day-first dates, mixed-case labels and a share of countries that are no member.
extension BenchBundle {
    /// The header of `csv/notices.csv` in the realistic profile; the XML elements have the same names.
    static let realisticNoticeFields = [
        "id", "kind", "country", "issue_date", "status", "cancellation_date", "cancellation_reason", "charges",
        "remarks",
    ]

    /// One notice as the three writers need it.
    private struct RealisticNotice {
        var kind: BenchText
        var country: BenchText
        var issue: CivilDate
        var status: BenchText
        var end: CivilDate?
        var reason: BenchText?
        var charge: BenchText
        var remark: BenchText?
    }

    /// Writes the realistic notices into the three folders and counts them into `figures` (the last slot is
    /// the countries that are no member).
    static func writeRealisticNotices(
        _ directory: String, count: Int, seed: UInt64, into figures: inout [BenchCountryFigures]
    ) throws(GeneratorError) {
        var random = SeededRandom(seed: seed, stream: 21)
        var csv = try FileSink(path: FileSink.join(directory, "csv/notices.csv"))
        var ndjson = try FileSink(path: FileSink.join(directory, "ndjson/notices.ndjson"))
        var xml = try FileSink(path: FileSink.join(directory, "xml/notices.xml"))
        csv.buffer.append(realisticNoticeFields.joined(separator: ",") + "\n")
        xml.buffer.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<notices>\n")
        let firstDay = CivilDate(year: SampleWorld.firstYear, month: 1, day: 1)!.dayNumber!
        let asOfDay = SampleWorld.asOf.dayNumber!
        let statuses: [NoticeStatus] = [.cancelled, .withdrawn, .expired]
        let reasons: [CancellationReason] = [
            .ccfDecision, .withdrawnByRequestingCountry, .generalSecretariatReview, .subjectLocated, .other,
        ]
        let unrecognized = figures.count - 1
        for index in 0..<count {
            var slot = random.weighted(SampleCountry.noticeWeights)
            var country = BenchWording.members[slot]
            if random.chance(perMille: 20) {
                slot = unrecognized
                country = BenchWording.nonMembers[random.below(BenchWording.nonMembers.count)]
            }
            let diffusion = random.chance(perMille: 100)
            let issueDay = random.int(in: firstDay...asOfDay)
            var status = NoticeStatus.active
            var reason = CancellationReason.unknown
            var endDay: Int?
            if random.chance(perMille: 200) {
                let end = issueDay + 30 + random.below(2200)
                if end <= asOfDay {
                    endDay = end
                    status = statuses[random.weighted([75, 18, 7])]
                    if status == .cancelled { reason = reasons[random.weighted([35, 20, 20, 15, 10])] }
                    if status == .withdrawn { reason = .withdrawnByRequestingCountry }
                }
            }
            figures[slot].notices += 1
            if endDay != nil { figures[slot].cancelled += 1 }
            if reason == .ccfDecision { figures[slot].byCCF += 1 }
            let labels = BenchWording.status(status)
            let charges = random.chance(perMille: 300) ? BenchWording.quotedCharges : BenchWording.plainCharges
            let notice = RealisticNotice(
                kind: BenchWording.kinds[diffusion ? 1 : 0], country: country,
                issue: CivilDate(dayNumber: issueDay), status: labels[random.below(labels.count)],
                end: endDay.map(CivilDate.init(dayNumber:)),
                reason: reason == .unknown ? nil : BenchWording.reason(reason),
                charge: charges[random.below(charges.count)],
                remark: random.chance(perMille: 150)
                    ? BenchWording.noticeRemarks[random.below(BenchWording.noticeRemarks.count)] : nil)
            appendCSV(notice, index: index, to: &csv.buffer)
            appendNDJSON(notice, index: index, to: &ndjson.buffer)
            appendXML(notice, index: index, to: &xml.buffer)
            try csv.flushIfFull()
            try ndjson.flushIfFull()
            try xml.flushIfFull()
        }
        xml.buffer.append("</notices>\n")
        try csv.close()
        try ndjson.close()
        try xml.close()
    }

    private static func appendCSV(_ notice: RealisticNotice, index: Int, to out: inout ByteBuffer) {
        noticeID(index, into: &out)
        out.append(byte: 0x2C)
        out.append(bytes: notice.kind.csv)
        out.append(byte: 0x2C)
        out.append(bytes: notice.country.csv)
        out.append(byte: 0x2C)
        out.append(date: notice.issue, .slashDayFirst)
        out.append(byte: 0x2C)
        out.append(bytes: notice.status.csv)
        out.append(byte: 0x2C)
        if let end = notice.end { out.append(date: end, .slashDayFirst) }
        out.append(byte: 0x2C)
        if let reason = notice.reason { out.append(bytes: reason.csv) }
        out.append(byte: 0x2C)
        out.append(bytes: notice.charge.csv)
        out.append(byte: 0x2C)
        if let remark = notice.remark { out.append(bytes: remark.csv) }
        out.append(byte: 0x0A)
    }

    private static func appendNDJSON(_ notice: RealisticNotice, index: Int, to out: inout ByteBuffer) {
        // A case system's export, not the public service's (whose `entity_id` would make the issue date the
        // id's year): the notice's own id, status and dates.
        out.append("{\"id\":\"")
        noticeID(index, into: &out)
        out.append("\",\"nationalities\":[")
        out.append(bytes: notice.country.json)
        out.append("],\"arrest_warrants\":[{\"issuing_country_id\":")
        out.append(bytes: notice.country.json)
        out.append(",\"charge\":")
        out.append(bytes: notice.charge.json)
        out.append("}],\"kind\":")
        out.append(bytes: notice.kind.json)
        out.append(",\"status\":")
        out.append(bytes: notice.status.json)
        out.append(",\"date_of_issue\":\"")
        out.append(date: notice.issue, .slashDayFirst)
        if let end = notice.end {
            out.append("\",\"cancellation\":{\"date\":\"")
            out.append(date: end, .slashDayFirst)
            out.append("\",\"reason\":")
            if let reason = notice.reason { out.append(bytes: reason.json) } else { out.append("null") }
            out.append("},\"remarks\":")
        } else {
            out.append("\",\"cancellation\":null,\"remarks\":")
        }
        if let remark = notice.remark { out.append(bytes: remark.json) } else { out.append("null") }
        out.append("}\n")
    }

    private static func appendXML(_ notice: RealisticNotice, index: Int, to out: inout ByteBuffer) {
        out.append("<notice><id>")
        noticeID(index, into: &out)
        out.append("</id><kind>")
        out.append(bytes: notice.kind.xml)
        out.append("</kind><country>")
        out.append(bytes: notice.country.xml)
        out.append("</country><issue_date>")
        out.append(date: notice.issue, .slashDayFirst)
        out.append("</issue_date><status>")
        out.append(bytes: notice.status.xml)
        out.append("</status>")
        if let end = notice.end {
            out.append("<cancellation_date>")
            out.append(date: end, .slashDayFirst)
            out.append("</cancellation_date>")
            if let reason = notice.reason {
                out.append("<cancellation_reason>")
                out.append(bytes: reason.xml)
                out.append("</cancellation_reason>")
            }
        }
        out.append("<charges>")
        out.append(bytes: notice.charge.xml)
        out.append("</charges>")
        if let remark = notice.remark {
            out.append("<remarks><![CDATA[")
            out.append(remark.text)
            out.append("]]></remarks>")
        }
        out.append("</notice>\n")
    }
}
