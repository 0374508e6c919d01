extension SampleBundle {
    /// The bundle's `sources.yml`, in the format of `Datasets/SOURCES-FORMAT.md`: every reader choice set
    /// explicitly and every label written mapped with `values:`, so nothing depends on detection.
    static var sourcesFile: String {
        var yaml = """
            # The synthetic sample bundle: five exports in three formats. Regenerate with `make sample`;
            # Datasets/README.md describes every file and the hazards planted in it, PLANTED.md the figures.
            version: 1
            sources:
              - name: \(sourceNames[0])
                path: notices_register.csv
                format: csv
                record: notice
                csv:
                  delimiter: ","
                  quote: '"'
                  encoding: utf-8
                  header: true
                fields:
                  id: notice_id
                  kind:
                    from: type
                    values:
                      "Red Notice": red-notice
                      "RN": red-notice
                  requesting_country: requesting_country
                  issue_date:
                    from: issue_date
                    format: yyyy-MM-dd
                  status:
                    from: status

            """
        yaml += values(SampleLabels.statusValues, indent: 8)
        yaml += """
                  cancellation_date:
                    from: cancellation_date
                    format: yyyy-MM-dd
                  cancellation_reason:
                    from: cancellation_reason

            """
        yaml += values(SampleLabels.reasonValues, indent: 8)
        yaml += """
              - name: \(sourceNames[1])
                path: api_pages/*.json
                format: json
                record: notice
                json:
                  records: _embedded.notices
                fields:
                  id: entity_id
                  kind:
                    value: red-notice
                  requesting_country: arrest_warrants[0].issuing_country_id
                  issue_date:
                    from: date_of_issue
                    format: yyyy/MM/dd
                  status:
                    from: status

            """
        yaml += values(SampleLabels.statusValues, indent: 8)
        yaml += """
                  cancellation_date:
                    from: cancellation.date
                    format: yyyy/MM/dd
                  cancellation_reason:
                    from: cancellation.reason

            """
        yaml += values(SampleLabels.reasonValues, indent: 8)
        yaml += """
              - name: \(sourceNames[2])
                path: diffusions_export.xml
                format: xml
                record: notice
                xml:
                  record: nw:diffusion
                  namespaces:
                    nw: "urn:noticewatch:sample:1"
                fields:
                  id: "@ref"
                  kind:
                    value: diffusion
                  requesting_country: nw:country/@code
                  issue_date:
                    from: nw:issued
                    format: dd/MM/yyyy
                  status:
                    from: nw:status

            """
        yaml += values(SampleLabels.statusValues, indent: 8)
        yaml += """
                  cancellation_date:
                    from: nw:cancellation/nw:date
                    format: dd/MM/yyyy
                  cancellation_reason:
                    from: nw:cancellation/nw:reason

            """
        yaml += values(SampleLabels.reasonValues, indent: 8)
        yaml += """
              - name: \(sourceNames[3])
                path: ccf_complaints_register.csv
                format: csv
                record: complaint
                csv:
                  delimiter: ";"
                  quote: '"'
                  encoding: windows-1252
                  header: true
                fields:
                  id: Référence
                  notice_id: N° notice
                  requesting_country: Pays requérant
                  filed_date:
                    from: Date de dépôt
                    format: dd.MM.yyyy
                  decision_date:
                    from: Date de décision
                    format: dd.MM.yyyy
                  outcome:
                    from: Décision

            """
        yaml += values(SampleLabels.registerOutcomeValues, indent: 8)
        yaml += """
                  request_type:
                    from: Type de demande

            """
        yaml += values(SampleLabels.registerRequestTypeValues, indent: 8)
        yaml += """
                  data_type:
                    from: Type de données

            """
        yaml += values(SampleLabels.registerDataTypeValues, indent: 8)
        yaml += """
                  admissibility_date:
                    from: Date de recevabilité
                    format: dd.MM.yyyy
              - name: \(sourceNames[4])
                path: ccf_case_system.ndjson
                format: ndjson
                record: complaint
                fields:
                  id: case_id
                  notice_id: notice_ref
                  requesting_country: requesting_country
                  filed_date:
                    from: filed_at
                    format: iso
                  decision_date:
                    from: decision.date
                    format: iso
                  outcome:
                    from: decision.label

            """
        yaml += values(SampleLabels.caseSystemOutcomeValues, indent: 8)
        yaml += """
                  request_type:
                    from: request_type

            """
        yaml += values(SampleLabels.caseSystemRequestTypeValues, indent: 8)
        yaml += """
                  data_type: data_type
                  admissibility_date:
                    from: admissible_on
                    format: yyyy-MM-dd

            """
        return yaml
    }

    /// A `values:` block at `indent` spaces, one double-quoted label per line, in the given order.
    static func values(_ pairs: [(String, String)], indent: Int) -> String {
        let pad = String(repeating: " ", count: indent)
        var text = pad + "values:\n"
        for (label, category) in pairs {
            var quoted = ""
            for character in label {
                switch character {
                case "\"": quoted += "\\\""
                case "\\": quoted += "\\\\"
                default: quoted.append(character)
                }
            }
            text += pad + "  \"" + quoted + "\": " + category + "\n"
        }
        return text
    }
}
