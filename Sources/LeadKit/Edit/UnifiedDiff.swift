/// A change as `diff -u` shows it, for `--dry-run`.
public enum UnifiedDiff {
    public static func of(_ change: FileChange, root: String) -> String {
        let path = ContentLoader(root: root).pathOnDisk(change.path)
        let old = change.before.map { lines(String(decoding: $0, as: UTF8.self)) } ?? []
        let new = change.after.map { lines(String(decoding: $0, as: UTF8.self)) } ?? []
        var text = "--- \(change.kind == .create ? "/dev/null" : "a/" + path)\n"
        text += "+++ \(change.kind == .delete ? "/dev/null" : "b/" + path)\n"
        for hunk in hunks(old, new) { text += hunk }
        return text
    }

    static func lines(_ text: String) -> [String] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        return lines
    }

    /// Hunks with three lines of context, from a longest-common-subsequence alignment (files are small).
    static func hunks(_ old: [String], _ new: [String], context: Int = 3) -> [String] {
        let n = old.count
        let m = new.count
        var common = [[Int]](repeating: [Int](repeating: 0, count: m + 1), count: n + 1)
        for i in stride(from: n - 1, through: 0, by: -1) {
            for j in stride(from: m - 1, through: 0, by: -1) {
                common[i][j] = old[i] == new[j] ? common[i + 1][j + 1] + 1 : max(common[i + 1][j], common[i][j + 1])
            }
        }
        // The edit script: (" ", "-", "+") with the old and new line numbers it sits at.
        var script: [(mark: Character, text: String, oldLine: Int, newLine: Int)] = []
        var (i, j) = (0, 0)
        while i < n || j < m {
            if i < n, j < m, old[i] == new[j] {
                script.append((" ", old[i], i, j))
                i += 1
                j += 1
            } else if i < n, j == m || common[i + 1][j] >= common[i][j + 1] {
                script.append(("-", old[i], i, j))
                i += 1
            } else {
                script.append(("+", new[j], i, j))
                j += 1
            }
        }
        var hunks: [String] = []
        var index = 0
        while index < script.count {
            guard let firstChange = script[index...].firstIndex(where: { $0.mark != " " }) else { break }
            let start = max(firstChange - context, index)
            var end = firstChange
            // Grow the hunk while the next change is within twice the context.
            while let next = script[(end + 1)...].firstIndex(where: { $0.mark != " " }), next - end <= 2 * context {
                end = next
            }
            let stop = min(end + context + 1, script.count)
            let slice = script[start..<stop]
            let oldCount = slice.count { $0.mark != "+" }
            let newCount = slice.count { $0.mark != "-" }
            let oldStart = oldCount == 0 ? slice.first!.oldLine : slice.first!.oldLine + 1
            let newStart = newCount == 0 ? slice.first!.newLine : slice.first!.newLine + 1
            var hunk = "@@ -\(oldStart),\(oldCount) +\(newStart),\(newCount) @@\n"
            for line in slice { hunk += "\(line.mark)\(line.text)\n" }
            hunks.append(hunk)
            index = stop
        }
        return hunks
    }
}
