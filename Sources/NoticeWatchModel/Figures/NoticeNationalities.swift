/// Notices by the nationality of their subject: the one count that list entries of the public notices service
/// support, since they name no requesting country. It is never a count by requesting country.
public struct NoticeNationalities: Hashable, Sendable {
    /// One row per nationality listed by at least one notice, by count (most first) then alpha-2 code.
    public var rows: [Row]
    /// Every notice counted (each once, whatever the number of its nationalities).
    public var total: Int
    /// Notices that list no nationality of a member country.
    public var withoutNationality: Int
    /// Notices with no requesting country (list entries without a detail page): counted here, and in no figure
    /// by requesting country.
    public var withoutRequestingCountry: Int

    /// One nationality's notices.
    public struct Row: Hashable, Sendable {
        public var nationality: Country
        /// Notices whose subject has this nationality (a dual national counts under both).
        public var notices: Int
        /// `notices` / ``NoticeNationalities/total``; 0 when there are none.
        public var share: Double

        public init(nationality: Country, notices: Int, share: Double) {
            self.nationality = nationality
            self.notices = notices
            self.share = share
        }
    }

    public init(rows: [Row] = [], total: Int = 0, withoutNationality: Int = 0, withoutRequestingCountry: Int = 0) {
        self.rows = rows
        self.total = total
        self.withoutNationality = withoutNationality
        self.withoutRequestingCountry = withoutRequestingCountry
    }
}
