@testable import LeadKit

/// What a golden-file failure shows: the change from the golden copy to the output, as `diff -u` prints it.
enum GoldenDiff {
    /// `--- golden/<file>`, `+++ actual/<file>` and the hunks, cut after `limit` lines so one broken
    /// template cannot bury the rest of the run.
    static func of(_ file: String, golden: [UInt8], actual: [UInt8], limit: Int = 60) -> String {
        let hunks = UnifiedDiff.hunks(
            UnifiedDiff.lines(String(decoding: golden, as: UTF8.self)),
            UnifiedDiff.lines(String(decoding: actual, as: UTF8.self)))
        guard !hunks.isEmpty else {
            // Lines are compared as text without the last newline: what is left is that newline or bad UTF-8.
            return "every line is the same, the bytes are not (\(golden.count) golden, \(actual.count) actual): "
                + "the final newline or bytes that are not UTF-8 differ"
        }
        let lines = UnifiedDiff.lines("--- golden/\(file)\n+++ actual/\(file)\n" + hunks.joined())
        guard lines.count > limit else { return lines.joined(separator: "\n") }
        return (lines.prefix(limit) + ["… \(lines.count - limit) more lines of diff"]).joined(separator: "\n")
    }
}
