/// `invalid-front-matter`: the block around the fields cannot be read. Found by `FrontMatterReader`
/// and `YAMLComposer` while the file is read, each message beside the check that finds it.
public enum InvalidFrontMatter: Rule {
    public static let code = DiagnosticCode.invalidFrontMatter
    public static let severity = Severity.error
    public static let summary =
        "no block, unterminated block, YAML syntax error, not a mapping, duplicate keys, anchors/aliases, nesting deeper than 50, a block over 2 MB"
}
