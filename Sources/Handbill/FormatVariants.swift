import HandbillStyle

extension Builder {
    /// Whether `format` is made in `variant`.
    public static func makes(_ format: OutputFormat, in variant: Variant) -> Bool {
        switch format {
        case .pdf: true
        case .brf, .pef: makesBraille(variant)
        case .html: makesWebPage(variant)
        }
    }

    /// The formats `--all` makes: each joins when it is implemented.
    public static let allFormats: [OutputFormat] = [.pdf, .brf, .pef, .html]
}
