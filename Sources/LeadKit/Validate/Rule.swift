/// One rule of `leads check`: a stable code, a severity and when it fires, with its messages beside
/// it in `Rules/<Name>.swift`. The README's rules table is generated from `Rules.all`.
///
/// Rules found while a file is read (encoding, front-matter, the schema's types) are raised by the
/// load and parse stages through their rule's message functions; rules that look across records
/// are `RecordRule`s, run by `RecordValidator`.
public protocol Rule: Sendable {
    static var code: DiagnosticCode { get }
    static var severity: Severity { get }
    /// When the rule fires: the "when" column of the README's rules table (Markdown).
    static var summary: String { get }
}

extension Rule {
    /// A finding of this rule at `location`.
    static func diagnostic(at location: SourceLocation, _ message: String) -> Diagnostic {
        Diagnostic(severity, code, at: location, message)
    }
}

/// A rule checked over every parsed record, after parsing (the validate stage).
protocol RecordRule: Rule {
    init()
    func check(_ context: ValidationContext) -> [Diagnostic]
    /// Whether the rule compares records with each other (duplicates), so that a finding may sit
    /// in another file than the record that changed; such rules always run over every record.
    /// The others check `context.records` one at a time, looking others up through the index.
    static var comparesRecords: Bool { get }
}

extension RecordRule {
    static var comparesRecords: Bool { false }
}

/// The rule list, as beancount keeps its validations: the validator runs it, the docs are made from it.
public enum Rules {
    /// Every rule, in the order of the README's table: errors, then warnings.
    public static let all: [any Rule.Type] = [
        InvalidFrontMatter.self, InvalidEncoding.self, MergeConflict.self, MissingField.self, InvalidValue.self,
        InvalidDate.self,
        BrokenLink.self, DuplicateID.self, IllegalTransition.self, HistoryMismatch.self, HistoryOrder.self,
        WonWithoutApplication.self, ReferralWithoutContact.self, SalesLeadUnreachable.self, UnreadableFile.self,
        InvalidID.self,
        UnknownField.self, NoInteractions.self, InteractionBeforeLead.self, FutureInteraction.self,
        DuplicateContact.self, DuplicateLead.self, MilestoneOrder.self, UnknownOwner.self, StrayFile.self,
        EmptyListItem.self, CommaSeparatedList.self, CouldLink.self,
    ]

    /// The rules the validate stage runs, in list order.
    static let recordRules: [any RecordRule] = all.compactMap { ($0 as? any RecordRule.Type)?.init() }

    /// The README's rules table: `| code | severity | when |`, one row per rule.
    public static func markdownTable() -> String {
        var table = "| code | severity | when |\n|---|---|---|\n"
        for rule in all {
            table += "| `\(rule.code.rawValue)` | \(rule.severity.rawValue) | \(rule.summary) |\n"
        }
        return table
    }
}
