/// The schema table of every record kind: the one place a front-matter key is declared, in the order
/// new files list them. The parser, the writers, the importers, the exporters, merge and "did you
/// mean" read these.
extension Lead {
    public static let schema = RecordSchema<Lead>(
        kind: .lead,
        fields: [
            .text("role", \.role, .text, .required, label: "Role", column: "role"),
            .link(
                "company", \.company, to: .company, textAllowed: true, .required, label: "Company",
                column: "company_id", nameColumn: "company"),
            .text("source", \.source, .source, .required, label: "Source", column: "source"),
            .choice("temperature", \.temperature, .required, label: "Temperature", column: "temperature"),
            .text("status", \.status, .stage, .required, label: "Status", column: "status"),
            .day("created", \.created, .required, label: "Created", column: "created"),
            .text("pipeline", \.pipeline, .pipeline, label: "Pipeline", column: "pipeline"),
            .dayTime("next_follow_up", \.nextFollowUp, label: "Next follow-up", column: "next_follow_up"),
            .link(
                "contact", \.contact, to: .contact, .when("the stage requires a contact"), label: "Contact",
                column: "contact_id", nameColumn: "contact"),
            .link(
                "application", \.application, to: .application,
                .when("the status is a won stage that converts into an application"),
                label: "Application", column: "application_id"),
            .client(
                "client", \.client, .when("the status is a won stage that converts into a client"), label: "Client",
                column: "client_id", nameColumn: "client"),
            .link(
                "job", \.job, to: .job, .when("the status is a won stage that converts into a job"), label: "Job",
                column: "job_id"),
            .text("owner", \.owner, label: "Owner", column: "owner"),
            .text("claimed_by", \.claimedBy, label: "Claimed by", column: "claimed_by"),
            .dayTime("claimed_at", \.claimedAt, label: "Claimed at", column: "claimed_at"),
            .textList("tags", \.tags, label: "Tags", column: "tags"),
            .number("value", \.value, label: "Value", column: "value"),
            .text("currency", \.currency, label: "Currency", column: "currency"),
            .text("lost_reason", \.lostReason, label: "Lost because", column: "lost_reason"),
            .text("contact_name", \.contactName, label: "Contact name", column: "contact_name"),
            .text("email", \.email, .email, label: "Email", column: "email"),
            .text("phone", \.phone, .phone, label: "Phone", column: "phone"),
            .entries(
                "history", \.history, itemSubject: "history entry", example: "{status: WARM_LEAD, date: 2026-03-14}",
                keys: ["status", "date"], label: "Status history", column: "history",
                item: { entry in
                    let status = entry.text("status", required: true).map {
                        Located($0.value.uppercased(), at: $0.location)
                    }
                    let date = entry.day("date", required: true)
                    return status.map { HistoryEntry(status: $0, date: date) }
                },
                describe: {
                    Located(
                        $0.status.value + ($0.date.map { " " + $0.value.description } ?? ""), at: $0.status.location)
                }),
        ])
}

extension Interaction {
    public static let schema = RecordSchema<Interaction>(
        kind: .interaction,
        fields: [
            .link("lead", \.lead, to: .lead, .required, label: "Lead", column: "lead_id"),
            .dayTime("date", \.date, .required, label: "Date", column: "date"),
            .choice("type", \.type, .required, label: "Type", column: "type"),
            .text("summary", \.summary, .text, .required, label: "Summary", column: "summary"),
            .choice("sentiment", \.sentiment, label: "Sentiment", column: "sentiment"),
            .text("next_action", \.nextAction, label: "Next action", column: "next_action"),
            .link("contact", \.contact, to: .contact, label: "Contact", column: "contact_id", nameColumn: "contact"),
        ])
}

extension Contact {
    public static let schema = RecordSchema<Contact>(
        kind: .contact,
        fields: [
            .text("name", \.name, .text, .required, label: "Name", column: "name"),
            .text("email", \.email, .email, label: "Email", column: "email"),
            .text("phone", \.phone, .phone, label: "Phone", column: "phone"),
            .link(
                "company", \.company, to: .company, textAllowed: true, label: "Company", column: "company_id",
                nameColumn: "company"),
            .text("role", \.role, label: "Role", column: "role"),
            .text("linkedin", \.linkedin, .address, label: "LinkedIn", column: "linkedin"),
            .day("client_since", \.clientSince, label: "Client since", column: "client_since"),
        ])
}

extension Company {
    public static let schema = RecordSchema<Company>(
        kind: .company,
        fields: [
            .text("name", \.name, .text, .required, label: "Name", column: "name"),
            .text("website", \.website, .address, label: "Website", column: "website"),
            .text("industry", \.industry, label: "Industry", column: "industry"),
            .day("client_since", \.clientSince, label: "Client since", column: "client_since"),
        ])
}

extension Application {
    public static let schema = RecordSchema<Application>(
        kind: .application,
        fields: [
            .link("lead", \.lead, to: .lead, .required, label: "Lead", column: "lead_id"),
            .text("title", \.title, .text, .required, label: "Title", column: "title"),
            .link(
                "company", \.company, to: .company, textAllowed: true, label: "Company", column: "company_id",
                nameColumn: "company"),
            .text("url", \.url, .address, label: "Posting", column: "url"),
            .day("applied", \.applied, label: "Applied", column: "applied"),
            .milestones(\.milestones, of: .application),
            .choice("outcome", \.outcome, label: "Outcome", column: "outcome"),
            .day("closed", \.closed, label: "Closed", column: "closed"),
            .text("reason", \.reason, label: "Reason", column: "reason"),
        ])
}

extension Job {
    public static let schema = RecordSchema<Job>(
        kind: .job,
        fields: [
            .link("lead", \.lead, to: .lead, .required, label: "Lead", column: "lead_id"),
            .text("title", \.title, .text, .required, label: "Title", column: "title"),
            .link(
                "company", \.company, to: .company, textAllowed: true, label: "Company", column: "company_id",
                nameColumn: "company"),
            .link("contact", \.contact, to: .contact, label: "Contact", column: "contact_id", nameColumn: "contact"),
            .number("openings", \.openings, label: "Openings", column: "openings"),
            .number("fee", \.fee, label: "Fee", column: "fee"),
            .day("opened", \.opened, label: "Opened", column: "opened"),
            .milestones(\.milestones, of: .job),
            .choice("outcome", \.outcome, label: "Outcome", column: "outcome"),
            .day("closed", \.closed, label: "Closed", column: "closed"),
            .text("reason", \.reason, label: "Reason", column: "reason"),
        ])
}

extension Field {
    /// `milestones:`, a list of `{name, date, outcome}` whose names are steps of `kind`'s track.
    static func milestones(_ path: Path<[MilestoneEntry]>, of kind: RecordKind) -> Field {
        .entries(
            "milestones", path, itemSubject: "milestone", example: "{name: CV_RECEIVED, date: 2026-03-14}",
            keys: ["name", "date", "outcome"], label: "Milestones", column: "milestones",
            item: { entry in
                let name = entry.milestone("name", of: kind)
                let date = entry.day("date", required: true)
                let outcome = entry.enumeration("outcome", Decision.self)
                return name.map { MilestoneEntry(milestone: $0, date: date, outcome: outcome) }
            },
            describe: {
                Located(
                    $0.milestone.value + ($0.date.map { " " + $0.value.description } ?? "")
                        + ($0.outcome.map { " " + $0.value.rawValue } ?? ""), at: $0.milestone.location)
            })
    }
}

/// One field of a kind's schema without its record type: what an editor needs to complete, explain
/// and follow it.
public struct SchemaField: Sendable {
    public var key: String
    public var type: FieldType
    public var requirement: Requirement
    public var label: String

    init<Record>(_ field: Field<Record>) {
        key = field.key
        type = field.type
        requirement = field.requirement
        label = field.label
    }

    /// The kinds the field links to (a client: a company or a contact); nil when it is no link.
    public var linkedKinds: [RecordKind]? {
        func kinds(_ type: FieldType) -> [RecordKind]? {
            switch type {
            case .link(let target, _): [target]
            case .client: [.company, .contact]
            case .list(let item): kinds(item)
            default: nil
            }
        }
        return kinds(type)
    }
}

/// The keys of every kind, for messages and for `config.yml`'s custom fields (which may not reuse them).
extension RecordKind {
    /// The kind's schema table, in order.
    public var schemaFields: [SchemaField] {
        switch self {
        case .lead: Lead.schema.fields.map(SchemaField.init)
        case .interaction: Interaction.schema.fields.map(SchemaField.init)
        case .contact: Contact.schema.fields.map(SchemaField.init)
        case .company: Company.schema.fields.map(SchemaField.init)
        case .application: Application.schema.fields.map(SchemaField.init)
        case .job: Job.schema.fields.map(SchemaField.init)
        }
    }

    public var schemaKeys: [String] {
        switch self {
        case .lead: Lead.schema.keys
        case .interaction: Interaction.schema.keys
        case .contact: Contact.schema.keys
        case .company: Company.schema.keys
        case .application: Application.schema.keys
        case .job: Job.schema.keys
        }
    }
}
