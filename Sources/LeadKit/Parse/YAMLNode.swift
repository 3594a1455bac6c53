/// A YAML node as front-matter needs it: every scalar kept as the text written, every node with
/// its position (1-based, within the YAML block).
indirect enum YAMLNode: Sendable {
    struct Scalar: Sendable {
        var string: String
        /// Plain (unquoted, not a block scalar): only a plain `~` or `null` means "no value".
        var isPlain: Bool
    }

    case scalar(Scalar, line: Int, column: Int)
    case sequence([YAMLNode], line: Int, column: Int)
    case mapping([(key: YAMLNode, value: YAMLNode)], line: Int, column: Int)

    var line: Int {
        switch self {
        case .scalar(_, let line, _), .sequence(_, let line, _), .mapping(_, let line, _): line
        }
    }

    var column: Int {
        switch self {
        case .scalar(_, _, let column), .sequence(_, _, let column), .mapping(_, _, let column): column
        }
    }

    var scalar: Scalar? {
        if case .scalar(let scalar, _, _) = self { return scalar }
        return nil
    }

    /// What the node is, for messages: "single value", "list" or "mapping".
    var kindName: String {
        switch self {
        case .scalar: "single value"
        case .sequence: "list"
        case .mapping: "mapping"
        }
    }
}
