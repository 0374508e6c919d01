extension SampleCountry {
    /// The long tail of requesting countries: each draws a few notices and few or no complaints, as most
    /// members do in the published statistics.
    ///
    /// Weights are on the scale of ``leading``. With the sizes of the sample bundle a complaint weight of one
    /// gives about two complaints, so most of these countries have fewer than 10 decided complaints and are
    /// too few to rank; Serbia, Indonesia, Mexico and Brazil draw notices but no complaint at all. Spellings
    /// mix codes, English, French and Spanish names, formal names and former names (`Byelorussia`,
    /// `Kirghizia`, `Macedonia`, `FYROM`), each one the model's country table resolves.
    static let tail: [SampleCountry] = [
        SampleCountry(
            alpha2: "AZ", noticeWeight: 20, complaintWeight: 14, outcomePerMille: [740, 140, 40, 80],
            registerSpellings: ["AZE", "Azerbaijan", "Republic of Azerbaijan"],
            frenchSpellings: ["Azerbaïdjan", "Azerbaïdjan", "AZE"], caseSystemSpellings: ["AZ", "AZE"],
            exportName: "Azerbaijan"),
        SampleCountry(
            alpha2: "BY", noticeWeight: 18, complaintWeight: 12, outcomePerMille: [740, 140, 40, 80],
            registerSpellings: ["BLR", "Belarus", "Republic of Belarus", "Byelorussia"],
            frenchSpellings: ["Bélarus", "Biélorussie"], caseSystemSpellings: ["BY", "BLR"], exportName: "Belarus"),
        SampleCountry(
            alpha2: "KZ", noticeWeight: 16, complaintWeight: 10, outcomePerMille: usualOutcomes,
            registerSpellings: ["KAZ", "Kazakhstan", "Kazakstan"], frenchSpellings: ["Kazakhstan"],
            caseSystemSpellings: ["KZ", "KAZ", "Kazajstán"], exportName: "Kazakhstan"),
        SampleCountry(
            alpha2: "UZ", noticeWeight: 14, complaintWeight: 9, outcomePerMille: usualOutcomes,
            registerSpellings: ["UZB", "Uzbekistan"], frenchSpellings: ["Ouzbékistan", "Uzbekistan"],
            caseSystemSpellings: ["UZ", "UZB"], exportName: "Uzbekistan"),
        SampleCountry(
            alpha2: "VE", noticeWeight: 12, complaintWeight: 7, outcomePerMille: usualOutcomes,
            registerSpellings: ["VEN", "Venezuela (Bolivarian Republic of)", "Venezuela"],
            frenchSpellings: ["Venezuela", "Venezuela (République bolivarienne du)"],
            caseSystemSpellings: ["VE", "República Bolivariana de Venezuela"], exportName: "Venezuela"),
        SampleCountry(
            alpha2: "EG", noticeWeight: 12, complaintWeight: 6, outcomePerMille: usualOutcomes,
            registerSpellings: ["EGY", "Egypt", "Arab Republic of Egypt"], frenchSpellings: ["Égypte", "Egypt"],
            caseSystemSpellings: ["EG", "EGY"], exportName: "Egypt"),
        SampleCountry(
            alpha2: "AE", noticeWeight: 10, complaintWeight: 5, outcomePerMille: usualOutcomes,
            registerSpellings: ["ARE", "United Arab Emirates"], frenchSpellings: ["Émirats arabes unis"],
            caseSystemSpellings: ["AE", "ARE"], exportName: "United Arab Emirates"),
        SampleCountry(
            alpha2: "KG", noticeWeight: 8, complaintWeight: 5, outcomePerMille: usualOutcomes,
            registerSpellings: ["KGZ", "Kyrgyzstan", "Kyrgyz Republic", "Kirghizia"],
            frenchSpellings: ["Kirghizistan"], caseSystemSpellings: ["KG", "KGZ"], exportName: "Kyrgyzstan"),
        SampleCountry(
            alpha2: "SA", noticeWeight: 8, complaintWeight: 4, outcomePerMille: usualOutcomes,
            registerSpellings: ["SAU", "Saudi Arabia", "Kingdom of Saudi Arabia"],
            frenchSpellings: ["Arabie saoudite"], caseSystemSpellings: ["SA", "SAU"], exportName: "Saudi Arabia"),
        SampleCountry(
            alpha2: "IN", noticeWeight: 14, complaintWeight: 4, outcomePerMille: fewerOverturns,
            registerSpellings: ["IND", "India", "Republic of India"], frenchSpellings: ["Inde"],
            caseSystemSpellings: ["IN", "IND"], exportName: "India"),
        SampleCountry(
            alpha2: "UA", noticeWeight: 12, complaintWeight: 3, outcomePerMille: fewerOverturns,
            registerSpellings: ["UKR", "Ukraine"], frenchSpellings: ["Ukraine"],
            caseSystemSpellings: ["UA", "UKR", "Ucrania"], exportName: "Ukraine"),
        SampleCountry(
            alpha2: "NI", noticeWeight: 4, complaintWeight: 3, outcomePerMille: usualOutcomes,
            registerSpellings: ["NIC", "Nicaragua", "Republic of Nicaragua"], frenchSpellings: ["Nicaragua"],
            caseSystemSpellings: ["NI", "Nicaragua"], exportName: "Nicaragua"),
        SampleCountry(
            alpha2: "BH", noticeWeight: 4, complaintWeight: 3, outcomePerMille: usualOutcomes,
            registerSpellings: ["BHR", "Bahrain", "Kingdom of Bahrain"], frenchSpellings: ["Bahreïn"],
            caseSystemSpellings: ["BH", "BHR"], exportName: "Bahrain"),
        SampleCountry(
            alpha2: "DZ", noticeWeight: 6, complaintWeight: 3, outcomePerMille: usualOutcomes,
            registerSpellings: ["DZA", "Algeria"], frenchSpellings: ["Algérie"],
            caseSystemSpellings: ["DZ", "DZA", "Argelia"], exportName: "Algeria"),
        SampleCountry(
            alpha2: "RW", noticeWeight: 4, complaintWeight: 2, outcomePerMille: usualOutcomes,
            registerSpellings: ["RWA", "Rwanda"], frenchSpellings: ["Rwanda"], caseSystemSpellings: ["RW", "RWA"],
            exportName: "Rwanda"),
        SampleCountry(
            alpha2: "TN", noticeWeight: 6, complaintWeight: 2, outcomePerMille: usualOutcomes,
            registerSpellings: ["TUN", "Tunisia"], frenchSpellings: ["Tunisie"],
            caseSystemSpellings: ["TN", "Túnez"], exportName: "Tunisia"),
        SampleCountry(
            alpha2: "GE", noticeWeight: 6, complaintWeight: 2, outcomePerMille: fewerOverturns,
            registerSpellings: ["GEO", "Georgia"], frenchSpellings: ["Géorgie"], caseSystemSpellings: ["GE", "GEO"],
            exportName: "Georgia"),
        SampleCountry(
            alpha2: "LB", noticeWeight: 4, complaintWeight: 2, outcomePerMille: usualOutcomes,
            registerSpellings: ["LBN", "Lebanon", "Lebanese Republic"], frenchSpellings: ["Liban"],
            caseSystemSpellings: ["LB", "LBN"], exportName: "Lebanon"),
        SampleCountry(
            alpha2: "MK", noticeWeight: 3, complaintWeight: 1, outcomePerMille: fewerOverturns,
            registerSpellings: ["MKD", "North Macedonia", "Macedonia", "FYROM"],
            frenchSpellings: ["Macédoine du Nord", "Macédoine"], caseSystemSpellings: ["MK", "MKD"],
            exportName: "North Macedonia"),
        SampleCountry(
            alpha2: "RS", noticeWeight: 8, complaintWeight: 0, outcomePerMille: fewerOverturns,
            registerSpellings: ["SRB", "Serbia", "Republic of Serbia"], frenchSpellings: ["Serbie"],
            caseSystemSpellings: ["RS", "SRB"], exportName: "Serbia"),
        SampleCountry(
            alpha2: "ID", noticeWeight: 6, complaintWeight: 0, outcomePerMille: fewerOverturns,
            registerSpellings: ["IDN", "Indonesia"], frenchSpellings: ["Indonésie"],
            caseSystemSpellings: ["ID", "IDN"], exportName: "Indonesia"),
        SampleCountry(
            alpha2: "MX", noticeWeight: 8, complaintWeight: 0, outcomePerMille: fewerOverturns,
            registerSpellings: ["MEX", "Mexico", "México", "United Mexican States"], frenchSpellings: ["Mexique"],
            caseSystemSpellings: ["MX", "MEX"], exportName: "Mexico"),
        SampleCountry(
            alpha2: "BR", noticeWeight: 10, complaintWeight: 0, outcomePerMille: fewerOverturns,
            registerSpellings: ["BRA", "Brazil", "Brasil"], frenchSpellings: ["Brésil"],
            caseSystemSpellings: ["BR", "BRA"], exportName: "Brazil"),
    ]
}
