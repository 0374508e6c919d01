import NoticeWatchModel

/// The realistic profile's complaints: one Windows-1252 CSV with CRLF line ends, as a spreadsheet on a French
/// Windows system saves it, with `dd.MM.yyyy` dates, French and English decision labels, a secondary field of
/// decision details no vocabulary maps, and remarks with quoted delimiters and line breaks.
extension BenchBundle {
    /// The header of the realistic `complaints.csv`.
    static let realisticComplaintFields = [
        "id", "notice_id", "country", "filed_date", "decision_date", "outcome", "decision_detail", "remarks",
    ]

    /// Writes the realistic complaints file into `csv/` and counts them into `figures` (the last slot is the
    /// countries that are no member).
    static func writeRealisticComplaints(
        _ directory: String, count: Int, notices: Int, seed: UInt64, into figures: inout [BenchCountryFigures]
    ) throws(GeneratorError) {
        var random = SeededRandom(seed: seed, stream: 22)
        var csv = try FileSink(path: FileSink.join(directory, "csv/complaints.csv"))
        csv.buffer.append(realisticComplaintFields.joined(separator: ",") + "\r\n")
        let firstDay = CivilDate(year: SampleWorld.firstYear, month: 1, day: 1)!.dayNumber!
        let asOfDay = SampleWorld.asOf.dayNumber!
        let decided: [Outcome] = [.overturned, .upheld, .partiallyOverturned, .withdrawn]
        let unrecognized = figures.count - 1
        for index in 0..<count {
            let drawn = random.weighted(SampleCountry.complaintWeights)
            var slot = drawn
            var country = BenchWording.members[drawn]
            if random.chance(perMille: 20) {
                slot = unrecognized
                country = BenchWording.nonMembers[random.below(BenchWording.nonMembers.count)]
            }
            let filedDay = random.int(in: firstDay...asOfDay)
            var decisionDay: Int
            var outcome: Outcome
            if random.chance(perMille: 300) {
                decisionDay = filedDay + 20 + random.below(130)
                outcome = .inadmissible
            } else {
                decisionDay =
                    random.chance(perMille: 850)
                    ? filedDay + 100 + random.below(81) + random.below(81) + random.below(81)
                    : filedDay + 330 + random.below(600)
                outcome = decided[random.weighted(SampleCountry.all[drawn].outcomePerMille)]
            }
            if decisionDay > asOfDay { outcome = .pending }
            if outcome != .pending && random.chance(perMille: 10) { outcome = .unknown }
            figures[slot].add(outcome)

            let out = CSVRow(random: &random, notices: notices)
            csv.buffer.append(byte: 0x43)
            csv.buffer.append(number: index + 1, width: 8)
            csv.buffer.append(byte: 0x2C)
            if let notice = out.notice { noticeID(notice, into: &csv.buffer) }
            csv.buffer.append(byte: 0x2C)
            csv.buffer.append(bytes: country.csv)
            csv.buffer.append(byte: 0x2C)
            csv.buffer.append(date: CivilDate(dayNumber: filedDay), .dotDayFirst)
            csv.buffer.append(byte: 0x2C)
            if outcome != .pending { csv.buffer.append(date: CivilDate(dayNumber: decisionDay), .dotDayFirst) }
            csv.buffer.append(byte: 0x2C)
            let labels = BenchWording.outcome(outcome)
            csv.buffer.append(bytes: labels[random.below(labels.count)].csv1252)
            csv.buffer.append(byte: 0x2C)
            if out.detail, outcome != .pending {
                let details = BenchWording.decisionDetails
                csv.buffer.append(bytes: details[random.below(details.count)].csv1252)
            }
            csv.buffer.append(byte: 0x2C)
            if out.remark {
                let remarks = BenchWording.complaintRemarks
                csv.buffer.append(bytes: remarks[random.below(remarks.count)].csv1252)
            }
            csv.buffer.append("\r\n")
            try csv.flushIfFull()
        }
        try csv.close()
    }

    /// The draws of one complaint row that do not change a figure: the challenged notice, and whether the
    /// row has a decision detail and a remark.
    private struct CSVRow {
        var notice: Int?
        var detail: Bool
        var remark: Bool

        init(random: inout SeededRandom, notices: Int) {
            notice = random.chance(perMille: 700) ? random.below(notices) : nil
            detail = random.chance(perMille: 350)
            remark = random.chance(perMille: 450)
        }
    }
}
