// The member countries of Interpol: 196 as of 2024, the count Interpol has published since it admitted
// Palau on 28 November 2023 (the 91st General Assembly, Vienna).
//
// How the list was established: the 193 member states of the United Nations, less the two that are not
// members of Interpol (North Korea and Tuvalu), plus the five members that are not UN member states: the
// State of Palestine (admitted 2017), the Holy See (Vatican City State), and Aruba, Curaçao and Sint Maarten,
// each with its own National Central Bureau (Curaçao and Sint Maarten since 2011, after the Netherlands
// Antilles were dissolved). Checked against Interpol's announcements of each admission since 2011 (South
// Sudan, Curaçao and Sint Maarten 2011; Palestine and the Solomon Islands 2017; Kiribati and Vanuatu 2018;
// Micronesia 2021; Palau 2023). Not members, so deliberately absent: North Korea, Tuvalu, Kosovo (its
// application was refused in 2018), Taiwan, Western Sahara; Hong Kong and Macao are sub-bureaus of China's
// National Central Bureau, not members.
//
// Fields: the English name is the short name printed in reports (Russia, Türkiye, South Korea); French and
// Spanish are the short names in those languages, with diacritics; aliases are formal and ISO/UN long names,
// common short forms and former names that map to exactly one member today (Swaziland, Burma, Zaire). A name
// listed under two members (Congo) is ambiguous and never resolves, so the Republic of the Congo's names in
// the three language fields are its unambiguous formal names. A line ending in a backslash continues on the
// next; alias lists are trimmed, so the continuation's indentation does not matter.
extension CountryTable {
    /// The member table: `alpha2|alpha3|English|French|Spanish|alias;alias;…`, one member per line,
    /// sorted by alpha-2 code.
    static let memberData = """
        AD|AND|Andorra|Andorre|Andorra|Principality of Andorra
        AE|ARE|United Arab Emirates|Émirats arabes unis|Emiratos Árabes Unidos|UAE;U.A.E.;Emirates
        AF|AFG|Afghanistan|Afghanistan|Afganistán|Islamic Republic of Afghanistan;Islamic Emirate of Afghanistan
        AG|ATG|Antigua and Barbuda|Antigua-et-Barbuda|Antigua y Barbuda|Antigua
        AL|ALB|Albania|Albanie|Albania|Republic of Albania
        AM|ARM|Armenia|Arménie|Armenia|Republic of Armenia
        AO|AGO|Angola|Angola|Angola|Republic of Angola
        AR|ARG|Argentina|Argentine|Argentina|Argentine Republic;República Argentina
        AT|AUT|Austria|Autriche|Austria|Republic of Austria;Österreich
        AU|AUS|Australia|Australie|Australia|Commonwealth of Australia
        AW|ABW|Aruba|Aruba|Aruba|
        AZ|AZE|Azerbaijan|Azerbaïdjan|Azerbaiyán|Republic of Azerbaijan
        BA|BIH|Bosnia and Herzegovina|Bosnie-Herzégovine|Bosnia y Herzegovina|Bosnia;Bosnia-Herzegovina;BiH
        BB|BRB|Barbados|Barbade|Barbados|
        BD|BGD|Bangladesh|Bangladesh|Bangladesh|People's Republic of Bangladesh;Bangladés;East Pakistan
        BE|BEL|Belgium|Belgique|Bélgica|Kingdom of Belgium;België
        BF|BFA|Burkina Faso|Burkina Faso|Burkina Faso|Upper Volta;Haute-Volta
        BG|BGR|Bulgaria|Bulgarie|Bulgaria|Republic of Bulgaria
        BH|BHR|Bahrain|Bahreïn|Bahrein|Kingdom of Bahrain;Baréin
        BI|BDI|Burundi|Burundi|Burundi|Republic of Burundi
        BJ|BEN|Benin|Bénin|Benin|Republic of Benin;Benín;Dahomey
        BN|BRN|Brunei|Brunéi Darussalam|Brunei Darussalam|Brunei Darussalam;Nation of Brunei;Brunéi
        BO|BOL|Bolivia|Bolivie|Bolivia|Bolivia (Plurinational State of);Plurinational State of Bolivia;\
            Bolivie (État plurinational de);Bolivia (Estado Plurinacional de);Estado Plurinacional de Bolivia
        BR|BRA|Brazil|Brésil|Brasil|Federative Republic of Brazil;República Federativa do Brasil
        BS|BHS|Bahamas|Bahamas|Bahamas|The Bahamas;Commonwealth of The Bahamas
        BT|BTN|Bhutan|Bhoutan|Bhután|Kingdom of Bhutan;Bután
        BW|BWA|Botswana|Botswana|Botswana|Republic of Botswana;Botsuana;Bechuanaland
        BY|BLR|Belarus|Bélarus|Belarús|Republic of Belarus;Biélorussie;Bielorrusia;Byelorussia;Belorussia
        BZ|BLZ|Belize|Belize|Belice|British Honduras
        CA|CAN|Canada|Canada|Canadá|
        CD|COD|DR Congo|République démocratique du Congo|República Democrática del Congo|\
            Democratic Republic of the Congo;Congo, Democratic Republic of the;Congo, The Democratic Republic of the;\
            DRC;D.R. Congo;RD Congo;RDC;Congo-Kinshasa;Congo (Kinshasa);Zaire;Zaïre;Congo
        CF|CAF|Central African Republic|République centrafricaine|República Centroafricana|Centrafrique;CAR
        CG|COG|Republic of the Congo|République du Congo|República del Congo|Congo, Republic of the;Congo-Brazzaville;\
            Congo (Brazzaville);Congo
        CH|CHE|Switzerland|Suisse|Suiza|Swiss Confederation;Confédération suisse;Schweiz;Svizzera
        CI|CIV|Côte d'Ivoire|Côte d'Ivoire|Côte d'Ivoire|Ivory Coast;Republic of Côte d'Ivoire;Costa de Marfil
        CL|CHL|Chile|Chili|Chile|Republic of Chile
        CM|CMR|Cameroon|Cameroun|Camerún|Republic of Cameroon
        CN|CHN|China|Chine|China|People's Republic of China;China, People's Republic of;PRC;P.R. China;Mainland China;\
            République populaire de Chine;República Popular China
        CO|COL|Colombia|Colombie|Colombia|Republic of Colombia
        CR|CRI|Costa Rica|Costa Rica|Costa Rica|Republic of Costa Rica
        CU|CUB|Cuba|Cuba|Cuba|Republic of Cuba
        CV|CPV|Cabo Verde|Cabo Verde|Cabo Verde|Cape Verde;Cap-Vert;Republic of Cabo Verde
        CW|CUW|Curaçao|Curaçao|Curazao|Country of Curaçao;Curacao
        CY|CYP|Cyprus|Chypre|Chipre|Republic of Cyprus
        CZ|CZE|Czechia|Tchéquie|Chequia|Czech Republic;République tchèque;República Checa;Česko
        DE|DEU|Germany|Allemagne|Alemania|Federal Republic of Germany;Deutschland;République fédérale d'Allemagne;\
            República Federal de Alemania
        DJ|DJI|Djibouti|Djibouti|Yibuti|Republic of Djibouti
        DK|DNK|Denmark|Danemark|Dinamarca|Kingdom of Denmark;Danmark
        DM|DMA|Dominica|Dominique|Dominica|Commonwealth of Dominica
        DO|DOM|Dominican Republic|République dominicaine|República Dominicana|
        DZ|DZA|Algeria|Algérie|Argelia|People's Democratic Republic of Algeria
        EC|ECU|Ecuador|Équateur|Ecuador|Republic of Ecuador
        EE|EST|Estonia|Estonie|Estonia|Republic of Estonia;Eesti
        EG|EGY|Egypt|Égypte|Egipto|Arab Republic of Egypt
        ER|ERI|Eritrea|Érythrée|Eritrea|State of Eritrea
        ES|ESP|Spain|Espagne|España|Kingdom of Spain;Reino de España
        ET|ETH|Ethiopia|Éthiopie|Etiopía|Federal Democratic Republic of Ethiopia;Abyssinia
        FI|FIN|Finland|Finlande|Finlandia|Republic of Finland;Suomi
        FJ|FJI|Fiji|Fidji|Fiji|Republic of Fiji;Fiyi
        FM|FSM|Micronesia|Micronésie|Micronesia|Federated States of Micronesia;Micronesia (Federated States of);\
            Micronesia, Federated States of;Micronésie (États fédérés de);Micronesia (Estados Federados de)
        FR|FRA|France|France|Francia|French Republic;République française;República Francesa
        GA|GAB|Gabon|Gabon|Gabón|Gabonese Republic
        GB|GBR|United Kingdom|Royaume-Uni|Reino Unido|UK;U.K.;Great Britain;Britain;\
            United Kingdom of Great Britain and Northern Ireland;Royaume-Uni de Grande-Bretagne et d'Irlande du Nord;\
            Reino Unido de Gran Bretaña e Irlanda del Norte;Grande-Bretagne;Gran Bretaña
        GD|GRD|Grenada|Grenade|Granada|
        GE|GEO|Georgia|Géorgie|Georgia|Sakartvelo
        GH|GHA|Ghana|Ghana|Ghana|Republic of Ghana;Gold Coast
        GM|GMB|Gambia|Gambie|Gambia|The Gambia;Republic of The Gambia
        GN|GIN|Guinea|Guinée|Guinea|Republic of Guinea;Guinea-Conakry;Guinée-Conakry
        GQ|GNQ|Equatorial Guinea|Guinée équatoriale|Guinea Ecuatorial|Republic of Equatorial Guinea
        GR|GRC|Greece|Grèce|Grecia|Hellenic Republic;Hellas
        GT|GTM|Guatemala|Guatemala|Guatemala|Republic of Guatemala
        GW|GNB|Guinea-Bissau|Guinée-Bissau|Guinea-Bissau|Republic of Guinea-Bissau;Guinea-Bisáu
        GY|GUY|Guyana|Guyana|Guyana|Co-operative Republic of Guyana;British Guiana
        HN|HND|Honduras|Honduras|Honduras|Republic of Honduras
        HR|HRV|Croatia|Croatie|Croacia|Republic of Croatia;Hrvatska
        HT|HTI|Haiti|Haïti|Haití|Republic of Haiti
        HU|HUN|Hungary|Hongrie|Hungría|Magyarország
        ID|IDN|Indonesia|Indonésie|Indonesia|Republic of Indonesia
        IE|IRL|Ireland|Irlande|Irlanda|Republic of Ireland;Éire
        IL|ISR|Israel|Israël|Israel|State of Israel
        IN|IND|India|Inde|India|Republic of India;Bharat
        IQ|IRQ|Iraq|Iraq|Iraq|Republic of Iraq;Irak
        IR|IRN|Iran|Iran|Irán|Iran (Islamic Republic of);Islamic Republic of Iran;Iran, Islamic Republic of;\
            Iran (République islamique d');République islamique d'Iran;Irán (República Islámica del);\
            República Islámica del Irán;Persia
        IS|ISL|Iceland|Islande|Islandia|Republic of Iceland;Ísland
        IT|ITA|Italy|Italie|Italia|Italian Republic;Repubblica Italiana
        JM|JAM|Jamaica|Jamaïque|Jamaica|
        JO|JOR|Jordan|Jordanie|Jordania|Hashemite Kingdom of Jordan
        JP|JPN|Japan|Japon|Japón|Nippon;Nihon
        KE|KEN|Kenya|Kenya|Kenya|Republic of Kenya;Kenia
        KG|KGZ|Kyrgyzstan|Kirghizistan|Kirguistán|Kyrgyz Republic;Kirghizia;Kirgizstan
        KH|KHM|Cambodia|Cambodge|Camboya|Kingdom of Cambodia;Kampuchea
        KI|KIR|Kiribati|Kiribati|Kiribati|Republic of Kiribati
        KM|COM|Comoros|Comores|Comoras|Union of the Comoros;Comoro Islands
        KN|KNA|Saint Kitts and Nevis|Saint-Kitts-et-Nevis|Saint Kitts y Nevis|St Kitts and Nevis;St. Kitts and Nevis;\
            Saint Christopher and Nevis;Federation of Saint Kitts and Nevis
        KR|KOR|South Korea|République de Corée|República de Corea|Republic of Korea;Korea, Republic of;\
            Korea (Republic of);Korea, South;ROK;Corée du Sud;Corea del Sur
        KW|KWT|Kuwait|Koweït|Kuwait|State of Kuwait
        KZ|KAZ|Kazakhstan|Kazakhstan|Kazajstán|Republic of Kazakhstan;Kazakstan
        LA|LAO|Laos|République démocratique populaire lao|República Democrática Popular Lao|\
            Lao People's Democratic Republic;Lao PDR
        LB|LBN|Lebanon|Liban|Líbano|Lebanese Republic
        LC|LCA|Saint Lucia|Sainte-Lucie|Santa Lucía|St Lucia;St. Lucia
        LI|LIE|Liechtenstein|Liechtenstein|Liechtenstein|Principality of Liechtenstein
        LK|LKA|Sri Lanka|Sri Lanka|Sri Lanka|Democratic Socialist Republic of Sri Lanka;Ceylon
        LR|LBR|Liberia|Libéria|Liberia|Republic of Liberia
        LS|LSO|Lesotho|Lesotho|Lesotho|Kingdom of Lesotho;Lesoto;Basutoland
        LT|LTU|Lithuania|Lituanie|Lituania|Republic of Lithuania;Lietuva
        LU|LUX|Luxembourg|Luxembourg|Luxemburgo|Grand Duchy of Luxembourg
        LV|LVA|Latvia|Lettonie|Letonia|Republic of Latvia;Latvija
        LY|LBY|Libya|Libye|Libia|State of Libya;Libyan Arab Jamahiriya
        MA|MAR|Morocco|Maroc|Marruecos|Kingdom of Morocco
        MC|MCO|Monaco|Monaco|Mónaco|Principality of Monaco
        MD|MDA|Moldova|Moldavie|Moldavia|Republic of Moldova;Moldova, Republic of;République de Moldova;\
            República de Moldova
        ME|MNE|Montenegro|Monténégro|Montenegro|Crna Gora
        MG|MDG|Madagascar|Madagascar|Madagascar|Republic of Madagascar
        MH|MHL|Marshall Islands|Îles Marshall|Islas Marshall|Republic of the Marshall Islands
        MK|MKD|North Macedonia|Macédoine du Nord|Macedonia del Norte|Republic of North Macedonia;Macedonia;\
            Republic of Macedonia;FYROM;Former Yugoslav Republic of Macedonia;\
            Macedonia, the former Yugoslav Republic of;Macédoine
        ML|MLI|Mali|Mali|Malí|Republic of Mali
        MM|MMR|Myanmar|Myanmar|Myanmar|Republic of the Union of Myanmar;Burma;Birmanie;Birmania
        MN|MNG|Mongolia|Mongolie|Mongolia|
        MR|MRT|Mauritania|Mauritanie|Mauritania|Islamic Republic of Mauritania
        MT|MLT|Malta|Malte|Malta|Republic of Malta
        MU|MUS|Mauritius|Maurice|Mauricio|Republic of Mauritius
        MV|MDV|Maldives|Maldives|Maldivas|Republic of Maldives
        MW|MWI|Malawi|Malawi|Malawi|Republic of Malawi;Nyasaland
        MX|MEX|Mexico|Mexique|México|United Mexican States;Estados Unidos Mexicanos;Méjico
        MY|MYS|Malaysia|Malaisie|Malasia|
        MZ|MOZ|Mozambique|Mozambique|Mozambique|Republic of Mozambique
        NA|NAM|Namibia|Namibie|Namibia|Republic of Namibia;South West Africa
        NE|NER|Niger|Niger|Níger|Republic of the Niger;Republic of Niger
        NG|NGA|Nigeria|Nigéria|Nigeria|Federal Republic of Nigeria
        NI|NIC|Nicaragua|Nicaragua|Nicaragua|Republic of Nicaragua
        NL|NLD|Netherlands|Pays-Bas|Países Bajos|The Netherlands;Kingdom of the Netherlands;\
            Netherlands (Kingdom of the);Holland;Nederland;Hollande;Holanda
        NO|NOR|Norway|Norvège|Noruega|Kingdom of Norway;Norge
        NP|NPL|Nepal|Népal|Nepal|Federal Democratic Republic of Nepal
        NR|NRU|Nauru|Nauru|Nauru|Republic of Nauru
        NZ|NZL|New Zealand|Nouvelle-Zélande|Nueva Zelandia|Aotearoa;Nueva Zelanda
        OM|OMN|Oman|Oman|Omán|Sultanate of Oman
        PA|PAN|Panama|Panama|Panamá|Republic of Panama
        PE|PER|Peru|Pérou|Perú|Republic of Peru
        PG|PNG|Papua New Guinea|Papouasie-Nouvelle-Guinée|Papua Nueva Guinea|Independent State of Papua New Guinea
        PH|PHL|Philippines|Philippines|Filipinas|Republic of the Philippines;The Philippines
        PK|PAK|Pakistan|Pakistan|Pakistán|Islamic Republic of Pakistan
        PL|POL|Poland|Pologne|Polonia|Republic of Poland;Polska
        PS|PSE|Palestine|Palestine|Palestina|State of Palestine;Palestine, State of;État de Palestine;\
            Estado de Palestina
        PT|PRT|Portugal|Portugal|Portugal|Portuguese Republic
        PW|PLW|Palau|Palaos|Palau|Republic of Palau;Belau
        PY|PRY|Paraguay|Paraguay|Paraguay|Republic of Paraguay
        QA|QAT|Qatar|Qatar|Qatar|State of Qatar
        RO|ROU|Romania|Roumanie|Rumania|România
        RS|SRB|Serbia|Serbie|Serbia|Republic of Serbia;Srbija
        RU|RUS|Russia|Russie|Rusia|Russian Federation;Fédération de Russie;Federación de Rusia;Rossiya
        RW|RWA|Rwanda|Rwanda|Rwanda|Republic of Rwanda;Ruanda
        SA|SAU|Saudi Arabia|Arabie saoudite|Arabia Saudita|Kingdom of Saudi Arabia;KSA
        SB|SLB|Solomon Islands|Îles Salomon|Islas Salomón|Solomons
        SC|SYC|Seychelles|Seychelles|Seychelles|Republic of Seychelles
        SD|SDN|Sudan|Soudan|Sudán|Republic of the Sudan;The Sudan
        SE|SWE|Sweden|Suède|Suecia|Kingdom of Sweden;Sverige
        SG|SGP|Singapore|Singapour|Singapur|Republic of Singapore
        SI|SVN|Slovenia|Slovénie|Eslovenia|Republic of Slovenia;Slovenija
        SK|SVK|Slovakia|Slovaquie|Eslovaquia|Slovak Republic;Slovensko
        SL|SLE|Sierra Leone|Sierra Leone|Sierra Leona|Republic of Sierra Leone
        SM|SMR|San Marino|Saint-Marin|San Marino|Republic of San Marino
        SN|SEN|Senegal|Sénégal|Senegal|Republic of Senegal
        SO|SOM|Somalia|Somalie|Somalia|Federal Republic of Somalia
        SR|SUR|Suriname|Suriname|Suriname|Republic of Suriname;Surinam;Dutch Guiana
        SS|SSD|South Sudan|Soudan du Sud|Sudán del Sur|Republic of South Sudan
        ST|STP|São Tomé and Príncipe|Sao Tomé-et-Principe|Santo Tomé y Príncipe|Sao Tome and Principe;\
            Democratic Republic of São Tomé and Príncipe
        SV|SLV|El Salvador|El Salvador|El Salvador|Republic of El Salvador
        SX|SXM|Sint Maarten|Saint-Martin (partie néerlandaise)|San Martín (parte neerlandesa)|\
            Sint Maarten (Dutch part);Country of Sint Maarten
        SY|SYR|Syria|Syrie|Siria|Syrian Arab Republic;République arabe syrienne;República Árabe Siria
        SZ|SWZ|Eswatini|Eswatini|Eswatini|Kingdom of Eswatini;Swaziland;Kingdom of Swaziland;Esuatini
        TD|TCD|Chad|Tchad|Chad|Republic of Chad
        TG|TGO|Togo|Togo|Togo|Togolese Republic
        TH|THA|Thailand|Thaïlande|Tailandia|Kingdom of Thailand;Siam
        TJ|TJK|Tajikistan|Tadjikistan|Tayikistán|Republic of Tajikistan
        TL|TLS|Timor-Leste|Timor-Leste|Timor-Leste|East Timor;Democratic Republic of Timor-Leste;Timor Oriental
        TM|TKM|Turkmenistan|Turkménistan|Turkmenistán|
        TN|TUN|Tunisia|Tunisie|Túnez|Republic of Tunisia
        TO|TON|Tonga|Tonga|Tonga|Kingdom of Tonga
        TR|TUR|Türkiye|Turquie|Turquía|Turkey;Republic of Türkiye;Republic of Turkey
        TT|TTO|Trinidad and Tobago|Trinité-et-Tobago|Trinidad y Tabago|Republic of Trinidad and Tobago;\
            Trinidad y Tobago
        TZ|TZA|Tanzania|République-Unie de Tanzanie|República Unida de Tanzanía|United Republic of Tanzania;\
            Tanzania, United Republic of;Tanzanie
        UA|UKR|Ukraine|Ukraine|Ucrania|Ukraina
        UG|UGA|Uganda|Ouganda|Uganda|Republic of Uganda
        US|USA|United States|États-Unis|Estados Unidos|United States of America;U.S.;U.S.A.;États-Unis d'Amérique;\
            Estados Unidos de América;EE. UU.
        UY|URY|Uruguay|Uruguay|Uruguay|Oriental Republic of Uruguay;República Oriental del Uruguay
        UZ|UZB|Uzbekistan|Ouzbékistan|Uzbekistán|Republic of Uzbekistan
        VA|VAT|Vatican City|Saint-Siège|Santa Sede|Holy See;Vatican;Vatican City State;Holy See (Vatican City State);\
            État de la Cité du Vatican;Ciudad del Vaticano
        VC|VCT|Saint Vincent and the Grenadines|Saint-Vincent-et-les-Grenadines|San Vicente y las Granadinas|\
            St Vincent and the Grenadines;St. Vincent and the Grenadines;Saint Vincent
        VE|VEN|Venezuela|Venezuela|Venezuela|Venezuela (Bolivarian Republic of);Bolivarian Republic of Venezuela;\
            Venezuela (République bolivarienne du);Venezuela (República Bolivariana de);\
            República Bolivariana de Venezuela
        VN|VNM|Vietnam|Viet Nam|Viet Nam|Viet Nam;Socialist Republic of Viet Nam;Socialist Republic of Vietnam
        VU|VUT|Vanuatu|Vanuatu|Vanuatu|Republic of Vanuatu;New Hebrides
        WS|WSM|Samoa|Samoa|Samoa|Independent State of Samoa;Western Samoa
        YE|YEM|Yemen|Yémen|Yemen|Republic of Yemen
        ZA|ZAF|South Africa|Afrique du Sud|Sudáfrica|Republic of South Africa;RSA
        ZM|ZMB|Zambia|Zambie|Zambia|Republic of Zambia;Northern Rhodesia
        ZW|ZWE|Zimbabwe|Zimbabwe|Zimbabwe|Republic of Zimbabwe;Zimbabue;Southern Rhodesia
        """
}
