/// The check path over one in-memory file, for the fuzzer and its regression tests.
public enum FuzzTarget {
    /// Reads the first byte as the kind (one of the five record kinds or config.yml) and the rest as the file.
    public static func check(_ input: [UInt8], asOf: Day = Day(year: 2026, month: 11, day: 23)!) -> [Diagnostic] {
        guard let selector = input.first else { return [] }
        let bytes = Array(input.dropFirst())
        let kinds = RecordKind.allCases
        let choice = Int(selector) % (kinds.count + 1)
        if choice == kinds.count {
            let file = SourceFile(
                kind: nil, relativePath: "config.yml", displayPath: "content/config.yml", bytes: bytes)
            return ConfigParser.parse(file).diagnostics
        }
        let kind = kinds[choice]
        let file = SourceFile(
            kind: kind, relativePath: "\(kind.folder)/fuzz.md", displayPath: "content/\(kind.folder)/fuzz.md",
            bytes: bytes)
        let parsed = RecordParser.parseAll([file])
        let index = RecordIndex(parsed.records)
        let validated = RecordValidator(
            records: parsed.records, index: index, configuration: .builtIn, asOf: asOf
        ).validate()
        let report = ReportAnalyzer(
            content: CheckedContent(
                records: parsed.records, index: index, configuration: .builtIn,
                diagnostics: parsed.diagnostics + validated, fileCount: 1),
            asOf: asOf
        ).analyze()
        for lead in report.records.leads { _ = Markdown.html(lead.header.body) }
        return parsed.diagnostics + validated
    }
}
