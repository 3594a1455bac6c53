/// The third stage: runs every record rule of `Rules.all` over the parsed records.
///
/// Pure: the as-of date is a parameter, and every cross-record lookup goes through the index.
public struct RecordValidator: Sendable {
    public let context: ValidationContext

    public init(records: RecordSet, index: RecordIndex, configuration: Configuration, asOf: Day) {
        context = ValidationContext(records: records, index: index, configuration: configuration, asOf: asOf)
    }

    /// Every finding of every record rule, in rule order (callers sort). The rules run on every
    /// core, one rule at a time each: they only read the context.
    public func validate() -> [Diagnostic] {
        let context = context
        return ParallelMap.map(Rules.recordRules, chunkSize: 1) { $0.check(context) }.flatMap { $0 }
    }

    /// The findings of the rules that check one record at a time for `records` only (a part of
    /// the folder the validator was made with), and of the rules that compare records for the
    /// whole folder; the language server's check after an edit. The rules run on every core.
    public func validate(only records: RecordSet) -> (checked: [Diagnostic], compared: [Diagnostic]) {
        let part = ValidationContext(
            checking: records, within: context.all, index: context.index, configuration: context.configuration,
            asOf: context.asOf)
        let results = ParallelMap.map(Rules.recordRules, chunkSize: 1) { rule in
            (type(of: rule).comparesRecords, rule.check(type(of: rule).comparesRecords ? context : part))
        }
        return (results.filter { !$0.0 }.flatMap(\.1), results.filter(\.0).flatMap(\.1))
    }
}
