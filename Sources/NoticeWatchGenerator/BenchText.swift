import NoticeWatchModel

/// One free-text or label value of the realistic benchmark bundle, encoded once for every file it goes into,
/// so that writing a row only copies bytes.
struct BenchText: Sendable {
    /// The text itself.
    let text: String
    /// As a CSV field of a UTF-8 file: quoted (inner quotes doubled) when it holds a comma, a quote or a
    /// line break, else as it is.
    let csv: [UInt8]
    /// As a CSV field of a Windows-1252 file, quoted by the same rule.
    let csv1252: [UInt8]
    /// As a JSON string literal, quotes included.
    let json: [UInt8]
    /// As XML character data, the special characters escaped.
    let xml: [UInt8]

    /// Whether the CSV field is quoted.
    var isQuoted: Bool { csv.first == 0x22 }

    /// Encodes `text`; `windows1252` says whether it must also fit the Windows-1252 code page.
    init(_ text: String, windows1252: Bool = false) {
        self.text = text
        let quoted = text.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
        var field = text
        if quoted {
            field = "\""
            for character in text { field += character == "\"" ? "\"\"" : String(character) }
            field += "\""
        }
        csv = Array(field.utf8)
        csv1252 = windows1252 ? Windows1252.encode(field) : []
        var json = ByteBuffer()
        json.append(jsonString: text)
        self.json = json.bytes
        var xml = ByteBuffer()
        xml.append(xmlText: text)
        self.xml = xml.bytes
    }
}

/// The wordings of the realistic benchmark bundle: charges and remarks in several scripts, the labels of
/// statuses and outcomes, and the countries that are no member.
///
/// Every label that decides a figure (status, outcome, country) is one the built-in vocabulary and the
/// country table read, except the planted ones that no vocabulary maps; those stay within Latin-1, so that a
/// reader decoding the Windows-1252 complaints file as Latin-1 still gets every figure right. The free text
/// uses the whole code page (`’`, `–`, `€`, `«`).
enum BenchWording {
    /// Charges that need no quoting in CSV.
    static let plainCharges = [
        "Fraud", "Murder", "Drug trafficking", "Мошенничество в особо крупном размере",
        "Участие в незаконном вооружённом формировании", "Estafa agravada", "Blanchiment d’argent",
        "الاحتيال والتزوير", "Dolandırıcılık", "Trafic de stupéfiants", "Homicidio doloso",
    ].map { BenchText($0) }

    /// Charges that CSV must quote: delimiters, doubled quotes and line breaks inside.
    static let quotedCharges = [
        "Fraud, committed on a large scale; Abuse of office, art. 285 part 1",
        "Мошенничество, ч. 4 ст. 159 УК РФ",
        "Participation in an \"illegal armed formation\", art. 208",
        "Estafa agravada, art. 250 CP\nBlanqueo de capitales",
        "تمويل الإرهاب، غسل الأموال, المادة 3",
        "Escroquerie en bande organisée, « faux et usage de faux »",
        "Silahlı terör örgütü üyeliği, \"TCK 314\"\nDolandırıcılık",
        "Убийство, совершённое группой лиц,\nп. «ж» ч. 2 ст. 105 УК РФ",
    ].map { BenchText($0) }

    /// Remarks on notices, each needing quotes; some hold words of a status that is not the notice's.
    static let noticeRemarks = [
        "Seen at the border, 2019; passport \"P123\" flagged",
        "Публикация приостановлена,\nожидается решение CCF",
        "Status: under review by the General Secretariat, see file",
        "ملاحظة: \"قيد المراجعة\"، انظر الملف",
        "Révision demandée, « statut contesté »\nvoir dossier",
        "Cancelled? To be confirmed by the NCB, \"urgent\"",
    ].map { BenchText($0) }

    /// Details of a decision, a secondary field of the complaints file: labels outside every vocabulary.
    static let decisionDetails = [
        "Non conforme – art. 3 (caractère politique)", "Données effacées; BCN informé",
        "Conforme, mise à jour demandée", "Art. 83 RPD", "Renvoi à la session plénière",
        "Not compliant, art. 2 UDHR", "Révision: \"irrecevable\"\nnouvelle requête",
    ].map { BenchText($0, windows1252: true) }

    /// Remarks on complaints (Windows-1252).
    static let complaintRemarks = [
        "Requérant représenté par Me Dupont, avocat", "Délai dépassé de 2 mois; « urgent »",
        "Suivi: \"à relancer\"\nréponse du BCN attendue", "Coût estimé 1 200 €, frais de traduction",
        "Pièces reçues le 12.03.2021, voir courrier", "Solicitud presentada en español, traducción pendiente",
        "L’avocat a écrit – deux fois", "Dossier transmis, « pièces manquantes »",
    ].map { BenchText($0, windows1252: true) }

    /// Status labels of the notices, mixed case.
    static func status(_ status: NoticeStatus) -> [BenchText] {
        switch status {
        case .active: statusActive
        case .cancelled: statusCancelled
        case .withdrawn: statusWithdrawn
        case .expired: statusExpired
        case .unknown: []
        }
    }
    private static let statusActive = ["Active", "Active", "ACTIVE", "active"].map { BenchText($0) }
    private static let statusCancelled = ["Cancelled", "CANCELLED", "Canceled"].map { BenchText($0) }
    private static let statusWithdrawn = ["Withdrawn"].map { BenchText($0) }
    private static let statusExpired = ["Expired"].map { BenchText($0) }

    /// Notice kind labels: red notices, then diffusions.
    static let kinds = [BenchText("Red Notice"), BenchText("Diffusion")]

    /// The English words of a cancellation reason (`unknown` is empty).
    static func reason(_ reason: CancellationReason) -> BenchText {
        reasons[reasonOrder.firstIndex(of: reason) ?? 0]
    }
    private static let reasonOrder = CancellationReason.allCases
    private static let reasons = reasonOrder.map { BenchText(SampleLabels.reason($0)) }

    /// The outcome labels the complaints file writes, French and English, by outcome.
    static func outcome(_ outcome: Outcome) -> [BenchText] {
        switch outcome {
        case .overturned: outcomeOverturned
        case .upheld: outcomeUpheld
        case .partiallyOverturned: outcomePartial
        case .inadmissible: outcomeInadmissible
        case .withdrawn: outcomeWithdrawn
        case .pending: outcomePending
        case .unknown: outcomeUnknown
        }
    }
    private static let outcomeOverturned = ["Non conforme", "Not compliant", "Données effacées", "Non-conforme"]
        .map { BenchText($0, windows1252: true) }
    private static let outcomeUpheld = ["Conforme", "Compliant"].map { BenchText($0, windows1252: true) }
    private static let outcomePartial = ["Conforme sous réserve de mises à jour", "Compliant subject to updates"]
        .map { BenchText($0, windows1252: true) }
    private static let outcomeInadmissible = ["Irrecevable", "Inadmissible"].map { BenchText($0, windows1252: true) }
    private static let outcomeWithdrawn = ["Effacé par le BCN", "Withdrawn"].map { BenchText($0, windows1252: true) }
    private static let outcomePending = ["En cours d'examen", "Pending", ""].map { BenchText($0, windows1252: true) }
    /// Decision labels that no vocabulary maps (about 1% of the complaints).
    private static let outcomeUnknown = ["Renvoyé en session plénière", "Referred to plenary session", "Suspendu"]
        .map { BenchText($0, windows1252: true) }

    /// Requesting countries that are no member (about 2% of the rows): codes and names of non-members.
    static let nonMembers = ["XK", "TW", "Kosovo", "KP", "Taiwan", "Western Sahara"].map { BenchText($0) }

    /// Member countries as the realistic bundle writes them: their alpha-2 code, by ``SampleCountry/all``.
    static let members = SampleCountry.all.map { BenchText($0.alpha2) }
}
