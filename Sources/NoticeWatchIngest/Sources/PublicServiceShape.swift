import NoticeWatchModel

/// Recognizes the records of Interpol's public notices service as journalists scrape them, whatever the file:
/// list entries (`entity_id`, `forename`, `name`, `date_of_birth`, `nationalities`, `_links`), detail documents
/// (the same and `arrest_warrants[]`, `sex_id`, …) and the CSV that scrapers write from either.
///
/// The mapping it gives:
/// - `id` from `entity_id` (`2019/12345`; the URL form `2019-12345` is the same notice);
/// - `issue_date` from `entity_id` too, format `id-year`: the year of issue, a partial date (the service
///   publishes no issue date);
/// - `nationalities` from `nationalities` (a JSON array, `RU,IL` or a Python list `['RU', 'IL']`);
/// - `requesting_country` from the first arrest warrant's `issuing_country_id` when the records have warrants:
///   the first warrant is the one the service lists first, and a notice whose warrants come from several
///   countries counts for that one. List entries have no warrants, hence no requesting country;
/// - `warrants` from `arrest_warrants` (the whole array, or a CSV column holding it as JSON or as a Python
///   list of dicts): every warrant with its issuing country, charge, translation and charge category;
/// - `kind` from the notice's link (`_links.self.href`, a `url` column, or pandas' `_links` column), whose path
///   names the kind (`/red/`, `/yellow/`, `/un/`).
enum PublicServiceShape {
    /// Names of the service's list entries besides `entity_id`; one of them must be there too.
    static let markers: Set<String> = [
        "forename", "name", "dateofbirth", "nationalities", "arrestwarrants", "links", "sexid", "countryofbirthid",
    ]

    /// The notice mapping for a file with these names (CSV headers or JSON paths), or `nil` when they are not
    /// the service's.
    static func infer(names: [String]) -> [FieldSpec]? {
        let keys = names.map(MappingInference.pathKey)
        guard let id = keys.firstIndex(of: "entityid") else { return nil }
        let roots = Set(names.map(rootKey))
        guard !roots.isDisjoint(with: markers) else { return nil }
        var fields = [
            FieldSpec(field: .id, from: names[id]),
            FieldSpec(field: .issueDate, from: names[id], formats: [.idYear]),
        ]
        if let list = names.first(where: { rootKey($0) == "nationalities" }) {
            fields.append(FieldSpec(field: .nationalities, from: arrayName(list)))
        }
        if let warrants = names.first(where: { rootKey($0) == "arrestwarrants" }) {
            fields.append(FieldSpec(field: .warrants, from: arrayName(warrants)))
        }
        if let warrant = names.first(where: {
            rootKey($0) == "arrestwarrants" && MappingInference.lastStepKey($0) == "issuingcountryid"
                && $0.contains("[0]")
        }) {
            fields.append(FieldSpec(field: .requestingCountry, from: warrant))
        }
        let links = ["linksselfhref", "url", "links"]
        if let link = links.lazy.compactMap({ key in keys.firstIndex(of: key) }).first {
            fields.append(FieldSpec(field: .kind, from: names[link]))
        }
        return fields.sorted { $0.field < $1.field }
    }

    /// The key of a name's first step (`_links.self.href` → `links`, `nationalities[0]` → `nationalities`).
    static func rootKey(_ name: String) -> String {
        let first = name.split(whereSeparator: { $0 == "." || $0 == "/" || $0 == "[" }).first.map(String.init) ?? name
        return TextFolding.headerKey(first)
    }

    /// The whole array of an indexed JSON path (`nationalities[0]` → `nationalities`); a plain name as it is.
    static func arrayName(_ name: String) -> String {
        guard let bracket = name.firstIndex(of: "[") else { return name }
        return String(name[..<bracket])
    }

    /// The kind a link of the service names (`…/notices/v1/red/2019-12345`), `nil` when the value is no link
    /// (it is then read as a kind label); a link whose path names no kind is `.unknown`.
    static func kind(ofLink text: String) -> NoticeKind? {
        guard text.contains("://") || text.contains("href") else { return nil }
        let lowered = text.lowercased()
        if lowered.contains("/red/") { return .redNotice }
        if lowered.contains("/yellow/") { return .yellowNotice }
        if lowered.contains("/un/") { return .unSpecialNotice }
        return .unknown
    }
}
