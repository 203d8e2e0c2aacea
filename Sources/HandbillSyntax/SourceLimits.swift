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
    /// Characters in one paragraph (or list item): the longest in the sextortion guidance and its
    /// translations has under 1,000.
    public static let paragraphCharacters = 5_000
    /// Hard line breaks in one paragraph: an address takes four or five.
    public static let lineBreaksPerParagraph = 50
    /// Pieces of emphasis and links in one paragraph: real ones have a few.
    public static let runsPerParagraph = 100
    /// Characters in a heading or the title: a heading is a line or two, not a paragraph.
    public static let headingCharacters = 500
    /// Characters in a callout (`>`), which is printed in one box that never breaks across pages:
    /// the key message is a sentence or two, and a large-print column holds about 700.
    public static let calloutCharacters = 600
    /// Characters in each front-matter value that is printed: it must fit the page it is printed on.
    public static let frontMatterCharacters: [String: Int] = [
        "title": headingCharacters, "services-title": headingCharacters,
        "summary": 1_000,                 // under the title, on the first page
        "publisher": 150, "name": 150,    // a name, in the footer or at the head of a service
        "for": 500,                       // who a service is for: a sentence or two
        "phone": 20,                      // E.164 numbers have at most 15 digits; spaces and + besides
        "source": 300, "url": 300,        // an address a reader could type
    ]
    /// Help services in the front matter: each is printed as a block that stays on one page.
    public static let services = 100
    /// Diagnostics reported for one file: past this, the rest are summarised in one line.
    public static let diagnostics = 100
}
