/// "Did you mean …?" for misspelt keys and values.
enum Suggestion {
    /// The candidate closest to `input`, if one is close enough to be a likely typo or abbreviation.
    static func closest(to input: String, in candidates: [String]) -> String? {
        let needle = input.lowercased()
        guard !needle.isEmpty else { return nil }
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            let lowered = candidate.lowercased()
            let distance = editDistance(needle, lowered)
            let related = lowered.hasPrefix(needle) || needle.hasPrefix(lowered)
            let close = distance <= max(1, min(needle.count, lowered.count) / 3)
            guard related || close else { continue }
            if best == nil || distance < best!.distance { best = (candidate, distance) }
        }
        return best?.candidate
    }

    static func didYouMean(_ input: String, in candidates: [String]) -> String {
        guard let suggestion = closest(to: input, in: candidates) else { return "" }
        return "; did you mean \(suggestion)?"
    }

    /// Levenshtein distance over Unicode scalars, bounded to short inputs.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a.unicodeScalars.prefix(64))
        let b = Array(b.unicodeScalars.prefix(64))
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
