/// How much a guidance file may hold.
///
/// Real guidance sits far inside every limit (the sextortion leaflet: 10 KB, 124 lines, about 60
/// blocks, lists one level deep, 5 services, headings under 100 characters). The limits are there
/// so that a broken or hostile file costs bounded time and memory and gets a message saying what
/// to change, instead of a 2,000-page PDF, a hang or a crash. Each message states its limit.
public enum SourceLimits {
    /// Bytes in one guidance file (or translation): a hundred times the sextortion leaflet.
    public static let fileBytes = 1_000_000
    /// Lists inside lists. A leaflet's reader loses the thread after two or three levels; five
    /// also keeps the parser's recursion shallow.
    public static let listNesting = 5
    /// Emphasis, strong emphasis and links inside one another (`***[a](…)***` is three).
    public static let inlineNesting = 8
    /// Paragraphs, headings and list items in the body: a booklet, not a leaflet, long before this.
    public static let blocks = 5_000
    /// Characters in a heading or the title: a heading is a line or two, not a paragraph.
    public static let headingCharacters = 500
    /// Help services in the front matter: each is printed as a block that stays on one page.
    public static let services = 100
    /// Diagnostics reported for one file: past this, the rest are summarised in one line.
    public static let diagnostics = 100
}
