// libyaml's event API, from the copy Yams builds (its CYaml module). Composing the nodes here, in one
// pass over the events, is what lets the limits hold: Yams' own composer resolves every alias, keeps
// no trace of anchors on its nodes, recurses once per nesting level and reports a duplicate key at
// its first occurrence; it also runs a tag resolver on every scalar that front-matter never needs,
// because the schema reads every value as the text written.
import CYaml

/// Why a YAML block could not be composed.
enum YAMLFailure: Error, Equatable {
    case anchorOrAlias(line: Int, column: Int)
    case tooDeep(limit: Int, line: Int, column: Int)
    case duplicateKey(String, line: Int, column: Int)
    case severalDocuments(line: Int, column: Int)
    /// libyaml's scanner or parser: what is wrong, where, and what it was reading when it noticed.
    case syntax(problem: String, line: Int, column: Int, context: String?, contextLine: Int?)
    /// Text libyaml refuses to read at all (control characters), at a byte offset of the block.
    case unreadable(problem: String, byteOffset: Int?)
}

/// Composes a YAML block into `YAMLNode`s without recursion, refusing what front-matter never needs.
enum YAMLComposer {
    /// Deeper front-matter is refused: real records nest two or three levels.
    static let maximumNesting = 50

    /// The block's root node, nil for an empty block.
    static func compose(_ yaml: Substring) -> Result<YAMLNode?, YAMLFailure> {
        var text = yaml
        return text.withUTF8 { bytes -> Result<YAMLNode?, YAMLFailure> in
            guard let base = bytes.baseAddress, !bytes.isEmpty else { return .success(nil) }
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) == 1 else {
                return .failure(.unreadable(problem: "out of memory", byteOffset: nil))
            }
            defer { yaml_parser_delete(&parser) }
            yaml_parser_set_input_string(&parser, base, bytes.count)
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            var builder = Builder()
            var event = yaml_event_t()
            while true {
                guard yaml_parser_parse(&parser, &event) == 1 else { return .failure(failure(of: parser)) }
                defer { yaml_event_delete(&event) }
                if event.type == YAML_STREAM_END_EVENT { return .success(builder.root) }
                if let failure = builder.visit(event) { return .failure(failure) }
            }
        }
    }

    private static func failure(of parser: yaml_parser_t) -> YAMLFailure {
        let problem = parser.problem.map { String(cString: $0) } ?? "unknown problem"
        switch parser.error {
        case YAML_READER_ERROR:
            return .unreadable(problem: problem, byteOffset: Int(parser.problem_offset))
        case YAML_SCANNER_ERROR, YAML_PARSER_ERROR:
            return .syntax(
                problem: problem, line: Int(parser.problem_mark.line) + 1,
                column: Int(parser.problem_mark.column) + 1, context: parser.context.map { String(cString: $0) },
                contextLine: parser.context.map { _ in Int(parser.context_mark.line) + 1 })
        default:
            return .unreadable(problem: problem, byteOffset: nil)
        }
    }

    /// The collections still open, innermost last.
    private struct Builder {
        struct Collection {
            var isMapping: Bool
            var isFlow: Bool
            var start: YAMLNode.Position
            var items: [YAMLNode] = []
            var pairs: [(key: YAMLNode, value: YAMLNode)] = []
            var pendingKey: YAMLNode?
            var keys: Set<String> = []
        }

        var open: [Collection] = []
        var root: YAMLNode?
        var documents = 0

        mutating func visit(_ event: yaml_event_t) -> YAMLFailure? {
            let line = Int(event.start_mark.line) + 1
            let column = Int(event.start_mark.column) + 1
            let start = YAMLNode.Position(line: line, column: column, offset: Int(event.start_mark.index))
            let end = YAMLNode.Position(
                line: Int(event.end_mark.line) + 1, column: Int(event.end_mark.column) + 1,
                offset: Int(event.end_mark.index))
            switch event.type {
            case YAML_DOCUMENT_START_EVENT:
                documents += 1
                return documents > 1 ? .severalDocuments(line: line, column: column) : nil
            case YAML_ALIAS_EVENT:
                return .anchorOrAlias(line: line, column: column)
            case YAML_SCALAR_EVENT:
                let scalar = event.data.scalar
                if scalar.anchor != nil { return .anchorOrAlias(line: line, column: column) }
                let value = String(
                    decoding: UnsafeBufferPointer(start: scalar.value, count: scalar.length), as: UTF8.self)
                let node = YAMLNode(
                    content: .scalar(.init(string: value, style: style(of: scalar.style))), start: start, end: end)
                return add(node)
            case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                let isMapping = event.type == YAML_MAPPING_START_EVENT
                let anchor = isMapping ? event.data.mapping_start.anchor : event.data.sequence_start.anchor
                if anchor != nil { return .anchorOrAlias(line: line, column: column) }
                guard open.count < YAMLComposer.maximumNesting else {
                    return .tooDeep(limit: YAMLComposer.maximumNesting, line: line, column: column)
                }
                let isFlow =
                    isMapping
                    ? event.data.mapping_start.style == YAML_FLOW_MAPPING_STYLE
                    : event.data.sequence_start.style == YAML_FLOW_SEQUENCE_STYLE
                open.append(Collection(isMapping: isMapping, isFlow: isFlow, start: start))
                return nil
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                guard let closed = open.popLast() else { return nil }
                return add(
                    YAMLNode(
                        content: closed.isMapping ? .mapping(closed.pairs) : .sequence(closed.items),
                        start: closed.start, end: end, isFlow: closed.isFlow))
            default:
                return nil
            }
        }

        func style(of style: yaml_scalar_style_t) -> YAMLNode.Scalar.Style {
            switch style {
            case YAML_SINGLE_QUOTED_SCALAR_STYLE: .singleQuoted
            case YAML_DOUBLE_QUOTED_SCALAR_STYLE: .doubleQuoted
            case YAML_LITERAL_SCALAR_STYLE: .literal
            case YAML_FOLDED_SCALAR_STYLE: .folded
            default: .plain
            }
        }

        /// A finished node joins its parent: in a mapping it is a key or a value by turns.
        mutating func add(_ node: YAMLNode) -> YAMLFailure? {
            guard !open.isEmpty else {
                root = node
                return nil
            }
            let top = open.count - 1
            guard open[top].isMapping else {
                open[top].items.append(node)
                return nil
            }
            guard let key = open[top].pendingKey else {
                if let name = node.scalar?.string, !open[top].keys.insert(name).inserted {
                    return .duplicateKey(name, line: node.line, column: node.column)
                }
                open[top].pendingKey = node
                return nil
            }
            open[top].pairs.append((key, node))
            open[top].pendingKey = nil
            return nil
        }
    }
}
