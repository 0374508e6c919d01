/// Raw labels to categories for one field: the built-in English and French wordings, plus a source's `values:`.
///
/// Labels are compared by ``key(_:)``: case and accents folded, surrounding space dropped, runs of space, `_`,
/// `-`, `–` and `—` as one space, `’` as `'` (`NON-CONFORME` is `non conforme`, `Annulee` is `annulée`). A
/// category's own name (`partially-overturned`) always maps to itself. A source's values win over the defaults.
struct Vocabulary: Sendable {
    private var table: [String: String]

    /// The defaults for `field` with `overrides` (raw label → category raw value) on top.
    init(field: NormalizedField, overrides: [String: String]) {
        var table: [String: String] = [:]
        for category in field.categories ?? [] { table[Vocabulary.key(category)] = category }
        for (category, labels) in Vocabulary.defaults(for: field) {
            for label in labels { table[Vocabulary.key(label)] = category }
        }
        for (label, category) in overrides { table[Vocabulary.key(label)] = category }
        self.table = table
    }

    /// The longest label, in bytes, that ``guess(for:)`` looks for known labels in (the longest default label
    /// is under 60 bytes).
    static let longestGuessed = 256

    /// The category raw value for `label`, or `nil` when the label is unknown.
    func category(for label: String) -> String? { table[Vocabulary.key(label)] }

    /// The lookup key of a label: ``TextFolding/labelKey(_:)`` of it with dashes and apostrophes unified and
    /// accents folded.
    static func key(_ label: String) -> String {
        var unified = ""
        for character in label {
            switch character {
            case "–", "—", "‐", "‑": unified.append("-")
            case "’", "‘", "`": unified.append("'")
            default: unified.append(character)
            }
        }
        return TextFolding.labelKey(HeaderWords.fold(unified))
    }

    static func defaults(for field: NormalizedField) -> [(String, [String])] {
        switch field {
        case .outcome:
            return [
                (
                    "overturned",
                    [
                        "not compliant", "non-compliant", "noncompliant", "data deleted", "deleted", "non conforme",
                        "non-conforme", "effacement", "données effacées", "not compliant - data deleted",
                        "not compliant - deleted", "not compliant, deleted", "no conforme", "deleted (ccf)",
                        "deleted following ccf decision", "deleted following a ccf decision",
                        "non conforme - effacement", "non conforme – données effacées", "no conforme - eliminado",
                        "datos eliminados", "eliminado",
                    ]
                ),
                ("upheld", ["compliant", "conforme", "data compliant", "compliant - retained", "conforme - maintenu"]),
                (
                    "partially-overturned",
                    [
                        "compliant subject to updates", "compliant subject to update", "updated", "data updated",
                        "conforme sous réserve de mises à jour", "conforme sous réserve de mise à jour",
                        "partially overturned", "partially compliant", "conforme sous réserve",
                        "conforme sous réserve de mise à jour des données", "conforme con actualizaciones",
                        "conforme sujeto a actualizaciones", "compliant with updates",
                    ]
                ),
                (
                    "inadmissible",
                    ["inadmissible", "not admissible", "irrecevable", "non recevable", "inadmisible", "no admisible"]
                ),
                (
                    "withdrawn",
                    [
                        "withdrawn", "deleted by the ncb", "deleted by ncb", "deleted by the general secretariat",
                        "deleted by the ncb or the general secretariat before a decision",
                        "deleted by the ncb or general secretariat before a decision", "deleted before a decision",
                        "deleted before decision", "retiré", "retirée", "effacé par le bcn", "effacée par le bcn",
                    ]
                ),
                (
                    "pending",
                    [
                        "pending", "under examination", "precautionary blocking", "precautionary block",
                        "blocked", "en cours", "en cours d'examen", "en attente", "blocage conservatoire",
                        "in progress", "ongoing", "en examen", "pendiente", "en trámite", "en curso",
                    ]
                ),
            ]
        case .status:
            return [
                ("active", ["active", "valid", "in force", "current", "published", "en vigueur", "valide", "active"]),
                (
                    "cancelled",
                    ["cancelled", "canceled", "annulée", "annulé", "deleted", "cancelada", "cancelado", "supprimée"]
                ),
                ("withdrawn", ["withdrawn", "retirée", "retiré", "retirada", "retirado"]),
                ("expired", ["expired", "expirée", "expiré", "lapsed", "expirada", "caducada"]),
                ("unknown", ["unknown", "inconnu", "inconnue", "n/a"]),
            ]
        case .kind:
            return [
                ("red-notice", ["red notice", "red", "notice rouge", "rouge"]),
                ("diffusion", ["diffusion", "red diffusion", "wanted person diffusion"]),
                ("yellow-notice", ["yellow notice", "yellow", "notice jaune"]),
                ("blue-notice", ["blue notice", "blue", "notice bleue"]),
                ("black-notice", ["black notice", "black", "notice noire"]),
                ("green-notice", ["green notice", "green", "notice verte"]),
                ("orange-notice", ["orange notice", "orange", "notice orange"]),
                ("purple-notice", ["purple notice", "purple", "notice mauve", "notice violette"]),
                (
                    "un-special-notice",
                    ["un special notice", "interpol-un security council special notice", "un", "notice spéciale"]
                ),
            ]
        case .cancellationReason:
            return [
                ("ccf-decision", ["ccf decision", "ccf", "decision of the ccf", "décision de la ccf"]),
                (
                    "withdrawn-by-requesting-country",
                    ["withdrawn by requesting country", "withdrawn by the ncb", "withdrawn by ncb", "ncb request"]
                ),
                ("general-secretariat-review", ["general secretariat review", "general secretariat", "gs review"]),
                (
                    "subject-located",
                    [
                        "subject located", "located", "arrested", "extradited", "localisé", "personne localisée",
                        "extradé", "arrêté", "persona localizada", "localizada", "extraditado", "detenido",
                    ]
                ),
                ("other", ["other", "autre", "otro"]),
            ]
        case .dataType:
            return [
                (
                    "red-notice",
                    [
                        "red notice", "rn", "red", "notice rouge", "rouge", "notificación roja", "notificacion roja",
                        "difusión roja", "data type: red notice", "type de données : notice rouge",
                        "type de données: notice rouge", "red notice (rn)", "krasnoe uvedomlenie",
                    ]
                ),
                (
                    "diffusion",
                    [
                        "diffusion", "difusión", "difusion", "data type: diffusion", "wanted person diffusion",
                        "red diffusion", "diffusion (wanted person)", "type de données : diffusion",
                        "type de données: diffusion", "rasprostranenie",
                    ]
                ),
                (
                    "blue-notice",
                    [
                        "blue notice", "bn", "blue", "notice bleue", "notificación azul", "notificacion azul",
                        "data type: blue notice", "blue diffusion",
                    ]
                ),
                (
                    "other",
                    [
                        "other", "autre", "otro", "otra", "other notice", "yellow notice", "black notice",
                        "green notice", "orange notice", "purple notice", "un special notice", "data type: other",
                        "other data", "autres données", "otros datos",
                    ]
                ),
                ("unknown", ["unknown", "inconnu", "inconnue", "desconocido", "n/a", "not stated", "not known"]),
            ]
        case .requestType:
            return [
                (
                    "access",
                    [
                        "access", "access request", "request for access", "access to data", "demande d'accès",
                        "accès", "acces", "accès aux données", "solicitud de acceso", "acceso",
                        "access only", "access to files",
                    ]
                ),
                (
                    "correction",
                    [
                        "correction", "request for correction", "correction request", "rectification",
                        "demande de rectification", "demande de correction", "rectificación", "corrección",
                        "solicitud de rectificación", "update", "correction of data",
                    ]
                ),
                (
                    "deletion",
                    [
                        "deletion", "request for deletion", "deletion request", "deletion of data", "effacement",
                        "demande d'effacement", "suppression", "demande de suppression", "eliminación",
                        "supresión", "solicitud de eliminación", "solicitud de supresión", "complaint",
                        "correction/deletion", "correction or deletion", "deletion/correction", "erasure",
                    ]
                ),
                (
                    "revision",
                    [
                        "revision", "request for revision", "revision request", "revision of a decision",
                        "demande de révision", "révision", "revisión", "solicitud de revisión",
                    ]
                ),
                ("unknown", ["unknown", "inconnu", "inconnue", "desconocido", "n/a", "not stated", "not known"]),
            ]
        default:
            return []
        }
    }
}

extension Vocabulary {
    /// Words that turn a label's meaning around: a label holding one is never guessed (`Not active`).
    static let negations: Set<String> = ["not", "non", "no", "pas", "ne", "un", "without", "sans"]

    /// The category a label not in the vocabulary most likely means: the one of the longest known label
    /// that the label holds as whole words (`Deleted following CCF decision` holds `ccf decision`), the
    /// label's key first on a tie; `nil` when none fits or the label holds a negation. A guess for a
    /// suggestion, never applied to a record.
    ///
    /// A label longer than ``longestGuessed`` bytes is no label: it gets no guess, and costs nothing more than
    /// its length to turn down.
    ///
    /// - Complexity: O(k × n) for k known labels and a label of n ≤ ``longestGuessed`` bytes.
    func guess(for label: String) -> (category: String, from: String)? {
        guard label.utf8.count <= Vocabulary.longestGuessed else { return nil }
        let key = TextFolding.labelKey(label)
        let words = key.split(separator: " ").map(String.init)
        guard !words.contains(where: Vocabulary.negations.contains) else { return nil }
        let padded = " " + key + " "
        var best: (category: String, from: String)?
        for (known, category) in table where padded.contains(" " + known + " ") {
            if let current = best,
                current.from.count > known.count || (current.from.count == known.count && current.from <= known)
            {
                continue
            }
            best = (category, known)
        }
        return best
    }
}
