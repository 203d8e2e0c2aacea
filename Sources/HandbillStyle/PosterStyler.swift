import HandbillModel

/// Styles a guidance as a poster at a given scale of the variant's type: the title, the key
/// message, the sections the guidance names for posters, its help line in large type, and a QR
/// code for every service with an address (its name and address printed under it).
public struct PosterStyler: Sendable {
    public let styler: Styler
    /// QR code width, in points.
    public let qrSize: Double
    /// Easy-read pictures' height in lines of body text (the product's `poster: picture-lines:`);
    /// nil keeps the variant's own size.
    public let pictureLines: Double?

    public init(styler: Styler, qrSize: Double, pictureLines: Double? = nil) {
        self.styler = styler
        self.qrSize = qrSize
        self.pictureLines = pictureLines
    }

    /// Checks what the guidance's `poster:` names, every text of it, used or not (a misnamed point
    /// shows on the first build): its sections, its shorter texts' points, its help line and its
    /// QR codes' services. `style` checks first unless told it has been done (a poster is styled
    /// at every size tried, and the check does not depend on the size).
    public func check(_ document: Document) throws(DiagnosticError) {
        guard let poster = document.poster else {
            throw DiagnosticError(.error("the guidance does not say what goes on a poster",
                                         hint: "add `poster: { sections: [<heading>, …], call: <service name> }` to its front matter"))
        }
        let headings = Set(document.blocks.compactMap { block -> String? in
            if case .heading(2, let content) = block { return content.plainText } else { return nil }
        })
        for section in poster.texts.flatMap(\.sections) where !headings.contains(section) {
            throw DiagnosticError(.error("the poster names a section “\(section)” that the guidance does not have",
                                         at: poster.location,
                                             hint: "use one of its `##` headings: \(headings.sorted().joined(separator: ", "))"))
        }
        let sections = Self.sections(of: document)
        for shorter in poster.ifTooLong {
            let kept = document.blocks.enumerated().filter { Self.isKept($1, in: sections[$0], sections: shorter.sections) }.map(\.element)
            let leads = PosterSelection.leads(in: kept)
            for item in shorter.items ?? [] where PosterSelection.index(of: item, in: leads) == nil {
                throw DiagnosticError(.error("a shorter poster text (`poster: if-too-long: items:`) names a point “\(item)” that its sections do not have",
                                             at: poster.location,
                                             hint: "name points by their bold first words: \(leads.map { "“\($0)”" }.joined(separator: ", "))"))
            }
        }
        if let name = poster.call, document.services.first(where: { $0.name == name })?.phone == nil {
            throw Self.unknownCall(name, at: poster.location)
        }
        // Every text's `links:` is checked, used or not, as its points are.
        for links in poster.texts.compactMap(\.links) {
            if let unknown = links.first(where: { name in !document.services.contains { $0.name == name && $0.url != nil } }) {
                throw DiagnosticError(.error("the poster's `links:` names “\(unknown)”, which is not a service with a web address",
                                             at: poster.location,
                                             hint: "name services listed under `services:` that have a `url:`"))
            }
            if let all = poster.links, let extra = links.first(where: { !all.contains($0) }) {
                throw DiagnosticError(.error("a shorter poster text (`poster: if-too-long: links:`) names “\(extra)”, whose QR code the full poster does not have",
                                             at: poster.location,
                                             hint: "a shorter text has fewer codes: name some of \(all.map { "“\($0)”" }.joined(separator: ", "))"))
            }
        }
    }

    static func unknownCall(_ name: String, at location: SourceLocation?) -> DiagnosticError {
        DiagnosticError(.error("the poster's `call: \(name)` is not a service with a phone number",
                               at: location,
                               hint: "name one of the services listed under `services:`"))
    }

    /// `text`: which of the poster's texts, 0 the full one, n the author's n-th shorter one (`poster: if-too-long:`).
    /// `checked`: `check(document)` has been done.
    public func style(_ document: Document, scale: Double, text: Int = 0, checked: Bool = false) throws(DiagnosticError) -> StyledDocument {
        if !checked { try check(document) }
        guard let poster = document.poster else { throw DiagnosticError(.error("the guidance does not say what goes on a poster")) }
        let selection = poster.texts[min(text, poster.texts.count - 1)]
        let sections = Self.sections(of: document)
        var variant = styler.variant
        variant.sizes = variant.sizes.scaled(by: scale)
        variant.sizes.footer = styler.variant.sizes.footer  // the small print stays the variant's own size
        if let pictureLines { variant.pictureMM = pictureLines * variant.sizes.body * variant.leading * 25.4 / 72 }
        let scaled = Styler(product: styler.product, variant: variant, strings: styler.strings, pictograms: styler.pictograms, adjusted: true)
        var content = document
        content.blocks = []
        content.blockLocations = []
        content.services = []
        content.metadata.summary = nil
        var kept: [(block: Block, location: SourceLocation?)] = []
        for (index, block) in document.blocks.enumerated() where Self.isKept(block, in: sections[index], sections: selection.sections) {
            guard let brief = Self.brief(block, keeping: selection) else { continue }
            kept.append((brief, index < document.blockLocations.count ? document.blockLocations[index] : nil))
        }
        // A section left with nothing to print (no point of it chosen, or none in bold) loses its heading too.
        kept = kept.enumerated().filter { index, item in
            guard case .heading(let level, _) = item.block else { return true }
            guard index + 1 < kept.count else { return false }
            if case .heading(let next, _) = kept[index + 1].block { return next > level }
            return true
        }.map(\.element)
        content.blocks = kept.map(\.block)
        content.blockLocations = kept.compactMap(\.location)
        var styled = scaled.style(content)
        // The pictures' credit goes last, under the codes: the help line follows the advice, and
        // the credit's small print is not read as advice.
        let credit = scaled.pictureCredit(content)
        if !credit.isEmpty, styled.blocks.suffix(credit.count) == credit[...] { styled.blocks.removeLast(credit.count) }
        styled.footer.numbersPages = false  // one page
        styled.footer.addressBreaks = true   // a long source address fills the line it starts on
        let sizes = variant.sizes, colours = variant.colours
        if let name = poster.call {
            guard let service = document.services.first(where: { $0.name == name }), let phone = service.phone else {
                throw Self.unknownCall(name, at: poster.location)
            }
            let label = TextStyle(size: sizes.h2, bold: true, colour: colours.heading)
            let number = TextStyle(size: sizes.phone * 1.6, bold: true, colour: colours.text)
            // The number is in Latin digits: the variant's own leading, not the extra a script such
            // as Nastaliq needs, which the label keeps (as on the wallet card).
            let scriptLeading = styler.strings.leading ?? 1
            styled.blocks.append(.text(role: .paragraph, StyledText(
                runs: [StyledRun(styler.strings.phone + " ", style: label), StyledRun(phone, style: number, leftToRight: true)],
                lineHeight: max(number.size * variant.leading / scriptLeading, label.size * variant.leading)), spaceBefore: sizes.body))
        }
        // Captions keep the variant's own small size: the codes beside them do not grow either.
        let captionSize = styler.variant.sizes.footer
        let captionName = TextStyle(size: captionSize, bold: true, colour: colours.text)
        let captionAddress = TextStyle(size: captionSize, colour: colours.link)
        let links = selection.links ?? poster.links
        let linked = document.services.filter { service in links.map { $0.contains(service.name) } ?? true }
        let targets = linked.compactMap { service -> QRTarget? in
            guard let url = service.url else { return nil }
            let caption = StyledText(runs: [StyledRun(service.name, style: captionName), StyledRun("\u{2028}", style: captionName),
                                            StyledRun(Address.display(url), style: captionAddress, link: url, leftToRight: true)],
                                     lineHeight: captionSize * 1.3)
            return QRTarget(url: url, caption: caption, alt: "QR code for \(service.name): \(Address.display(url))")
        }
        // Half a line's gap above the codes: the help line's own leading already spaces it from them.
        styled.blocks.append(.qrCodes(targets, size: qrSize, spaceBefore: poster.call == nil ? sizes.body : sizes.body / 2))
        styled.blocks += credit
        return styled
    }

    /// How many points (bold advice, easy-read pictured points) and QR codes the poster's `text`-th
    /// text holds: what a shortened build's note counts.
    public func contents(_ document: Document, text: Int) -> (points: Int, codes: Int) {
        guard let poster = document.poster else { return (0, 0) }
        let selection = poster.texts[min(text, poster.texts.count - 1)]
        var points = 0
        let sections = Self.sections(of: document)
        for (index, block) in document.blocks.enumerated() where Self.isKept(block, in: sections[index], sections: selection.sections) {
            switch Self.brief(block, keeping: selection) {
            case .point: points += 1
            case .list(_, _, let items): points += items.count
            default: break
            }
        }
        let links = selection.links ?? poster.links
        let codes = document.services.filter { service in service.url != nil && (links.map { $0.contains(service.name) } ?? true) }.count
        return (points, codes)
    }

    /// What of a block a poster shows: headings and callouts whole; of a list, each item's words in
    /// bold (“Don’t pay.”), the advice itself, where `selection` keeps it; an easy-read pictured
    /// point whole, picture and words (easy read's points are already short, and a hard word's
    /// explanation is the next sentence), where `selection` keeps it; running paragraphs not at all.
    static func brief(_ block: Block, keeping selection: PosterSelection = PosterSelection(sections: [])) -> Block? {
        switch block {
        case .heading, .callout: return block
        case .point(_, let content):
            guard selection.items == nil || PosterSelection.lead(ofPoint: content).map({ selection.keeps(lead: $0.plainText) }) == true else { return nil }
            return block
        case .list(let ordered, let start, let items):
            let leads = items.compactMap { item -> [Block]? in
                guard let lead = PosterSelection.lead(of: item), selection.keeps(lead: lead.plainText) else { return nil }
                return [.paragraph([.strong(lead)])]
            }
            return leads.isEmpty ? nil : .list(ordered: ordered, start: start, items: leads)
        default: return nil
        }
    }

    /// Callouts, and every block of a named section (its heading included). `section`: the
    /// block's, from `sections(of:)`.
    static func isKept(_ block: Block, in section: String?, sections: [String]) -> Bool {
        if case .callout = block { return true }
        return section.map(sections.contains) ?? false
    }

    /// The `##` section each block is in (nil before the first).
    static func sections(of document: Document) -> [String?] {
        var current: String?
        return document.blocks.map { block in
            if case .heading(2, let content) = block { current = content.plainText }
            return current
        }
    }
}
