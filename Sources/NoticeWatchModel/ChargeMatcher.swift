/// The category of a warrant's charge, from words of the charge and of its translation.
///
/// Both texts are folded (lower case; accents, Arabic short vowels and the Cyrillic `ё` dropped to their plain
/// letter; Turkish dotless `ı` read as `i`) and searched for word stems in English, Russian, Spanish, French,
/// Turkish and Arabic. The first category, in ``ChargeCategory`` order, that either text names wins:
/// - terrorism: `terror` (terrorism, terrorismo, terrorisme), `teror` (terör), `террор`, `إرهاب`, and taking part
///   in an illegal armed formation (`illegal armed`, `armed formation`, `вооруженн…` with `формирован…`,
///   `формирования`/`формировании` after `незаконн…`);
/// - homicide: `murder`, `homicid`, `killing`, `убийств`, `asesinat`, `meurtre`, `assassinat`, `cinayet`,
///   `oldurme` (öldürme), `قتل`;
/// - drugs: `drug`, `narcotic`, `наркот`, `психотроп`, `estupefaciente`, `stupefiant`, `droga`, `drogue`,
///   `uyusturucu` (uyuşturucu), `مخدر`, `cocain`, `heroin`;
/// - fraud: `fraud` (fraud, fraude), `мошенничеств`, `estafa`, `escroquer`, `dolandiric` (dolandırıcılık),
///   `احتيال`, `swindl`;
/// - other: a charge or translation given that names none of them.
///
/// No text at all (both empty) has no category.
public enum ChargeMatcher {
    /// The category of `charge` and `translation`; `nil` when both are empty.
    ///
    /// - Complexity: O(length × stems).
    public static func category(charge: String, translation: String?) -> ChargeCategory? {
        let texts = [charge, translation ?? ""].filter { !$0.isEmpty }
        guard !texts.isEmpty else { return nil }
        let folded = texts.map(fold)
        for (category, rules) in foldedRules {
            for rule in rules where folded.contains(where: { text in rule.allSatisfy { text.contains($0) } }) {
                return category
            }
        }
        return .other
    }

    /// The stems of each category; a rule matches when its stems are all in one text.
    static let rules: [(ChargeCategory, [[String]])] = [
        (
            .terrorism,
            [
                ["terror"], ["teror"], ["террор"], ["ارهاب"], ["illegal armed"], ["armed formation"],
                ["вооруженн", "формирован"], ["незаконн", "формировани"], ["formacion armada ilegal"],
                ["formation armee illegale"], ["yasadisi silahli"],
            ]
        ),
        (
            .homicide,
            [
                ["murder"], ["homicid"], ["killing"], ["убийств"], ["asesinat"], ["meurtre"], ["assassinat"],
                ["cinayet"], ["oldurme"], ["قتل"],
            ]
        ),
        (
            .drugs,
            [
                ["drug"], ["narcotic"], ["наркот"], ["психотроп"], ["estupefaciente"], ["stupefiant"], ["droga"],
                ["drogue"], ["uyusturucu"], ["مخدر"], ["cocain"], ["heroin"],
            ]
        ),
        (.fraud, [["fraud"], ["мошенничеств"], ["estafa"], ["escroquer"], ["dolandiric"], ["احتيال"], ["swindl"]]),
    ]

    /// ``rules`` with their stems folded as the texts are.
    static let foldedRules: [(ChargeCategory, [[String]])] = rules.map { ($0.0, $0.1.map { $0.map(fold) }) }

    /// `text` in lower case with accents and marks dropped (see the type's notes), as searched.
    ///
    /// - Complexity: O(length).
    public static func fold(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        for scalar in text.lowercased().unicodeScalars {
            let value = scalar.value
            // Combining diacritics, Arabic short vowels and marks, the Arabic tatweel.
            if (0x300...0x36F).contains(value) || (0x64B...0x65F).contains(value) || value == 0x670
                || value == 0x640
            {
                continue
            }
            if let plain = plainLetters[scalar] {
                result.append(plain)
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }

    /// Letters with accents or variant forms and their plain letter.
    static let plainLetters: [Unicode.Scalar: Unicode.Scalar] = {
        let groups: [(Unicode.Scalar, String)] = [
            ("a", "àáâãäåāăą"), ("c", "çćčĉ"), ("d", "ďđ"), ("e", "èéêëēĕėęě"), ("g", "ğĝģ"), ("i", "ìíîïīĭįı"),
            ("n", "ñńňņ"), ("o", "òóôõöøōŏő"), ("r", "řŕ"), ("s", "śšşș"), ("t", "ťţț"), ("u", "ùúûüūŭůűų"),
            ("y", "ýÿ"), ("z", "źżž"), ("l", "łľĺ"), ("е", "ё"), ("ا", "أإآٱ"), ("ه", "ة"), ("ي", "ى"),
        ]
        var table: [Unicode.Scalar: Unicode.Scalar] = [:]
        for (plain, variants) in groups { for scalar in variants.unicodeScalars { table[scalar] = plain } }
        return table
    }()
}
