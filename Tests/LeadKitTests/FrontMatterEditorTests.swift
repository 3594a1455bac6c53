import Foundation
import Testing

@testable import LeadKit

/// Surgical edits: the key changed, and not one other byte.
@Suite struct FrontMatterEditorTests {
    func edit(_ text: String, _ change: (inout FrontMatterEditor) throws -> Void) throws -> String {
        var editor = try FrontMatterEditor(bytes: Array(text.utf8), file: "leads/x.md")
        try change(&editor)
        return String(decoding: editor.bytes, as: UTF8.self)
    }

    @Test func aValueIsReplacedWhereItStandsWithItsComment() throws {
        let text = "---\nrole: x\nstatus: \"WAKING_UP\"   # why\nother: 1\n---\nbody"
        #expect(
            try edit(text) { try $0.set("status", to: "WARM_LEAD") }
                == "---\nrole: x\nstatus: WARM_LEAD   # why\nother: 1\n---\nbody")
    }

    @Test func anEmptyValueIsFilledAfterTheColon() throws {
        let text = "---\nnext_follow_up:   # soon\nrole: x\n---\n"
        #expect(
            try edit(text) { try $0.set("next_follow_up", to: "2026-12-01") }
                == "---\nnext_follow_up: 2026-12-01   # soon\nrole: x\n---\n")
    }

    @Test func aNewKeyGoesAtTheEndOfTheBlockAlsoAnEmptyOne() throws {
        #expect(
            try edit("---\nrole: x\n---\nNotes\n") { try $0.set("owner", to: "Maya") }
                == "---\nrole: x\nowner: Maya\n---\nNotes\n")
        #expect(try edit("---\n---\n") { try $0.set("owner", to: "Maya") } == "---\nowner: Maya\n---\n")
    }

    @Test func listsGrowInTheirOwnStyle() throws {
        let block =
            "---\nhistory:\n    - status: DISCOVERY   # first\n      date: 2026-11-01\n# trailing comment\n---\n"
        #expect(
            try edit(block) { try $0.append(to: "history", item: "{status: WARM_LEAD, date: 2026-11-02}") }
                == "---\nhistory:\n    - status: DISCOVERY   # first\n      date: 2026-11-01\n    - {status: WARM_LEAD, date: 2026-11-02}\n# trailing comment\n---\n"
        )
        #expect(
            try edit("---\ntags: []\n---\n") { try $0.append(to: "tags", item: "go") } == "---\ntags: [go]\n---\n")
        #expect(
            try edit("---\nhistory:\n---\n") { try $0.append(to: "history", item: "{a: 1}") }
                == "---\nhistory:\n  - {a: 1}\n---\n")
    }

    @Test func lineEndingsAndTheByteOrderMarkStay() throws {
        for lineBreak in ["\r\n", "\r"] {
            let text = "\u{FEFF}---\nrole: x\nhistory:\n  - {status: A, date: 2026-11-01}\n---\nBody\n"
                .replacingOccurrences(of: "\n", with: lineBreak)
            let edited = try edit(text) {
                try $0.set("status", to: "B")
                try $0.append(to: "history", item: "{status: B, date: 2026-11-02}")
            }
            let expected =
                "\u{FEFF}---\nrole: x\nstatus: B\nhistory:\n  - {status: A, date: 2026-11-01}\n  - {status: B, date: 2026-11-02}\n---\nBody\n"
                .replacingOccurrences(of: "\n", with: lineBreak)
            #expect(edited == expected)
        }
    }

    @Test func whatCannotBeEditedSafelyIsRefused() throws {
        #expect(throws: EditError.self) { try edit("---\nrole: |\n  long\n---\n") { try $0.set("role", to: "x") } }
        #expect(throws: EditError.self) { try edit("---\nstatus: [a]\n---\n") { try $0.set("status", to: "x") } }
        #expect(throws: EditError.self) { try edit("---\nrole: [unclosed\n---\n") { try $0.set("role", to: "x") } }
        #expect(throws: EditError.self) { try edit("no front-matter\n") { try $0.set("role", to: "x") } }
    }

    @Test func scalarsArePlainUnlessTheyMustBeQuoted() {
        #expect(YAMLText.scalar("Staff Engineer") == "Staff Engineer")
        #expect(YAMLText.scalar("2026-11-23") == "2026-11-23")
        #expect(YAMLText.scalar("Jonas' team") == "Jonas' team")
        #expect(YAMLText.scalar("CTO: hands-on") == "\"CTO: hands-on\"")
        #expect(YAMLText.scalar("#1 fan") == "\"#1 fan\"")
        #expect(YAMLText.scalar("null") == "\"null\"")
        #expect(YAMLText.scalar("say \"hi\"\n") == "\"say \\\"hi\\\"\\n\"")
        #expect(YAMLText.scalar("a, b", inFlow: true) == "\"a, b\"")
        #expect(YAMLText.link("acme") == "\"[[acme]]\"")
    }
}
