import NoticeWatchModel

extension BenchBundle {
    /// `csv/sources.yml`: the notices CSV and the complaints CSV.
    static var csvSources: String {
        header + """
              - name: bench-notices-csv
                path: notices.csv
                format: csv
                record: notice
                csv:
                  delimiter: ","
                  quote: '"'
                  encoding: utf-8
                  header: true
                fields:
                  id: id
                  kind:
                    from: kind

            """ + vocabulary(NoticeKind.allCases.map(\.rawValue)) + """
                  requesting_country: country
                  issue_date:
                    from: issue_date
                    format: yyyy-MM-dd
                  status:
                    from: status

            """ + vocabulary(NoticeStatus.allCases.map(\.rawValue)) + """
                  cancellation_date:
                    from: cancellation_date
                    format: yyyy-MM-dd
                  cancellation_reason:
                    from: cancellation_reason

            """ + vocabulary(CancellationReason.allCases.map(\.rawValue)) + complaintsSource
    }

    /// `ndjson/sources.yml`: the public-service-shaped notices, one per line, and the complaints CSV.
    static var ndjsonSources: String {
        header + """
              - name: bench-notices-ndjson
                path: notices.ndjson
                format: ndjson
                record: notice
                fields:
                  id: entity_id
                  kind:
                    from: kind

            """ + vocabulary(NoticeKind.allCases.map(\.rawValue)) + """
                  requesting_country: arrest_warrants[0].issuing_country_id
                  issue_date:
                    from: date_of_issue
                    format: yyyy/MM/dd
                  status:
                    from: status

            """ + vocabulary(NoticeStatus.allCases.map(\.rawValue)) + """
                  cancellation_date:
                    from: cancellation.date
                    format: yyyy/MM/dd
                  cancellation_reason:
                    from: cancellation.reason

            """ + vocabulary(CancellationReason.allCases.map(\.rawValue)) + complaintsSource
    }

    /// `xml/sources.yml`: the flat notices export and the complaints CSV.
    static var xmlSources: String {
        header + """
              - name: bench-notices-xml
                path: notices.xml
                format: xml
                record: notice
                xml:
                  record: notice
                fields:
                  id: id
                  kind:
                    from: kind

            """ + vocabulary(NoticeKind.allCases.map(\.rawValue)) + """
                  requesting_country: country
                  issue_date:
                    from: issued
                    format: yyyy-MM-dd
                  status:
                    from: status

            """ + vocabulary(NoticeStatus.allCases.map(\.rawValue)) + """
                  cancellation_date:
                    from: cancelled
                    format: yyyy-MM-dd
                  cancellation_reason:
                    from: reason

            """ + vocabulary(CancellationReason.allCases.map(\.rawValue)) + complaintsSource
    }

    private static let header = """
        # A benchmark bundle: clean, large, every choice set. EXPECTED.md (one folder up) holds its figures.
        version: 1
        sources:

        """

    private static var complaintsSource: String {
        """
          - name: bench-complaints
            path: complaints.csv
            format: csv
            record: complaint
            csv:
              delimiter: ","
              quote: '"'
              encoding: utf-8
              header: true
            fields:
              id: id
              notice_id: notice_id
              requesting_country: country
              filed_date:
                from: filed_date
                format: yyyy-MM-dd
              decision_date:
                from: decision_date
                format: yyyy-MM-dd
              outcome:
                from: outcome

        """ + vocabulary(Outcome.allCases.map(\.rawValue))
    }

    /// A `values:` block mapping each category name to itself, so nothing rests on the built-in vocabulary.
    private static func vocabulary(_ categories: [String]) -> String {
        SampleBundle.values(categories.map { ($0, $0) }, indent: 8)
    }
}
