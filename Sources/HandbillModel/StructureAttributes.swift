/// What a structure element says beyond its role, which Cairo 1.16 cannot write and the finishing
/// stage adds: a figure's alternative text, a passage's language, a replacement text.
public struct StructureAttributes: Equatable, Hashable, Sendable {
    /// `/Alt`: what a picture shows, read aloud in its place.
    public var alt: String?
    /// `/Lang`: BCP 47 tag of a passage in another language than the document's.
    public var language: String?
    /// `/ActualText`: the exact text the element's content stands for.
    public var actualText: String?

    public init(alt: String? = nil, language: String? = nil, actualText: String? = nil) {
        self.alt = alt
        self.language = language
        self.actualText = actualText
    }
}
