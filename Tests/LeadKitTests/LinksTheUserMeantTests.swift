import Foundation
import Testing

@testable import LeadKit

/// The record the user meant is linked, and the command says so: a shortened company name links
/// the one company it can be, `leads log` names the contact it put the interaction down to, and
/// one phone number written three ways is one number.
@Suite struct LinksTheUserMeantTests {
    static let companies = [
        "companies/northwind-logistics.md": "---\nname: Northwind Logistics\n---\n",
        "companies/kelvin-grid.md": "---\nname: Kelvin Grid\n---\n",
        "companies/kelvin-labs.md": "---\nname: Kelvin Labs GmbH\n---\n",
    ]

    @Test func aUniqueShortenedCompanyNameIsLinkedAndSaid() throws {
        let folder = try ScratchFolder(Self.companies)
        defer { folder.remove() }
        let run = try folder.leads(
            ["new", "contact", "--name", "Ana Ruiz", "--company", "Northwind"], asOf: "2026-11-23")
        #expect(
            run.stdout
                == "created content/contacts/ana-ruiz.md: new contact ana-ruiz, company 'Northwind' linked to Northwind Logistics [[northwind-logistics]]\n"
        )
        #expect(try folder.read("contacts/ana-ruiz.md").contains("company: \"[[northwind-logistics]]\"\n"))

        let suffix = try folder.leads(
            ["new", "lead", "--role", "SRE", "--company", "Kelvin Labs Inc."], asOf: "2026-11-23")
        #expect(suffix.stdout.contains("company 'Kelvin Labs Inc.' linked to Kelvin Labs GmbH [[kelvin-labs]]"))
    }

    @Test func anAmbiguousCompanyNameIsKeptAsTextAndTheCandidatesNamed() throws {
        let folder = try ScratchFolder(Self.companies)
        defer { folder.remove() }
        let run = try folder.leads(["new", "contact", "--name", "Bo Li", "--company", "Kelvin"], asOf: "2026-11-23")
        #expect(
            run.stdout
                == "created content/contacts/bo-li.md: new contact bo-li, company 'Kelvin' kept as text: it could be Kelvin Grid [[kelvin-grid]] or Kelvin Labs GmbH [[kelvin-labs]]; give the id to link one\n"
        )
        #expect(try folder.read("contacts/bo-li.md").contains("company: Kelvin\n"))
    }

    @Test func logSaysWhichContactItDefaultedTo() throws {
        let lead = """
            ---
            role: SRE
            company: "[[northwind-logistics]]"
            source: OTHER
            temperature: WARM
            status: DISCOVERY
            created: 2026-11-01
            contact: "[[ana-ruiz]]"
            ---

            """
        var files = Self.companies
        files["leads/northwind-sre.md"] = lead
        files["contacts/ana-ruiz.md"] = "---\nname: Ana Ruiz\n---\n"
        files["contacts/bo-li.md"] = "---\nname: Bo Li\n---\n"
        let folder = try ScratchFolder(files)
        defer { folder.remove() }
        let defaulted = try folder.leads(
            ["log", "northwind-sre", "--type", "email", "--summary", "Hello"], asOf: "2026-11-23")
        #expect(
            defaulted.stdout
                == "created content/interactions/2026-11-23-northwind-sre-hello.md: EMAIL with northwind-sre, with Ana Ruiz [[ana-ruiz]] (the lead's contact; --contact to change)\n"
        )
        let given = try folder.leads(
            ["log", "northwind-sre", "--type", "email", "--summary", "Hi Bo", "--contact", "Bo Li"], asOf: "2026-11-23")
        #expect(
            given.stdout == "created content/interactions/2026-11-23-northwind-sre-hi-bo.md: EMAIL with northwind-sre\n"
        )
        #expect(try folder.read("interactions/2026-11-23-northwind-sre-hi-bo.md").contains("contact: \"[[bo-li]]\"\n"))
    }

    @Test(arguments: [
        ("0049 30 1234567", "+49301234567"), ("+49 (0)30 1234567", "+49301234567"),
        ("+49 30 123 45 67", "+49301234567"),
        ("+49-30-1234567", "+49301234567"), ("030 1234567", "0301234567"), ("12 34", nil),
    ])
    func phoneNumbersHaveOneComparableForm(_ written: String, _ comparable: String?) {
        #expect(PhoneNumber.comparable(written) == comparable)
    }

    @Test func oneNumberWrittenThreeWaysIsADuplicateContact() throws {
        let found = try diagnostics([
            "contacts/a.md": "---\nname: A\nphone: \"0049 30 1234567\"\n---\n",
            "contacts/b.md": "---\nname: B\nphone: \"+49 (0)30 1234567\"\n---\n",
            "contacts/c.md": "---\nname: C\nphone: \"+49 30 1234567\"\n---\n",
        ])
        #expect(
            found.map(\.formatted) == [
                "content/contacts/b.md:3:8: warning: content/contacts/b.md and content/contacts/a.md have the same phone '+49 (0)30 1234567'; merge the two contacts [duplicate-contact]",
                "content/contacts/c.md:3:8: warning: content/contacts/c.md and content/contacts/a.md have the same phone '+49 30 1234567'; merge the two contacts [duplicate-contact]",
            ])
    }
}
