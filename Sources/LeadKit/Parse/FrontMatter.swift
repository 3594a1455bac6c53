/// The YAML block at the top of a record, composed into nodes that remember their positions.
struct FrontMatter {
    let file: String
    /// The file line of the opening `---`.
    let openingLine: Int
    /// Added to a YAML line (1-based within the block) to get the file line.
    let lineOffset: Int
    /// The top-level mapping's pairs; nil when the block could not be composed.
    let root: [(key: YAMLNode, value: YAMLNode)]?

    var blockLocation: SourceLocation { SourceLocation(file: file, line: openingLine, column: 1) }

    func location(of node: YAMLNode) -> SourceLocation {
        SourceLocation(file: file, line: node.line + lineOffset, column: node.column)
    }
}

/// A record file cut into its front-matter and its Markdown body.
struct SplitRecord {
    let frontMatter: FrontMatter
    let body: String
    /// The file line the body starts on.
    let bodyLine: Int
}
