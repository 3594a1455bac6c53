import Foundation

/// The records in formats other tools read — CSV per kind, JSON of everything — with links resolved
/// and the computed fields of the report, so the data is never locked in.
public struct RecordExport: Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        case lead, interaction, contact, company, application

        /// The key of the kind's records in the JSON export: its folder's name, e.g. `companies`.
        var plural: String { RecordKind(rawValue: rawValue)!.folder }
    }

    public let report: Report

    public init(report: Report) {
        self.report = report
    }

    var records: RecordSet { report.records }
    var index: RecordIndex { report.content.index }

    // MARK: CSV

    /// RFC 4180: a header row, then a row per record in file order; CRLF line ends.
    public func csv(_ kind: Kind) -> String {
        let rows = table(kind)
        return rows.map { $0.map(Self.csvField).joined(separator: ",") + "\r\n" }.joined()
    }

    static func csvField(_ value: String) -> String {
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else {
            return value
        }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// The header and the rows of a kind, as text.
    func table(_ kind: Kind) -> [[String]] {
        switch kind {
        case .lead:
            return [
                [
                    "id", "role", "company_id", "company", "source", "temperature", "status", "pipeline", "created",
                    "next_follow_up", "contact_id", "contact", "application_id", "owner", "tags", "days_in_stage",
                    "last_interaction", "stale_reasons", "file",
                ]
            ]
                + report.facts.map { fact in
                    let lead = records.leads[fact.leadIndex]
                    let company = resolved(lead.company, .company)
                    let contact = resolved(lead.contact, .contact)
                    return [
                        lead.id, lead.role?.value ?? "", company.id, company.name, lead.source?.value ?? "",
                        lead.temperature?.value.rawValue ?? "", lead.status?.value ?? "", fact.pipeline.name,
                        lead.created?.value.description ?? "", lead.nextFollowUp?.value.description ?? "", contact.id,
                        contact.name, lead.application?.value.target ?? "", lead.owner?.value ?? "",
                        lead.tags.map(\.value).joined(separator: ";"), fact.daysInStage.map(String.init) ?? "",
                        fact.lastInteraction.flatMap { records.interactions[$0].date?.value.description } ?? "",
                        fact.staleReasons.map(\.rawValue).joined(separator: ";"), lead.header.relativePath,
                    ]
                }
        case .interaction:
            return [
                [
                    "id", "lead_id", "date", "type", "summary", "sentiment", "next_action", "contact_id", "contact",
                    "notes", "file",
                ]
            ]
                + records.interactions.map { interaction in
                    let contact = resolved(interaction.contact, .contact)
                    return [
                        interaction.id, interaction.lead?.value.target ?? "",
                        interaction.date?.value.description ?? "", interaction.type?.value.rawValue ?? "",
                        interaction.summary?.value ?? "", interaction.sentiment?.value.rawValue ?? "",
                        interaction.nextAction?.value ?? "", contact.id, contact.name,
                        interaction.header.body.trimmingCharacters(in: .whitespacesAndNewlines),
                        interaction.header.relativePath,
                    ]
                }
        case .contact:
            return [["id", "name", "email", "phone", "company_id", "company", "role", "linkedin", "file"]]
                + records.contacts.map { contact in
                    let company = resolved(contact.company, .company)
                    return [
                        contact.id, contact.name?.value ?? "", contact.email?.value ?? "", contact.phone?.value ?? "",
                        company.id, company.name, contact.role?.value ?? "", contact.linkedin?.value ?? "",
                        contact.header.relativePath,
                    ]
                }
        case .company:
            return [["id", "name", "website", "industry", "file"]]
                + records.companies.map { company in
                    [
                        company.id, company.name?.value ?? "", company.website?.value ?? "",
                        company.industry?.value ?? "", company.header.relativePath,
                    ]
                }
        case .application:
            let pages = PageBuilder(report: report)
            return [
                [
                    "id", "title", "lead_id", "company_id", "company", "url", "applied", "milestones", "next_milestone",
                    "file",
                ]
            ]
                + records.applications.map { application in
                    let company = resolved(application.company, .company)
                    return [
                        application.id, application.title?.value ?? "", application.lead?.value.target ?? "",
                        company.id, company.name, application.url?.value ?? "",
                        application.applied?.value.description ?? "",
                        application.milestones.map {
                            $0.milestone.value.rawValue + ($0.date.map { " " + $0.value.description } ?? "")
                        }.joined(separator: ";"),
                        pages.nextMilestone(application) ?? "", application.header.relativePath,
                    ]
                }
        }
    }

    /// A link's target id (empty when it names no record of the kind) and the name to show.
    func resolved(_ link: Located<Link>?, _ kind: RecordKind) -> (id: String, name: String) {
        guard let target = link?.value.target else { return ("", "") }
        return report.content.resolve(target, kind) ?? ("", target)
    }

    // MARK: JSON

    /// Every record by kind, each field as written plus resolved links and computed fields; keys sorted.
    public func json() -> [UInt8] {
        var object: [String: Any] = ["as_of": report.asOf.description]
        for kind in Kind.allCases {
            let rows = table(kind)
            let header = rows[0]
            object[kind.plural] = rows.dropFirst().map { row in
                var record: [String: Any] = [:]
                for (key, value) in zip(header, row) where !value.isEmpty {
                    record[key] = Self.listKeys.contains(key) ? value.split(separator: ";").map(String.init) : value
                }
                if let days = record["days_in_stage"] as? String { record["days_in_stage"] = Int(days) }
                return record
            }
        }
        let data =
            (try? JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])) ?? Data()
        return Array(data) + [10]
    }

    /// Columns that hold lists, `;`-separated in CSV and arrays in JSON.
    static let listKeys: Set<String> = ["tags", "stale_reasons", "milestones"]
}
