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

/// The render stage: every page, the assets and `report.json`, in memory.
public struct SiteRenderer: Sendable {
    public let report: Report
    public let templates: TemplateSet
    /// The fingerprints of the previous report's files that are still as it wrote them.
    public let previous: [String: Fingerprint]

    public init(report: Report, templates: TemplateSet, keeping previous: [String: Fingerprint] = [:]) {
        self.report = report
        self.templates = templates
        self.previous = previous
    }

    /// Every file of the report; a page whose view model and templates are those of a file in
    /// `previous` is not rendered again.
    public func render() throws -> [OutputFile] {
        let pages = PageBuilder(report: report)
        let records = report.records
        let interactionOrder = pages.interactionOrder
        // The overview pages grow with the whole pipeline; each is rendered on its own core.
        let overview: [@Sendable () throws -> OutputFile] = [
            { try page("index.html", pages.dashboard(), "index") },
            { try page("agenda.html", pages.agendaPage(), "agenda") },
            { try page("board.html", pages.boardPage(), "board") },
            { try page("stale.html", pages.stalePage(), "stale") },
            { try page("funnel.html", pages.funnelPage(), "funnel") },
            { try page("history.html", pages.historyPage(), "history") },
            { try page("problems.html", pages.problemsPage(), "problems") },
            { try page("leads.html", pages.leadsPage(), "leads") },
            { try page("interactions.html", pages.interactionsPage(order: interactionOrder), "interactions") },
            { try page("contacts.html", pages.contactsPage(), "records") },
            { try page("companies.html", pages.companiesPage(), "records") },
            { try page("applications.html", pages.applicationsPage(), "records") },
            { OutputFile(path: "report.json", bytes: ReportJSON(report).encoded(), keeping: previous) },
        ]
        var files = try renderAll(Array(overview.indices), chunkSize: 1) { try overview[$0]() }
        for (name, bytes) in templates.assets.sorted(by: { $0.key < $1.key }) {
            files.append(OutputFile(path: name, bytes: bytes, keeping: previous))
        }

        let byMonth = Dictionary(grouping: interactionOrder, by: pages.monthKey)
        files += try renderAll(byMonth.keys.sorted(), chunkSize: 1) { month in
            try page(
                "interactions/\(month).html", pages.interactionMonthPage(month, positions: byMonth[month]!),
                "interactions")
        }
        let leads = records.leads.indices.filter { pages.hasPage(records.leads[$0].header) }
        files += try renderAll(leads) { position in
            try page(path(.lead, records.leads[position].id), pages.leadPage(position), "lead")
        }
        let leadsByContact = group(records.leads.indices) { records.leads[$0].contact?.value.target }
        let interactionsByContact = group(records.interactions.indices) {
            records.interactions[$0].contact?.value.target
        }
        files += try renderAll(records.contacts.filter { pages.hasPage($0.header) }) { contact in
            try page(
                path(.contact, contact.id),
                pages.contactPage(
                    contact, leadsByContact: leadsByContact, interactionsByContact: interactionsByContact),
                "record")
        }
        let leadsByCompany = group(records.leads.indices) { records.leads[$0].company?.value.target }
        let contactsByCompany = group(records.contacts.indices) { records.contacts[$0].company?.value.target }
        files += try renderAll(records.companies.filter { pages.hasPage($0.header) }) { company in
            try page(
                path(.company, company.id),
                pages.companyPage(company, leadsByCompany: leadsByCompany, contactsByCompany: contactsByCompany),
                "record")
        }
        files += try renderAll(records.applications.filter { pages.hasPage($0.header) }) { application in
            try page(path(.application, application.id), pages.applicationPage(application), "record")
        }
        return files
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

    /// Renders record pages on every core, keeping their order.
    func renderAll<Item: Sendable>(
        _ items: [Item], chunkSize: Int = 32, _ render: @Sendable (Item) throws -> OutputFile
    ) throws -> [OutputFile] {
        try ParallelMap.map(items, chunkSize: chunkSize) { item in Result { try render(item) } }.map { try $0.get() }
    }

    func group(_ positions: Range<Int>, by key: (Int) -> String?) -> [String: [Int]] {
        var groups: [String: [Int]] = [:]
        for position in positions {
            if let key = key(position) { groups[key, default: []].append(position) }
        }
        return groups
    }
}
