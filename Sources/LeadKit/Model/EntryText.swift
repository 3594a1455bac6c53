/// A list entry (`{status: WARM_LEAD, date: 2026-03-14}`) written as one line of text in CSV:
/// its values in the order of its keys, separated by spaces (`WARM_LEAD 2026-03-14`).
public enum EntryText {
    /// The key and value pairs of `text` under `keys` in order, the last key keeping the rest of
    /// the words as written; a `date` key that is not the last takes only a date, so
    /// `DECISION GO` under `name date outcome` is `name: DECISION, outcome: GO`.
    public static func values(of text: String, keys: [String]) -> [(key: String, value: String)] {
        var words = text.split(separator: " ").map(String.init)[...]
        var pairs: [(key: String, value: String)] = []
        for (position, key) in keys.enumerated() {
            guard let first = words.first else { break }
            let isLast = position == keys.count - 1
            if key == "date", !isLast, Day(parsing: first) == nil { continue }
            pairs.append((key, isLast ? words.joined(separator: " ") : first))
            words = isLast ? [] : words.dropFirst()
        }
        return pairs
    }
}
