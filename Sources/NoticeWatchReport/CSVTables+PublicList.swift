import NoticeWatchModel

extension CSVTables {
    /// The public list tables, when the figures hold a series of captures; else none.
    static func publicListBuilders(_ figures: Figures) -> [(name: String, make: @Sendable () -> CSVTable)] {
        guard let series = figures.publicList else { return [] }
        return [
            ("public_list_captures.csv", { listCaptures(series) }),
            ("public_list_changes.csv", { listChanges(series) }),
            ("public_list_departures.csv", { listDepartures(series) }),
            ("public_list_history.csv", { listHistory(series) }),
        ]
    }

    /// The country cells of a public list row: empty code and `all` for the all-countries row.
    static func listCountryCells(_ country: Country?) -> [String] {
        guard let country else { return ["", "all"] }
        return [country.alpha2, country.name]
    }

    /// `public_list_captures.csv`: one row per capture, with the coverage check.
    static func listCaptures(_ series: PublicListSeries) -> CSVTable {
        var table = CSVTable(header: [
            "capture_date", "notices_seen", "service_total", "share_of_previous", "share_of_service_total", "partial",
            "files",
        ])
        for row in series.coverage {
            table.append([
                row.capture.date.description, String(row.capture.seen), row.capture.serviceTotal.map(String.init) ?? "",
                FixedDecimal.proportion(row.shareOfPrevious), FixedDecimal.proportion(row.shareOfServiceTotal),
                String(row.partial), row.capture.files.joined(separator: " "),
            ])
        }
        return table
    }

    /// `public_list_changes.csv`: per consecutive pair of captures, all countries first, then per country.
    static func listChanges(_ series: PublicListSeries) -> CSVTable {
        var table = CSVTable(
            header: [
                "from_date", "to_date", "grouping", "country_code", "country_name", "added", "left_public_list",
                "reappeared", "modified", "modified_fields", "reliable",
            ])
        for row in series.changes {
            table.append(
                [row.from.description, row.to.description, series.grouping.rawValue] + listCountryCells(row.country)
                    + [
                        String(row.added), String(row.removed), String(row.reappeared), String(row.modified),
                        row.modifiedFields.map { "\($0.field)=\($0.count)" }.joined(separator: ";"),
                        String(row.reliable),
                    ])
        }
        return table
    }

    /// `public_list_departures.csv`: notices that left the public list, per month and country.
    static func listDepartures(_ series: PublicListSeries) -> CSVTable {
        var table = CSVTable(header: [
            "month", "grouping", "country_code", "country_name", "left_public_list", "reliable",
        ])
        for row in series.departures {
            table.append(
                [row.month.description, series.grouping.rawValue] + listCountryCells(row.country)
                    + [String(row.count), String(row.reliable)])
        }
        return table
    }

    /// `public_list_history.csv`: each notice's first and last sighting, by id.
    static func listHistory(_ series: PublicListSeries) -> CSVTable {
        var table = CSVTable(header: ["notice_id", "first_seen", "last_seen", "captures_seen", "gaps", "seen_on"])
        for row in series.histories {
            table.append([
                row.id, row.firstSeen.description, row.lastSeen.description, String(row.capturesSeen), String(row.gaps),
                row.seenOn.map(\.description).joined(separator: " "),
            ])
        }
        return table
    }
}
