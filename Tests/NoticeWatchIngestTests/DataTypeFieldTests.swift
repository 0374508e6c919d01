import Foundation
import NoticeWatchModel
import Testing

@testable import NoticeWatchIngest

/// The data type a complaint challenged, its request type and admissibility date: header words, labels,
/// `values:`, unknown labels and merging.
@Suite("Data type, request type and admissibility of complaints")
struct DataTypeFieldTests {
    /// A decisions table as a newsroom receives it: English headers as the CCF's decisions word them, quoted
    /// free text with the delimiter, labels in English, French and Spanish, an unknown label and an empty one.
    static let decisions = """
        Case number,Requesting country,Date of receipt,Admissible on,Decision date,Decision,Data type,Type of request,Remarks
        CCF/101/21,Russian Federation,2021-01-04,2021-02-15,2021-09-30,Not compliant,Data type: Red Notice,request for deletion,"Article 3, political character"
        CCF/102/21,Türkiye,2021-01-11,2021-03-01,2021-06-20,Compliant,Diffusion,access request,"Demande d'accès, puis effacement"
        CCF/103/21,Tajikistan,2021-02-02,,2021-12-01,Non conforme,Notice rouge,rectification,«Procès par contumace»
        CCF/104/21,China,2021-02-09,2021-04-01,,Under examination,Difusión,Solicitud de acceso,"Дело № 12-345, «экстрадиция»"
        CCF/105/21,Moldova,2021-03-15,2021-05-03,2022-01-10,Compliant subject to updates,Red corner notice?,revision of a decision,
        CCF/106/21,France,2021-03-20,2021-05-10,2021-11-02,Not compliant,,,"RN, see annex"
        CCF/107/21,Belarus,2021-04-01,2021-05-20,2021-10-15,Not compliant,RN,demande d'accès,

        """

    @Test("a decisions table is read zero-config: every new field mapped from its header, labels in three languages")
    func zeroConfig() throws {
        let folder = try IngestFixtures.temporaryFolder(text: ["ccf/decisions-2021.csv": Self.decisions])
        let result = try DatasetIngestor(directory: folder).ingest()
        #expect(result.quarantine.isEmpty)
        let mapping = result.sources.first?.mapping ?? []
        #expect(mapping.contains("data_type <- \"Data type\""))
        #expect(mapping.contains("request_type <- \"Type of request\""))
        #expect(mapping.contains("admissibility_date <- \"Admissible on\""))
        let complaints = Array(result.complaints)
        #expect(complaints.map(\.id) == (101...107).map { "CCF/\($0)/21" })
        #expect(
            complaints.map(\.dataType) == [
                .redNotice, .diffusion, .redNotice, .diffusion, .unknown, .unknown, .redNotice,
            ])
        #expect(
            complaints.map(\.requestType) == [.deletion, .access, .correction, .access, .revision, .unknown, .access])
        #expect(complaints[0].admissibilityDate == CivilDate(year: 2021, month: 2, day: 15))
        #expect(complaints[2].admissibilityDate == nil)
        // The unknown label "Red corner notice?" leaves the complaint in, with its other fields.
        #expect(
            complaints[4].outcome == .partiallyOverturned && complaints[4].requestingCountry.member == Country("MD"))
    }

    @Test(
        "header names fit the new fields in English, French and Spanish, and nothing else",
        arguments: [
            ("Data type", "data_type"), ("Type of data", "data_type"), ("Type de données", "data_type"),
            ("Notice type", "data_type"), ("Tipo de datos", "data_type"), ("data_type", "data_type"),
            ("Request type", "request_type"), ("Type of request", "request_type"),
            ("Type de requête", "request_type"), ("Tipo de solicitud", "request_type"),
            ("requestType", "request_type"), ("Admissible on", "admissibility_date"),
            ("Date of admissibility", "admissibility_date"), ("Date de recevabilité", "admissibility_date"),
            ("Fecha de admisibilidad", "admissibility_date"), ("admissibility_date", "admissibility_date"),
            ("Type", "-"), ("Date de naissance", "-"), ("Données personnelles", "-"),
        ])
    func headers(header: String, field: String) {
        #expect((MappingInference.field(for: header, kind: .complaint)?.rawValue ?? "-") == field)
    }

    @Test("a notice file keeps its kind column: \"Notice type\" is a notice's kind, never a complaint field")
    func noticeFileStaysNotices() throws {
        let csv = "Notice ID,Notice type,Requesting country,Date of issue\n2019/1,Red Notice,RU,2019-03-12\n"
        let folder = try IngestFixtures.temporaryFolder(text: ["notices.csv": csv])
        let result = try DatasetIngestor(directory: folder).ingest()
        #expect(result.sources.first?.recordKind == .notice)
        #expect(Array(result.notices).map(\.kind) == [.redNotice])
    }

    @Test(
        "the default labels map the wordings of the CCF's decisions and reports",
        arguments: [
            (NormalizedField.dataType, "Red Notice", "red-notice"), (.dataType, "RN", "red-notice"),
            (.dataType, "Notice rouge", "red-notice"), (.dataType, "Notificación roja", "red-notice"),
            (.dataType, "Data type: Red Notice", "red-notice"), (.dataType, "DIFFUSION", "diffusion"),
            (.dataType, "Difusión", "diffusion"), (.dataType, "Blue Notice", "blue-notice"),
            (.dataType, "Autre", "other"), (.requestType, "access request", "access"),
            (.requestType, "Request for access", "access"), (.requestType, "demande d’accès", "access"),
            (.requestType, "Deletion", "deletion"), (.requestType, "request for deletion", "deletion"),
            (.requestType, "Effacement", "deletion"), (.requestType, "correction", "correction"),
            (.requestType, "Rectification", "correction"), (.requestType, "Révision", "revision"),
        ])
    func labels(field: NormalizedField, label: String, category: String) {
        #expect(Vocabulary(field: field, overrides: [:]).category(for: label) == category)
    }

    static let sourcesYAML = """
        version: 1
        sources:
          - name: register
            path: register.csv
            record: complaint
            csv: { delimiter: ";" }
            fields:
              id: Référence
              requesting_country: Pays
              filed_date: { from: Dépôt, format: dd.MM.yyyy }
              data_type:
                from: Nature
                values:
                  "NR (notice rouge)": red-notice
              request_type:
                from: Objet
                values:
                  "Droit d'accès": access
          - name: decisions
            path: decisions.csv
            record: complaint
            fields:
              id: Case
              requesting_country: Country
              filed_date: { from: Filed, format: yyyy-MM-dd }
              data_type: Data type
              request_type: Request
              admissibility_date: { from: Admissible, format: yyyy-MM-dd }
        """

    @Test("values: adds labels; across sources a known data type or request type beats an unknown one")
    func valuesAndMerging() throws {
        let folder = try IngestFixtures.temporaryFolder(text: [
            "sources.yml": Self.sourcesYAML,
            "register.csv": """
            Référence;Pays;Dépôt;Nature;Objet
            CCF/1/20;Russie;03.02.2020;NR (notice rouge);Droit d'accès
            CCF/2/20;Turquie;04.02.2020;;Effacement
            CCF/3/20;Chine;05.02.2020;Diffusion;Effacement

            """,
            "decisions.csv": """
            Case,Country,Filed,Data type,Request,Admissible
            CCF/1/20,RU,2020-02-03,Red Notice,,2020-03-01
            CCF/2/20,TR,2020-02-04,Diffusion,deletion,2020-03-02
            CCF/3/20,CN,2020-02-05,Red Notice,deletion,

            """,
        ])
        let result = try DatasetIngestor(directory: folder).ingest()
        let complaints = Array(result.complaints)
        #expect(complaints.map(\.dataType) == [.redNotice, .diffusion, .diffusion])
        #expect(complaints.map(\.requestType) == [.access, .deletion, .deletion])
        #expect(
            complaints.map(\.admissibilityDate) == [
                CivilDate(year: 2020, month: 3, day: 1), CivilDate(year: 2020, month: 3, day: 2), nil,
            ])
        // Only a disagreement between two known values is a conflict: the register's diffusion is kept.
        #expect(
            result.conflicts.map { "\($0.id) \($0.field) \($0.keptValue) \($0.discardedValue)" } == [
                "CCF/3/20 data_type diffusion red-notice"
            ])
        #expect(result.quarantine.isEmpty)
    }
}
