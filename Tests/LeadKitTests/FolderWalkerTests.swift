import Testing

@testable import LeadKit

/// The folder walk lists files in byte order, the order every later stage and the manifest keep.
@Suite struct FolderWalkerTests {
    @Test func pathsAreSortedByTheirBytesAsMemcmpSeesThem() {
        let paths = [
            "leads/b.md", "leads/a.md", "leads/a", "leads/ab.md", "contacts/z.md", "leads/é.md",
            "leads/e\u{301}.md", "leads/Z.md", "leads/2026/x.md", "leads/a.md.bak", "l",
        ]
        let sorted = FolderWalker.sortedByBytes(paths)
        #expect(sorted == paths.sorted(by: FolderWalker.bytesPrecede))
        #expect(sorted == paths.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) })
        #expect(FolderWalker.sortedByBytes([]) == [])
    }
}
