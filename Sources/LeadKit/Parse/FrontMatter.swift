import Yams

/// The YAML block at the top of a record, composed into nodes that remember their positions.
struct FrontMatter {
    let file: String
    /// The file line of the opening `---`.
    let openingLine: Int
    /// Added to a YAML line (1-based within the block) to get the file line.
    let lineOffset: Int
    let root: Node.Mapping?

    var blockLocation: SourceLocation { SourceLocation(file: file, line: openingLine, column: 1) }

    func location(of node: Node) -> SourceLocation {
        guard let mark = node.mark else { return blockLocation }
        return SourceLocation(file: file, line: mark.line + lineOffset, column: mark.column)
    }
}

/// A record file cut into its front-matter and its Markdown body.
struct SplitRecord {
    let frontMatter: FrontMatter
    let body: String
    /// The file line the body starts on.
    let bodyLine: Int
}
