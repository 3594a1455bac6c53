/// The third stage: runs every record rule of `Rules.all` over the parsed records.
///
/// Pure: the as-of date is a parameter, and every cross-record lookup goes through the index.
public struct RecordValidator: Sendable {
    public let context: ValidationContext

    public init(records: RecordSet, index: RecordIndex, configuration: Configuration, asOf: Day) {
        context = ValidationContext(records: records, index: index, configuration: configuration, asOf: asOf)
    }

    /// Every finding of every record rule, in rule order (callers sort).
    public func validate() -> [Diagnostic] {
        Rules.recordRules.flatMap { $0.check(context) }
    }
}
