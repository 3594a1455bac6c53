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

    @Test func movesOnBothSidesAreOneHistoryAndTheStatusIsItsLastEntry() throws {
        let ours = Self.base.replacingOccurrences(of: "status: WAKING_UP\n", with: "status: WARM_LEAD\n")
            .replacingOccurrences(
                of: "  - {status: WAKING_UP, date: 2026-11-10}\n",
                with: "  - {status: WAKING_UP, date: 2026-11-10}\n  - {status: WARM_LEAD, date: 2026-11-21}\n")
        let theirs = Self.base.replacingOccurrences(of: "status: WAKING_UP\n", with: "status: ARCHIVED\n")
            .replacingOccurrences(
                of: "  - {status: WAKING_UP, date: 2026-11-10}\n",
                with: "  - {status: WAKING_UP, date: 2026-11-10}\n  - {status: ARCHIVED, date: 2026-11-20}\n"
            )
            .replacingOccurrences(of: "owner: Maya\n", with: "owner: Sam\n")
        let merged = try merge(ours: ours, theirs: theirs)
        #expect(!merged.conflicted)
        #expect(
            String(decoding: merged.bytes, as: UTF8.self) == """
                ---
                role: Platform Engineer # from the meetup
                status: WARM_LEAD
                owner: Sam
                history:
                  - {status: DISCOVERY, date: 2026-11-01}
                  - {status: WAKING_UP, date: 2026-11-10}
                  - {status: ARCHIVED, date: 2026-11-20}
                  - {status: WARM_LEAD, date: 2026-11-21}
                ---
                Notes.

                """)
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
