// libyaml's event API, from the copy Yams builds (its CYaml module). Yams resolves every alias while
// composing, keeps no trace of anchors on its nodes, recurses once per nesting level and reports a
// duplicate key at its first occurrence; one cheap pass over the events catches all of that first.
import CYaml

/// A structural problem found in front-matter before any node is built.
struct YAMLPrescanFinding: Equatable {
    enum Problem: Equatable {
        case anchorOrAlias
        case tooDeep(limit: Int)
        case duplicateKey(String)
    }

    var problem: Problem
    /// 1-based, within the YAML text.
    var line: Int
    var column: Int
}

enum YAMLPrescan {
    /// Deeper front-matter is refused: real records nest two or three levels, and the composer
    /// uses stack for every level (on a 512 KB thread, a few hundred levels would overflow it).
    static let maximumNesting = 50

    /// The first anchor, alias, over-deep collection or repeated key; nil when there is none, or when the
    /// text is not valid YAML (Yams then reports that with its own message).
    static func scan(_ yaml: String) -> YAMLPrescanFinding? {
        var text = yaml
        return text.withUTF8 { bytes -> YAMLPrescanFinding? in
            guard let base = bytes.baseAddress else { return nil }
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) == 1 else { return nil }
            defer { yaml_parser_delete(&parser) }
            yaml_parser_set_input_string(&parser, base, bytes.count)
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            var scanner = Scanner()
            var event = yaml_event_t()
            while yaml_parser_parse(&parser, &event) == 1 {
                defer { yaml_event_delete(&event) }
                if event.type == YAML_STREAM_END_EVENT { return nil }
                if let problem = scanner.visit(event) {
                    return YAMLPrescanFinding(
                        problem: problem, line: Int(event.start_mark.line) + 1,
                        column: Int(event.start_mark.column) + 1)
                }
            }
            return nil
        }
    }

    /// Tracks open collections to know depth and which scalars are mapping keys.
    private struct Scanner {
        struct Collection {
            var isMapping: Bool
            var expectingKey = true
            var keys: Set<String> = []
        }

        var open: [Collection] = []

        mutating func visit(_ event: yaml_event_t) -> YAMLPrescanFinding.Problem? {
            switch event.type {
            case YAML_ALIAS_EVENT:
                return .anchorOrAlias
            case YAML_SCALAR_EVENT:
                if event.data.scalar.anchor != nil { return .anchorOrAlias }
                let value = String(
                    decoding: UnsafeBufferPointer(start: event.data.scalar.value, count: event.data.scalar.length),
                    as: UTF8.self)
                return node(key: value)
            case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                let isMapping = event.type == YAML_MAPPING_START_EVENT
                let anchor = isMapping ? event.data.mapping_start.anchor : event.data.sequence_start.anchor
                if anchor != nil { return .anchorOrAlias }
                if let problem = node(key: nil) { return problem }
                open.append(Collection(isMapping: isMapping))
                return open.count > YAMLPrescan.maximumNesting ? .tooDeep(limit: YAMLPrescan.maximumNesting) : nil
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                _ = open.popLast()
                return nil
            default:
                return nil
            }
        }

        /// A node starts: in a mapping it is a key or a value by turns; a repeated scalar key is reported.
        mutating func node(key: String?) -> YAMLPrescanFinding.Problem? {
            guard var parent = open.last, parent.isMapping else { return nil }
            defer { open[open.count - 1] = parent }
            let isKey = parent.expectingKey
            parent.expectingKey.toggle()
            if isKey, let key, !parent.keys.insert(key).inserted { return .duplicateKey(key) }
            return nil
        }
    }
}
