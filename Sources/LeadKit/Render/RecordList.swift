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

    public typealias Kind = RecordExport.Kind

    public let kind: Kind
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
    public init(_ report: Report, kind: Kind, filter: Filter, sort: String? = nil) throws(EditError) {
        self.kind = kind
        let full = RecordExport(report: report).table(kind)
        let columns = full.columns
        func column(_ name: String) -> Int? { columns.firstIndex(of: name) }
        func text(_ row: [RecordExport.ExportValue?], _ name: String) -> String {
            column(name).flatMap { row[$0] }.map(\.csv) ?? ""
        }
        let configuration = report.content.configuration
        try Self.validate(filter, kind: kind, configuration)
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

    /// Refuses a filter value no record can have (a typo would list nothing, silently), or a filter
    /// the kind does not have.
    static func validate(_ filter: Filter, kind: Kind, _ configuration: Configuration) throws(EditError) {
        func check(_ value: String?, _ option: String, _ allowed: [String], kinds: [Kind]) throws(EditError) {
            guard let value else { return }
            guard kinds.contains(kind) else {
                throw EditError(
                    "\(option) is for " + kinds.map(\.recordKind.folder).joined(separator: " and ")
                        + ", not \(kind.recordKind.folder)")
            }
            let normalized = value.uppercased().replacingOccurrences(of: " ", with: "_")
            guard allowed.isEmpty || allowed.contains(where: { $0.uppercased() == normalized }) else {
                throw EditError(
                    "\(option): no '\(value)'; expected one of " + allowed.joined(separator: ", ")
                        + Suggestion.didYouMean(value, in: allowed))
            }
        }
        let stages = configuration.pipelines.flatMap(\.allStatuses)
        try check(filter.stage, "--stage", Array(Set(stages)).sorted(), kinds: [.lead])
        try check(filter.temperature, "--temperature", Temperature.allCases.map(\.rawValue), kinds: [.lead])
        try check(filter.source, "--source", configuration.sources, kinds: [.lead])
        try check(filter.owner, "--owner", [], kinds: [.lead])
        let outcomes =
            kind == .lead
            ? ["open", "won", "filled", "completed", "lost", "unknown"] : OutcomeState.allCases.map(\.rawValue)
        try check(filter.outcome, "--outcome", outcomes, kinds: [.lead, .application, .job])
        if filter.stale, ![.lead, .application, .job].contains(kind) {
            throw EditError("--stale is for leads, applications and jobs, not \(kind.recordKind.folder)")
        }
        if filter.from != nil || filter.to != nil, dateColumn(kind) == nil {
            throw EditError(
                "--created is for leads, interactions, applications and jobs, not \(kind.recordKind.folder)")
        }
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

    /// A table of the kind's main columns, one line per record, and a count at the end. `cut`
    /// (on a terminal) shortens cells other than ids to 40 characters; piped output is whole.
    public func text(_ style: TerminalStyle, cut: Bool = false) -> String {
        let names = Self.shown(kind).filter { table.columns.contains($0) }
        let indexes = names.compactMap { table.columns.firstIndex(of: $0) }
        let cells = table.rows.map { row in
            zip(names, indexes).map { name, index -> String in
                let text = (row[index]?.csv ?? "").replacingOccurrences(of: "\n", with: " ")
                guard cut, !name.hasSuffix("id"), text.count > 40 else { return text }
                return String(text.prefix(39)) + "…"
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
        let count = table.rows.count
        lines.append(style.dim("\(count) " + (count == 1 ? kind.rawValue : kind.recordKind.folder)))
        return lines.map { $0.replacingOccurrences(of: " +$", with: "", options: .regularExpression) }
            .joined(separator: "\n") + "\n"
    }
}
