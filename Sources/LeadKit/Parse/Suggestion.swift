/// "Did you mean …?" for misspelt keys and values.
public enum Suggestion {
    /// The candidate closest to `input`, if one is close enough to be a likely typo or abbreviation;
    /// of equally close ones, the first in code-point order, so the answer never depends on the
    /// candidates' order (ids come from dictionaries, whose order changes between runs).
    public static func closest(to input: String, in candidates: [String]) -> String? {
        let needle = input.lowercased()
        guard !needle.isEmpty else { return nil }
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            let lowered = candidate.lowercased()
            let distance = editDistance(needle, lowered)
            let related = lowered.hasPrefix(needle) || needle.hasPrefix(lowered)
            let close = distance <= max(1, min(needle.count, lowered.count) / 3)
            guard related || close else { continue }
            if let current = best, (current.distance, current.candidate) <= (distance, candidate) { continue }
            best = (candidate, distance)
        }
        return best?.candidate
    }

    /// The candidates one of whose words (split at `_`, `-` and spaces) is `input`, ignoring case:
    /// `call` → PHONE_CALL, `offer` → VERBAL_OFFER and WRITTEN_OFFER.
    static func containingWord(_ input: String, in candidates: [String]) -> [String] {
        let needle = input.lowercased().trimmingSpaces
        guard needle.count >= 2 else { return [] }
        return candidates.filter { candidate in
            candidate.lowercased().split { $0 == "_" || $0 == "-" || $0 == " " }.contains { $0 == needle }
        }
    }

    /// `; did you mean X?` (or `X or Y?` when the input is a word of several), or "".
    static func didYouMean(_ input: String, in candidates: [String]) -> String {
        if let suggestion = closest(to: input, in: candidates) { return "; did you mean \(suggestion)?" }
        let words = containingWord(input, in: candidates)
        guard !words.isEmpty, words.count <= 3 else { return "" }
        return "; did you mean \(words.joined(separator: " or "))?"
    }

    /// Edit distance over Unicode scalars, counting a swap of two neighbours as one edit (optimal
    /// string alignment: `biuld` is one from `build`), bounded to short inputs.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a.unicodeScalars.prefix(64))
        let b = Array(b.unicodeScalars.prefix(64))
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var beforePrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], beforePrevious[j - 2] + 1)
                }
            }
            (beforePrevious, previous, current) = (previous, current, beforePrevious)
        }
        return previous[b.count]
    }
}
