import CYaml

/// Finds YAML anchors (`&name`) and aliases (`*name`) in the front matter before Yams composes it.
///
/// Guidance never needs them, and they are how a "billion laughs" file works: a few lines of
/// aliases to aliases stand for billions of nodes, and Yams hashes and compares nodes whole (its
/// duplicate-key check), so a single alias used as a key would run for hours. libyaml's event
/// stream shows every anchor and alias in one linear pass, before anything is expanded.
enum YAMLAnchorCheck {
    struct Found {
        /// 1-based, within the YAML text.
        var line: Int, column: Int
        var isAlias: Bool
    }

    /// The first anchor or alias in `yaml`; nil when there is none, or when the YAML does not
    /// parse (Yams then reports the syntax error with its line).
    static func firstAnchorOrAlias(in yaml: String) -> Found? {
        let bytes = Array(yaml.utf8)
        guard !bytes.isEmpty else { return nil }  // libyaml asserts on an empty input buffer
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return nil }
        defer { yaml_parser_delete(&parser) }
        return bytes.withUnsafeBufferPointer { buffer -> Found? in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            while true {
                var event = yaml_event_t()
                guard yaml_parser_parse(&parser, &event) == 1 else { return nil }
                defer { yaml_event_delete(&event) }
                let found = Found(line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1,
                                  isAlias: event.type == YAML_ALIAS_EVENT)
                switch event.type {
                case YAML_STREAM_END_EVENT: return nil
                case YAML_ALIAS_EVENT: return found
                case YAML_SCALAR_EVENT where event.data.scalar.anchor != nil: return found
                case YAML_SEQUENCE_START_EVENT where event.data.sequence_start.anchor != nil: return found
                case YAML_MAPPING_START_EVENT where event.data.mapping_start.anchor != nil: return found
                default: continue
                }
            }
        }
    }
}
