import Foundation
import Testing

@testable import LeadKit

@Suite struct ZZExplore {
    func show(_ title: String, _ files: [String: String]) throws {
        let d = try diagnostics(files)
        print("### \(title)\n" + listing(d))
    }
    func lead(_ extra: String, status: String = "DISCOVERY") -> String {
        "---\nrole: Platform Engineer\ncompany: \"[[acme]]\"\nsource: REFERRAL\ntemperature: HOT\nstatus: \(status)\ncreated: 2026-10-01\n\(extra)---\n"
    }
    @Test func explore() throws {
        let c = Valid.company
        try show("valid", ["companies/acme.md": c, "leads/acme-platform.md": Valid.lead, "contacts/ada.md": Valid.contact, "interactions/i.md": Valid.interaction])
        try show("syntax", ["companies/acme.md": c, "leads/x.md": "---\nrole: Engineer: Platform\n---\n"])
        try show("unclosed quote", ["companies/acme.md": c, "leads/x.md": "---\nrole: \"Engineer\ncompany: x\n---\n"])
        try show("anchor", ["companies/acme.md": c, "leads/x.md": lead("owner: &o Maya\ntags: [*o]\n")])
        try show("anchor2", ["companies/acme.md": c, "leads/x.md": lead("tags: &t [a, b]\n")])
        try show("dup", ["companies/acme.md": c, "leads/x.md": lead("role: Again\n")])
        try show("notmap", ["leads/x.md": "---\n- a\n- b\n---\n"])
        try show("scalar", ["leads/x.md": "---\njust text\n---\n"])
        try show("empty role quoted", ["companies/acme.md": c, "leads/x.md": "---\nrole: \"\"\ncompany: \"[[acme]]\"\nsource: REFERRAL\ntemperature: HOT\nstatus: DISCOVERY\ncreated: 2026-10-01\n---\n"])
        try show("control", ["companies/acme.md": c, "leads/x.md": lead("owner: Ma\u{7}ya\n")])
        try show("control after é", ["companies/acme.md": c, "leads/x.md": lead("owner: Zoë Ma\u{7}ya\n")])
        try show("tab indent", ["companies/acme.md": c, "leads/x.md": lead("history:\n\t- {status: DISCOVERY, date: 2026-10-01}\n")])
        try show("tab after colon", ["companies/acme.md": c, "leads/x.md": lead("owner:\tMaya\n")])
        try show("tags emoji", ["companies/acme.md": c, "leads/x.md": lead("tags: [🚀, {a: b}]\n")])
        try show("config no stages", ["config.yml": "pipelines:\n  - name: partnerships\n    won: SIGNED\n", "companies/acme.md": c, "leads/acme-platform.md": Valid.lead])
        try show("config empty stages", ["config.yml": "pipelines:\n  - name: partnerships\n    stages: []\n", "companies/acme.md": c, "leads/acme-platform.md": Valid.lead])
        try show("config stale", ["config.yml": "stale_after_days: {HOT: soon, WARM: 14}\n", "companies/acme.md": c, "leads/acme-platform.md": Valid.lead])
        try show("config stale bom", ["config.yml": "\u{FEFF}stale_after_days: {HOT: soon, WARM: 14}\n", "companies/acme.md": c, "leads/acme-platform.md": Valid.lead])
        try show("config stale block", ["config.yml": "stale_after_days:\n  HOT: 7\n  WARM: two weeks\n", "companies/acme.md": c, "leads/acme-platform.md": Valid.lead])
        try show("dup keys multiple", ["companies/acme.md": c, "leads/x.md": lead("status: WARM_LEAD\nrole: x\n")])
        try show("no-interactions", ["companies/acme.md": c, "leads/x.md": lead("", status: "WAKING_UP")])
        try show("empty file", ["leads/x.md": ""])
        try show("only ---", ["leads/x.md": "---\n---\n"])
        try show("deep", ["companies/acme.md": c, "leads/x.md": lead("a: " + String(repeating: "[", count: 5000) + String(repeating: "]", count: 5000) + "\n")])
        var bomb = "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
        for i in 1..<10 { let p = "a\(i == 1 ? "" : String(i-1))"; bomb += "a\(i): &a\(i) [*\(p),*\(p),*\(p),*\(p),*\(p),*\(p),*\(p),*\(p),*\(p)]\n" }
        try show("bomb", ["companies/acme.md": c, "leads/x.md": lead(bomb)])
        try show("nul", ["companies/acme.md": c, "leads/x.md": lead("owner: Ma\u{0}ya\n")])
        try show("dup contact", ["contacts/a.md": "---\nname: A\nemail: Ada@Acme.example\nphone: +46 70 123 45 67\n---\n", "contacts/b.md": "---\nname: B\nemail: ada@acme.example\n---\n", "contacts/c.md": "---\nname: C\nphone: (+46) 70-1234567\n---\n"])
        try show("dup ids", ["companies/acme.md": c, "leads/acme-platform.md": Valid.lead, "leads/2025/acme-platform.md": Valid.lead, "leads/Acme-Platform.md": Valid.lead])
        try show("stray", ["notes.md": "hi", "README.txt": "x", "drafts/x.md": "x", "lead/x.md": "x"])
        try show("pipeline case", ["companies/acme.md": c, "leads/x.md": lead("pipeline: Networking\n")])
        try show("path link", ["companies/acme.md": c, "leads/x.md": lead("contact: \"[[../x]]\"\n")])
        try show("company path link", ["leads/x.md": "---\nrole: R\ncompany: [[../acme]]\nsource: REFERRAL\ntemperature: HOT\nstatus: DISCOVERY\ncreated: 2026-10-01\n---\n"])
        try show("future same day time", ["companies/acme.md": c, "leads/acme-platform.md": Valid.lead, "interactions/i.md": "---\nlead: \"[[acme-platform]]\"\ndate: 2026-11-23T23:59\ntype: email\nsummary: s\n---\n"])
        try show("history entry no date", ["companies/acme.md": c, "leads/x.md": lead("history:\n  - {status: DISCOVERY}\n")])
        try show("history scalar entry", ["companies/acme.md": c, "leads/x.md": lead("history:\n  - DISCOVERY\n")])
        try show("created bad", ["companies/acme.md": c, "leads/x.md": "---\nrole: R\ncompany: \"[[acme]]\"\nsource: REFERRAL\ntemperature: HOT\nstatus: DISCOVERY\ncreated: 2026-02-30\n---\n"])
        try show("created number", ["companies/acme.md": c, "leads/x.md": "---\nrole: R\ncompany: \"[[acme]]\"\nsource: REFERRAL\ntemperature: HOT\nstatus: DISCOVERY\ncreated: 20261001\n---\n"])
    }
}
