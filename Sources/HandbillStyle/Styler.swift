import Foundation
import HandbillModel

/// Applies a product and a variant to a document.
///
/// Paper cannot follow a link, so every link whose words are not already its address is followed
/// by the address in brackets; phone numbers and addresses are marked unbreakable.
public struct Styler: Sendable {
    public let product: Product
    public let variant: Variant
    public let strings: LanguageStrings
    /// The folder of pictograms easy-read points name.
    public let pictograms: URL

    /// `variant` is adjusted to the language: its script's font first (the variant's font covers
    /// addresses and names in other scripts), and larger type or leading where the script needs it.
    /// `adjusted: true` takes `variant` as already adjusted.
    public init(product: Product, variant: Variant, strings: LanguageStrings,
                pictograms: URL = URL(fileURLWithPath: "Layouts/pictograms"), adjusted: Bool = false) {
        self.product = product
        self.strings = strings
        self.pictograms = pictograms
        var language = variant
        if !adjusted {
            language.sizes = variant.sizes.scaled(by: strings.size ?? 1)
            language.leading = variant.leading * (strings.leading ?? 1)
            if let font = strings.font, font != variant.font { language.font = font + ", " + variant.font }
        }
        self.variant = language
    }

    public func style(_ document: Document) -> StyledDocument {
        let sizes = variant.sizes, colours = variant.colours
        let body = TextStyle(size: sizes.body, colour: colours.text)
        let meta = document.metadata
        var blocks = document.blocks.enumerated().map { index, block in
            style(block, base: body, isFirst: false).located(at: index < document.blockLocations.count ? document.blockLocations[index] : nil)
        }
        let servicesStart = blocks.count
        blocks += services(document)
        // Where a local edition's contact goes: under the help block's heading, or after its last service.
        let localHelpIndex = document.localHelp.map { $0.place == .first && blocks.count > servicesStart ? servicesStart + 1 : blocks.count }
        blocks += pictureCredit(document)
        let margins = product.marginsMM
        var styled = StyledDocument(
            metadata: meta, productName: product.name, variantName: variant.name,
            page: PageGeometry(
                width: points(mm: product.pageMM.width), height: points(mm: product.pageMM.height),
                top: points(mm: margins.top), bottom: points(mm: margins.bottom),
                left: points(mm: margins.left), right: points(mm: margins.right),
                columns: min(variant.columns ?? product.columns, product.columns),
                gutter: points(mm: product.gutterMM), footerGap: points(mm: product.footerGapMM),
                bleed: points(mm: product.bleedMM)),
            fontFamily: variant.font, direction: strings.direction, hyphenate: variant.hyphenate,
            letterSpacing: variant.letterSpacing ?? 0, wordSpacing: variant.wordSpacing ?? 0,
            background: colours.background, accent: colours.accent,
            title: text([.text(meta.title)], TextStyle(size: sizes.title, bold: true, colour: colours.heading)),
            summary: meta.summary.map { text([.text($0)], TextStyle(size: sizes.lead, colour: colours.text)) },
            blocks: blocks,
            footer: .init(style: TextStyle(size: sizes.footer, colour: colours.footer), leading: variant.leading,
                          details: [.init(text: meta.publisher, isAddress: false),
                                    .init(text: Address.display(meta.source), isAddress: true),
                                    .init(text: strings.date(iso: meta.date), isAddress: false)]
                              + (meta.translation?.status == .unreviewed
                                 ? [.init(text: strings.unreviewed ?? "Translation not yet reviewed", isAddress: false)] : [])),
            strings: strings, variantFontLocation: variant.fontLocation)
        styled.localHelpIndex = localHelpIndex
        return styled
    }

    private var paragraphGap: Double { variant.paragraphSpace * variant.sizes.body }

    private func style(_ block: Block, base: TextStyle, isFirst: Bool) -> StyledBlock {
        let sizes = variant.sizes, colours = variant.colours
        let gap = isFirst ? 0 : paragraphGap
        switch block {
        case .heading(let level, let content):
            let size = level == 2 ? sizes.h2 : sizes.h3
            let style = TextStyle(size: size, bold: true, colour: colours.heading)
            return .text(role: level == 2 ? .h2 : .h3, text(content, style), spaceBefore: isFirst ? 0 : size * 0.9)
        case .paragraph(let content):
            return .text(role: .paragraph, text(content, base), spaceBefore: gap)
        case .list(let ordered, let start, let items):
            let styled = items.enumerated().map { index, blocks in
                let label = ordered ? "\(start + index)." : "•"
                return StyledListItem(
                    label: text([.text(label)], TextStyle(size: base.size, bold: ordered, colour: base.colour)),
                    blocks: blocks.enumerated().map { style($1, base: base, isFirst: $0 == 0) })
            }
            return .list(items: styled, indent: variant.listIndent * base.size, spaceBefore: gap)
        case .callout(let blocks):
            let calloutBase = TextStyle(size: base.size * 1.15, colour: colours.calloutText)
            return .callout(blocks: blocks.enumerated().map { style($1, base: calloutBase, isFirst: $0 == 0) },
                            background: colours.calloutBackground, bar: colours.accent,
                            padding: base.size * 0.8, spaceBefore: gap)
        case .point(let picture, let content):
            return .point(picture: pictograms.appendingPathComponent(picture.name + ".svg").path, alt: picture.alt,
                          size: points(mm: variant.pictureMM ?? 25), text: text(content, base), spaceBefore: gap * 1.5)
        }
    }

    /// The pictures' credit, which their licence asks for, after the last block of a document that
    /// has pictures (`Layouts/pictograms/credit.txt`).
    func pictureCredit(_ document: Document) -> [StyledBlock] {
        guard document.blocks.contains(where: { if case .point = $0 { true } else { false } }),
              let credit = try? String(contentsOf: pictograms.appendingPathComponent("credit.txt"), encoding: .utf8) else { return [] }
        let style = TextStyle(size: variant.sizes.footer, colour: variant.colours.footer)
        // The credit is in English: a left-to-right isolate, so in Arabic or Urdu its full stop stays at its end.
        let isolated = "\u{2066}" + credit.trimmingCharacters(in: .whitespacesAndNewlines) + "\u{2069}"
        return [.text(role: .paragraph, text([.text(isolated)], style),
                      spaceBefore: paragraphGap * 2)]
    }

    /// The help block: a heading, then each service kept together with its phone number large.
    private func services(_ document: Document) -> [StyledBlock] {
        guard !document.services.isEmpty else { return [] }
        let sizes = variant.sizes, colours = variant.colours
        let body = TextStyle(size: sizes.body, colour: colours.text)
        var blocks: [StyledBlock] = [
            .text(role: .h2, text([.text(document.servicesTitle)], TextStyle(size: sizes.h2, bold: true, colour: colours.heading)),
                  spaceBefore: sizes.h2 * 0.9),
        ]
        for service in document.services {
            var parts: [StyledBlock] = [
                .text(role: .h3, text([.text(service.name)], TextStyle(size: sizes.h3, bold: true, colour: colours.heading)),
                      spaceBefore: 0),
            ]
            if let phone = service.phone {
                let number = TextStyle(size: sizes.phone, bold: true, colour: colours.text)
                parts.append(.text(role: .paragraph, StyledText(
                    runs: [StyledRun(strings.phone + " ", style: body), StyledRun(phone, style: number, leftToRight: true)],
                    lineHeight: sizes.phone * variant.leading), spaceBefore: 0))
            }
            if let audience = service.audience {
                parts.append(.text(role: .paragraph, text([.text(audience)], body), spaceBefore: 0))
            }
            if let url = service.url {
                let link = TextStyle(size: sizes.body, bold: true, colour: colours.link)
                parts.append(.text(role: .paragraph, StyledText(
                    runs: [StyledRun(strings.web + " ", style: body),
                           StyledRun(Address.display(url), style: link, link: url, leftToRight: true)],
                    lineHeight: sizes.body * variant.leading), spaceBefore: 0))
            }
            // Located at the service's line, so a number or address too wide for the page says where it is.
            blocks.append(StyledBlock.keepTogether(parts, spaceBefore: paragraphGap * 1.5).located(at: service.location))
        }
        return blocks
    }

    /// Styles inline content; the line height follows the largest type in it.
    func text(_ content: [Inline], _ base: TextStyle) -> StyledText {
        var runs: [StyledRun] = []
        append(content, style: base, link: nil, to: &runs)
        let largest = runs.map(\.style.size).max() ?? base.size
        return StyledText(runs: runs, lineHeight: largest * variant.leading)
    }

    private func append(_ content: [Inline], style: TextStyle, link: String?, to runs: inout [StyledRun]) {
        for inline in content {
            switch inline {
            case .text(let text):
                runs += PhoneNumbers.split(text).map { StyledRun($0.text, style: style, link: link, leftToRight: $0.isPhone) }
            case .lineBreak:
                runs.append(StyledRun("\u{2028}", style: style, link: link))
            case .strong(let inner):
                append(inner, style: bolder(style), link: link, to: &runs)
            case .emphasis(let inner):
                var emphasised = style
                if variant.emphasis == .italic { emphasised.italic = true } else { emphasised.bold = true }
                append(inner, style: emphasised, link: link, to: &runs)
            case .link(let url, let inner):
                var linkStyle = style
                linkStyle.colour = variant.colours.link
                // The link's words and its address are one isolate (FSI … PDI): an English name
                // in right-to-left text keeps its word order and its brackets.
                runs.append(StyledRun("\u{2068}", style: linkStyle, link: url))
                append(inner, style: linkStyle, link: url, to: &runs)
                let address = Address.display(url)
                if !inner.plainText.lowercased().contains(address.lowercased()) {
                    runs.append(StyledRun(" (", style: linkStyle, link: url))
                    runs.append(StyledRun(address, style: linkStyle, link: url, leftToRight: true))
                    runs.append(StyledRun(")", style: linkStyle, link: url))
                }
                runs.append(StyledRun("\u{2069}", style: linkStyle, link: url))
            }
        }
    }

    private func bolder(_ style: TextStyle) -> TextStyle {
        var bold = style
        bold.bold = true
        return bold
    }
}
