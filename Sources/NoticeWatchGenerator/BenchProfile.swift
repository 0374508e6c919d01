/// What a benchmark bundle looks like: the clean files the project wrote first, or files shaped like real
/// exports.
public enum BenchProfile: String, CaseIterable, Hashable, Sendable {
    /// Files like real exports, read with no sources file: free text quoted in about 40% of the CSV rows
    /// (delimiters, doubled quotes and line breaks inside quotes, Cyrillic, Arabic and accented Latin), the
    /// complaints file in Windows-1252, day-first dates (`dd/MM/yyyy` for notices, `dd.MM.yyyy` for
    /// complaints), about 2% of countries that are no member, labels no vocabulary maps in a secondary
    /// field and in about 1% of the outcomes.
    case realistic
    /// Every field clean, ISO dates and category names, UTF-8, with a `sources.yml` in each folder that
    /// sets every choice.
    case clean
}
