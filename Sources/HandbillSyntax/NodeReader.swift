import HandbillModel
import Yams

/// Reads YAML nodes into values, turning each problem into a diagnostic at the node's line in the file.
struct NodeReader {
    let source: SourceText

    func location(line: Int, column: Int = 1) -> SourceLocation {
        SourceLocation(file: source.file, line: source.frontMatterFirstLine + line - 1, column: column)
    }

    /// A list of names (headings, points, services): nil when absent; a single name or anything
    /// else that is not a list of words is an error at its line (it must not quietly mean "none").
    func names(_ node: Node?, key: String, into problems: inout [Diagnostic]) -> [String]? {
        guard let node else { return nil }
        if let list = node.sequence, let names = Optional(list.compactMap { $0.scalar?.string }), names.count == list.count { return names }
        problems.append(.error("`\(key):` is a list", at: location(of: node),
                               hint: "write it in brackets, even for one: `\(key): [\(node.scalar?.string ?? "…")]`"))
        return []
    }

    /// A yes/no key: `true` or `false`, absent for false; anything else is an error at its line
    /// (a typo must not quietly mean "no"). Read from the words, as YAML 1.1 and Yams's `Bool`
    /// read them, whatever tag the value was resolved to (`FrontMatter.resolver` has no rules); a
    /// quoted value is text.
    func flag(_ node: Node?, key: String, into problems: inout [Diagnostic]) -> Bool {
        guard let node else { return false }
        if let scalar = node.scalar, scalar.style == .plain {
            switch scalar.string.lowercased() {
            case "true", "yes", "on": return true
            case "false", "no", "off": return false
            default: break
            }
        }
        problems.append(.error("`\(key):` is `true` or `false`", at: location(of: node), hint: "write `\(key): true` or leave it out"))
        return false
    }

    func location(of node: Node?) -> SourceLocation {
        guard let mark = node?.mark else { return location(line: 1) }
        return location(line: mark.line, column: mark.column)
    }

    /// Anchors and aliases are refused before Yams sees them (see `YAMLAnchorCheck`).
    func refuseAnchorsAndAliases() throws(DiagnosticError) {
        guard let found = YAMLAnchorCheck.firstAnchorOrAlias(in: source.frontMatter) else { return }
        throw DiagnosticError(.error(
            "a YAML \(found.isAlias ? "alias (`*name`)" : "anchor (`&name`)") in the front matter",
            at: location(line: found.line, column: found.column),
            hint: "write each value out in full; if the text starts with `*` or `&`, put it in quotes"))
    }

    func diagnostic(for error: YamlError) -> Diagnostic {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            // libyaml notices an unclosed quote at the end; the context says where it began.
            let place = context?.mark ?? mark
            return .error("the front matter is not valid YAML: \(problem)\(context.map { " \($0.text)" } ?? "")",
                          at: location(line: place.line, column: place.column),
                          hint: "check the indentation and the `:` after each key; quote text that contains `: ` or starts with a symbol")
        case .duplicatedKeysInMapping(let duplicates, let context):
            // Yams marks the first of the keys; the mistake is usually the repeat below it.
            let key = duplicates.first ?? ""
            let line = repeatedKeyLine(key, after: context.mark.line) ?? context.mark.line
            return .error("the front matter repeats \(duplicates.map { "`\($0.abbreviated())`" }.joined(separator: ", "))",
                          at: location(line: line), hint: "give each key once")
        default:
            return .error("the front matter is not valid YAML: \("\(error)".abbreviated(to: 200))", at: location(line: 1))
        }
    }

    /// The line (within the front matter) of the first `key:` after `line`, at any indentation or after `- `.
    private func repeatedKeyLine(_ key: String, after line: Int) -> Int? {
        let lines = source.frontMatter.split(separator: "\n", omittingEmptySubsequences: false)
        guard line < lines.count else { return nil }
        return lines[line...].firstIndex { text in
            var rest = text.drop { $0 == " " }
            if rest.hasPrefix("- ") { rest = rest.dropFirst(2).drop { $0 == " " } }
            return rest.hasPrefix(key + ":")
        }.map { $0 + 1 }
    }

    func checkKeys(_ mapping: Node.Mapping, allowed: [String], what: String, into problems: inout [Diagnostic]) {
        for (key, _) in mapping {
            // A list or mapping as a key is named by its kind: printing it could print the whole front matter.
            guard let name = key.scalar?.string else {
                problems.append(.error("a \(key.sequence != nil ? "list" : "mapping") used as a \(what)", at: location(of: key),
                                       hint: "keys are single words followed by `:`"))
                continue
            }
            guard !allowed.contains(name) else { continue }
            // A suggestion for the first few only: past them nobody reads the messages, and the
            // distances cost time with thousands of keys.
            var hint = "the keys are: \(allowed.joined(separator: ", "))"
            if problems.count < 20, name.count < 64 {
                let distances = allowed.map { ($0, editDistance($0, name)) }
                if let nearest = distances.min(by: { $0.1 < $1.1 }), nearest.1 <= 3 { hint = "did you mean `\(nearest.0)`?" }
            }
            problems.append(.error("unknown \(what) `\(name.abbreviated())`", at: location(of: key), hint: hint))
        }
    }

    func string(_ mapping: Node.Mapping, _ key: String, required: Bool, context: Node.Mapping,
                into problems: inout [Diagnostic]) -> String? {
        guard let node = mapping[key] else {
            if required {
                problems.append(.error("missing `\(key):`", at: location(of: Node.mapping(context)),
                                       hint: "add a line `\(key): …`"))
            }
            return nil
        }
        guard let scalar = node.scalar else {
            problems.append(.error("`\(key)` must be text, not a list or a mapping", at: location(of: node),
                                   hint: "write it on the key's line: `\(key): …`; quote it if it starts with [ or {"))
            return nil
        }
        let value = scalar.string.trimmingWhitespace
        // What is printed must fit its page: a pasted paragraph in `phone:` or `for:` is refused here, at its line.
        if let limit = SourceLimits.frontMatterCharacters[key], value.count > limit {
            problems.append(.error("`\(key)` is \(value.count.grouped) characters long; it may have at most \(limit.grouped)", at: location(of: node),
                                   hint: "shorten it: it is printed on the leaflet and must fit the page"))
        }
        if value.isEmpty && required {
            problems.append(.error("`\(key)` is empty", at: location(of: node), hint: "write the \(key) after the colon"))
            return nil
        }
        return value.isEmpty ? nil : value
    }

    /// `node` as a mapping whose keys are checked against `allowed` (each unknown one an error
    /// naming `what`); nil, with `notAMapping` and `hint` at its line, when it is not a mapping.
    func mapping(_ node: Node, allowed: [String], what: String, notAMapping: String, hint: String,
                 into problems: inout [Diagnostic]) -> Node.Mapping? {
        guard let mapping = node.mapping else {
            problems.append(.error(notAMapping, at: location(of: node), hint: hint))
            return nil
        }
        checkKeys(mapping, allowed: allowed, what: what, into: &problems)
        return mapping
    }

    func service(_ node: Node, into problems: inout [Diagnostic]) -> HelpService? {
        guard let mapping = mapping(node, allowed: FrontMatter.serviceKeys, what: "service key",
                                    notAMapping: "each service must be a mapping starting with `- name:`",
                                    hint: "write each service as `- name: …` with `phone: …` or `url: …` on the lines below it",
                                    into: &problems) else { return nil }
        let name = string(mapping, "name", required: true, context: mapping, into: &problems)
        let phone = string(mapping, "phone", required: false, context: mapping, into: &problems)
        let url = string(mapping, "url", required: false, context: mapping, into: &problems)
        if phone == nil && url == nil {
            problems.append(.error("service `\((name ?? "?").abbreviated())` has neither a phone number nor an address",
                                   at: location(of: node), hint: "add `phone:` or `url:`"))
        }
        if let url, !LinkRules.isPrintable(url) {
            problems.append(.error("`url: \(url.abbreviated())` is not a web address", at: location(of: mapping["url"]),
                                   hint: "write the full address, starting https://"))
        }
        if let phone, !phone.allSatisfy({ $0.isNumber || $0 == " " || $0 == "+" }) {
            problems.append(.error("`phone: \(phone.abbreviated())` holds more than digits and spaces", at: location(of: mapping["phone"]),
                                   hint: "write the number only, e.g. `0345 6000 459`; put who it is for in `for:`"))
        }
        guard let name else { return nil }
        return HelpService(name: name, phone: phone, url: url,
                           audience: string(mapping, "for", required: false, context: mapping, into: &problems),
                           location: location(of: node))
    }

    /// `local-help:`: where a local edition's contact goes (`place: first|last` in the help block)
    /// and the words around it: `title:`, `edition:` ("Local edition for {organisation}"), and the
    /// `email:`, `address:`, `hours:` labels.
    func localHelp(_ node: Node, into problems: inout [Diagnostic]) -> LocalHelp? {
        guard let mapping = mapping(node, allowed: FrontMatter.localHelpKeys, what: "local-help key",
                                    notAMapping: "`local-help` must be a mapping: `title:`, `edition:` and the labels",
                                    hint: "see \"The guidance source\" in README.md", into: &problems) else { return nil }
        let title = string(mapping, "title", required: true, context: mapping, into: &problems)
        let edition = string(mapping, "edition", required: true, context: mapping, into: &problems)
        var place = LocalHelp.Place.first
        if let name = string(mapping, "place", required: false, context: mapping, into: &problems) {
            if let found = LocalHelp.Place(rawValue: name) { place = found } else {
                problems.append(.error("`place: \(name.abbreviated())` is not a place for the local block", at: location(of: mapping["place"]),
                                       hint: "write `first` (before the national services) or `last` (after them)"))
            }
        }
        guard let title, let edition else { return nil }
        let defaults = LocalHelp(title: title, edition: edition)
        return LocalHelp(place: place, title: title, edition: edition,
                         email: string(mapping, "email", required: false, context: mapping, into: &problems) ?? defaults.email,
                         address: string(mapping, "address", required: false, context: mapping, into: &problems) ?? defaults.address,
                         hours: string(mapping, "hours", required: false, context: mapping, into: &problems) ?? defaults.hours)
    }
}
