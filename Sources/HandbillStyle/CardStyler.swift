import Foundation
import HandbillModel

/// Styles a guidance as a wallet card at a given body size: the guidance's title, then every help
/// service with a phone number — its name, and the number set large — the help line the guidance's
/// `poster: call:` names first and largest; then the online services' names and short addresses.
/// The card is laid out over two pages (front and back) by `CardLayout`, which fits the body size.
///
/// Addresses are printed, not linked: a card is paper, and its copies on the printed sheet are
/// artifacts, where a link would have no place.
public struct CardStyler: Sendable {
    /// Styles the product, variant and language (its font, direction and leading).
    public let styler: Styler
    public let card: ProductCard

    public init(styler: Styler, card: ProductCard) {
        self.styler = styler
        self.card = card
    }

    /// The smallest body size allowed: the product's floor for the variant's standard, larger for
    /// a script that asks for larger type.
    public var floor: Double {
        let variant = styler.variant
        let minimum = card.minimumBodyPt[variant.standard.rawValue] ?? variant.sizes.body
        return minimum * (styler.strings.size ?? 1)
    }

    /// The card's services: those with a phone number, the one `poster: call:` names first; then
    /// the online services (an address and no number).
    public static func services(_ document: Document) -> (phones: [HelpService], online: [HelpService]) {
        var phones = document.services.filter { $0.phone != nil }
        if let call = document.poster?.call, let index = phones.firstIndex(where: { $0.name == call }) {
            phones.insert(phones.remove(at: index), at: 0)
        }
        return (phones, document.services.filter { $0.phone == nil && $0.url != nil })
    }

    /// The card's heading: the title up to its first dash, colon or bracket — “Sextortion” of
    /// “Sextortion – szantaż seksualny w internecie” or “Sextortion: easy read” — the name of the
    /// thing, which a card has room for; the whole title when it has none of them.
    public static func shortHeading(_ title: String) -> String {
        var short = Substring(title)
        for separator in [" – ", " — ", " - ", ": ", "：", " (", "（"] {
            if let range = short.range(of: separator), range.lowerBound > short.startIndex { short = short[..<range.lowerBound] }
        }
        return short.trimmingCharacters(in: .whitespaces)
    }

    public func style(_ document: Document, body: Double) throws(DiagnosticError) -> StyledDocument {
        let (phones, online) = Self.services(document)
        guard !phones.isEmpty else {
            throw DiagnosticError(.error("the guidance has no help service with a phone number for the wallet card",
                                         hint: "give a service under `services:` a `phone:`"))
        }
        let variant = styler.variant, colours = variant.colours, sizes = card.sizes
        let call = document.poster?.call
        let name = TextStyle(size: body, bold: true, colour: colours.heading)
        // Service names, numbers and addresses are the source's, in Latin letters, whatever the
        // language: they take the variant's own leading, not the extra a script may need (Nastaliq).
        let latinLeading = variant.leading / (styler.strings.leading ?? 1)
        let gap = sizes.gap * body
        let heading = TextStyle(size: body * sizes.heading, bold: true, colour: colours.heading)
        var blocks: [StyledBlock] = [
            .text(role: .h1, StyledText(runs: [StyledRun(Self.shortHeading(document.metadata.title), style: heading)],
                                        lineHeight: heading.size * variant.leading), spaceBefore: 0),
        ]
        // Each service is one paragraph, its name then its number: a short name and its number
        // share a line, and a screen reader hears them together.
        for (index, service) in phones.enumerated() {
            let isCall = index == 0 && service.name == call
            let number = TextStyle(size: body * (isCall ? sizes.call : sizes.number), bold: true, colour: colours.text)
            blocks.append(StyledBlock.keepTogether([
                .text(role: .paragraph, StyledText(runs: [StyledRun(service.name + " ", style: name),
                                                          StyledRun(service.phone!, style: number, leftToRight: true)],
                                                   lineHeight: max(number.size * card.numberLeading, body * latinLeading)),
                      spaceBefore: 0),
            ], spaceBefore: gap).located(at: service.location))
        }
        let address = TextStyle(size: body, bold: true, colour: colours.link)
        for service in card.onlineServices ? online : [] {
            blocks.append(StyledBlock.keepTogether([
                .text(role: .paragraph, StyledText(runs: [StyledRun(service.name + " ", style: name),
                                                          StyledRun(Address.display(service.url!), style: address, leftToRight: true)],
                                                   lineHeight: body * latinLeading), spaceBefore: 0),
            ], spaceBefore: gap).located(at: service.location))
        }
        var styled = styler.style(Document(metadata: document.metadata, blocks: [], servicesTitle: document.servicesTitle, services: []))
        styled.summary = nil
        styled.blocks = blocks
        // No small print. The card's only words of the translation are its heading; its service
        // names and numbers are the source's (checked in every translation by the lint), so an
        // unreviewed translation has nothing on it to warn about — and large print (16pt and over)
        // has no room for three lines of notice. Who published it is on the leaflet it goes with.
        styled.footer.numbersPages = false
        styled.footer.details = []
        return styled
    }
}
