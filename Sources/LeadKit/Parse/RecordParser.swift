/// One parsed record of any kind.
public enum ParsedRecord: Sendable {
    case lead(Lead)
    case interaction(Interaction)
    case contact(Contact)
    case company(Company)
    case application(Application)
}

/// The second stage: turns one file's bytes into a typed record by the schema of its kind.
///
/// Pure and per file, so files can be parsed in any order or in parallel.
public enum RecordParser {
    public static func parse(_ file: SourceFile) -> (record: ParsedRecord?, diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        guard let kind = file.kind,
            let source = SourceText.decode(file.bytes, file: file.displayPath, diagnostics: &diagnostics),
            let split = FrontMatterReader.read(source, file: file.displayPath, diagnostics: &diagnostics)
        else { return (nil, diagnostics) }
        let header = RecordHeader(
            kind: kind, id: file.stem, file: file.displayPath, relativePath: file.relativePath,
            body: split.body, bodyLine: split.bodyLine)
        guard let root = split.frontMatter.root else {
            // The block could not be read; keep the record so links to it still resolve.
            return (record(kind: kind, header: header, fields: nil), diagnostics)
        }
        var fields = FieldReader(
            block: split.frontMatter, pairs: root, location: split.frontMatter.blockLocation,
            subject: kind.rawValue)
        let parsed = record(kind: kind, header: header, fields: &fields)
        fields.reportUnknownKeys()
        return (parsed, diagnostics + fields.diagnostics)
    }

    private static func record(kind: RecordKind, header: RecordHeader, fields: FieldReader?) -> ParsedRecord {
        switch kind {
        case .lead:
            .lead(
                Lead(
                    header: header, role: nil, company: nil, source: nil, temperature: nil, status: nil, created: nil,
                    pipeline: nil, nextFollowUp: nil, contact: nil, application: nil, owner: nil, tags: [],
                    history: []))
        case .interaction:
            .interaction(
                Interaction(
                    header: header, lead: nil, date: nil, type: nil, summary: nil, sentiment: nil, nextAction: nil,
                    contact: nil))
        case .contact:
            .contact(
                Contact(header: header, name: nil, email: nil, phone: nil, company: nil, role: nil, linkedin: nil))
        case .company:
            .company(Company(header: header, name: nil, website: nil, industry: nil))
        case .application:
            .application(
                Application(
                    header: header, lead: nil, title: nil, company: nil, url: nil, applied: nil, milestones: []))
        }
    }

    private static func record(kind: RecordKind, header: RecordHeader, fields f: inout FieldReader) -> ParsedRecord {
        switch kind {
        case .lead:
            let role = f.text("role", required: true)
            let company = f.link("company", required: true)
            let source = f.text("source", required: true).map(uppercased)
            let temperature = f.enumeration("temperature", Temperature.self, required: true)
            let status = f.text("status", required: true).map(uppercased)
            let created = f.day("created", required: true)
            let pipeline = f.text("pipeline")
            let nextFollowUp = f.dayTime("next_follow_up")
            let contact = f.link("contact")
            let application = f.link("application")
            let owner = f.text("owner")
            let tags = f.textList("tags")
            let history = f.mappingList(
                "history", itemSubject: "history entry", example: "{status: WARM_LEAD, date: 2026-03-14}"
            ) { entry -> HistoryEntry? in
                let status = entry.text("status", required: true).map(uppercased)
                let date = entry.day("date", required: true)
                return status.map { HistoryEntry(status: $0, date: date) }
            }
            return .lead(
                Lead(
                    header: header, role: role, company: company, source: source, temperature: temperature,
                    status: status, created: created, pipeline: pipeline, nextFollowUp: nextFollowUp,
                    contact: contact, application: application, owner: owner, tags: tags, history: history))
        case .interaction:
            return .interaction(
                Interaction(
                    header: header, lead: f.link("lead", required: true), date: f.dayTime("date", required: true),
                    type: f.enumeration("type", InteractionType.self, required: true),
                    summary: f.text("summary", required: true),
                    sentiment: f.enumeration("sentiment", Sentiment.self), nextAction: f.text("next_action"),
                    contact: f.link("contact")))
        case .contact:
            return .contact(
                Contact(
                    header: header, name: f.text("name", required: true), email: f.text("email"),
                    phone: f.text("phone"), company: f.link("company"), role: f.text("role"),
                    linkedin: f.text("linkedin")))
        case .company:
            return .company(
                Company(
                    header: header, name: f.text("name", required: true), website: f.text("website"),
                    industry: f.text("industry")))
        case .application:
            let lead = f.link("lead", required: true)
            let title = f.text("title", required: true)
            let company = f.link("company")
            let url = f.text("url")
            let applied = f.day("applied")
            let milestones = f.mappingList(
                "milestones", itemSubject: "milestone", example: "{name: CV_RECEIVED, date: 2026-03-14}"
            ) { entry -> MilestoneEntry? in
                let name = entry.enumeration("name", Milestone.self, required: true)
                let date = entry.day("date", required: true)
                return name.map { MilestoneEntry(milestone: $0, date: date) }
            }
            return .application(
                Application(
                    header: header, lead: lead, title: title, company: company, url: url, applied: applied,
                    milestones: milestones))
        }
    }

    private static func uppercased(_ value: Located<String>) -> Located<String> {
        Located(value.value.uppercased(), at: value.location)
    }
}
