/// Which link targets make sense on paper.
enum LinkRules {
    /// A leaflet prints its addresses, so a link must be a full web or mail address a reader can type.
    static func isPrintable(_ url: String) -> Bool {
        let lower = url.lowercased()
        guard lower.hasPrefix("https://") || lower.hasPrefix("http://") || lower.hasPrefix("mailto:") else { return false }
        return !url.contains(where: \.isWhitespace) && url.count > 8
    }
}
