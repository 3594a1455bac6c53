import Foundation

/// The records in formats other tools read — CSV per kind, JSON of everything — with links resolved
/// and the computed fields of the analysis, so the data is never locked in.
///
/// Columns come from the schema tables (`Field.column`, `Field.nameColumn`) and `config.yml`'s custom
/// fields; values are typed (`ExportValue`), so JSON carries enum values, dates, numbers and lists,
/// never display labels.
public struct RecordExport: Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        case lead, interaction, contact, company, application, job

        /// The record kind of the same name (its folder is the plural: `jobs`).
        public var recordKind: RecordKind { RecordKind(rawValue: rawValue)! }
    }

    /// One cell: text (enum values and dates as written in files), a count, a number, a list, or
    /// a list of entries (`history`, `milestones`) with their keys in order.
    public enum ExportValue: Sendable, Encodable {
        case text(String)
        case integer(Int)
        case number(Double)
        case list([String])
        case entries(keys: [String], items: [[String: String]])

        /// As a CSV cell: lists `;`-separated.
        var csv: String {
            switch self {
            case .text(let text): text
            case .integer(let count): String(count)
            case .number(let number): FieldValue.format(number)
            case .list(let items): items.joined(separator: ";")
            case .entries(let keys, let items):
                items.map { item in keys.compactMap { item[$0] }.joined(separator: " ") }.joined(separator: ";")
            }
        }

        var isEmpty: Bool {
            switch self {
            case .text(let text): text.isEmpty
            case .list(let items): items.isEmpty
            case .entries(_, let items): items.isEmpty
            case .integer, .number: false
            }
        }

        public func encode(to encoder: Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .text(let text): try container.encode(text)
            case .integer(let count): try container.encode(count)
            case .number(let number): try container.encode(number)
            case .list(let items): try container.encode(items)
            case .entries(_, let items): try container.encode(items)
            }
        }
    }

    /// A kind's columns and its rows, a value (or nil) per column, records in file order.
    public struct Table: Sendable {
        public var columns: [String]
        public var rows: [[ExportValue?]]
    }

    public let report: Report

    public init(report: Report) {
        self.report = report
    }

    var records: RecordSet { report.records }

    // MARK: CSV

    /// RFC 4180: a header row, then a row per record in file order; CRLF line ends.
    /// `neutralised` (the default) makes the file safe to open in a spreadsheet: a text cell that
    /// would start a formula gets a leading `'` (`neutralised(_:)`); numbers are left as numbers.
    public func csv(_ kind: Kind, neutralised: Bool = true) -> String {
        Self.csv(table(kind), neutralised: neutralised)
    }

    /// The CSV of a table, e.g. the rows `leads ls` kept.
    static func csv(_ table: Table, neutralised: Bool = true) -> String {
        let rows = table.rows.map { row in
            row.map { value -> String in
                guard let value else { return "" }
                switch value {
                case .text, .list, .entries: return neutralised ? Self.neutralised(value.csv) : value.csv
                case .integer, .number: return value.csv
                }
            }
        }
        return ([table.columns] + rows).map { $0.map(Self.csvField).joined(separator: ",") + "\r\n" }.joined()
    }

    /// The characters that make a spreadsheet read a cell as a formula (OWASP's CSV injection list).
    public static let formulaStarts: Set<Character> = ["=", "+", "-", "@", "\t", "\r"]

    /// `'=HYPERLINK(…)'` for `=HYPERLINK(…)`: a cell starting with one of `formulaStarts` gets a
    /// leading `'`, which spreadsheets show as text and `leads import csv` removes again.
    /// A cell that already starts with `'` and a formula character gets one more, so that
    /// `import csv` gives back the `'` it had.
    public static func neutralised(_ cell: String) -> String {
        guard let first = cell.first else { return cell }
        guard formulaStarts.contains(first) || unneutralised(cell) != cell else { return cell }
        return "'" + cell
    }

    /// The inverse of `neutralised(_:)`: one `'` is dropped before a formula character, or before
    /// a cell that was neutralised in turn (`''-dash` is `'-dash`).
    public static func unneutralised(_ cell: String) -> String {
        guard cell.hasPrefix("'") else { return cell }
        let rest = String(cell.dropFirst())
        guard let second = rest.first else { return cell }
        if formulaStarts.contains(second) || (second == "'" && unneutralised(rest) != rest) { return rest }
        return cell
    }

    static func csvField(_ value: String) -> String {
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else {
            return value
        }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    // MARK: JSON

    /// `{"as_of": "…", "leads": [{…}], …}`: every record by kind, empty values left out; keys sorted.
    public func json() -> [UInt8] {
        var document: [String: JSONField] = ["as_of": .text(report.asOf.description)]
        for kind in Kind.allCases {
            let table = table(kind)
            document[kind.recordKind.folder] = .records(
                table.rows.map { row in
                    var record: [String: ExportValue] = [:]
                    for (column, value) in zip(table.columns, row) {
                        if let value, !value.isEmpty { record[column] = value }
                    }
                    return record
                })
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return ((try? encoder.encode(document)).map(Array.init) ?? []) + [10]
    }

    private enum JSONField: Encodable {
        case text(String)
        case records([[String: ExportValue]])

        func encode(to encoder: Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .text(let text): try container.encode(text)
            case .records(let records): try container.encode(records)
            }
        }
    }

    // MARK: Rows

    /// The columns and typed rows of a kind.
    public func table(_ kind: Kind) -> Table {
        switch kind {
        case .lead:
            return table(
                Lead.schema, records.leads, computed: ["days_in_stage", "last_interaction", "stale_reasons"]
            ) { position, _ in
                let fact = report.facts[position]
                return [
                    // The pipeline the lead is counted in, also when it names none.
                    "pipeline": .text(fact.pipeline.name),
                    "days_in_stage": fact.daysInStage.map(ExportValue.integer),
                    "last_interaction": fact.lastInteraction.flatMap {
                        records.interactions[$0].date.map { .text($0.value.description) }
                    },
                    "stale_reasons": .list(fact.staleReasons.map(\.rawValue)),
                ]
            }
        case .interaction:
            return table(Interaction.schema, records.interactions)
        case .contact:
            return table(Contact.schema, records.contacts)
        case .company:
            return table(Company.schema, records.companies)
        case .job:
            return table(Job.schema, records.jobs, computed: ["next_milestone", "state"]) { position, _ in
                [
                    "next_milestone": report.jobs[position].next.map { .text($0.code) },
                    "state": .text(report.jobs[position].state.rawValue),
                ]
            }
        case .application:
            return table(Application.schema, records.applications, computed: ["next_milestone", "state"]) {
                position, _ in
                [
                    "next_milestone": report.applications[position].next.map { .text($0.code) },
                    "state": .text(report.applications[position].state.rawValue),
                ]
            }
        }
    }

    /// `id`, the schema's columns, the `computed` columns, `notes` (the Markdown body, trimmed), the
    /// custom fields, `file`; `derived` gives the computed values of a record and may override a
    /// schema column.
    private func table<Record: ContentRecord>(
        _ schema: RecordSchema<Record>, _ all: [Record], computed: [String] = [],
        derived: (Int, Record) -> [String: ExportValue?] = { _, _ in [:] }
    ) -> Table {
        let custom = report.content.configuration.customFields[schema.kind] ?? []
        var columns = ["id"]
        for field in schema.fields {
            if let column = field.column { columns.append(column) }
            if let name = field.nameColumn { columns.append(name) }
        }
        columns += computed + ["notes"] + custom.map(\.key) + ["file"]
        let rows = all.enumerated().map { position, record in
            let values = derived(position, record)
            var row: [ExportValue?] = [.text(record.header.id)]
            for field in schema.fields {
                let value = field.value(record)
                if let column = field.column {
                    row.append(values[column] ?? cell(value, field: field))
                }
                if field.nameColumn != nil {
                    row.append(value.flatMap(linkTarget).map { .text(resolved($0, field).name) })
                }
            }
            row += computed.map { values[$0] ?? nil }
            let notes = record.header.body.trimmingCharacters(in: .whitespacesAndNewlines)
            row.append(notes.isEmpty ? nil : .text(notes))
            row += custom.map { field in
                record.header.custom.first { $0.field == field }.map { typed($0.value) }
            }
            row.append(.text(record.header.relativePath))
            return row
        }
        return Table(columns: columns, rows: rows)
    }

    /// A field's cell: a link with a name column is exported as the id it resolves to (empty when
    /// it names no record), other links as written.
    private func cell<Record>(_ value: FieldValue?, field: Field<Record>) -> ExportValue? {
        guard let value else { return nil }
        if field.nameColumn != nil, let target = linkTarget(value) { return .text(resolved(target, field).id) }
        // Entries are objects in JSON (`{"status": "WARM_LEAD", "date": "2026-03-14"}`).
        if case .entries(_, let keys) = field.type, case .list(let items) = value {
            return .entries(
                keys: keys,
                items: items.map { item in
                    Dictionary(EntryText.values(of: item.value, keys: keys), uniquingKeysWith: { first, _ in first })
                })
        }
        return typed(value)
    }

    private func typed(_ value: FieldValue) -> ExportValue {
        switch value {
        case .number(let number): .number(number.value)
        case .list(let items): .list(items.map(\.value))
        default: .text(value.text)
        }
    }

    private func linkTarget(_ value: FieldValue) -> String? {
        if case .link(let link) = value { return link.value.target }
        return nil
    }

    /// A link's target id (empty when it names no record of the kind) and the name to show; a
    /// client is a company or a contact.
    private func resolved<Record>(_ target: String, _ field: Field<Record>) -> (id: String, name: String) {
        switch field.type {
        case .link(let kind, _): return report.content.resolve(target, kind) ?? ("", target)
        case .client: return report.content.resolveClient(target).map { ($0.id, $0.name) } ?? ("", target)
        default: return ("", target)
        }
    }
}
