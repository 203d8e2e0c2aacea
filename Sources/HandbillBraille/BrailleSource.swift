import HandbillModel
import HandbillStyle

/// What a braille paragraph is, which decides its indents and blank lines.
public enum BrailleRole: Equatable, Sendable {
    case title, heading
    case paragraph
    /// A list item at a nesting depth (0 for the outer list), with its label ("1." or none).
    case listItem(depth: Int)
    case callout
    /// A service's name, which opens it in the help services block …
    case serviceName
    /// … and a line of it: its number, audience or address.
    case service
}

/// A paragraph of the guidance as braille sets it, before translation: its role (which decides its
/// indents and blank lines), its text in parts (a hard line break starts a new part on a new line),
/// and the groups it must be kept on one page with.
public struct BrailleParagraph<Text: Equatable & Sendable>: Equatable, Sendable {
    public typealias Role = BrailleRole

    public var role: Role
    public var parts: [Text]
    /// Keep-together groups, outermost first: the help services block, then each service.
    public var groups: [String]
    /// Whether this paragraph starts a list (a blank line goes before it) or ends one (after it).
    public var startsList = false, endsList = false

    public init(role: Role, parts: [Text], groups: [String] = []) {
        self.role = role
        self.parts = parts
        self.groups = groups
    }

    /// The same paragraph with its text translated.
    public func map<Other>(_ transform: (Text) throws(DiagnosticError) -> Other) throws(DiagnosticError) -> BrailleParagraph<Other> {
        var result = BrailleParagraph<Other>(role: role, parts: try parts.map { part throws(DiagnosticError) in try transform(part) }, groups: groups)
        result.startsList = startsList
        result.endsList = endsList
        return result
    }
}

/// The guidance in reading order, as braille paragraphs of text runs: title, summary, body, then the
/// help services. Phone numbers and addresses are unbreakable runs.
public struct BrailleSource {
    public let strings: LanguageStrings
    /// Whether bold and emphasis are marked (the braille code's emphasis indicators) or left plain.
    public let emphasis: Bool

    public init(strings: LanguageStrings, emphasis: Bool = true) {
        self.strings = strings
        self.emphasis = emphasis
    }

    public func paragraphs(_ document: Document) -> [BrailleParagraph<[BrailleRun]>] {
        let meta = document.metadata
        var result: [BrailleParagraph<[BrailleRun]>] = [BrailleParagraph(role: .title, parts: [[BrailleRun(meta.title)]])]
        if meta.translation?.status == .unreviewed, let notice = strings.unreviewed {
            result.append(BrailleParagraph(role: .paragraph, parts: [[BrailleRun(notice)]]))
        }
        if let summary = meta.summary { result.append(BrailleParagraph(role: .paragraph, parts: [runs(summary)])) }
        for block in document.blocks { result += paragraphs(block, depth: 0) }
        result += services(document)
        return result
    }

    private func paragraphs(_ block: Block, depth: Int) -> [BrailleParagraph<[BrailleRun]>] {
        switch block {
        case .heading(_, let content):
            return [BrailleParagraph(role: .heading, parts: parts(content))]
        case .paragraph(let content), .point(_, let content):
            // An easy-read point's picture is for the eye; its words are the point.
            return [BrailleParagraph(role: .paragraph, parts: parts(content))]
        case .callout(let blocks):
            return blocks.flatMap { paragraphs($0, depth: depth) }.map { paragraph in
                var callout = paragraph
                if callout.role == .paragraph { callout.role = .callout }
                return callout
            }
        case .list(let ordered, let start, let items):
            var result: [BrailleParagraph<[BrailleRun]>] = []
            for (index, item) in items.enumerated() {
                for (position, block) in item.enumerated() {
                    if case .list = block { result += paragraphs(block, depth: depth + 1); continue }
                    var inner = paragraphs(block, depth: depth)
                    for i in inner.indices where inner[i].role == .paragraph || inner[i].role == .callout {
                        inner[i].role = .listItem(depth: depth)
                        if position == 0 && i == 0 && ordered {
                            inner[i].parts[0].insert(BrailleRun("\(start + index). "), at: 0)
                        }
                    }
                    result += inner
                }
            }
            if !result.isEmpty {
                result[0].startsList = true
                result[result.count - 1].endsList = true
            }
            return result
        }
    }

    /// The help block: its heading, then each service's name, phone number, audience and address,
    /// the block and each service kept together.
    private func services(_ document: Document) -> [BrailleParagraph<[BrailleRun]>] {
        guard !document.services.isEmpty else { return [] }
        var result = [BrailleParagraph<[BrailleRun]>(role: .heading, parts: [[BrailleRun(document.servicesTitle)]], groups: ["services"])]
        for (index, service) in document.services.enumerated() {
            let groups = ["services", "service-\(index)"]
            var lines: [[BrailleRun]] = [[BrailleRun(service.name, strong: emphasis)]]
            if let phone = service.phone { lines.append([BrailleRun(strings.phone + " "), BrailleRun(phone, unbreakable: true)]) }
            if let audience = service.audience { lines.append(runs(audience)) }
            if let url = service.url { lines.append([BrailleRun(strings.web + " "), BrailleRun(Address.display(url), unbreakable: true)]) }
            result += lines.enumerated().map { BrailleParagraph(role: $0.offset == 0 ? .serviceName : .service, parts: [$0.element], groups: groups) }
        }
        return result
    }

    /// Inline content in parts split at hard line breaks.
    private func parts(_ content: [Inline]) -> [[BrailleRun]] {
        var parts: [[BrailleRun]] = [[]]
        append(content, strong: false, to: &parts)
        return parts.filter { !$0.isEmpty }
    }

    private func append(_ content: [Inline], strong: Bool, to parts: inout [[BrailleRun]]) {
        for inline in content {
            switch inline {
            case .text(let text):
                parts[parts.count - 1] += runs(text, strong: strong)
            case .lineBreak:
                parts.append([])
            case .strong(let inner), .emphasis(let inner):
                append(inner, strong: emphasis, to: &parts)
            case .link(let url, let inner):
                let address = Address.display(url)
                if inner.plainText.lowercased().contains(address.lowercased()) {
                    // The words are the address: the whole link stays on one line.
                    parts[parts.count - 1].append(BrailleRun(inner.plainText, strong: strong, unbreakable: true))
                } else {
                    append(inner, strong: strong, to: &parts)
                    parts[parts.count - 1] += [BrailleRun(" (", strong: strong), BrailleRun(address, strong: strong, unbreakable: true),
                                               BrailleRun(")", strong: strong)]
                }
            }
        }
    }

    /// Text with its phone numbers as unbreakable runs.
    private func runs(_ text: String, strong: Bool = false) -> [BrailleRun] {
        PhoneNumbers.split(text).map { BrailleRun($0.text, strong: strong, unbreakable: $0.isPhone) }
    }
}
