/// Every record of a content folder after parsing, with the problems found file by file.
public struct ParsedContent: Sendable {
    public var records: RecordSet
    public var diagnostics: [Diagnostic]
}

extension RecordParser {
    /// Parses files on every core; the result keeps the files' order, so output does not depend on scheduling.
    public static func parseAll(_ files: [SourceFile], configuration: Configuration = .builtIn) -> ParsedContent {
        var content = ParsedContent(records: RecordSet(), diagnostics: [])
        // A slice at a time: a `ParsedRecord` is as big as its largest kind (a lead, over a
        // kilobyte), so the results of 100,000 files at once held 140 MB beside the records.
        let slice = 4096
        for start in stride(from: 0, to: files.count, by: slice) {
            let results = ParallelMap.map(Array(files[start..<min(start + slice, files.count)])) {
                parse($0, configuration: configuration)
            }
            for (record, diagnostics) in results {
                content.diagnostics += diagnostics
                if let record { _ = content.records.append(record) }
            }
        }
        return content
    }
}
