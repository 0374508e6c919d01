/// Notices by the charge categories of their arrest warrants, over all requesting countries and per country.
public struct NoticeCharges: Hashable, Sendable {
    /// All notices with a charge, whatever their requesting country.
    public var overall: Group
    /// One group per member requesting country with at least one notice with a charge, by notices with a charge
    /// (most first) then alpha-2 code; then one group for notices whose requesting country is not recognized or
    /// not given, when there are any.
    public var countries: [Group]
    /// Notices whose warrants name two or more issuing countries (each counts for its first warrant's).
    public var severalCountries: Int

    /// The notices with a charge of one scope, and their share per category.
    public struct Group: Hashable, Sendable {
        /// The requesting country; `nil` for the overall group and for the group of countries not recognized.
        public var country: Country?
        /// Whether this is the group of every notice.
        public var isOverall: Bool
        /// Notices with at least one charge (the denominator of the shares).
        public var notices: Int
        /// One row per ``ChargeCategory``, in category order.
        public var rows: [Row]

        public init(country: Country?, isOverall: Bool, notices: Int, rows: [Row]) {
            self.country = country
            self.isOverall = isOverall
            self.notices = notices
            self.rows = rows
        }
    }

    /// The notices of a group whose warrants cite one category.
    public struct Row: Hashable, Sendable {
        public var category: ChargeCategory
        /// Notices with a warrant whose charge is of this category.
        public var notices: Int
        /// `notices` / the group's notices with a charge; 0 when there are none.
        public var share: Double
        /// The Wilson interval of the share; `nil` when the group has no notice.
        public var interval: ConfidenceInterval?

        public init(category: ChargeCategory, notices: Int, share: Double, interval: ConfidenceInterval?) {
            self.category = category
            self.notices = notices
            self.share = share
            self.interval = interval
        }
    }

    public init(
        overall: Group = Group(country: nil, isOverall: true, notices: 0, rows: []), countries: [Group] = [],
        severalCountries: Int = 0
    ) {
        self.overall = overall
        self.countries = countries
        self.severalCountries = severalCountries
    }
}
