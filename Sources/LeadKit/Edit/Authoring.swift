/// The write commands: each plans every change it will make from the content as it is, refusing
/// with a clear message before anything is written. The changes are ordered so that the folder
/// passes `leads check` after each single write (a new file first, the links to it after).
public enum Authoring {
    public struct NewLead: Sendable {
        public var role: String
        public var company: String
        public var source: String?
        public var temperature: String?
        public var contact: String?
        public var followUp: String?
        public var pipeline: String?
        public var owner: String?
        /// Whom to contact and how, while they are not a contact record.
        public var contactName: String?
        public var email: String?
        public var phone: String?
        /// The deal's value, written as a number.
        public var value: String?

        public init(
            role: String, company: String, source: String? = nil, temperature: String? = nil, contact: String? = nil,
            followUp: String? = nil, pipeline: String? = nil, owner: String? = nil, contactName: String? = nil,
            email: String? = nil, phone: String? = nil, value: String? = nil
        ) {
            self.role = role
            self.company = company
            self.source = source
            self.temperature = temperature
            self.contact = contact
            self.followUp = followUp
            self.pipeline = pipeline
            self.owner = owner
            self.contactName = contactName
            self.email = email
            self.phone = phone
            self.value = value
        }
    }

    /// `leads/<company>-<role>.md` in the first stage of its pipeline, created today.
    public static func newLead(_ new: NewLead, in workspace: Workspace) throws(EditError) -> [FileChange] {
        let role = try required(new.role, "role")
        let companyText = try required(new.company, "company")
        let configuration = workspace.configuration
        let pipeline: Pipeline
        if let name = new.pipeline {
            guard let named = configuration.pipeline(named: name.lowercased()) else {
                throw EditError(
                    InvalidValue.unknownMessage(name, "pipeline", allowed: configuration.pipelines.map(\.name)))
            }
            pipeline = named
        } else {
            pipeline = configuration.defaultPipeline
        }
        let source = try choice(
            new.source ?? (configuration.sources.contains("OTHER") ? "OTHER" : configuration.sources[0]), "source",
            in: configuration.sources)
        let temperature = try choice(new.temperature ?? "WARM", "temperature", in: Temperature.allCases.map(\.rawValue))
        let match = workspace.companyMatch(companyText)
        let company = match.company
        let (id, path) = workspace.freePath(
            .lead, stem: nonEmpty(Slug.make((company?.name?.value ?? companyText) + " " + role), "lead"))

        var fields: [(key: String, yaml: String)] = [
            ("role", YAMLText.scalar(role)),
            ("company", company.map { YAMLText.link($0.id) } ?? YAMLText.scalar(companyText)),
            ("source", source), ("temperature", temperature), ("status", pipeline.firstStage),
            ("created", workspace.asOf.description),
        ]
        if new.pipeline != nil { fields.append(("pipeline", pipeline.name)) }
        if let followUp = new.followUp {
            fields.append(("next_follow_up", try dayTime(followUp, "--follow-up", asOf: workspace.asOf)))
        }
        if let contact = new.contact {
            fields.append(("contact", YAMLText.link(try workspace.contactByIDOrName(contact).id)))
        }
        if let owner = new.owner { fields.append(("owner", YAMLText.scalar(owner))) }
        if let value = new.value {
            guard let number = Double(value.trimmingSpaces), number.isFinite else {
                throw EditError("--value must be a number like 4800 or 12.5, not '\(value)'")
            }
            fields.append(("value", FieldValue.format(number)))
        }
        if let name = new.contactName { fields.append(("contact_name", YAMLText.scalar(name))) }
        if let email = new.email { fields.append(("email", YAMLText.scalar(email))) }
        if let phone = new.phone { fields.append(("phone", YAMLText.quoted(phone))) }
        fields.append(
            ("history", YAMLText.blockList([[("status", pipeline.firstStage), ("date", workspace.asOf.description)]])))
        return [
            .create(
                path, YAMLText.record(.lead, fields),
                "new lead \(id) (\(pipeline.firstStage))"
                    + (fields.first { $0.key == "next_follow_up" }.map { ", follow-up \($0.yaml)" } ?? "")
                    + linkedNote(companyText, match))
        ]
    }

    /// `contacts/<name>.md`.
    public static func newContact(
        name: String, email: String? = nil, phone: String? = nil, company: String? = nil, role: String? = nil,
        linkedin: String? = nil, in workspace: Workspace
    ) throws(EditError) -> [FileChange] {
        let name = try required(name, "name")
        let (id, path) = workspace.freePath(.contact, stem: nonEmpty(Slug.make(name), "contact"))
        var fields: [(key: String, yaml: String)] = [("name", YAMLText.scalar(name))]
        if let email { fields.append(("email", YAMLText.scalar(email))) }
        if let phone { fields.append(("phone", YAMLText.quoted(phone))) }
        let match = company.map { workspace.companyMatch($0) } ?? .none
        if let company {
            fields.append(("company", match.company.map { YAMLText.link($0.id) } ?? YAMLText.scalar(company)))
        }
        if let role { fields.append(("role", YAMLText.scalar(role))) }
        if let linkedin { fields.append(("linkedin", YAMLText.scalar(linkedin))) }
        return [
            .create(
                path, YAMLText.record(.contact, fields), "new contact \(id)" + linkedNote(company ?? "", match))
        ]
    }

    /// `, company 'Northwind' linked to Northwind Logistics [[northwind-logistics]]` when the company
    /// given was matched by a shortened or differently written name, or why it was kept as text when
    /// it could be several; empty otherwise.
    static func linkedNote(_ given: String, _ match: Workspace.CompanyMatch) -> String {
        func named(_ company: Company) -> String { "\(company.name?.value ?? company.id) [[\(company.id)]]" }
        switch match {
        case .close(let company): return ", company '\(given)' linked to " + named(company)
        case .several(let companies):
            return ", company '\(given)' kept as text: it could be "
                + companies.map(named).joined(separator: " or ") + "; give the id to link one"
        case .exact, .none: return ""
        }
    }

    /// `companies/<name>.md`.
    public static func newCompany(
        name: String, website: String? = nil, industry: String? = nil, in workspace: Workspace
    ) throws(EditError) -> [FileChange] {
        let name = try required(name, "name")
        let (id, path) = workspace.freePath(.company, stem: nonEmpty(Slug.make(name), "company"))
        var fields: [(key: String, yaml: String)] = [("name", YAMLText.scalar(name))]
        if let website { fields.append(("website", YAMLText.scalar(website))) }
        if let industry { fields.append(("industry", YAMLText.scalar(industry))) }
        return [.create(path, YAMLText.record(.company, fields), "new company \(id)")]
    }

    public struct NewInteraction: Sendable {
        public var lead: String
        public var type: String
        public var summary: String
        public var sentiment: String?
        public var nextAction: String?
        public var followUp: String?
        public var date: String?
        public var contact: String?
        public var body: String

        public init(
            lead: String, type: String, summary: String, sentiment: String? = nil, nextAction: String? = nil,
            followUp: String? = nil, date: String? = nil, contact: String? = nil, body: String = ""
        ) {
            self.lead = lead
            self.type = type
            self.summary = summary
            self.sentiment = sentiment
            self.nextAction = nextAction
            self.followUp = followUp
            self.date = date
            self.contact = contact
            self.body = body
        }
    }

    /// `interactions/<date>-<lead>-<summary>.md`; with a follow-up date, the lead's `next_follow_up` too.
    public static func log(_ new: NewInteraction, in workspace: Workspace) throws(EditError) -> [FileChange] {
        let lead = try workspace.lead(new.lead)
        let summary = try required(new.summary, "summary")
        let type = try choice(new.type, "type", in: InteractionType.allCases.map(\.rawValue))
        let date =
            try new.date.map { (text) throws(EditError) in try dayTime(text, "--date", asOf: workspace.asOf) }
            ?? workspace.asOf.description
        let (_, path) = workspace.freePath(
            .interaction,
            stem: RecordID.fitting("\(date.prefix(10))-\(lead.id)-\(nonEmpty(Slug.make(summary), "note"))"))
        var fields: [(key: String, yaml: String)] = [
            ("lead", YAMLText.link(lead.id)), ("date", date), ("type", type), ("summary", YAMLText.scalar(summary)),
        ]
        if let sentiment = new.sentiment {
            fields.append(("sentiment", try choice(sentiment, "sentiment", in: Sentiment.allCases.map(\.rawValue))))
        }
        if let nextAction = new.nextAction { fields.append(("next_action", YAMLText.scalar(nextAction))) }
        var attributed = ""
        if let contact = new.contact {
            fields.append(("contact", YAMLText.link(try workspace.contactByIDOrName(contact).id)))
        } else if let target = lead.contact?.value.target, let contact = workspace.findContact(target) {
            // Said, so a call with someone else is not silently put down to the lead's contact.
            fields.append(("contact", YAMLText.link(contact.id)))
            attributed =
                ", with \(contact.name?.value ?? contact.id) [[\(contact.id)]] (the lead's contact; --contact to change)"
        }
        var changes: [FileChange] = [
            .create(
                path, YAMLText.record(.interaction, fields, body: new.body), "\(type) with \(lead.id)" + attributed)
        ]
        if let followUp = new.followUp {
            let due = try dayTime(followUp, "--follow-up", asOf: workspace.asOf)
            var (before, editor) = try workspace.editor(for: lead.header)
            try editor.set("next_follow_up", to: due)
            changes.append(.update(lead.header.relativePath, from: before, to: editor.bytes, "next_follow_up \(due)"))
        }
        return changes
    }

    // MARK: Values

    static func required(_ value: String, _ name: String) throws(EditError) -> String {
        let trimmed = value.trimmingSpaces
        guard !trimmed.isEmpty else { throw EditError("\(name) must not be empty") }
        return trimmed
    }

    static func nonEmpty(_ slug: String, _ fallback: String) -> String {
        slug.isEmpty ? fallback : slug
    }

    /// One of fixed values, matched ignoring case, `-` and spaces: `phone call` is PHONE_CALL.
    static func choice(_ value: String, _ name: String, in allowed: [String]) throws(EditError) -> String {
        let normalized = value.trimmingSpaces.uppercased().replacingOccurrences(of: " ", with: "_")
            .replacingOccurrences(of: "-", with: "_")
        guard allowed.contains(normalized) else {
            throw EditError(InvalidValue.unknownMessage(value, name, allowed: allowed, closestTo: normalized))
        }
        return normalized
    }

    /// A date option: `YYYY-MM-DD` or words resolved against `asOf` (`DateWords`).
    static func day(_ value: String, _ option: String, asOf: Day) throws(EditError) -> Day {
        guard let day = DateWords.day(value, asOf: asOf) else {
            throw EditError(
                "\(option) must be a date like 2026-03-14, today, tomorrow, +3d, +2w or next monday, not '\(value)'")
        }
        return day
    }

    /// A date option that may carry a time: `2026-03-14T09:30`, or words (`tomorrow 09:30`, `+7d`).
    static func dayTime(_ value: String, _ option: String, asOf: Day) throws(EditError) -> String {
        guard let dayTime = DateWords.dayTime(value, asOf: asOf) else {
            throw EditError(
                "\(option) must be a date like 2026-03-14, 2026-03-14T09:30, today, tomorrow, +3d, +2w or next monday, not '\(value)'"
            )
        }
        return dayTime.description
    }
}
