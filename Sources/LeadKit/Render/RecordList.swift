import Foundation

/// `leads ls`: the records of one kind that match filters, as a table, JSON or CSV. Rows and values
/// are the export's (`RecordExport`), so `ls` and `export` never disagree; filters and sorting look
/// at its columns.
public struct RecordList {
    /// What to keep, each nil or false for "any".
    public struct Filter: Sendable {
        public var stage: String?
        public var owner: String?
        public var temperature: String?
        public var source: String?
        /// Leads with a stale reason (and stalled applications and jobs).
        public var stale = false
        /// The created (lead), date (interaction), applied (application) or opened (job) day, inclusive.
        public var from: Day?
        public var to: Day?
        /// A lead's outcome (`open`, `won`, `filled` — completed included —, `completed`, `lost`)
        /// or an application's or job's state.
        public var outcome: String?

        public init() {}
    }

    public let kind: RecordExport.Kind
    public let table: RecordExport.Table

    /// The column a `--created` range applies to, per kind.
    static func dateColumn(_ kind: RecordExport.Kind) -> String? {
        switch kind {
        case .lead: "created"
        case .interaction: "date"
        case .application: "applied"
        case .job: "opened"
        case .contact, .company: nil
        }
    }

    /// The columns the text table shows, per kind (JSON and CSV have them all).
    static func shown(_ kind: RecordExport.Kind) -> [String] {
        switch kind {
        case .lead: ["id", "role", "company", "status", "temperature", "owner", "next_follow_up", "days_in_stage"]
        case .interaction: ["id", "date", "type", "lead_id", "summary"]
        case .contact: ["id", "name", "company", "role", "email", "phone"]
        case .company: ["id", "name", "industry", "website"]
        case .application, .job: ["id", "title", "company", "state", "next_milestone"]
        }
    }

    /// The rows of `kind` in `report` that pass `filter`, sorted by the `sort` column (file order
    /// when nil; numbers as numbers, empty values last). Throws the known columns for an unknown one.
    public init(_ report: Report, kind: RecordExport.Kind, filter: Filter, sort: String? = nil) throws(EditError) {
        self.kind = kind
        let full = RecordExport(report: report).table(kind)
        let columns = full.columns
        func column(_ name: String) -> Int? { columns.firstIndex(of: name) }
        func text(_ row: [RecordExport.ExportValue?], _ name: String) -> String {
            column(name).flatMap { row[$0] }.map(\.csv) ?? ""
        }
        let configuration = report.content.configuration
        let staleLeads = Set(report.stale)
        var kept: [(position: Int, row: [RecordExport.ExportValue?])] = []
        for (position, row) in full.rows.enumerated() {
            if let stage = filter.stage, text(row, "status").lowercased() != stage.lowercased() { continue }
            if let owner = filter.owner,
                Owner.key(text(row, "owner")) != configuration.owner(named: owner).key || text(row, "owner").isEmpty
            {
                continue
            }
            if let temperature = filter.temperature, text(row, "temperature").lowercased() != temperature.lowercased() {
                continue
            }
            if let source = filter.source, text(row, "source").lowercased() != source.lowercased() { continue }
            if filter.stale {
                // The stale page's own lists.
                switch kind {
                case .lead: if !staleLeads.contains(position) { continue }
                case .application, .job:
                    if !report.stalled.contains(where: { $0.kind == kind.recordKind && $0.index == position }) {
                        continue
                    }
                default: continue
                }
            }
            if filter.from != nil || filter.to != nil {
                guard let name = Self.dateColumn(kind), let day = Day(parsing: text(row, name).prefix(10)) else {
                    continue
                }
                if let from = filter.from, day < from { continue }
                if let to = filter.to, day > to { continue }
            }
            if let outcome = filter.outcome?.lowercased() {
                // `filled` counts completed placements too, as the cohorts do.
                let accepted = outcome == "filled" ? ["filled", "completed"] : [outcome]
                switch kind {
                case .lead: if !accepted.contains(report.outcome(ofLead: position)) { continue }
                case .application, .job: if !accepted.contains(text(row, "state")) { continue }
                default: continue
                }
            }
            kept.append((position, row))
        }
        if let sort {
            guard let index = column(sort) else {
                throw EditError(
                    "--sort: no column '\(sort)' in \(kind.recordKind.folder); one of "
                        + columns.joined(separator: ", ")
                        + Suggestion.didYouMean(sort, in: columns))
            }
            kept.sort { a, b in
                switch (a.row[index], b.row[index]) {
                case (nil, nil): return a.position < b.position
                case (nil, _): return false
                case (_, nil): return true
                case (.integer(let x)?, .integer(let y)?): return x != y ? x < y : a.position < b.position
                case (.number(let x)?, .number(let y)?): return x != y ? x < y : a.position < b.position
                case (let x?, let y?):
                    return x.csv != y.csv ? x.csv.lowercased() < y.csv.lowercased() : a.position < b.position
                }
            }
        }
        table = RecordExport.Table(columns: columns, rows: kept.map(\.row))
    }

    /// Every kept record as an object of its non-empty columns.
    public func json() -> [UInt8] {
        let objects = table.rows.map { row in
            Dictionary(
                zip(table.columns, row).compactMap { column, value in value.map { (column, $0) } },
                uniquingKeysWith: { first, _ in first })
        }
        return TerminalStyle.json(objects)
    }

    public func csv() -> String { RecordExport.csv(table) }

    /// A table of the kind's main columns, one line per record, cells cut at 40 characters; a
    /// count at the end.
    public func text(_ style: TerminalStyle) -> String {
        let names = Self.shown(kind).filter { table.columns.contains($0) }
        let indexes = names.compactMap { table.columns.firstIndex(of: $0) }
        let cells = table.rows.map { row in
            indexes.map { index -> String in
                let text = (row[index]?.csv ?? "").replacingOccurrences(of: "\n", with: " ")
                return text.count > 40 ? String(text.prefix(39)) + "…" : text
            }
        }
        var widths = names.map(\.count)
        for row in cells {
            for (column, cell) in row.enumerated() { widths[column] = max(widths[column], cell.count) }
        }
        func line(_ values: [String]) -> String {
            values.enumerated().map { column, value in
                column == values.count - 1
                    ? value : value.padding(toLength: widths[column], withPad: " ", startingAt: 0)
            }.joined(separator: "  ")
        }
        var lines = [style.bold(line(names))]
        lines += cells.map(line)
        lines.append(style.dim(Format.plural(table.rows.count, kind.rawValue)))
        return lines.map { $0.replacingOccurrences(of: " +$", with: "", options: .regularExpression) }
            .joined(separator: "\n") + "\n"
    }
}
