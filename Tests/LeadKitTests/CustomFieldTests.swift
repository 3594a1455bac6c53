import Foundation
import Testing

@testable import LeadKit

/// Fields `config.yml` declares per kind: parsed and type-checked like the schema's own, shown on the
/// record page, exported in CSV and JSON, and no longer warned about as unknown.
@Suite struct CustomFieldTests {
    static let config = """
        fields:
          application: {candidate: text, fee: number, start: date, portal: address}
          lead: {deal_value: number}
        """

    static let application = """
        ---
        lead: "[[acme]]"
        title: Platform Engineer
        candidate: Ada Byron
        fee: 12500.50
        start: 2027-01-11
        portal: https://ats.example/req/17
        ---
        """

    static let lead = """
        ---
        role: Platform Engineer
        company: Acme
        source: OTHER
        temperature: WARM
        status: DISCOVERY
        created: 2026-11-01
        deal_value: 40000
        ---
        """

    @Test func declaredFieldsAreReadByTheirTypeAndNotWarnedAbout() throws {
        let checked = try check([
            "config.yml": Self.config, "applications/acme.md": Self.application, "leads/acme.md": Self.lead,
        ])
        expectNoDiagnostics(checked.diagnostics)
        let custom = try #require(checked.records.applications.first).header.custom
        #expect(custom.map(\.field.key) == ["candidate", "fee", "start", "portal"])
        #expect(custom.map(\.value.text) == ["Ada Byron", "12500.5", "2027-01-11", "https://ats.example/req/17"])
        #expect(checked.records.leads.first?.header.custom.first?.value.text == "40000")
    }

    @Test func aCustomValueOfTheWrongTypeIsReportedWhereItIsWritten() throws {
        let diagnostics = try diagnostics([
            "config.yml": Self.config,
            "applications/acme.md": Self.application.replacingOccurrences(of: "fee: 12500.50", with: "fee: lots")
                .replacingOccurrences(of: "start: 2027-01-11", with: "start: soon")
                .replacingOccurrences(of: "https://ats.example/req/17", with: "javascript:alert(1)"),
            "leads/acme.md": Self.lead,
        ])
        #expect(
            diagnostics.map(\.formatted) == [
                "content/applications/acme.md:5:6: error: 'fee' must be a number like 4500 or 12.5, not 'lots' [invalid-value]",
                "content/applications/acme.md:6:8: error: invalid date 'soon' for 'start'; expected YYYY-MM-DD, e.g. 2026-03-14 [invalid-date]",
                "content/applications/acme.md:7:9: error: 'portal' must be an http(s), mailto: or tel: address, not 'javascript:alert(1)' [invalid-value]",
            ])
    }

    @Test func anUndeclaredKeyIsStillUnknownAndSuggestsTheDeclaredOne() throws {
        let diagnostics = try diagnostics([
            "config.yml": Self.config,
            "applications/acme.md": Self.application.replacingOccurrences(of: "candidate:", with: "candidat:"),
            "leads/acme.md": Self.lead,
        ])
        expectDiagnostic(
            .unknownField, at: "applications/acme.md", line: 4, column: 1, in: diagnostics,
            messageContains: ["unknown field 'candidat' in application; did you mean candidate?"])
    }

    @Test func aDeclarationMayNotReuseAKeyOrNameAnUnknownKindOrType() throws {
        let diagnostics = try diagnostics([
            "config.yml": """
            fields:
              application: {title: text, fee: money}
              opportunity: {value: number}
            """
        ])
        #expect(
            diagnostics.map(\.formatted) == [
                "content/config.yml:2:17: error: 'title' is already a field of every application; pick another name [invalid-value]",
                "content/config.yml:2:35: error: unknown field type 'money'; expected one of text, number, date, datetime, address, email, list [invalid-value]",
                "content/config.yml:3:3: error: unknown record kind 'opportunity'; expected one of lead, interaction, contact, company, application, job [invalid-value]",
            ])
    }

    @Test func theRecordPageAndBothExportsShowThem() throws {
        try ContentFolder([
            "config.yml": Self.config, "applications/acme.md": Self.application, "leads/acme.md": Self.lead,
        ]).withFolder { root in
            let checked = try Leads.check(content: root, asOf: ContentFolder.asOf, displayRoot: "content")
            let report = ReportAnalyzer(content: checked, asOf: ContentFolder.asOf).analyze()
            let export = RecordExport(report: report)

            let csv = export.csv(.application).split(separator: "\r\n").map(String.init)
            #expect(
                csv[0]
                    == "id,lead_id,title,company_id,company,url,applied,milestones,outcome,closed,reason,next_milestone,state,notes,candidate,fee,start,portal,file"
            )
            #expect(csv[1].contains(",,,,CV_RECEIVED,open,,Ada Byron,12500.5,2027-01-11,https://ats.example/req/17,"))
            #expect(export.csv(.lead).split(separator: "\r\n")[0].hasSuffix(",stale_reasons,notes,deal_value,file"))

            let json = try #require(
                try JSONSerialization.jsonObject(with: Data(export.json())) as? [String: Any])
            let application = try #require((json["applications"] as? [[String: Any]])?.first)
            #expect(application["candidate"] as? String == "Ada Byron")
            #expect(application["fee"] as? Double == 12500.5)
            #expect(application["start"] as? String == "2027-01-11")
            #expect((json["leads"] as? [[String: Any]])?.first?["deal_value"] as? Double == 40000)

            let output = root + "-report"
            defer { try? FileManager.default.removeItem(atPath: output) }
            _ = try Leads.build(content: root, templates: nil, output: output, asOf: ContentFolder.asOf)
            let page = try String(contentsOfFile: output + "/applications/acme.html", encoding: .utf8)
            #expect(page.contains("<dt>Candidate</dt><dd>Ada Byron</dd>"))
            #expect(page.contains("<dt>Fee</dt><dd>12500.5</dd>"))
            #expect(page.contains("<dt>Portal</dt><dd><a href=\"https://ats.example/req/17\">"))
            let leadPage = try String(contentsOfFile: output + "/leads/acme.html", encoding: .utf8)
            #expect(leadPage.contains("<dt>Deal value</dt><dd>40000</dd>"))
        }
    }

    @Test func importCSVFillsADeclaredFieldFromItsColumn() throws {
        try ContentFolder(["config.yml": Self.config]).withFolder { root in
            let workspace = try Workspace(root: root, asOf: ContentFolder.asOf)
            let plan = try Authoring.importCSV(
                "Role,Company,Source,Temperature,Deal value\nPlatform Engineer,Acme,other,warm,40000\n", kind: .lead,
                map: [:], skipInvalid: false,
                in: workspace)
            let text = String(decoding: try #require(plan.changes.first?.after), as: UTF8.self)
            #expect(text.contains("\ndeal_value: 40000\n"))
            #expect(plan.notes.isEmpty, "every column is a field: \(plan.notes)")
        }
    }
}
