import Testing

@testable import LeadKit

/// Where YAML would silently drop or change what was typed, `leads check` says so: an Obsidian-style
/// `- #go` tag is a YAML comment (an empty item), and `tags: backend, go` is one tag.
@Suite struct TextLostDiagnosticsTests {
    static func lead(tags: String) -> String {
        """
        ---
        role: Engineer
        company: Acme
        source: OTHER
        temperature: WARM
        status: DISCOVERY
        created: 2026-11-01
        \(tags)
        ---

        """
    }

    @Test func aHashTagListItemIsAnEmptyItemWarningAtTheItem() throws {
        let found = try diagnostics(["leads/acme.md": Self.lead(tags: "tags:\n  - #go\n  - rust")])
        #expect(
            found.map(\.formatted) == [
                "content/leads/acme.md:9:4: warning: an empty item in 'tags' is left out; if it was a #tag, YAML read it as a comment: quote it, like '#go' [empty-list-item]"
            ])
    }

    @Test func aCommaSeparatedTagsTextIsOneTagWithAWarning() throws {
        let found = try diagnostics(["leads/acme.md": Self.lead(tags: "tags: backend, go")])
        #expect(
            found.map(\.formatted) == [
                "content/leads/acme.md:8:7: warning: 'tags' is the one item 'backend, go'; for 2 items write [backend, go] [comma-separated-list]"
            ])
    }

    @Test func quotedAndListedTagsAreFine() throws {
        #expect(try diagnostics(["leads/acme.md": Self.lead(tags: "tags: ['#go', 'a, b']")]).isEmpty)
        #expect(try diagnostics(["leads/acme.md": Self.lead(tags: "tags: [backend, go]")]).isEmpty)
        #expect(try diagnostics(["leads/acme.md": Self.lead(tags: "tags: backend")]).isEmpty)
    }
}
