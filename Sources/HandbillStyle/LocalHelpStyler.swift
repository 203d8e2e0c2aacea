import HandbillModel

/// Styles a local edition's own contact as one more entry of the help block, in the same type as
/// the national services: its heading ("Your school's contact"), the organisation (beside its
/// logo, when there is one), who to ask, the phone number large, then email, web, address and hours.
///
/// Every value from the spreadsheet is a first-strong isolate (FSI … PDI): an Arabic name inside
/// an English leaflet, or a Gaelic one inside an Arabic leaflet, reads in its own direction and
/// never reorders the words around it.
public struct LocalHelpStyler: Sendable {
    public let styler: Styler
    public let labels: LocalHelp

    public init(styler: Styler, labels: LocalHelp) {
        self.styler = styler
        self.labels = labels
    }

    /// The block for `contact`, kept together on one page like a national service.
    public func style(_ contact: LocalContact) -> [StyledBlock] {
        let variant = styler.variant, sizes = variant.sizes, colours = variant.colours, strings = styler.strings
        let body = TextStyle(size: sizes.body, colour: colours.text)
        let strong = TextStyle(size: sizes.body, bold: true, colour: colours.text)
        func line(_ runs: [StyledRun], size: Double = sizes.body) -> StyledBlock {
            .text(role: .paragraph, StyledText(runs: runs, lineHeight: size * variant.leading), spaceBefore: 0)
        }
        // A line that starts with a name starts with the page's direction mark (LRM or RLM): Pango
        // would otherwise take the line's direction from the first letter inside the isolate.
        let mark = StyledRun(styler.strings.direction == .rtl ? "\u{200F}" : "\u{200E}", style: body)
        func labelled(_ label: String, _ value: String) -> StyledBlock {
            line([StyledRun(label + " ", style: body)] + Self.isolated(value, style: body))
        }
        var parts: [StyledBlock] = [
            .text(role: .h3, StyledText(runs: [StyledRun(labels.title, style: TextStyle(size: sizes.h3, bold: true, colour: colours.heading))],
                                        lineHeight: sizes.h3 * variant.leading), spaceBefore: 0),
        ]
        let organisation = StyledText(runs: [mark] + Self.isolated(contact.organisation, style: strong), lineHeight: sizes.body * variant.leading)
        if let logo = contact.logo {
            // The logo beside the organisation's name, no taller than two lines of the phone number.
            parts.append(.point(picture: logo, alt: contact.organisation, size: sizes.phone * variant.leading * 2,
                                text: organisation, spaceBefore: 0))
        } else {
            parts.append(.text(role: .paragraph, organisation, spaceBefore: 0))
        }
        let who = [contact.contact, contact.role].compactMap { $0 }
        if !who.isEmpty {
            var runs: [StyledRun] = [mark]
            for (index, part) in who.enumerated() {
                if index > 0 { runs.append(StyledRun(", ", style: body)) }
                runs += Self.isolated(part, style: body)
            }
            parts.append(line(runs))
        }
        parts.append(line([StyledRun(strings.phone + " ", style: body),
                           StyledRun(contact.phone, style: TextStyle(size: sizes.phone, bold: true, colour: colours.text), leftToRight: true)],
                          size: sizes.phone))
        let link = TextStyle(size: sizes.body, bold: true, colour: colours.link)
        if let email = contact.email {
            parts.append(line([StyledRun(labels.email + " ", style: body),
                               StyledRun(email, style: link, link: "mailto:" + email, leftToRight: true)]))
        }
        if let website = contact.website {
            parts.append(line([StyledRun(strings.web + " ", style: body),
                               StyledRun(Address.display(website), style: link, link: website, leftToRight: true)]))
        }
        if let address = contact.address { parts.append(labelled(labels.address, address)) }
        if let hours = contact.hours { parts.append(labelled(labels.hours, hours)) }
        return [.keepTogether(parts, spaceBefore: variant.paragraphSpace * sizes.body * 1.5)]
    }

    /// A value from the spreadsheet as printed: a first-strong isolate, read in its own direction.
    static func isolated(_ text: String, style: TextStyle) -> [StyledRun] {
        [StyledRun("\u{2068}", style: style), StyledRun(text, style: style), StyledRun("\u{2069}", style: style)]
    }
}
