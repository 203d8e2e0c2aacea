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

    /// No rules: every value is read as text, and a yes/no key by its words (`NodeReader.flag`).
    /// Yams's rules are regular expressions, and the first one made starts ICU's
    /// regular-expression engine: ~8 M instructions, 3 % of a cold leaflet build. A merge key
    /// (`<<`) is no front-matter key: it is refused as an unknown one.
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
