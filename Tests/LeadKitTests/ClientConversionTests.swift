import Foundation
import Testing

/// A sales lead is won into a client, not an application: `leads convert` makes its company a client
/// (`client_since`), or wins it into an existing client with `--into`, and the lead links it with
/// `client:`. A lead that looks like an existing client is not silently made a second one. Run with
/// the real `leads` binary, as of 2026-11-23.
@Suite struct ClientConversionTests {
    static let asOf = "2026-11-23"

    static let contact = """
        ---
        name: Bill Lumbergh
        email: bill@initech.example
        ---

        """

    static func lead(_ role: String, status: String, company: String = "Initech") -> String {
        """
        ---
        role: \(role)
        company: \(company)
        source: REFERRAL
        temperature: WARM
        pipeline: sales
        status: \(status)
        created: 2026-11-02
        contact: "[[bill-lumbergh]]"
        value: 12000
        ---

        """
    }

    static func call(_ lead: String) -> String {
        """
        ---
        lead: "[[\(lead)]]"
        date: 2026-11-10
        type: PHONE_CALL
        summary: Pricing call
        ---

        """
    }

    /// An Initech that has been a client since June.
    static let existingClient = "---\nname: Initech\nclient_since: 2026-06-01\n---\n"

    static func expectClean(
        _ folder: ScratchFolder, files: Int, sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) throws {
        let check = try folder.check(asOf: asOf)
        #expect(check.status == 0, sourceLocation: sourceLocation)
        #expect(check.stdout == "0 errors, 0 warnings in \(files) files\n", sourceLocation: sourceLocation)
    }

    @Test func aWonSalesLeadMakesItsCompanyANewClient() throws {
        let folder = try ScratchFolder([
            "contacts/bill-lumbergh.md": Self.contact,
            "leads/initech-support.md": Self.lead("Support contract", status: "QUALIFIED"),
            "interactions/2026-11-10-initech-support-call.md": Self.call("initech-support"),
        ])
        defer { folder.remove() }
        try Self.expectClean(folder, files: 3)

        let run = try folder.leads(["convert", "initech-support"], asOf: Self.asOf)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(
            run.stdout == """
                created content/companies/initech.md: new company initech
                updated content/leads/initech-support.md: status QUALIFIED → CONVERTED, client [[initech]]

                """)
        #expect(try folder.read("companies/initech.md") == "---\nname: Initech\nclient_since: 2026-11-23\n---\n")
        #expect(
            try folder.read("leads/initech-support.md") == """
                ---
                role: Support contract
                company: "[[initech]]"
                source: REFERRAL
                temperature: WARM
                pipeline: sales
                status: CONVERTED
                created: 2026-11-02
                contact: "[[bill-lumbergh]]"
                value: 12000
                client: "[[initech]]"
                history:
                  - {status: QUALIFIED, date: 2026-11-02}
                  - {status: CONVERTED, date: 2026-11-23}
                ---

                """)
        #expect(!folder.exists("applications") && !folder.exists("jobs"), "a client, not an application or a job")
        try Self.expectClean(folder, files: 4)

        let site = try folder.build(asOf: Self.asOf)
        let company = site.page("companies/initech.html")
        #expect(company.contains("<div><dt>Client since</dt><dd>Mon 23 Nov 2026</dd></div>"))
        #expect(hrefs(in: company).filter { $0.hasPrefix("../leads/") } == ["../leads/initech-support.html"])
        #expect(company.contains("<p class=\"card-outcome\">Client: Initech</p>"))
        let lead = site.page("leads/initech-support.html")
        #expect(lead.contains("<a href=\"../companies/initech.html\">Initech</a>"))
        let pipelines = try #require(try site.reportJSON()["pipelines"] as? [[String: Any]])
        let sales = try #require(pipelines.first { $0["name"] as? String == "sales" })
        let converted = (sales["stages"] as? [[String: Any]])?.first { $0["status"] as? String == "CONVERTED" }
        #expect(converted?["leads"] as? [String] == ["initech-support"])
        #expect((try site.reportJSON()["outcomes"] as? [Any])?.count == 0, "a client has no milestones to track")
    }

    /// A sales conversion killed after it made or marked the client, before the lead linked it,
    /// completes when run again with the same arguments — into that client, not proposing it with
    /// `--into` nor making another — to the folder an uninterrupted run makes. Three cases: a new
    /// company, an existing company made a client, and `--new-client` beside an existing client.
    @Test(arguments: [
        (companies: [String: String](), arguments: [String]()),
        (["companies/initech.md": "---\nname: Initech\n---\n"], []),
        (["companies/initech.md": existingClient], ["--new-client"]),
    ])
    func anInterruptedSalesConversionCompletesWhenRunAgain(companies: [String: String], arguments: [String]) throws {
        let files = [
            "contacts/bill-lumbergh.md": Self.contact,
            "leads/initech-support.md": Self.lead("Support contract", status: "QUALIFIED"),
            "interactions/2026-11-10-initech-support-call.md": Self.call("initech-support"),
        ].merging(companies) { first, _ in first }
        let command = ["convert", "initech-support"] + arguments
        let whole = try ScratchFolder(files)
        defer { whole.remove() }
        #expect(try whole.leads(command, asOf: Self.asOf).status == 0)
        let uninterrupted = try whole.contents()

        let folder = try ScratchFolder(files)
        defer { folder.remove() }
        let killed = try folder.leads(command, asOf: Self.asOf, environment: ["LEADS_INTERRUPT_AFTER_WRITES": "1"])
        #expect(killed.status == 75)
        #expect(try folder.contents() != uninterrupted, "the kill left the conversion half-done")
        let resumed = try folder.leads(command, asOf: Self.asOf)
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(try folder.contents() == uninterrupted)
        try Self.expectClean(folder, files: 4 + (arguments.isEmpty ? 0 : 1))
    }

    @Test func intoWinsTheLeadIntoAnExistingClient() throws {
        let folder = try ScratchFolder([
            "companies/initech.md": Self.existingClient,
            "contacts/bill-lumbergh.md": Self.contact,
            "leads/initech-training.md": Self.lead("Training", status: "CONTACTED", company: "\"[[initech]]\""),
            "interactions/2026-11-10-initech-training-call.md": Self.call("initech-training"),
        ])
        defer { folder.remove() }
        try Self.expectClean(folder, files: 4)

        let typo = try folder.leads(["convert", "initech-training", "--into", "initch"], asOf: Self.asOf)
        #expect(typo.status == 1)
        #expect(typo.stderr == "error: no company or contact 'initch' to win the lead into; did you mean initech?\n")

        let run = try folder.leads(["convert", "initech-training", "--into", "initech"], asOf: Self.asOf)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(
            run.stdout
                == "updated content/leads/initech-training.md: status CONTACTED → CONVERTED, client [[initech]]\n"
        )
        #expect(try folder.read("companies/initech.md") == Self.existingClient, "a client keeps its first day")
        let lead = try folder.read("leads/initech-training.md")
        #expect(lead.contains("status: CONVERTED\n"))
        #expect(lead.contains("client: \"[[initech]]\"\n"))
        #expect(!folder.exists("applications") && !folder.exists("jobs"))
        try Self.expectClean(folder, files: 4)

        let company = try folder.build(asOf: Self.asOf).page("companies/initech.html")
        #expect(company.contains("<div><dt>Client since</dt><dd>Mon 1 Jun 2026</dd></div>"))
        #expect(hrefs(in: company).filter { $0.hasPrefix("../leads/") } == ["../leads/initech-training.html"])
    }

    /// A company that is not a client yet becomes one the day a lead is won into it.
    @Test func intoACompanyThatIsNotYetAClientMakesItOne() throws {
        let folder = try ScratchFolder([
            "companies/initech.md": "---\nname: Initech\nindustry: Software\n---\n",
            "contacts/bill-lumbergh.md": Self.contact,
            "leads/initech-training.md": Self.lead("Training", status: "CONTACTED", company: "Initrode"),
            "interactions/2026-11-10-initech-training-call.md": Self.call("initech-training"),
        ])
        defer { folder.remove() }
        let run = try folder.leads(["convert", "initech-training", "--into", "initech"], asOf: Self.asOf)
        #expect(
            run.stdout == """
                updated content/companies/initech.md: client since 2026-11-23
                updated content/leads/initech-training.md: status CONTACTED → CONVERTED, client [[initech]]

                """, "\(run.stderr)")
        #expect(
            try folder.read("companies/initech.md")
                == "---\nname: Initech\nindustry: Software\nclient_since: 2026-11-23\n---\n")
        #expect(!folder.exists("companies/initrode.md"), "--into makes no record of the lead's own company")
        try Self.expectClean(folder, files: 4)
    }

    @Test func aLeadNamedLikeAnExistingClientIsRefusedWithIntoProposed() throws {
        let folder = try ScratchFolder([
            "companies/initech.md": Self.existingClient,
            "contacts/bill-lumbergh.md": Self.contact,
            "leads/initech-training.md": Self.lead("Training", status: "CONTACTED"),
            "interactions/2026-11-10-initech-training-call.md": Self.call("initech-training"),
        ])
        defer { folder.remove() }
        let before = try folder.read("leads/initech-training.md")
        let run = try folder.leads(["convert", "initech-training"], asOf: Self.asOf)
        #expect(run.status == 1)
        #expect(
            run.stderr
                == "error: initech-training matches the existing client initech (company name Initech); run "
                + "`leads convert initech-training --into initech` to win it into that client, or pass --new-client "
                + "to make another\n")
        #expect(run.stdout == "")
        #expect(try folder.read("leads/initech-training.md") == before)
        #expect(try folder.read("companies/initech.md") == Self.existingClient)
    }

    /// `--new-client` makes another client, as its help says, even though one is called the same.
    @Test func newClientMakesAnotherClientEvenWhenOneMatches() throws {
        let folder = try ScratchFolder([
            "companies/initech.md": Self.existingClient,
            "contacts/bill-lumbergh.md": Self.contact,
            "leads/initech-training.md": Self.lead("Training", status: "CONTACTED"),
            "interactions/2026-11-10-initech-training-call.md": Self.call("initech-training"),
        ])
        defer { folder.remove() }
        let run = try folder.leads(["convert", "initech-training", "--new-client"], asOf: Self.asOf)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(
            run.stdout == """
                created content/companies/initech-2.md: new company initech-2
                updated content/leads/initech-training.md: status CONTACTED → CONVERTED, client [[initech-2]]

                """)
        #expect((try? folder.read("companies/initech-2.md")) == "---\nname: Initech\nclient_since: 2026-11-23\n---\n")
        #expect(try folder.read("companies/initech.md") == Self.existingClient)
        let lead = try folder.read("leads/initech-training.md")
        #expect(lead.contains("client: \"[[initech-2]]\"\n"), "\(lead)")
        try Self.expectClean(folder, files: 5)
    }
}
