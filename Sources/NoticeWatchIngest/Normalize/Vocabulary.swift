/// Raw labels to categories for one field: the built-in English and French wordings, plus a source's `values:`.
///
/// Labels are compared by ``TextFolding/labelKey(_:)`` (case, surrounding space, `_` and `-` ignored); a
/// category's own name (`partially-overturned`) always maps to itself. A source's values win over the defaults.
struct Vocabulary: Sendable {
    private var table: [String: String]

    /// The defaults for `field` with `overrides` (raw label → category raw value) on top.
    init(field: NormalizedField, overrides: [String: String]) {
        var table: [String: String] = [:]
        for category in field.categories ?? [] { table[TextFolding.labelKey(category)] = category }
        for (category, labels) in Vocabulary.defaults(for: field) {
            for label in labels { table[TextFolding.labelKey(label)] = category }
        }
        for (label, category) in overrides { table[TextFolding.labelKey(label)] = category }
        self.table = table
    }

    /// The category raw value for `label`, or `nil` when the label is unknown.
    func category(for label: String) -> String? { table[TextFolding.labelKey(label)] }

    static func defaults(for field: NormalizedField) -> [(String, [String])] {
        switch field {
        case .outcome:
            return [
                (
                    "overturned",
                    [
                        "not compliant", "non-compliant", "noncompliant", "data deleted", "deleted", "non conforme",
                        "non-conforme", "effacement", "données effacées", "not compliant - data deleted",
                    ]
                ),
                ("upheld", ["compliant", "conforme", "data compliant"]),
                (
                    "partially-overturned",
                    [
                        "compliant subject to updates", "compliant subject to update", "updated", "data updated",
                        "conforme sous réserve de mises à jour", "conforme sous réserve de mise à jour",
                        "partially overturned", "partially compliant",
                    ]
                ),
                ("inadmissible", ["inadmissible", "not admissible", "irrecevable", "non recevable"]),
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
                    ]
                ),
            ]
        case .status:
            return [
                ("active", ["active", "valid", "in force", "current", "published", "en vigueur", "valide", "active"]),
                ("cancelled", ["cancelled", "canceled", "annulée", "annulé", "annulee", "annule", "deleted"]),
                ("withdrawn", ["withdrawn", "retirée", "retiré", "retiree", "retire"]),
                ("expired", ["expired", "expirée", "expiré", "expiree", "lapsed"]),
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
                ("subject-located", ["subject located", "located", "arrested", "extradited", "localisé"]),
                ("other", ["other", "autre"]),
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
    /// - Complexity: O(k × n) for k known labels of length n.
    func guess(for label: String) -> (category: String, from: String)? {
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
