/// What a job makes from the guidance: a PDF in one of the print products, braille for an embosser
/// or a braille display, or an accessible web page.
public enum OutputFormat: String, CaseIterable, Codable, Sendable {
    case pdf
    /// ASCII braille, form feed between pages.
    case brf
    /// Portable Embosser Format 1.0 (XML).
    case pef
    /// A self-contained web page.
    case html

    /// The file name's extension.
    public var fileExtension: String { rawValue }

    /// Braille and web pages have no print product: the name that stands in its place in output names.
    public var productName: String? {
        switch self {
        case .pdf: nil
        case .brf, .pef: "braille"
        case .html: "web"
        }
    }
}
