import Testing

@testable import LeadKit

/// Values are read by the schema, not by YAML 1.1 guessing.
@Suite struct SchemaTests {
    @Test func noIsTextNotFalse() throws {
        let checked = try check([
            "contacts/ada.md": """
            ---
            name: Ada Lovelace
            email: ada@acme.example
            role: NO
            ---
            """
        ])
        expectNoDiagnostics(checked.diagnostics)
        #expect(checked.records.contacts.first?.role?.value == "NO")
    }

    @Test func aPhoneNumberKeepsItsLeadingZero() throws {
        let checked = try check([
            "contacts/ada.md": """
            ---
            name: Ada Lovelace
            phone: 0123
            ---
            """
        ])
        expectNoDiagnostics(checked.diagnostics)
        #expect(checked.records.contacts.first?.phone?.value == "0123")
    }

    @Test func yamlBooleansNumbersAndDatesStayAsWritten() throws {
        let checked = try check([
            "contacts/ada.md": """
            ---
            name: 1e3
            role: 2026-10-01
            linkedin: https://www.linkedin.com/in/ada-example
            ---
            """,
            "leads/acme-platform.md": """
            ---
            role: Platform Engineer
            company: Acme
            source: REFERRAL
            temperature: HOT
            status: DISCOVERY
            created: 2026-10-01
            tags: [yes, off, 0x1F, .inf]
            ---
            """,
        ])
        expectNoDiagnostics(checked.diagnostics)
        #expect(checked.records.contacts.first?.name?.value == "1e3")
        #expect(checked.records.contacts.first?.role?.value == "2026-10-01")
        #expect(checked.records.leads.first?.tags.map(\.value) == ["yes", "off", "0x1F", ".inf"])
    }

    @Test func enumValuesMatchInAnyCase() throws {
        let checked = try check([
            "companies/acme.md": Valid.company,
            "leads/acme-platform.md": """
            ---
            role: Platform Engineer
            company: "[[acme]]"
            source: referral
            temperature: hot
            status: Discovery
            created: 2026-10-01
            ---
            """,
            "interactions/2026-10-02-acme-platform-call.md": """
            ---
            lead: "[[acme-platform]]"
            date: 2026-10-02
            type: phone_call
            summary: Intro call
            sentiment: Positive
            ---
            """,
        ])
        expectNoDiagnostics(checked.diagnostics)
        let lead = try #require(checked.records.leads.first)
        #expect(lead.temperature?.value == .hot)
        #expect(lead.status?.value == "DISCOVERY")
        #expect(lead.source?.value == "REFERRAL")
        #expect(checked.records.interactions.first?.type?.value == .phoneCall)
        #expect(checked.records.interactions.first?.sentiment?.value == .positive)
    }

    @Test func anUnquotedLinkIsStillALink() throws {
        let checked = try check([
            "companies/acme.md": Valid.company,
            "leads/acme-platform.md": """
            ---
            role: Platform Engineer
            company: [[acme]]
            source: REFERRAL
            temperature: HOT
            status: DISCOVERY
            created: 2026-10-01
            ---
            """,
        ])
        expectNoDiagnostics(checked.diagnostics)
        let company = try #require(checked.records.leads.first?.company)
        #expect(company.value == Link(target: "acme", isBracketed: true))
        #expect(company.location == LeadKit.SourceLocation(file: "content/leads/acme-platform.md", line: 3, column: 10))
    }

    @Test func anUnquotedLinkToNothingIsBroken() throws {
        let diagnostics = try diagnostics([
            "leads/acme-platform.md": """
            ---
            role: Platform Engineer
            company: [[acme]]
            source: REFERRAL
            temperature: HOT
            status: DISCOVERY
            created: 2026-10-01
            ---
            """
        ])
        expectDiagnostic(
            .brokenLink, at: "leads/acme-platform.md", line: 3, column: 10, in: diagnostics,
            messageContains: ["'company' links to company 'acme', but there is no companies/acme.md"])
    }

    @Test func aLinkMayCarryALabel() throws {
        let checked = try check([
            "companies/acme.md": Valid.company,
            "contacts/ada.md": """
            ---
            name: Ada Lovelace
            company: "[[acme|Acme Rockets Inc.]]"
            ---
            """,
        ])
        expectNoDiagnostics(checked.diagnostics)
        #expect(checked.records.contacts.first?.company?.value.target == "acme")
    }

    @Test func emptyTildeAndNullCountAsAbsent() throws {
        let checked = try check([
            "contacts/ada.md": """
            ---
            name: Ada Lovelace
            email:
            phone: ~
            role: null
            ---
            """
        ])
        expectNoDiagnostics(checked.diagnostics)
        let contact = try #require(checked.records.contacts.first)
        #expect(contact.email == nil)
        #expect(contact.phone == nil)
        #expect(contact.role == nil)
    }

    @Test func aSingleTagCountsAsAListOfOne() throws {
        let checked = try check([
            "leads/acme-platform.md": """
            ---
            role: Platform Engineer
            company: Acme
            source: REFERRAL
            temperature: HOT
            status: DISCOVERY
            created: 2026-10-01
            tags: remote
            ---
            """
        ])
        expectNoDiagnostics(checked.diagnostics)
        #expect(checked.records.leads.first?.tags.map(\.value) == ["remote"])
    }
}
