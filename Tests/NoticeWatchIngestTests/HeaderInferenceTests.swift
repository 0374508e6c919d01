import Foundation
import NoticeWatchModel
import Testing

@testable import NoticeWatchIngest

/// Zero-config header matching by words, and a French case register read without a sources file.
@Suite("Header names matched by their words")
struct HeaderInferenceTests {
    /// Header, record kind, the field it fits (`-`: none).
    static let table: [(String, RecordKind, String)] = [
        // Complaint ids.
        ("N° dossier", .complaint, "id"), ("No.", .complaint, "id"), ("Nº", .complaint, "id"),
        ("Nr", .complaint, "id"), ("Nr.", .complaint, "id"), ("#", .complaint, "id"), ("Ref", .complaint, "id"),
        ("Ref.", .complaint, "id"), ("File ref", .complaint, "id"), ("Case number", .complaint, "id"),
        ("Case #", .complaint, "id"), ("Número de caso", .complaint, "id"), ("CASE_ID", .complaint, "id"),
        ("complaint_id", .complaint, "id"), ("ComplaintNumber", .complaint, "id"), ("CCFReference", .complaint, "id"),
        ("CCF reference", .complaint, "id"), ("Request ID", .complaint, "id"), ("Référence", .complaint, "id"),
        ("Numéro de dossier", .complaint, "id"), ("Dossier", .complaint, "id"), ("Nomer dela", .complaint, "id"),
        ("Nomer zhaloby", .complaint, "id"), ("Número de expediente", .complaint, "id"),
        ("casenumber", .complaint, "id"), ("Id", .complaint, "id"), ("Ref/No", .complaint, "id"),
        ("N° de la plainte", .complaint, "id"), ("Referencia", .complaint, "id"), ("Case", .complaint, "id"),
        // Notice references in a complaint.
        ("Notice", .complaint, "notice_id"), ("notice_id", .complaint, "notice_id"),
        ("N° notice", .complaint, "notice_id"), ("Notice reference", .complaint, "notice_id"),
        ("Número de notificación", .complaint, "notice_id"), ("Nomer uvedomleniya", .complaint, "notice_id"),
        ("Diffusion ref", .complaint, "notice_id"),
        // Requesting countries.
        ("Requesting NCB", .complaint, "requesting_country"), ("Pays requérant", .complaint, "requesting_country"),
        ("País requirente", .complaint, "requesting_country"),
        ("Requesting country", .complaint, "requesting_country"), ("Country", .complaint, "requesting_country"),
        ("PAYS", .complaint, "requesting_country"), ("BCN requérant", .complaint, "requesting_country"),
        ("Estado requirente", .complaint, "requesting_country"), ("Strana", .complaint, "requesting_country"),
        ("Zaprashivayushchaya strana", .complaint, "requesting_country"),
        ("Requesting state", .complaint, "requesting_country"), ("country_code", .complaint, "requesting_country"),
        ("Country of request", .complaint, "requesting_country"), ("issuingCountryId", .notice, "requesting_country"),
        ("Member country", .notice, "requesting_country"), ("OCN solicitante", .notice, "requesting_country"),
        // Filing dates.
        ("Date of receipt", .complaint, "filed_date"), ("Lodged on", .complaint, "filed_date"),
        ("Date filed", .complaint, "filed_date"), ("Date de réception", .complaint, "filed_date"),
        ("Fecha de recepción", .complaint, "filed_date"), ("Filed Date", .complaint, "filed_date"),
        ("datefiled", .complaint, "filed_date"), ("Received", .complaint, "filed_date"),
        ("Submission date", .complaint, "filed_date"), ("Date de dépôt", .complaint, "filed_date"),
        ("Data podachi", .complaint, "filed_date"), ("Data polucheniya", .complaint, "filed_date"),
        ("Complaint date", .complaint, "filed_date"), ("Date of registration", .complaint, "filed_date"),
        ("Date (dd/mm/yyyy) of receipt", .complaint, "filed_date"),
        // Outcomes.
        ("Outcome", .complaint, "outcome"), ("Conclusion", .complaint, "outcome"), ("Décision", .complaint, "outcome"),
        ("Decision", .complaint, "outcome"), ("Decisión", .complaint, "outcome"),
        ("CCF decision", .complaint, "outcome"),
        ("Final decision", .complaint, "outcome"), ("Resultado", .complaint, "outcome"),
        ("Resheniye", .complaint, "outcome"), ("Decision of the CCF", .complaint, "outcome"),
        ("Result", .complaint, "outcome"),
        // Decision dates.
        ("Decided on", .complaint, "decision_date"), ("Date de décision", .complaint, "decision_date"),
        ("Decision date", .complaint, "decision_date"), ("Fecha de decisión", .complaint, "decision_date"),
        ("decision_date", .complaint, "decision_date"), ("decisionDate", .complaint, "decision_date"),
        ("Data resheniya", .complaint, "decision_date"), ("Date of the final decision", .complaint, "decision_date"),
        ("Decided", .complaint, "decision_date"),
        // Notice fields.
        ("Notice ID", .notice, "id"), ("NoticeId", .notice, "id"), ("entity_id", .notice, "id"),
        ("Notice number", .notice, "id"), ("N° de notice", .notice, "id"), ("reference", .notice, "id"),
        ("Notice type", .notice, "kind"), ("Type de notice", .notice, "kind"), ("Colour", .notice, "kind"),
        ("Tipo de notificación", .notice, "kind"), ("Date of issue", .notice, "issue_date"),
        ("Issued on", .notice, "issue_date"), ("Date d'émission", .notice, "issue_date"),
        ("Fecha de publicación", .notice, "issue_date"), ("Status", .notice, "status"), ("Statut", .notice, "status"),
        ("Estado", .notice, "status"), ("State", .notice, "status"), ("Notice status", .notice, "status"),
        ("Cancelled on", .notice, "cancellation_date"), ("Date d'annulation", .notice, "cancellation_date"),
        ("Fecha de cancelación", .notice, "cancellation_date"), ("Cancellation date", .notice, "cancellation_date"),
        ("Motif d'annulation", .notice, "cancellation_reason"),
        ("Reason for cancellation", .notice, "cancellation_reason"),
        ("Motivo de cancelación", .notice, "cancellation_reason"),
        // Names that fit no field.
        ("Observations", .complaint, "-"), ("Notes", .complaint, "-"), ("Name", .complaint, "-"),
        ("Date of birth", .complaint, "-"), ("Date of birth", .notice, "-"), ("Nationality", .notice, "-"),
        ("Forename", .notice, "-"), ("Remarks", .complaint, "-"), ("Commentaires", .complaint, "-"),
        ("Nom", .complaint, "-"), ("Prénom", .notice, "-"), ("Date de naissance", .notice, "-"),
        ("Fecha de nacimiento", .notice, "-"), ("Data rozhdeniya", .notice, "-"), ("Imya", .notice, "-"),
        ("Primechaniya", .complaint, "-"), ("Country of birth", .notice, "-"), ("Date", .complaint, "-"),
        ("Nodes", .complaint, "-"), ("Age", .notice, "-"), ("Sex", .notice, "-"), ("Place of birth", .notice, "-"),
        ("Observaciones", .complaint, "-"), ("Cancelled", .notice, "-"), ("Reason", .notice, "-"),
        ("Notice ID", .complaint, "notice_id"), ("Country id", .complaint, "requesting_country"),
        ("Date of request", .complaint, "filed_date"), ("Pays de naissance", .notice, "-"), ("", .complaint, "-"),
    ]

    @Test("a table of real-looking headers fits the expected fields, and no others")
    func headerTable() {
        #expect(Self.table.count >= 100)
        var wrong: [String] = []
        for (header, kind, expected) in Self.table {
            let found = MappingInference.field(for: header, kind: kind)?.rawValue ?? "-"
            if found != expected { wrong.append("\(header) (\(kind.rawValue)): \(found), expected \(expected)") }
        }
        #expect(wrong == [])
    }

    @Test("the glued names matched before matching went by words still fit their fields")
    func gluedNames() {
        let expected: [(RecordKind, String, [String])] = [
            (.notice, "id", ["noticeid", "noticenumber", "noticeref", "noticereference", "entityid", "id", "ref"]),
            (.notice, "kind", ["noticekind", "noticetype", "kind", "type", "datatype", "noticecolour", "noticecolor"]),
            (
                .notice, "requesting_country",
                [
                    "requestingcountry", "requestingcountryid", "requestingncb", "issuingcountry", "issuingcountryid",
                    "requestingstate", "countryofrequest", "country", "ncb",
                ]
            ),
            (
                .notice, "issue_date",
                ["issuedate", "dateofissue", "issuedon", "dateissued", "issued", "publicationdate"]
            ),
            (.notice, "status", ["noticestatus", "status", "state"]),
            (
                .notice, "cancellation_date",
                ["cancellationdate", "dateofcancellation", "cancelleddate", "cancelledon", "canceldate"]
            ),
            (.notice, "cancellation_reason", ["cancellationreason", "reasonforcancellation", "cancelreason"]),
            (
                .complaint, "id",
                [
                    "complaintid", "complaintnumber", "complaintref", "complaintreference", "caseid", "casereference",
                    "caseref", "casenumber", "ccfreference", "ccfref", "requestid", "id", "reference", "ref",
                ]
            ),
            (.complaint, "notice_id", ["noticeid", "noticereference", "noticeref", "noticenumber", "notice"]),
            (
                .complaint, "filed_date",
                [
                    "fileddate", "datefiled", "filingdate", "dateoffiling", "filed", "filedon", "submissiondate",
                    "datesubmitted", "submitted", "receiveddate", "datereceived",
                ]
            ),
            (.complaint, "decision_date", ["decisiondate", "dateofdecision", "decidedon", "datedecided", "decided"]),
            (.complaint, "outcome", ["decision", "outcome", "ccfdecision", "result", "conclusion"]),
        ]
        var wrong: [String] = []
        for (kind, field, names) in expected {
            for name in names where MappingInference.field(for: name, kind: kind)?.rawValue != field {
                wrong.append("\(name) (\(kind.rawValue))")
            }
        }
        #expect(wrong == [])
    }

    @Test("two names that fit the id: the one with more fitting words wins, and the mapping says so")
    func ambiguousID() throws {
        let csv = "Ref;N° dossier;Country;Decision\nR1;CCF/1/21;FR;Conforme\n"
        let folder = try IngestFixtures.temporaryFolder(text: ["cases.csv": csv])
        let result = try DatasetIngestor(directory: folder).ingest()
        #expect(
            result.sources.first?.mapping == [
                "id <- \"N° dossier\" (chosen over \"Ref\": more words that fit, then leftmost)",
                "requesting_country <- \"Country\"", "outcome <- \"Decision\"",
            ])
        #expect(result.complaints.map(\.id) == ["CCF/1/21"])
    }

    @Test("labels are compared with case and accents folded, whatever the dash or apostrophe")
    func labels() {
        let outcome = Vocabulary(field: .outcome, overrides: [:])
        let expected: [(String, String)] = [
            ("Non conforme", "overturned"), ("No conforme", "overturned"), ("Not compliant – deleted", "overturned"),
            ("Deleted (CCF)", "overturned"), ("deleted following CCF decision", "overturned"),
            ("Conforme", "upheld"), ("Compliant subject to updates", "partially-overturned"),
            ("CONFORME SOUS RESERVE", "partially-overturned"), ("En cours", "pending"),
            ("En cours d’examen", "pending"), ("Irrecevable", "inadmissible"), ("Inadmissible", "inadmissible"),
            ("Inadmisible", "inadmissible"),
        ]
        #expect(expected.filter { outcome.category(for: $0.0) != $0.1 }.map(\.0) == [])
        let status = Vocabulary(field: .status, overrides: [:])
        #expect(
            ["annulée", "ANNULEE", "cancelada"].map { status.category(for: $0) }
                == Array(repeating: "cancelled", count: 3))
        let reason = Vocabulary(field: .cancellationReason, overrides: [:])
        #expect(
            ["subject located", "Extradited"].map { reason.category(for: $0) } == [
                "subject-located", "subject-located",
            ])
    }

    /// Windows-1252 bytes of `text` (Latin-1 letters as themselves; `’` and `–` at their code points).
    static func windows1252(_ text: String) -> [UInt8] {
        text.unicodeScalars.map { scalar in
            switch scalar {
            case "’": return 0x92
            case "–": return 0x96
            default: return UInt8(scalar.value)
            }
        }
    }

    @Test("a French case register: Windows-1252, ';', CRLF, quoted text with ';' and line breaks")
    func frenchRegister() throws {
        let text =
            "N° dossier;Pays requérant;Date de réception;Décision;Date de décision;Observations\r\n"
            + "CCF/001/21;Russie;16/01/2021;Non conforme;27/08/2022;\"Art. 3; suite à l'examen\"\r\n"
            + "CCF/002/21;Émirats arabes unis;09/12/2021;Conforme;27/11/2022;\r\n"
            + "CCF/003/21;Turquie;15/05/2021;En cours d’examen;;\"Demande « politique »\nvoir note; suite\"\r\n"
            + "CCF/004/21;Chine;20/12/2021;Irrecevable;15/07/2022;\"ligne 1\r\nligne 2\"\r\n"
            + "CCF/005/21;Tadjikistan;25/10/2021;Conforme sous réserve;22/03/2022;\"\"\r\n"
            + "CCF/006/21;Russie;13/03/2021;NON CONFORME – EFFACEMENT;01/04/2022;\"Il a dit \"\"non\"\"; fin\"\r\n"
        let folder = try IngestFixtures.temporaryFolder(["registre.csv": Self.windows1252(text)])
        let result = try DatasetIngestor(directory: folder).ingest()
        #expect(
            result.sources.first?.mapping == [
                "id <- \"N° dossier\"", "requesting_country <- \"Pays requérant\"",
                "filed_date <- \"Date de réception\"", "decision_date <- \"Date de décision\"",
                "outcome <- \"Décision\"",
            ])
        #expect(
            IngestFixtures.lines(result) == [
                "complaint CCF/001/21 - RU 2021-01-16 2022-08-27 overturned \"Non conforme\" @registre.csv:2",
                "complaint CCF/002/21 - AE 2021-12-09 2022-11-27 upheld \"Conforme\" @registre.csv:3",
                "complaint CCF/003/21 - TR 2021-05-15 - pending \"En cours d’examen\" @registre.csv:4",
                "complaint CCF/004/21 - CN 2021-12-20 2022-07-15 inadmissible \"Irrecevable\" @registre.csv:6",
                "complaint CCF/005/21 - TJ 2021-10-25 2022-03-22 partially-overturned \"Conforme sous réserve\" "
                    + "@registre.csv:8",
                "complaint CCF/006/21 - RU 2021-03-13 2022-04-01 overturned \"NON CONFORME – EFFACEMENT\" "
                    + "@registre.csv:9",
                "source registre.csv complaint read=6 kept=6 merged=0 quarantined=0",
            ])
        let choices = result.inputFiles.first?.readerChoices ?? []
        #expect(choices.contains("encoding=windows-1252 (detected: not valid UTF-8 at byte offset 1)"))
        #expect(choices.contains("delimiter=\";\" (detected)"))
    }
}
