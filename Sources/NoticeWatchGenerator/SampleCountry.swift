import NoticeWatchModel

/// A requesting country as the sample bundle uses it: how often it appears, how its complaints end, and how
/// each export spells it.
///
/// The weights follow `Datasets/README.md` "Planted rates": Russia requests the most notices and draws about
/// three times as many complaints as Türkiye, the next; about half of the decided complaints about Russia are
/// overturned, against about seven in ten elsewhere. A long ``tail`` of members requests a few notices each and
/// draws few or no complaints. Every spelling is one the model's country table resolves.
struct SampleCountry: Sendable {
    /// ISO alpha-2 code.
    let alpha2: String
    /// Relative weight among notices (valid Red Notices by requesting country, September 2024, in shape).
    let noticeWeight: Int
    /// Relative weight among complaints.
    let complaintWeight: Int
    /// Per mille among admissible complaints that reach a decision: overturned, upheld, partially
    /// overturned, withdrawn (summing to 1000).
    let outcomePerMille: [Int]
    /// Spellings in the UTF-8 notices register: alpha-3 codes and English names.
    let registerSpellings: [String]
    /// Spellings in the French Windows-1252 complaints register.
    let frenchSpellings: [String]
    /// Spellings in the case-system NDJSON: mostly alpha-2, some alpha-3.
    let caseSystemSpellings: [String]
    /// The English name the diffusions export writes beside the code.
    let exportName: String

    /// The country in the model's table.
    var country: Country {
        guard let country = Country(alpha2) else { preconditionFailure("\(alpha2) is not in the country table") }
        return country
    }

    /// The outcome weights most countries get: 69% overturned, 18% upheld, 4% partially, 9% withdrawn.
    static let usualOutcomes = [690, 180, 40, 90]

    /// The countries of the sample bundle, in a fixed order (the order of draws, not of reports): the nine
    /// that dominate the caseload, then ``tail``.
    static let all: [SampleCountry] = leading + tail

    /// The outcome weights of countries whose notices are seldom found wanting: 61% overturned, 26% upheld.
    static let fewerOverturns = [610, 260, 40, 90]

    /// The nine countries with the most notices and complaints: about five notices in six and nine complaints
    /// in ten.
    static let leading: [SampleCountry] = [
        SampleCountry(
            alpha2: "RU", noticeWeight: 280, complaintWeight: 330, outcomePerMille: [450, 420, 40, 90],
            registerSpellings: ["RUS", "Russian Federation", "Russia", "RUS", " RUS "],
            frenchSpellings: [
                "Fédération de Russie", "Russie", "Fédération de Russie", "Russian Federation", "RUS",
            ],
            caseSystemSpellings: ["RU", "RU", "RU", "RUS"], exportName: "Russian Federation"),
        SampleCountry(
            alpha2: "TR", noticeWeight: 100, complaintWeight: 110, outcomePerMille: usualOutcomes,
            registerSpellings: ["TUR", "Turkey", "Türkiye"],
            frenchSpellings: ["Turquie", "Turquie", "Türkiye", "Turkey"],
            caseSystemSpellings: ["TR", "TR", "TUR"], exportName: "Türkiye"),
        SampleCountry(
            alpha2: "TJ", noticeWeight: 180, complaintWeight: 90, outcomePerMille: usualOutcomes,
            registerSpellings: ["TJK", "Tajikistan"], frenchSpellings: ["Tadjikistan", "Tajikistan"],
            caseSystemSpellings: ["TJ", "TJK"], exportName: "Tajikistan"),
        SampleCountry(
            alpha2: "CN", noticeWeight: 90, complaintWeight: 80, outcomePerMille: usualOutcomes,
            registerSpellings: ["CHN", "China", "People's Republic of China"], frenchSpellings: ["Chine", "China"],
            caseSystemSpellings: ["CN", "CHN"], exportName: "China"),
        SampleCountry(
            alpha2: "IR", noticeWeight: 60, complaintWeight: 70, outcomePerMille: usualOutcomes,
            registerSpellings: ["IRN", "Iran (Islamic Republic of)"], frenchSpellings: ["Iran", "Iran"],
            caseSystemSpellings: ["IR", "IRN"], exportName: "Iran"),
        SampleCountry(
            alpha2: "MD", noticeWeight: 60, complaintWeight: 60, outcomePerMille: usualOutcomes,
            registerSpellings: ["MDA", "Republic of Moldova"], frenchSpellings: ["Moldavie", "Moldova"],
            caseSystemSpellings: ["MD", "MDA"], exportName: "Moldova"),
        SampleCountry(
            alpha2: "FR", noticeWeight: 120, complaintWeight: 30, outcomePerMille: fewerOverturns,
            registerSpellings: ["FRA", "France"], frenchSpellings: ["France"],
            caseSystemSpellings: ["FR", "FRA"], exportName: "France"),
        SampleCountry(
            alpha2: "US", noticeWeight: 60, complaintWeight: 40, outcomePerMille: fewerOverturns,
            registerSpellings: ["USA", "United States of America"], frenchSpellings: ["États-Unis", "USA"],
            caseSystemSpellings: ["US", "USA"], exportName: "United States"),
        SampleCountry(
            alpha2: "GB", noticeWeight: 50, complaintWeight: 30, outcomePerMille: fewerOverturns,
            registerSpellings: ["GBR", "United Kingdom"], frenchSpellings: ["Royaume-Uni", "UK"],
            caseSystemSpellings: ["GB", "GBR"], exportName: "United Kingdom"),
    ]

    /// Notice weights of ``all``, aligned.
    static let noticeWeights = all.map(\.noticeWeight)
    /// Complaint weights of ``all``, aligned.
    static let complaintWeights = all.map(\.complaintWeight)
}
