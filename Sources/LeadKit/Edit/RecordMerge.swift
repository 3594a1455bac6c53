/// The three-way merge of one record file for git's merge driver (`leads merge-file`): the
/// front-matter by meaning, the body by lines.
///
/// Front-matter: the result starts from "ours" (so its formatting and comments stay) and takes
/// "theirs"' changes surgically. `history` and `milestones` become the union of both sides' entries,
/// ordered by date; `status` follows the merged history's last entry, unless both sides moved the
/// lead to different stages: then `status` is a conflict and the history keeps both moves. Any other
/// value changed on one side only is taken from that side; changed on both sides to different
/// values, it is a real conflict, written with git's markers. The body is merged line by line by
/// `mergeLines` (git's own `merge-file`, given by the caller).
public enum RecordMerge {
    /// The merged file's bytes, and whether a conflict is left in them.
    public struct Outcome: Sendable {
        public var bytes: [UInt8]
        public var conflicted: Bool
    }

    static let unions = ["history", "milestones"]

    /// `base`, `ours` and `theirs` are the three versions' bytes; `mergeLines` merges three bodies
    /// line by line (nil when it cannot), returning the text and whether it conflicted. Throws
    /// `EditError` when a version has no readable front-matter (git then falls back to its own merge).
    public static func merge(
        base: [UInt8], ours: [UInt8], theirs: [UInt8], oursLabel: String = "ours", theirsLabel: String = "theirs",
        mergeLines: (String, String, String) -> (text: String, conflicted: Bool)?
    ) throws(EditError) -> Outcome {
        let o = try FrontMatterEditor(bytes: base, file: "the base")
        var a = try FrontMatterEditor(bytes: ours, file: "ours")
        let b = try FrontMatterEditor(bytes: theirs, file: "theirs")
        let (baseValues, oursValues, theirsValues) = (try o.values(), try a.values(), try b.values())
        var conflicts: [(key: String, ours: String, theirs: String)] = []
        for key in theirsValues.keys.sorted() where !unions.contains(key) && key != "status" {
            let (old, mine, their) = (baseValues[key], oursValues[key], theirsValues[key])
            guard their != old, their != mine else { continue }
            if mine == old {
                try a.set(key, to: their!)
            } else {
                conflicts.append((key, mine ?? "", their ?? ""))
            }
        }
        // A key theirs removed and ours left as it was is removed.
        for key in baseValues.keys.sorted() where theirsValues[key] == nil && oursValues[key] == baseValues[key] {
            if !unions.contains(key) { try a.remove(key) }
        }
        for key in unions {
            let mine = try a.items(of: key)
            for item in try b.items(of: key) where !mine.contains(where: { normalized($0) == normalized(item) }) {
                try a.append(to: key, item: item)
            }
        }
        try a.sortList("history", by: "date")
        try a.sortList("milestones", by: "date")
        let (oldStatus, myStatus, theirStatus) = (baseValues["status"], oursValues["status"], theirsValues["status"])
        if myStatus != oldStatus, theirStatus != oldStatus, myStatus != theirStatus {
            // Both sides moved the lead, to different stages: which move stands is the team's call,
            // not the dates' (a tie would go to whoever merges, and a win then an archive would
            // break the lifecycle). Both moves stay in the history; the status is left as a conflict.
            conflicts.append(("status", myStatus ?? "", theirStatus ?? ""))
        } else if let last = try a.lastItemValue(of: "history", field: "status") {
            try a.set("status", to: last)
        } else if let their = theirsValues["status"], their != baseValues["status"] {
            if oursValues["status"] == baseValues["status"] {
                try a.set("status", to: their)
            } else if oursValues["status"] != their {
                conflicts.append(("status", oursValues["status"] ?? "", their))
            }
        }
        for conflict in conflicts {
            try a.markConflict(
                conflict.key, ours: conflict.ours, theirs: conflict.theirs, oursLabel: oursLabel,
                theirsLabel: theirsLabel)
        }
        var conflicted = !conflicts.isEmpty
        let bodies = (o.body, a.body, b.body)
        if bodies.1 != bodies.2 {
            if bodies.0 == bodies.1 {
                a.replaceBody(bodies.2)
            } else if bodies.0 != bodies.2 {
                guard let merged = mergeLines(bodies.0, bodies.1, bodies.2) else {
                    throw EditError("the bodies could not be merged")
                }
                a.replaceBody(merged.text)
                conflicted = conflicted || merged.conflicted
            }
        }
        return Outcome(bytes: a.bytes, conflicted: conflicted)
    }

    /// An item compared without its spacing: `{status: A,date: 2026-11-01}` is `{status: A, date: 2026-11-01}`.
    static func normalized(_ item: String) -> String {
        String(item.unicodeScalars.filter { !$0.properties.isWhitespace }.map(Character.init))
    }
}
