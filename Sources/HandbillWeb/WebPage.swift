import Foundation
import HandbillModel
import HandbillStyle

/// A guidance as one self-contained, accessible web page: semantic HTML (`main`, headings, lists,
/// `footer`), the help services as a list of their own, phone numbers as `tel:` links, pictures as
/// inline SVG with their Alt text, and the variant's look as an inline style sheet. No scripts.
///
/// A bilingual page (`en+pl`) sets the two languages one after the other, each in an `article`
/// with its own `lang` and `dir`, side by side on a wide window (see `StyleSheet`).
public struct WebPage {
    /// One language's document and the words Handbill prints around it.
    public struct Part {
        public var document: Document
        public var strings: LanguageStrings

        public init(document: Document, strings: LanguageStrings) {
            self.document = document
            self.strings = strings
        }
    }

    public let parts: [Part]
    public let variant: Variant
    public let format: WebFormat
    /// Named in `<meta name="generator">`.
    public let generator: String
    private var pictograms: InlinePictograms
    private let telephone: TelephoneLink

    public init(parts: [Part], variant: Variant, format: WebFormat, pictograms: URL, generator: String) {
        self.parts = parts
        self.variant = variant
        self.format = format
        self.generator = generator
        self.pictograms = InlinePictograms(folder: pictograms)
        self.telephone = TelephoneLink(rules: format.telephone)
    }

    /// The page's language: the first part's.
    public var language: String { parts.first?.document.metadata.language ?? "en" }

    public mutating func html() throws(DiagnosticError) -> String {
        guard let first = parts.first, parts.count <= 2 else {
            throw DiagnosticError(.error("a web page holds one language, or two (en+pl)", hint: "give one --lang, or two joined by +"))
        }
        let meta = first.document.metadata
        var out = HTMLWriter()
        out.trusted("<!DOCTYPE html>\n")
        out.start("html", [("lang", meta.language), ("dir", first.strings.direction.rawValue)])
        out.start("head")
        out.void("meta", [("charset", "utf-8")])
        out.void("meta", [("name", "viewport"), ("content", "width=device-width, initial-scale=1")])
        out.element("title", text: meta.title)
        out.void("meta", [("name", "description"), ("content", meta.summary)])
        out.void("meta", [("name", "author"), ("content", meta.publisher)])
        if !meta.keywords.isEmpty { out.void("meta", [("name", "keywords"), ("content", meta.keywords.joined(separator: ", "))]) }
        out.void("meta", [("name", "generator"), ("content", generator)])
        out.start("style")
        out.trusted(StyleSheet(variant: variant, format: format, languages: parts.map(\.strings)).css)
        out.end()
        out.end()
        out.start("body")
        if parts.count == 1 {
            out.start("main")
            try body(first, number: 1, into: &out)
            out.end()
        } else {
            out.start("main", [("class", "bilingual")])
            for (index, part) in parts.enumerated() {
                out.start("article", [("class", "part part-\(index + 1)"), ("lang", part.document.metadata.language),
                                      ("dir", part.strings.direction.rawValue)])
                try body(part, number: index + 1, into: &out)
                out.end()
            }
            out.end()
        }
        out.start("footer")
        for (index, part) in parts.enumerated() { footer(part, number: index + 1, into: &out) }
        out.end()
        out.end()
        out.end()
        return out.finished()
    }

    // MARK: - The document

    private mutating func body(_ part: Part, number: Int, into out: inout HTMLWriter) throws(DiagnosticError) {
        let document = part.document, rtl = part.strings.direction == .rtl
        out.element("h1", text: document.metadata.title)
        if let summary = document.metadata.summary { out.element("p", [("class", "summary")], text: summary) }
        for block in document.blocks { try self.block(block, rtl: rtl, into: &out) }
        services(document, strings: part.strings, id: "services-\(number)", into: &out)
        if document.blocks.contains(where: { if case .point = $0 { true } else { false } }),
           let credit = try? String(contentsOf: pictograms.folder.appendingPathComponent("credit.txt"), encoding: .utf8) {
            let language = format.pictureCreditLanguage
            out.element("p", [("class", "credit"), ("lang", language == document.metadata.language ? nil : language),
                              ("dir", language == document.metadata.language || !rtl ? nil : "ltr")],
                        text: credit.trimmingCharacters(in: .whitespacesAndNewlines))
        }
    }

    private mutating func block(_ block: Block, rtl: Bool, into out: inout HTMLWriter) throws(DiagnosticError) {
        switch block {
        case .heading(let level, let content):
            out.start("h\(min(max(level, 2), 6))")
            inline(content, rtl: rtl, into: &out)
            out.end()
        case .paragraph(let content):
            out.start("p")
            inline(content, rtl: rtl, into: &out)
            out.end()
        case .list(let ordered, let start, let items):
            out.start(ordered ? "ol" : "ul", [("start", ordered && start != 1 ? String(start) : nil)])
            for item in items {
                out.start("li")
                if item.count == 1, case .paragraph(let content) = item[0] {
                    inline(content, rtl: rtl, into: &out)  // a one-paragraph item needs no <p>
                } else {
                    for inner in item { try self.block(inner, rtl: rtl, into: &out) }
                }
                out.end()
            }
            out.end()
        case .callout(let blocks):
            out.start("div", [("class", "callout"), ("role", "note")])
            for inner in blocks { try self.block(inner, rtl: rtl, into: &out) }
            out.end()
        case .point(let picture, let content):
            out.start("div", [("class", "point")])
            out.trusted(try pictograms.svg(picture.name, alt: picture.alt))
            out.start("p")
            inline(content, rtl: rtl, into: &out)
            out.end()
            out.end()
        }
    }

    private func inline(_ content: [Inline], rtl: Bool, into out: inout HTMLWriter) {
        for item in content {
            switch item {
            case .text(let text):
                for piece in PhoneNumbers.split(text) {
                    if piece.isPhone {
                        phone(piece.text, rtl: rtl, into: &out)
                    } else {
                        out.text(piece.text)
                    }
                }
            case .emphasis(let inner):
                out.start("em", block: false)
                inline(inner, rtl: rtl, into: &out)
                out.end()
            case .strong(let inner):
                out.start("strong", block: false)
                inline(inner, rtl: rtl, into: &out)
                out.end()
            case .link(let url, let inner):
                // Paper cannot follow a link: the print stylesheet writes out the address the words do not show.
                let address = Address.display(url)
                let shown = inner.plainText.lowercased().contains(address.lowercased())
                out.start("a", [("href", url), ("data-address", shown ? nil : address), ("dir", rtl ? "auto" : nil)], block: false)
                inline(inner, rtl: rtl, into: &out)
                out.end()
            case .lineBreak:
                out.void("br", block: false)
            }
        }
    }

    /// A phone number as a link that dials it; left to right even in Arabic, so its groups keep their order.
    private func phone(_ number: String, rtl: Bool, into out: inout HTMLWriter) {
        out.element("a", [("class", "phone"), ("href", telephone.href(number)), ("dir", rtl ? "ltr" : nil)], text: number, block: false)
    }

    /// The help services: a section a screen reader lists among the page's regions, its services a
    /// list (so it says how many), each headed by its name.
    private func services(_ document: Document, strings: LanguageStrings, id: String, into out: inout HTMLWriter) {
        guard !document.services.isEmpty else { return }
        let rtl = strings.direction == .rtl
        out.start("section", [("class", "services"), ("aria-labelledby", id)])
        out.element("h2", [("id", id)], text: document.servicesTitle)
        out.start("ul")
        for service in document.services {
            out.start("li")
            out.element("h3", text: service.name)
            if let number = service.phone {
                out.start("p")
                out.text(strings.phone + " ")
                phone(number, rtl: rtl, into: &out)
                out.end()
            }
            if let audience = service.audience {
                out.start("p")
                inline([.text(audience)], rtl: rtl, into: &out)
                out.end()
            }
            if let url = service.url {
                out.start("p")
                out.text(strings.web + " ")
                out.element("a", [("class", "address"), ("href", url), ("dir", rtl ? "ltr" : nil)], text: Address.display(url), block: false)
                out.end()
            }
            out.end()
        }
        out.end()
        out.end()
    }

    /// Who published it, where it comes from and when, in each part's language; and whether a
    /// translator has checked the translation.
    private func footer(_ part: Part, number: Int, into out: inout HTMLWriter) {
        let meta = part.document.metadata, strings = part.strings
        let other = number > 1
        out.start("p", [("class", other ? "part-\(number)" : nil), ("lang", other ? meta.language : nil),
                        ("dir", other ? strings.direction.rawValue : nil)])
        out.text(meta.publisher + " · ")
        out.element("a", [("class", "address"), ("href", meta.source), ("dir", strings.direction == .rtl ? "ltr" : nil)],
                    text: Address.display(meta.source), block: false)
        out.text(" · " + strings.date(iso: meta.date))
        if meta.translation?.status == .unreviewed {
            out.text(" · ")
            if let unreviewed = strings.unreviewed {
                out.text(unreviewed)
            } else {
                out.element("span", [("lang", "en")], text: "Translation not yet reviewed", block: false)
            }
        }
        out.end()
    }
}
