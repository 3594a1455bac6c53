/// A YAML node as front-matter needs it: every scalar kept as the text written, every node with where
/// it starts and ends in the block, so readers can point at it and editors can replace it.
struct YAMLNode: Sendable {
    struct Scalar: Sendable {
        enum Style: Sendable {
            case plain, singleQuoted, doubleQuoted, literal, folded
        }

        var string: String
        var style: Style
        /// Plain (unquoted, not a block scalar): only a plain `~` or `null` means "no value".
        var isPlain: Bool { style == .plain }

        /// The plain words YAML reads as "no value".
        static let nullWords: Set<String> = ["", "~", "null", "Null", "NULL"]

        /// Written as no value at all: `key:`, `~`, `null`.
        var isNull: Bool { isPlain && Self.nullWords.contains(string) }
    }

    enum Content: Sendable {
        case scalar(Scalar)
        case sequence([YAMLNode])
        case mapping([(key: YAMLNode, value: YAMLNode)])
    }

    /// A place in the block: 1-based line and column (in Unicode scalars), and the count of Unicode
    /// scalars before it.
    struct Position: Sendable, Equatable {
        var line: Int
        var column: Int
        var offset: Int
    }

    var content: Content
    var start: Position
    /// Just after the node: after a quoted scalar's closing quote, a flow collection's bracket, a
    /// block collection's last item.
    var end: Position
    /// Written in flow style: `[a, b]` or `{a: 1}`.
    var isFlow = false

    var line: Int { start.line }
    var column: Int { start.column }

    var scalar: Scalar? {
        if case .scalar(let scalar) = content { return scalar }
        return nil
    }

    var items: [YAMLNode]? {
        if case .sequence(let items) = content { return items }
        return nil
    }

    var pairs: [(key: YAMLNode, value: YAMLNode)]? {
        if case .mapping(let pairs) = content { return pairs }
        return nil
    }

    /// What the node is, for messages: "single value", "list" or "mapping".
    var kindName: String {
        switch content {
        case .scalar: "single value"
        case .sequence: "list"
        case .mapping: "mapping"
        }
    }
}
