/// The parts of a guidance a tri-fold leaflet carries (`trifold:` in the front matter): its six
/// small panels hold the title, summary and key message on the cover, the sections named here
/// across the inside, and every help service on the back.
public struct TrifoldContent: Equatable, Sendable {
    /// Headings (`##`) of the sections printed, in the guidance's order.
    public var sections: [String]

    public init(sections: [String]) { self.sections = sections }
}
