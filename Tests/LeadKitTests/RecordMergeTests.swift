import Testing

@testable import LeadKit

/// The merge driver's front-matter merge, in process: lists united by date, status from the merged
/// history, one-sided changes taken, bodies merged by the line merger it is given.
@Suite struct RecordMergeTests {
    static let base = """
        ---
        role: Platform Engineer # from the meetup
        status: WAKING_UP
        owner: Maya
        history:
          - {status: DISCOVERY, date: 2026-11-01}
          - {status: WAKING_UP, date: 2026-11-10}
        ---
        Notes.

        """

    func merge(ours: String, theirs: String, lines: String? = nil) throws -> RecordMerge.Outcome {
        try RecordMerge.merge(
            base: Array(Self.base.utf8), ours: Array(ours.utf8), theirs: Array(theirs.utf8),
            mergeLines: { _, _, _ in lines.map { ($0, false) } })
    }

    /// `base` moved on to `status` on `date`, the way `leads move` writes it.
    static func moved(to status: String, on date: String) -> String {
        base.replacingOccurrences(of: "status: WAKING_UP\n", with: "status: \(status)\n")
            .replacingOccurrences(
                of: "  - {status: WAKING_UP, date: 2026-11-10}\n",
                with: "  - {status: WAKING_UP, date: 2026-11-10}\n  - {status: \(status), date: \(date)}\n")
    }

    @Test func aMoveOnOneSideIsInTheHistoryAndTheStatusIsItsLastEntry() throws {
        let ours = Self.base.replacingOccurrences(of: "owner: Maya\n", with: "owner: Sam\n")
        let merged = try merge(ours: ours, theirs: Self.moved(to: "WARM_LEAD", on: "2026-11-21"))
        #expect(!merged.conflicted)
        #expect(
            String(decoding: merged.bytes, as: UTF8.self)
                == Self.moved(to: "WARM_LEAD", on: "2026-11-21").replacingOccurrences(
                    of: "owner: Maya\n", with: "owner: Sam\n"))
    }

    /// Two people moved the lead to different stages: the dates do not decide (on a tie the result
    /// would depend on who merges; a win then an archive would break the lifecycle), the team does.
    /// Both moves stay in the history, the status is a conflict, other one-sided changes are taken.
    @Test(arguments: [("2026-11-20", "2026-11-21"), ("2026-11-30", "2026-11-30")])
    func movesOnBothSidesToDifferentStagesLeaveTheStatusAsAConflict(ourDate: String, theirDate: String) throws {
        let ours = Self.moved(to: "WARM_LEAD", on: ourDate)
        let theirs = Self.moved(to: "ARCHIVED", on: theirDate).replacingOccurrences(
            of: "owner: Maya\n", with: "owner: Sam\n")
        for (first, second, firstStatus, secondStatus) in [
            (ours, theirs, "WARM_LEAD", "ARCHIVED"), (theirs, ours, "ARCHIVED", "WARM_LEAD"),
        ] {
            let merged = try merge(ours: first, theirs: second)
            #expect(merged.conflicted)
            let text = String(decoding: merged.bytes, as: UTF8.self)
            #expect(
                text.contains(
                    "<<<<<<< ours\nstatus: \(firstStatus)\n=======\nstatus: \(secondStatus)\n>>>>>>> theirs\n"),
                "\(text)")
            #expect(text.contains("owner: Sam\n"))
            #expect(text.contains("  - {status: WARM_LEAD, date: \(ourDate)}\n"))
            #expect(text.contains("  - {status: ARCHIVED, date: \(theirDate)}\n"))
        }
    }

    @Test func theSameMoveOnBothSidesIsOneEntry() throws {
        let both = Self.moved(to: "WARM_LEAD", on: "2026-11-21")
        let merged = try merge(ours: both, theirs: both)
        #expect(!merged.conflicted)
        #expect(String(decoding: merged.bytes, as: UTF8.self) == both)
    }

    @Test func aBodyChangedOnOneSideIsTakenAndOnBothIsMergedByLines() throws {
        let theirs = Self.base.replacingOccurrences(of: "Notes.\n", with: "Notes.\nMore notes.\n")
        let oneSided = try merge(ours: Self.base, theirs: theirs)
        #expect(String(decoding: oneSided.bytes, as: UTF8.self) == theirs)
        let ours = Self.base.replacingOccurrences(of: "Notes.\n", with: "Our notes.\n")
        let both = try merge(ours: ours, theirs: theirs, lines: "Merged by lines.\n")
        #expect(String(decoding: both.bytes, as: UTF8.self).hasSuffix("---\nMerged by lines.\n"))
    }

    @Test func aValueChangedDifferentlyOnBothSidesIsLeftAsAConflict() throws {
        let ours = Self.base.replacingOccurrences(of: "owner: Maya\n", with: "owner: Bo\n")
        let theirs = Self.base.replacingOccurrences(of: "owner: Maya\n", with: "owner: Sam\n")
        let merged = try merge(ours: ours, theirs: theirs)
        #expect(merged.conflicted)
        #expect(
            String(decoding: merged.bytes, as: UTF8.self).contains(
                "status: WAKING_UP\n<<<<<<< ours\nowner: Bo\n=======\nowner: Sam\n>>>>>>> theirs\nhistory:\n"))
    }
}
