/// Every record of a content folder after parsing, with the problems found file by file.
public struct ParsedContent: Sendable {
    public var records: RecordSet
    public var diagnostics: [Diagnostic]
}

extension RecordParser {
    /// Parses files on every core; the result keeps the files' order, so output does not depend on scheduling.
    public static func parseAll(_ files: [SourceFile], configuration: Configuration = .builtIn) -> ParsedContent {
        let results = ParallelMap.map(files) { parse($0, configuration: configuration) }
        var content = ParsedContent(records: RecordSet(), diagnostics: [])
        for (record, diagnostics) in results {
            content.diagnostics += diagnostics
            if let record { _ = content.records.append(record) }
        }
        return content
    }
}
