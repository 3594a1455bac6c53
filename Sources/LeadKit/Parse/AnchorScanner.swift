// libyaml's event API, from the copy Yams builds (its CYaml module): Yams resolves every alias while
// composing and keeps no trace of anchors on its nodes, so an alias bomb has to be caught before.
import CYaml

/// Finds the first anchor (`&name`) or alias (`*name`) in a YAML text without building any nodes.
enum AnchorScanner {
    /// The 1-based line and column of the first anchor or alias, or nil when there is none
    /// (or the text is not valid YAML, which Yams then reports with its own message).
    static func firstAnchorOrAlias(in yaml: String) -> (line: Int, column: Int)? {
        var text = yaml
        return text.withUTF8 { bytes -> (line: Int, column: Int)? in
            guard let base = bytes.baseAddress else { return nil }
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) == 1 else { return nil }
            defer { yaml_parser_delete(&parser) }
            yaml_parser_set_input_string(&parser, base, bytes.count)
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            var event = yaml_event_t()
            while yaml_parser_parse(&parser, &event) == 1 {
                defer { yaml_event_delete(&event) }
                let found: Bool
                switch event.type {
                case YAML_ALIAS_EVENT: found = true
                case YAML_SCALAR_EVENT: found = event.data.scalar.anchor != nil
                case YAML_SEQUENCE_START_EVENT: found = event.data.sequence_start.anchor != nil
                case YAML_MAPPING_START_EVENT: found = event.data.mapping_start.anchor != nil
                case YAML_STREAM_END_EVENT: return nil
                default: found = false
                }
                if found {
                    return (Int(event.start_mark.line) + 1, Int(event.start_mark.column) + 1)
                }
            }
            return nil
        }
    }
}
