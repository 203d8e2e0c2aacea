import HandbillModel

/// A guidance styled for the panels of a tri-fold leaflet, sorted by where each part goes.
public struct StyledTrifold: Sendable {
    /// Title, summary, small print and page settings (its `blocks` are the parts below, in order).
    public var document: StyledDocument
    /// The key message, under the title and summary on the cover.
    public var cover: [StyledBlock]
    /// The text that flows through the flap and the inside panels.
    public var inside: [StyledBlock]
    /// The help services (heading and each service), on the back panel.
    public var back: [StyledBlock]
}

/// Styles a guidance for a tri-fold at a given scale of the variant's type: the key message (its
/// callouts) for the cover, the sections the guidance names under `trifold:` (or all of them) for
/// the inside, the help services for the back. No size goes below its standard's minimum.
public struct TrifoldStyler: Sendable {
    public let styler: Styler

    public init(styler: Styler) { self.styler = styler }

    public func style(_ document: Document, scale: Double) throws(DiagnosticError) -> StyledTrifold {
        let headings = document.blocks.compactMap { block -> String? in
            if case .heading(2, let content) = block { content.plainText } else { nil }
        }
        let sections = document.trifold?.sections
        for section in sections ?? [] where !headings.contains(section) {
            throw DiagnosticError(.error("the tri-fold names a section “\(section)” that the guidance does not have",
                                         hint: "use one of its `##` headings: \(headings.joined(separator: ", "))"))
        }
        var variant = styler.variant
        let floor = variant.standard.minimumText
        let scaled = variant.sizes.scaled(by: scale)
        // Fitted type shrinks together, but nothing goes below what the variant's standard allows.
        variant.sizes = Variant.Sizes(body: max(scaled.body, min(floor, variant.sizes.body)), lead: max(scaled.lead, min(floor, variant.sizes.lead)),
                                      title: max(scaled.title, min(floor, variant.sizes.title)), h2: max(scaled.h2, min(floor, variant.sizes.h2)),
                                      h3: max(scaled.h3, min(floor, variant.sizes.h3)), footer: max(scaled.footer, min(floor, variant.sizes.footer)),
                                      phone: max(scaled.phone, min(floor, variant.sizes.phone)))
        if let largest = styler.product.trifold?.pictureMM, let size = variant.pictureMM { variant.pictureMM = min(size, largest) }
        let fitted = Styler(product: styler.product, variant: variant, strings: styler.strings, pictograms: styler.pictograms, adjusted: true)

        var content = document
        // The back panel is a directory: each service's name, phone number and address. Who each
        // is for is said in the sections inside; the panel has no room to say it again.
        content.services = document.services.map { service in
            var short = service
            short.audience = nil
            return short
        }
        content.blocks = []
        content.blockLocations = []
        var isCallout: [Bool] = []
        var current: String?
        for (index, block) in document.blocks.enumerated() {
            if case .heading(2, let text) = block { current = text.plainText }
            let isKeyMessage = if case .callout = block { true } else { false }
            // Callouts always (the cover's key message); text before the first section; the named sections.
            guard isKeyMessage || current == nil || sections.map({ $0.contains(current!) }) ?? true else { continue }
            content.blocks.append(block)
            isCallout.append(isKeyMessage)
            if index < document.blockLocations.count { content.blockLocations.append(document.blockLocations[index]) }
        }
        var styled = fitted.style(content)
        let body = Array(styled.blocks.prefix(content.blocks.count))
        let servicesCount = content.services.isEmpty ? 0 : content.services.count + 1
        let services = Array(styled.blocks.dropFirst(content.blocks.count).prefix(servicesCount))
        let credit = Array(styled.blocks.dropFirst(content.blocks.count + servicesCount))
        // Panels are not pages: the small print on the back carries no page number.
        styled.footer.numbersPages = false
        let cover = zip(body, isCallout).filter(\.1).map(\.0)
        let inside = zip(body, isCallout).filter { !$0.1 }.map(\.0) + credit
        return StyledTrifold(document: styled, cover: cover, inside: inside, back: services)
    }
}
