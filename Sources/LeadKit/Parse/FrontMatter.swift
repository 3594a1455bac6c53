/// The YAML block at the top of a record, composed into nodes that remember their positions.
struct FrontMatter {
    let file: String
    /// The file line of the opening `---`.
    let openingLine: Int
    /// Added to a YAML line (1-based within the block) to get the file line.
    let lineOffset: Int
    /// The top-level mapping's pairs; nil when the block could not be composed.
    let root: [(key: YAMLNode, value: YAMLNode)]?
    /// The block's text, for what YAML leaves out of the nodes (comments).
    var yaml: Substring = ""

    var blockLocation: SourceLocation { SourceLocation(file: file, line: openingLine, column: 1) }

    func location(of node: YAMLNode) -> SourceLocation {
        SourceLocation(file: file, line: node.line + lineOffset, column: node.column)
    }

    /// The `#word` YAML reads as a comment on `line` (1-based in the block) from `column` on: a `#`
    /// after a space (or `-`, `:`), outside quotes, followed by a word — `# note` with a space is a
    /// comment meant as one. Its file location and the word (`#go`), for a value read as empty.
    func comment(onLine line: Int, from column: Int) -> (location: SourceLocation, word: String)? {
        guard let text = yaml.split(separator: "\n", omittingEmptySubsequences: false).dropFirst(line - 1).first
        else { return nil }
        let scalars = Array(text.unicodeScalars)
        var quote: Unicode.Scalar?
        for position in max(0, column - 1)..<scalars.count {
            let scalar = scalars[position]
            if let open = quote {
                if scalar == open { quote = nil }
                continue
            }
            if scalar == "\"" || scalar == "'" { quote = scalar }
            let previous = position == 0 ? " " : scalars[position - 1]
            let next = position + 1 < scalars.count ? scalars[position + 1] : " "
            if scalar == "#", previous == " " || previous == "\t" || previous == "-" || previous == ":",
                !next.properties.isWhitespace
            {
                let word = scalars[position...].prefix { $0 != " " && $0 != "\t" && $0 != "\r" }
                return (
                    SourceLocation(file: file, line: line + lineOffset, column: position + 1),
                    String(String.UnicodeScalarView(word))
                )
            }
        }
        return nil
    }
}

/// A record file cut into its front-matter and its Markdown body.
struct SplitRecord {
    let frontMatter: FrontMatter
    let body: String
    /// The file line the body starts on.
    let bodyLine: Int
}
