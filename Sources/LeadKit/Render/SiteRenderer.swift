/// One file of the report, by its path inside the output folder.
public struct OutputFile: Sendable {
    public var path: String
    /// Of what the file is made from: a page's view model and templates, or the file's bytes.
    public var fingerprint: Fingerprint
    /// nil when the previous report's file has the same fingerprint and is kept as it is.
    public var bytes: [UInt8]?

    /// A file whose fingerprint is its bytes'.
    init(path: String, bytes: [UInt8], keeping previous: [String: Fingerprint]) {
        self.path = path
        fingerprint = Fingerprint.of(bytes)
        self.bytes = previous[path] == fingerprint ? nil : bytes
    }

    init(path: String, fingerprint: Fingerprint, bytes: [UInt8]?) {
        self.path = path
        self.fingerprint = fingerprint
        self.bytes = bytes
    }
}

/// The pages of a report, rendered on every core a batch at a time: a report of a hundred thousand
/// leads is never in memory all at once.
public struct RenderedSite: Sendable {
    let jobs: [@Sendable () throws -> OutputFile]
    /// How many of the files are record pages kept without building their view model (`PagePlan`).
    public var unplanned = 0
    /// How many are site-wide pages kept so (`PagePlan.keepsSiteWide`).
    public var unplannedSiteWide = 0

    /// How many files the report has.
    public var count: Int { jobs.count }

    /// Renders the files in order, `size` at a time, handing each batch to `body`. A batch's pages
    /// are all in memory until it is written: the first ones are the big list and month pages
    /// (megabytes each at 10k leads), so batches are small (16 against 1,024: 35 MiB less at peak).
    public func forEachBatch(size: Int = 16, _ body: ([OutputFile]) throws -> Void) throws {
        for start in stride(from: 0, to: jobs.count, by: size) {
            let batch = Array(jobs[start..<min(start + size, jobs.count)])
            try body(try ParallelMap.map(batch, chunkSize: 1) { job in Result { try job() } }.map { try $0.get() })
        }
    }
}

/// The render stage: every page, the assets and `report.json`.
///
/// Its inputs sit in one shared box: each of a report's 17,000 render jobs captures the renderer,
/// and a struct holding the report itself would be copied into every one of them.
public struct SiteRenderer: Sendable {
    private final class Inputs: Sendable {
        let report: Report
        let templates: TemplateSet
        let previous: [String: Fingerprint]
        let baseURL: String?
        let plan: PagePlan

        init(
            report: Report, templates: TemplateSet, previous: [String: Fingerprint], baseURL: String?, plan: PagePlan
        ) {
            self.report = report
            self.templates = templates
            self.previous = previous
            self.baseURL = baseURL
            self.plan = plan
        }
    }

    private let inputs: Inputs

    public var report: Report { inputs.report }
    public var templates: TemplateSet { inputs.templates }
    /// The fingerprints of the previous report's files that are still as it wrote them.
    public var previous: [String: Fingerprint] { inputs.previous }
    /// Where the report is published, for the calendar's links back to it.
    public var baseURL: String? { inputs.baseURL }
    /// Which record pages are planned again; the others are kept from `previous` as they are.
    var plan: PagePlan { inputs.plan }

    public init(
        report: Report, templates: TemplateSet, keeping previous: [String: Fingerprint] = [:], baseURL: String? = nil
    ) {
        self.init(report: report, templates: templates, keeping: previous, baseURL: baseURL, plan: .everything)
    }

    init(
        report: Report, templates: TemplateSet, keeping previous: [String: Fingerprint], baseURL: String?,
        plan: PagePlan
    ) {
        inputs = Inputs(report: report, templates: templates, previous: previous, baseURL: baseURL, plan: plan)
    }

    /// Every file of the report, to be rendered a batch at a time as the writer asks for them; a page
    /// whose view model and templates are those of a file in `previous` is not rendered again.
    public func render() -> RenderedSite {
        let pages = PageBuilder(report: report)
        let records = report.records
        // One list of pages for both cores, the ones that grow with the whole pipeline first, so
        // that no core waits for another one's big page at the end.
        var jobs: [@Sendable () throws -> OutputFile] = []
        var unplanned = 0
        var unplannedSiteWide = 0
        // A page the plan keeps is linked from the previous report without building its view model.
        func add(
            _ path: String, keeping kept: Bool, siteWide: Bool = false,
            _ job: @escaping @Sendable () throws -> OutputFile
        ) {
            if kept, let fingerprint = previous[path] {
                if siteWide { unplannedSiteWide += 1 } else { unplanned += 1 }
                jobs.append { OutputFile(path: path, fingerprint: fingerprint, bytes: nil) }
            } else {
                jobs.append(job)
            }
        }
        func siteWide(_ path: String, _ job: @escaping @Sendable () throws -> OutputFile) {
            add(path, keeping: plan.keepsSiteWide, siteWide: true, job)
        }
        func siteWide<Model: Encodable>(_ path: String, _ template: String, _ model: @escaping @Sendable () -> Model) {
            siteWide(path) { try page(path, model(), template) }
        }
        siteWide("index.html", "index") { pages.dashboard() }
        siteWide("agenda.html", "agenda") { pages.agendaPage() }
        siteWide("board.html", "board") { pages.boardPage() }
        siteWide("stale.html", "stale") { pages.stalePage() }
        siteWide("funnel.html", "funnel") { pages.funnelPage() }
        siteWide("history.html", "history") { pages.historyPage() }
        siteWide("changes.html", "changes") { pages.changesPage() }
        siteWide("cohorts.html", "cohorts") { pages.cohortsPage() }
        siteWide("unassigned.html", "unassigned") { pages.unassignedPage() }
        siteWide("jobs.html", "records") { pages.jobsPage() }
        siteWide("problems.html", "problems") { pages.problemsPage() }
        siteWide("leads.html", "leads") { pages.leadsPage() }
        siteWide("interactions.html", "interactions") { pages.interactionsPage() }
        siteWide("contacts.html", "records") { pages.contactsPage() }
        siteWide("companies.html", "records") { pages.companiesPage() }
        siteWide("applications.html", "records") { pages.applicationsPage() }
        siteWide("report.json") {
            OutputFile(path: "report.json", bytes: ReportJSON(report).encoded(), keeping: previous)
        }
        siteWide("follow-ups.ics") {
            OutputFile(
                path: "follow-ups.ics", bytes: CalendarFeed(report: report, baseURL: baseURL).encoded(),
                keeping: previous)
        }
        for day in report.owners {
            siteWide(PageBuilder.ownerPath(day.owner), "owner") { pages.ownerPage(day) }
            siteWide(PageBuilder.ownerFeed(day.owner)) {
                OutputFile(
                    path: PageBuilder.ownerFeed(day.owner),
                    bytes: CalendarFeed(report: report, baseURL: baseURL, owner: day.owner).encoded(), keeping: previous
                )
            }
        }
        for (month, positions) in report.interactionLog.months {
            let path = "interactions/\(month).html"
            add(path, keeping: plan.keepsMonth(positions.map { records.interactions[$0].id })) {
                try page(path, pages.interactionMonthPage(month, positions: positions), "interactions")
            }
        }
        for position in records.leads.indices where pages.hasPage(records.leads[position].header) {
            let id = records.leads[position].id
            add(path(.lead, id), keeping: plan.keeps(id)) {
                try page(path(.lead, id), pages.leadPage(position), "lead")
            }
        }
        for contact in records.contacts where pages.hasPage(contact.header) {
            add(path(.contact, contact.id), keeping: plan.keeps(contact.id)) {
                try page(path(.contact, contact.id), pages.contactPage(contact), "record")
            }
        }
        for company in records.companies where pages.hasPage(company.header) {
            add(path(.company, company.id), keeping: plan.keeps(company.id)) {
                try page(path(.company, company.id), pages.companyPage(company), "record")
            }
        }
        for job in records.jobs where pages.hasPage(job.header) {
            add(path(.job, job.id), keeping: plan.keeps(job.id)) {
                try page(path(.job, job.id), pages.jobPage(job), "record")
            }
        }
        for application in records.applications where pages.hasPage(application.header) {
            add(path(.application, application.id), keeping: plan.keeps(application.id)) {
                try page(path(.application, application.id), pages.applicationPage(application), "record")
            }
        }
        for (name, bytes) in templates.assets.sorted(by: { $0.key < $1.key }) {
            jobs.append { OutputFile(path: name, bytes: bytes, keeping: previous) }
        }
        return RenderedSite(jobs: jobs, unplanned: unplanned, unplannedSiteWide: unplannedSiteWide)
    }

    func path(_ kind: RecordKind, _ id: String) -> String {
        kind.folder + "/" + id + ".html"
    }

    func page<Model: Encodable>(_ path: String, _ model: Model, _ template: String) throws -> OutputFile {
        func pageFingerprint(_ model: Fingerprint) -> Fingerprint {
            var fingerprint = templates.fingerprint
            fingerprint.combine(template)
            fingerprint.combine(model.value)
            return fingerprint
        }
        if let kept = previous[path], pageFingerprint(TemplateEncoder.fingerprint(model)) == kept {
            return OutputFile(path: path, fingerprint: kept, bytes: nil)
        }
        let value = TemplateEncoder.encode(model)
        return OutputFile(
            path: path, fingerprint: pageFingerprint(value.fingerprint), bytes: try templates.render(value, template))
    }
}
