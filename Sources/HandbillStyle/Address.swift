/// How a web address is printed: without `https://`, `www.` or a trailing slash, which readers
/// need not type.
public enum Address {
    public static func display(_ url: String) -> String {
        var text = Substring(url)
        for prefix in ["https://", "http://", "mailto:"] where text.lowercased().hasPrefix(prefix) {
            text = text.dropFirst(prefix.count)
        }
        if text.lowercased().hasPrefix("www.") { text = text.dropFirst(4) }
        while text.last == "/" { text = text.dropLast() }
        return String(text)
    }
}
