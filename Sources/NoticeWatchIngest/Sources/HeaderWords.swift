/// The words of a header name and what each means, for zero-config mapping.
///
/// A name is split into words at spaces, punctuation and camel-case humps (`requestingCountry`,
/// `CCFReference`), each word folded to lower case without accents (`Réception` → `reception`). `#` is the word
/// *number*, and so are `N°`, `Nº`, `No.`, `Nr`, `Num`, `Número`, `Nomer`. A word glued of known words
/// (`datefiled`, `noticeid`) is split into them when it is not known itself. Each word then stands for a
/// ``Concept``; small words (`of`, `de`, `la`, `d'`) carry none, and a word of no concept makes the name fit no
/// field.
enum HeaderWords {
    /// What a header word means.
    enum Concept: Hashable, Sendable {
        case number, identifier, reference, caseWord, complaint, request, ccf, notice, entity
        case country, state, requesting, code, member
        case date, on, receipt, decision, decided, outcome, final
        case issue, status, cancellation, reason, kind
        case dataWord, admissibility, charge, translation
    }

    /// The longest name, in UTF-8 bytes, that is split into words: the longest a field's name needs is some
    /// 60 bytes, and a longer one (a 4 MiB header cell) fits no field without being read.
    static let longestName = 256

    /// The longest JSON or XML path, in UTF-8 bytes, whose steps are looked at: longer, it fits no field unread.
    static let longestPath = 1024

    /// The concepts of `name`, or `nil` when some word of it has none (`Date of birth`, `Observations`) or it is
    /// longer than ``longestName``.
    static func concepts(_ name: String) -> Set<Concept>? {
        guard name.utf8.count <= longestName else { return nil }
        var result = Set<Concept>()
        for word in words(name) {
            if stopWords.contains(word) { continue }
            if let concept = dictionary[word] {
                result.insert(concept)
            } else if let parts = split(glued: word) {
                for part in parts { if let concept = dictionary[part] { result.insert(concept) } }
            } else {
                return nil
            }
        }
        return result
    }

    /// The folded words of `name`: `"N° dossier"` → `["number", "dossier"]`, `"issueDate"` → `["issue", "date"]`.
    static func words(_ name: String) -> [String] {
        var words: [String] = []
        var current: [Character] = []
        func flush() {
            if !current.isEmpty {
                let word = fold(String(current))
                words.append(word == "n" || word == "no" || word == "nr" ? "number" : word)
            }
            current = []
        }
        let characters = Array(name)
        for (index, character) in characters.enumerated() {
            if character == "#" {
                flush()
                words.append("number")
            } else if character == "º" {
                current.append("o")
            } else if character.isLetter {
                if let previous = current.last, character.isUppercase {
                    let nextIsLower = index + 1 < characters.count && characters[index + 1].isLowercase
                    if previous.isLowercase || (previous.isUppercase && nextIsLower) { flush() }
                }
                current.append(character)
            } else {
                flush()
            }
        }
        flush()
        return words
    }

    /// `word` lower case, with the accents of Latin letters dropped and ligatures spelled out.
    static func fold(_ word: String) -> String {
        var result = ""
        for scalar in word.lowercased().unicodeScalars {
            if (0x300...0x36F).contains(scalar.value) { continue }
            if let plain = accentFree[scalar] {
                result += plain
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// `word` as two or more known words (`fileddate` → `filed`, `date`), none of them a stop word alone
    /// beside one other word; `nil` when it cannot be split so.
    static func split(glued word: String) -> [String]? {
        let letters = Array(word)
        var best: [Int: [String]] = [letters.count: []]
        if letters.count > 40 { return nil }
        for start in stride(from: letters.count - 1, through: 0, by: -1) {
            for end in stride(from: letters.count, to: start + 1, by: -1) {
                let piece = String(letters[start..<end])
                guard dictionary[piece] != nil || stopWords.contains(piece), let rest = best[end] else { continue }
                best[start] = [piece] + rest
                break
            }
        }
        guard let parts = best[0], parts.filter({ !stopWords.contains($0) }).count >= 2 else { return nil }
        return parts
    }

    /// Words that carry no concept: articles, prepositions and date-format hints.
    static let stopWords: Set<String> = [
        "of", "the", "for", "by", "at", "in", "and", "de", "du", "des", "la", "le", "les", "l", "d", "del", "el",
        "los", "las", "en", "et", "y", "par", "por", "a", "dd", "mm", "yyyy", "yy", "jj", "aaaa",
    ]

    static let dictionary: [String: Concept] = {
        let groups: [(Concept, [String])] = [
            (.number, ["number", "num", "nro", "numero", "numer", "nomer", "nummer", "numb"]),
            (.identifier, ["id", "ids", "identifier", "ident", "identifiant", "identificador", "identifikator"]),
            (.reference, ["ref", "reference", "referencia", "refs"]),
            (
                .caseWord,
                ["case", "cases", "dossier", "file", "caso", "expediente", "affaire", "delo", "dela", "matter"]
            ),
            (
                .complaint,
                [
                    "complaint", "complaints", "plainte", "requete", "queja", "reclamacion", "zhaloba", "zhaloby",
                    "application", "demande", "solicitud", "petition",
                ]
            ),
            (.request, ["request", "requests"]),
            (.ccf, ["ccf", "cccf", "commission"]),
            (
                .notice,
                [
                    "notice", "notices", "diffusion", "notification", "notificacion", "uvedomleniye", "uvedomleniya",
                    "uvedomlenie", "notitsii", "notitsiya",
                ]
            ),
            (.entity, ["entity"]),
            (.country, ["country", "countries", "pays", "pais", "ncb", "bcn", "ocn", "strana", "strany"]),
            (.state, ["state", "etat", "estado", "gosudarstvo"]),
            (
                .requesting,
                [
                    "requesting", "requerant", "requerante", "requirente", "solicitante", "requester", "issuing",
                    "emitting", "emetteur", "demandeur", "demandeuse", "applicant", "zaprashivayushchaya",
                    "zaprashivayushchee", "zaprashivayushchiy",
                ]
            ),
            (.code, ["code", "iso", "codigo"]),
            (.member, ["member", "membre", "miembro"]),
            (.date, ["date", "dates", "fecha", "data", "datum", "dt"]),
            (.on, ["on"]),
            (
                .receipt,
                [
                    "receipt", "received", "reception", "recepcion", "filed", "filing", "lodged", "lodging",
                    "submitted", "submission", "depot", "depose", "deposee", "presentacion", "presentada",
                    "recibida", "recibido", "entrada", "arrivee", "podachi", "podacha", "polucheniya", "poluchenia",
                    "registered", "registration", "enregistrement", "registro", "saisine",
                ]
            ),
            (
                .decision,
                [
                    "decision", "decisions", "resolucion", "resheniye", "resheniya", "reshenie", "verdict",
                    "ruling", "finding", "findings",
                ]
            ),
            (.decided, ["decided", "decidee", "decide", "resuelto", "decidido", "decidida"]),
            (
                .outcome,
                [
                    "outcome", "result", "results", "resultat", "resultado", "conclusion", "conclusions", "ishod",
                    "rezultat",
                ]
            ),
            (.final, ["final", "finale", "definitive", "definitiva"]),
            (.dataWord, ["donnees", "donnee", "datos", "dannykh", "dannye"]),
            (
                .admissibility,
                [
                    "admissible", "admissibility", "admissibilite", "recevable", "recevabilite", "admisible",
                    "admisibilidad", "admitted", "priemlemosti",
                ]
            ),
            (
                .issue,
                [
                    "issue", "issued", "issuance", "emission", "emise", "emis", "publication", "published", "publie",
                    "publiee", "publicacion", "publicada", "emitida", "vydachi",
                ]
            ),
            (.status, ["status", "statut", "estatus", "situation", "situacion", "sostoyanie"]),
            (
                .cancellation,
                [
                    "cancellation", "cancelled", "canceled", "cancel", "annulation", "annule", "annulee",
                    "cancelacion", "cancelada", "cancelado", "otmena", "otmeny",
                ]
            ),
            (.reason, ["reason", "reasons", "motif", "motifs", "motivo", "grounds", "cause", "prichina"]),
            (
                .charge,
                [
                    "charge", "charges", "offence", "offences", "offense", "offenses", "infraction", "infractions",
                    "delito", "delitos", "delit", "crime", "crimes", "obvinenie", "obvineniye",
                ]
            ),
            (.translation, ["translation", "translated", "traduction", "traduccion", "traducido", "perevod"]),
            (
                .kind,
                ["kind", "type", "tipo", "colour", "color", "couleur", "category", "categorie", "categoria", "vid"]
            ),
        ]
        var table: [String: Concept] = [:]
        for (concept, words) in groups { for word in words { table[word] = concept } }
        return table
    }()

    /// Accented Latin letters (lower case) and their plain spelling.
    static let accentFree: [Unicode.Scalar: String] = {
        let groups: [(String, String)] = [
            ("a", "àáâãäåāăą"), ("c", "çćčĉ"), ("d", "ďđ"), ("e", "èéêëēĕėęě"), ("g", "ğĝģ"), ("i", "ìíîïīĭįı"),
            ("n", "ñńňņ"), ("o", "òóôõöøōŏő"), ("r", "řŕ"), ("s", "śšşș"), ("t", "ťţț"), ("u", "ùúûüūŭůűų"),
            ("y", "ýÿ"), ("z", "źżž"), ("l", "łľĺ"), ("oe", "œ"), ("ae", "æ"), ("ss", "ß"), ("a", "ª"),
        ]
        var table: [Unicode.Scalar: String] = [:]
        for (plain, accented) in groups { for scalar in accented.unicodeScalars { table[scalar] = plain } }
        return table
    }()
}
