import HandbillModel
import Yams

/// The YAML front matter of a guidance file: document metadata and the help services.
struct FrontMatter {
    var metadata: DocumentMetadata
    var servicesTitle: String
    var services: [HelpService]
    var poster: PosterContent?
    var localHelp: LocalHelp?
    var trifold: TrifoldContent?

    static let documentKeys = ["title", "summary", "language", "publisher", "source", "date", "keywords",
                               "services-title", "services", "status", "translated-from", "poster",
                               "local-help", "trifold"]
    static let posterKeys = ["sections", "call", "links", "if-too-long"]
    static let serviceKeys = ["name", "phone", "url", "for"]
    static let localHelpKeys = ["place", "title", "edition", "email", "address", "hours"]

    /// No rules: every value is read as text, and a yes/no key by its words (`flag`, through
    /// Yams's `Node.bool`, which reads the plain words whatever the resolver says). Yams's rules
    /// are regular expressions, and the first one made starts ICU's regular-expression engine:
    /// ~8 M instructions, 3 % of a cold leaflet build. Merge keys (`<<`) need aliases, which
    /// the front matter refuses.
    static let resolver = Resolver.basic

    /// Reads the front matter, collecting every problem with its line in the file.
    init(_ source: SourceText) throws(DiagnosticError) {
        let reader = NodeReader(source: source)
        try reader.refuseAnchorsAndAliases()
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: source.frontMatter, Self.resolver, .default, .utf8) else {
                throw DiagnosticError(.error("the front matter is empty", at: reader.location(line: 1),
                                             hint: "give at least `title:` and `language:`"))
            }
            root = node
        } catch let error as DiagnosticError {
            throw error
        } catch let error as YamlError {
            throw DiagnosticError(reader.diagnostic(for: error))
        } catch {
            throw DiagnosticError(.error("the front matter is not valid YAML: \(error)", at: reader.location(line: 1)))
        }
        guard let mapping = root.mapping else {
            throw DiagnosticError(.error("the front matter must be a list of `key: value` lines",
                                         at: reader.location(of: root)))
        }
        var problems: [Diagnostic] = []
        reader.checkKeys(mapping, allowed: Self.documentKeys, what: "front-matter key", into: &problems)

        func text(_ key: String, required: Bool) -> String? {
            reader.string(mapping, key, required: required, context: mapping, into: &problems)
        }
        let title = text("title", required: true)
        let language = text("language", required: true)
        let date = text("date", required: true)
        if let language, !Self.isLanguageTag(language) {
            problems.append(.error("`language: \(language.abbreviated())` is not a BCP 47 language tag",
                                   at: reader.location(of: mapping["language"]),
                                   hint: "write a tag such as `en`, `pl`, `gd` or `zh-Hant`"))
        }
        if let date, !Self.isISODate(date) {
            problems.append(.error("`date: \(date.abbreviated())` is not a date written YYYY-MM-DD",
                                   at: reader.location(of: mapping["date"]), hint: "for example `date: 2026-11-25`"))
        }
        var keywords: [String] = []
        if let node = mapping["keywords"] {
            if let list = node.sequence, list.allSatisfy({ $0.scalar != nil }) {
                keywords = list.compactMap { $0.scalar?.string }
            } else {
                problems.append(.error("`keywords` must be a list of words", at: reader.location(of: node),
                                       hint: "for example `keywords: [sextortion, online safety]`"))
            }
        }
        var translation: Translation?
        let status = text("status", required: false), translatedFrom = text("translated-from", required: false)
        if status != nil || translatedFrom != nil {
            if let status, Translation.Status(rawValue: status) == nil {
                problems.append(.error("`status: \(status.abbreviated())` is neither `reviewed` nor `unreviewed`", at: reader.location(of: mapping["status"])))
            }
            if translatedFrom == nil || status == nil {
                problems.append(.error("a translation needs both `status:` and `translated-from:`", at: reader.location(line: 1),
                                       hint: "see Guidance/TRANSLATING.md"))
            }
            translation = Translation(status: status.flatMap(Translation.Status.init) ?? .unreviewed, translatedFrom: translatedFrom ?? "")
        }
        metadata = DocumentMetadata(
            title: title ?? "", summary: text("summary", required: false), language: language ?? "",
            publisher: text("publisher", required: true) ?? "", source: text("source", required: true) ?? "",
            date: date ?? "", keywords: keywords, translation: translation)
        servicesTitle = text("services-title", required: false) ?? "Where to get help"
        poster = nil
        if let node = mapping["poster"] {
            if let posterMapping = node.mapping {
                reader.checkKeys(posterMapping, allowed: Self.posterKeys, what: "poster key", into: &problems)
                let sections = reader.names(posterMapping["sections"], key: "sections", into: &problems) ?? []
                if sections.isEmpty {
                    problems.append(.error("`poster` names no sections", at: reader.location(of: node),
                                           hint: "list the headings whose advice goes on a poster: `sections: [What to do if it happens]`"))
                }
                let links = reader.names(posterMapping["links"], key: "links", into: &problems)
                var shorter: [PosterSelection] = []
                if let shortNode = posterMapping["if-too-long"] {
                    // The author's shorter posters (one, or a list tried in order): other sections, or
                    // only some of their points (by their bold words).
                    for node in shortNode.sequence.map(Array.init) ?? [shortNode] {
                        var selection: PosterSelection?
                        if let shortMapping = node.mapping {
                            reader.checkKeys(shortMapping, allowed: ["sections", "items", "links"], what: "poster if-too-long key", into: &problems)
                            let items = reader.names(shortMapping["items"], key: "items", into: &problems)
                            // Fewer QR codes (`links:`) is shorter too; a shorter text of no codes at all is `links: []`.
                            let shortLinks = reader.names(shortMapping["links"], key: "links", into: &problems)
                            selection = PosterSelection(sections: reader.names(shortMapping["sections"], key: "sections", into: &problems) ?? sections,
                                                        items: items, links: shortLinks)
                        }
                        guard let selection, !selection.sections.isEmpty, selection.items?.isEmpty != true else {
                            problems.append(.error("`poster: if-too-long:` must name the sections, the points or the QR codes (`links:`) of a shorter poster",
                                                   at: reader.location(of: node),
                                                   hint: "for example `if-too-long: { items: [\"Don’t pay.\", \"Don’t talk any further to the criminals.\"] }` (points by their bold words), or a list of such, shortest last"))
                            continue
                        }
                        shorter.append(selection)
                    }
                }
                poster = PosterContent(sections: sections, call: posterMapping["call"]?.scalar?.string, links: links, ifTooLong: shorter,
                                       location: reader.location(of: node))
            } else {
                problems.append(.error("`poster` must be `sections:`, `call:`, `links:` and `if-too-long:`", at: reader.location(of: node)))
            }
        }
        trifold = nil
        if let node = mapping["trifold"] {
            let sections = reader.names(node.mapping?["sections"], key: "sections", into: &problems) ?? []
            let ifRoom = reader.names(node.mapping?["if-room"], key: "if-room", into: &problems) ?? []
            if let trifoldMapping = node.mapping { reader.checkKeys(trifoldMapping, allowed: ["sections", "if-room", "brief-if-needed", "advice-only-if-needed"], what: "trifold key", into: &problems) }
            if sections.isEmpty {
                problems.append(.error("`trifold` must name the sections a tri-fold leaflet holds", at: reader.location(of: node),
                                       hint: "list their headings: `trifold: { sections: [What to do if it happens] }`"))
            } else {
                trifold = TrifoldContent(sections: sections, ifRoom: ifRoom,
                                         briefIfNeeded: reader.flag(node.mapping?["brief-if-needed"], key: "brief-if-needed", into: &problems),
                                         adviceOnlyIfNeeded: reader.flag(node.mapping?["advice-only-if-needed"], key: "advice-only-if-needed", into: &problems))
            }
        }
        localHelp = mapping["local-help"].flatMap { reader.localHelp($0, into: &problems) }
        services = []
        if let node = mapping["services"] {
            if let list = node.sequence {
                for item in list.prefix(SourceLimits.services) {
                    if let service = reader.service(item, into: &problems) { services.append(service) }
                }
                // Each service is a block kept whole on one page: thousands would make a phone book, slowly.
                if list.count > SourceLimits.services {
                    problems.append(.error("\(list.count.grouped) services; a leaflet lists at most \(SourceLimits.services)",
                                           at: reader.location(of: list[SourceLimits.services]),
                                           hint: "keep the services a reader of this guidance needs; link to a directory for the rest"))
                }
            } else {
                problems.append(.error("`services` must be a list of services, each starting with `- name:`",
                                       at: reader.location(of: node)))
            }
        }
        if !problems.isEmpty { throw DiagnosticError(problems) }
    }

    static func isLanguageTag(_ tag: String) -> Bool {
        let parts = tag.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, (2...3).contains(first.count), first.allSatisfy(\.isASCIILetter) else { return false }
        return parts.dropFirst().allSatisfy { (1...8).contains($0.count) && $0.allSatisfy { $0.isASCIILetter || $0.isASCIIDigit } }
    }

    static func isISODate(_ text: String) -> Bool {
        let parts = text.split(separator: "-")
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }),
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]), (1...12).contains(month) else { return false }
        // Days in each month, February in leap years too: `2026-02-31` is a typing mistake, not a date.
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        return (1...days).contains(day)
    }
}

extension Character {
    var isASCIILetter: Bool { isASCII && isLetter }
    var isASCIIDigit: Bool { isASCII && isNumber }
}

/// Reads YAML nodes into values, turning each problem into a diagnostic at the node's line in the file.
private struct NodeReader {
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
    /// (a typo must not quietly mean "no").
    func flag(_ node: Node?, key: String, into problems: inout [Diagnostic]) -> Bool {
        guard let node else { return false }
        if let value = node.bool { return value }
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

    func service(_ node: Node, into problems: inout [Diagnostic]) -> HelpService? {
        guard let mapping = node.mapping else {
            problems.append(.error("each service must be a mapping starting with `- name:`", at: location(of: node),
                                   hint: "write each service as `- name: …` with `phone: …` or `url: …` on the lines below it"))
            return nil
        }
        checkKeys(mapping, allowed: FrontMatter.serviceKeys, what: "service key", into: &problems)
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
        guard let mapping = node.mapping else {
            problems.append(.error("`local-help` must be a mapping: `title:`, `edition:` and the labels", at: location(of: node),
                                   hint: "see \"The guidance source\" in README.md"))
            return nil
        }
        checkKeys(mapping, allowed: FrontMatter.localHelpKeys, what: "local-help key", into: &problems)
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

extension String {
    var trimmingWhitespace: String {
        var view = Substring(self)
        while view.first?.isWhitespace == true { view.removeFirst() }
        while view.last?.isWhitespace == true { view.removeLast() }
        return String(view)
    }
}

/// Levenshtein distance, for "did you mean" hints on misspelt keys. Words whose lengths differ by
/// more than 3 are never suggested, so their distance is only bounded (no table for a huge key).
func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a.prefix(100)), b = Array(b.prefix(100))
    if abs(a.count - b.count) > 3 { return abs(a.count - b.count) }
    var previous = Array(0...b.count)
    for i in 1...max(a.count, 1) where !a.isEmpty {
        var current = [i] + Array(repeating: 0, count: b.count)
        for j in 1...max(b.count, 1) where !b.isEmpty {
            current[j] = Swift.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        }
        previous = current
    }
    return a.isEmpty ? b.count : previous[b.count]
}
