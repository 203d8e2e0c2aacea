import HandbillModel

/// A local edition's own contact, placed by the products that arrange their content their own way
/// (posters, wallet cards, tri-folds), each at the type size it is being fitted at, so the fitting
/// makes room for it. The national help is never removed: the block is only added.
///
/// Where it goes follows the guidance's `local-help: place:` (`first` or `last` among the help
/// services) within what each product can do:
/// - a poster: a compact block (“title: organisation”, then the phone) after its help line, before its QR codes;
/// - a wallet card: the title, organisation and number as one more service, after the help line
///   (which stays first and largest) for `first`, after the last number for `last`;
/// - a tri-fold: the leaflet's full block in the back panel's services, under their heading or after them.
public struct LocalEditionBlock: Sendable {
    public let contact: LocalContact
    public let labels: LocalHelp
    /// "Local edition for …", added to the small print where the product has small print.
    public let smallPrint: String

    public init(contact: LocalContact, labels: LocalHelp, smallPrint: String) {
        self.contact = contact
        self.labels = labels
        self.smallPrint = smallPrint
    }

    /// A poster styled at `scale` by `poster` (whose styler is the unscaled one), with the block added.
    public func placed(in styled: StyledDocument, poster: PosterStyler, scale: Double) -> StyledDocument {
        let styler = poster.styler, variant = styler.variant, colours = variant.colours
        let sizes = variant.sizes.scaled(by: scale), leading = variant.leading
        let heading = TextStyle(size: sizes.h3, bold: true, colour: colours.heading)
        let body = TextStyle(size: sizes.body, colour: colours.text)
        let number = TextStyle(size: sizes.phone, bold: true, colour: colours.text)
        // Two lines, to fit in Urdu's tall Nastaliq lines too: "Your school's contact: Hillhead High
        // School" as a heading of the poster's second level (its sections are its H2s: no level
        // skipped), then the phone number.
        let block = StyledBlock.keepTogether([
            .text(role: .h2, StyledText(runs: [StyledRun(labels.title + ": ", style: heading)] + LocalHelpStyler.isolated(contact.organisation, style: heading),
                                        lineHeight: heading.size * leading), spaceBefore: 0),
            .text(role: .paragraph, StyledText(runs: [StyledRun(styler.strings.phone + " ", style: body),
                                                      StyledRun(contact.phone, style: number, leftToRight: true)],
                                               lineHeight: number.size * leading), spaceBefore: 0),
        ], spaceBefore: sizes.body)
        var result = styled
        let codes = result.blocks.lastIndex { if case .qrCodes = $0 { true } else { false } } ?? result.blocks.count
        result.blocks.insert(block, at: codes)
        result.footer.details.append(.init(text: smallPrint, isAddress: false))
        return result
    }

    /// A wallet card styled at `body` points by `card` for `document`, with the contact as one more
    /// entry. The card has no small print; the PDF's metadata names the edition.
    public func placed(in styled: StyledDocument, card: CardStyler, document: Document, body: Double) -> StyledDocument {
        let styler = card.styler, variant = styler.variant, colours = variant.colours
        let label = TextStyle(size: body, colour: colours.text)
        let number = TextStyle(size: body * card.card.sizes.number, bold: true, colour: colours.text)
        // The title is in the guidance's language (its script's leading); the rest is the sheet's.
        let runs = [StyledRun(labels.title + ": ", style: label)]
            + LocalHelpStyler.isolated(contact.organisation, style: TextStyle(size: body, bold: true, colour: colours.heading))
            // "Phone" before the number, as on the leaflet: straight after an Arabic name, pdftotext
            // read the number's groups in reverse order on a right-to-left card.
            + [StyledRun(" " + styler.strings.phone + " ", style: label), StyledRun(contact.phone, style: number, leftToRight: true)]
        let block = StyledBlock.keepTogether([
            .text(role: .paragraph, StyledText(runs: runs, lineHeight: max(number.size * card.card.numberLeading, body * variant.leading)),
                  spaceBefore: 0),
        ], spaceBefore: card.card.sizes.gap * body)
        let phones = CardStyler.services(document).phones.count
        // blocks: the heading, then one per phone service (the help line first).
        let index = labels.place == .first ? 2 : 1 + phones
        var result = styled
        result.blocks.insert(block, at: min(index, result.blocks.count))
        return result
    }

    /// A tri-fold styled by `trifold`, with the leaflet's block among the back panel's services.
    public func placed(in styled: StyledTrifold, trifold: TrifoldStyler) -> StyledTrifold {
        var result = styled
        let block = LocalHelpStyler(styler: styled.fitted ?? trifold.styler, labels: labels).style(contact)
        // back: the services' heading, then each service.
        let index = labels.place == .first ? min(1, result.back.count) : result.back.count
        result.back.insert(contentsOf: block, at: index)
        result.document.footer.details.append(.init(text: smallPrint, isAddress: false))
        return result
    }
}
