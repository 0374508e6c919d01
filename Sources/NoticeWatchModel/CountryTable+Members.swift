extension CountryTable {
    /// The member table: `alpha2|alpha3|English|French|Spanish|alias;alias;…`, one member per line.
    static let memberData = """
        FR|FRA|France|France|Francia|French Republic;République française
        RU|RUS|Russia|Russie|Rusia|Russian Federation;Fédération de Russie;Federación de Rusia;USSR
        TJ|TJK|Tajikistan|Tadjikistan|Tayikistán|Republic of Tajikistan
        TR|TUR|Türkiye|Turquie|Turquía|Turkey;Republic of Türkiye;Republic of Turkey
        CN|CHN|China|Chine|China|People's Republic of China;PRC
        GB|GBR|United Kingdom|Royaume-Uni|Reino Unido|UK;Great Britain;United Kingdom of Great Britain and Northern Ireland
        US|USA|United States|États-Unis|Estados Unidos|USA;United States of America;US
        IR|IRN|Iran|Iran|Irán|Iran (Islamic Republic of);Islamic Republic of Iran
        MD|MDA|Moldova|Moldavie|Moldavia|Republic of Moldova;République de Moldova
        """
}
