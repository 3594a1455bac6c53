import Foundation
import Testing

@testable import LeadKit

/// A note is shown as it was typed: HTML-looking text is escaped, never dropped; `[[links]]` in a
/// body link to their record (an unknown one is a `broken-link` warning at its position); headings
/// sit below the page's own; nothing is typographically substituted; and an interaction copied by
/// `leads convert` cannot change how the next one renders.
@Suite struct NotesShownAsWrittenTests {
    static func contact(_ id: String, _ name: String) -> (String, String) {
        ("contacts/\(id).md", "---\nname: \(name)\nemail: \(id)@example.com\n---\n")
    }

    static func lead(body: String) -> String {
        """
        ---
        role: Staff Engineer
        company: Kelvin Grid
        source: REFERRAL
        temperature: WARM
        status: WARM_LEAD
        created: 2026-11-01
        contact: "[[jonas-weber]]"
        ---

        \(body)
        """
    }

    static var style: Markdown.NoteStyle {
        Markdown.NoteStyle(headingLevel: 2) { id in
            id == "jonas-weber" ? ("../contacts/jonas-weber.html", "Jonas Weber") : nil
        }
    }

    @Test func textThatLooksLikeHTMLIsEscapedNotDropped() {
        #expect(
            Markdown.html("Offer from <Kelvin Grid> expires Friday")
                == "<p>Offer from &lt;Kelvin Grid&gt; expires Friday</p>\n")
        #expect(
            Markdown.html("<div class=\"x\">\nhi\n</div>\n\nafter")
                == "<p>&lt;div class=&quot;x&quot;&gt;<br />\nhi<br />\n&lt;/div&gt;</p>\n<p>after</p>\n")
        #expect(Markdown.html("a <!-- kept --> b") == "<p>a &lt;!-- kept --&gt; b</p>\n")
    }

    @Test func nothingIsTypographicallySubstituted() {
        #expect(
            Markdown.html("|---|\n\n\"Quotes\" -- and... 'single'")
                == "<p>|---|</p>\n<p>&quot;Quotes&quot; -- and... 'single'</p>\n")
    }

    @Test func headingsAreDemotedBelowThePagesOwnKeepingTheirSteps() {
        #expect(Markdown.html("# One\n\n## Two", style: Self.style) == "<h3>One</h3>\n<h4>Two</h4>\n")
        #expect(Markdown.html("## Timeline\n\n### Entry", style: Self.style) == "<h3>Timeline</h3>\n<h4>Entry</h4>\n")
        #expect(Markdown.html("# A\n\n###### Deep", style: Self.style) == "<h3>A</h3>\n<h6>Deep</h6>\n")
        #expect(Markdown.html("#### Already low", style: Self.style) == "<h4>Already low</h4>\n")
    }

    /// A heading inside a quoted note (a converted timeline) does not pull the note's own headings up.
    @Test func aQuotedHeadingDoesNotSetTheNotesLevels() {
        #expect(
            Markdown.html("## Timeline\n\n### Entry\n\n> # Quoted", style: Self.style)
                == "<h3>Timeline</h3>\n<h4>Entry</h4>\n<blockquote>\n<h3>Quoted</h3>\n</blockquote>\n")
    }

    @Test func noteLinksPointToTheRecordAndUnknownOnesStayAsWritten() {
        #expect(
            Markdown.html(
                "Ask [[jonas-weber]], [[jonas-weber|Jonas]], [[nobody]], `[[jonas-weber]]`.", style: Self.style)
                == "<p>Ask <a href=\"../contacts/jonas-weber.html\" title=\"[[jonas-weber]]\">Jonas Weber</a>, "
                + "<a href=\"../contacts/jonas-weber.html\" title=\"[[jonas-weber]]\">Jonas</a>, [[nobody]], "
                + "<code>[[jonas-weber]]</code>.</p>\n")
        #expect(
            Markdown.html("```\n[[jonas-weber]]\n```", style: Self.style)
                == "<pre><code>[[jonas-weber]]\n</code></pre>\n")
    }

    @Test func noteLinkScanFindsEachLinkWithItsLabelAndOffset() {
        let links = NoteLink.scan("é [[a]] [[ b | Bee ]] [[]] [[[c]] [[d")
        #expect(links.map(\.target) == ["a", "b", "c"])
        #expect(links.map(\.label) == [nil, "Bee", nil])
        #expect(links.map(\.offset) == [2, 8, 28])
    }

    @Test func theLeadPageShowsTheNoteAsWritten() throws {
        let (path, text) = Self.contact("jonas-weber", "Jonas Weber")
        let body = "# Heading\n\nOffer from <Kelvin Grid> expires Friday. Ask [[jonas-weber]].\n\n|---|\n"
        let folder = try ScratchFolder(["leads/kelvin.md": Self.lead(body: body), path: text])
        defer { folder.remove() }
        let page = try folder.build(asOf: "2026-11-05").page("leads/kelvin.html")
        #expect(
            page.contains(
                """
                <div class="prose"><h3>Heading</h3>
                <p>Offer from &lt;Kelvin Grid&gt; expires Friday. Ask <a href="../contacts/jonas-weber.html" title="[[jonas-weber]]">Jonas Weber</a>.</p>
                <p>|---|</p>
                </div>
                """))
        #expect(page.components(separatedBy: "<h1").count == 2)
    }

    @Test func anUnknownNoteLinkIsAWarningAtItsPosition() throws {
        let (path, text) = Self.contact("jonas-weber", "Jonas Weber")
        let body = "Intro.\n\n- Ask [[jonas-webr]] about `[[code]]` and [[jonas-weber]]\n\n```\n[[in-fence]]\n```\n"
        let found = try diagnostics(["leads/kelvin.md": Self.lead(body: body), path: text])
        #expect(
            found.filter { $0.code == .brokenLink }.map(\.formatted) == [
                "content/leads/kelvin.md:13:7: warning: the note links to '[[jonas-webr]]', but no record has the id 'jonas-webr'; did you mean jonas-weber? [broken-link]"
            ])
    }

    /// One interaction's unclosed fence and open list stay inside its quoted note in the timeline
    /// `leads convert` writes: the next entry is still a heading and its HTML-looking summary text.
    @Test func convertedTimelineEntriesAreSelfContained() throws {
        let (path, text) = Self.contact("jonas-weber", "Jonas Weber")
        func interaction(_ date: String, _ summary: String, _ body: String) -> String {
            "---\nlead: \"[[kelvin]]\"\ntype: EMAIL\ndate: \(date)\nsummary: \(summary)\n---\n\n\(body)"
        }
        let folder = try ScratchFolder([
            "leads/kelvin.md": Self.lead(body: "").replacingOccurrences(of: "WARM_LEAD", with: "REFERRAL_SECURED"),
            path: text,
            "interactions/first.md": interaction("2026-11-02T10:00", "First", "```\nunclosed fence\n"),
            "interactions/second.md": interaction(
                "2026-11-03T10:00", "Second <b>email</b>", "- open list\n\n  [[jonas-weber]]"),
        ])
        defer { folder.remove() }
        let run = try folder.leads(["convert", "kelvin"], asOf: "2026-11-05")
        #expect(run.status == 0, "\(run.stderr)")
        let application = try folder.read("applications/kelvin.md")
        #expect(
            application.hasSuffix(
                "From [[first]]\n\n> ```\n> unclosed fence\n\n### 2026-11-03T10:00 · Email: Second <b>email</b>\n\nFrom [[second]]\n\n> - open list\n>\n>   [[jonas-weber]]\n"
            ))
        let page = try folder.build(asOf: "2026-11-05").page("applications/kelvin.html")
        #expect(
            page.contains(
                """
                <blockquote>
                <pre><code>unclosed fence
                </code></pre>
                </blockquote>
                <h4>2026-11-03T10:00 · Email: Second &lt;b&gt;email&lt;/b&gt;</h4>
                """))
        #expect(page.contains("<a href=\"../contacts/jonas-weber.html\" title=\"[[jonas-weber]]\">Jonas Weber</a>"))
        // `From [[first]]` goes to the interaction's entry in its lead's timeline, which has that id.
        #expect(
            page.contains(
                "<p>From <a href=\"../leads/kelvin.html#interaction-first\" title=\"[[first]]\">First</a></p>"))
        let site = try folder.build(asOf: "2026-11-05")
        #expect(site.page("leads/kelvin.html").contains("<article class=\"interaction\" id=\"interaction-first\">"))
        #expect(site.page("interactions/2026-11.html").contains("<tr id=\"interaction-first\">"))
    }
}
