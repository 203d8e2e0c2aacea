/// The parts of a guidance a tri-fold leaflet carries (`trifold:` in the front matter): its six
/// small panels hold the title, summary and key message on the cover, the sections named here
/// across the inside, and every help service on the back.
public struct TrifoldContent: Equatable, Sendable {
    /// Headings (`##`) of the sections always printed, in the guidance's order.
    public var sections: [String]
    /// Sections printed too when there is room, taken in this order until one does not fit: the
    /// author's choice of what a variant with larger type may leave out (never cut mid-section).
    public var ifRoom: [String]
    /// When even `sections` do not fit, each list item may be cut to its bold first words (“Don’t
    /// pay.”), the advice itself, as on a poster: the author allows it (`brief-if-needed: true`).
    public var briefIfNeeded: Bool
    /// The very last resort (large type): the named sections' running text cut from its end, the
    /// blocks cut shown as a poster shows them, headings and lists' bold advice only
    /// (`advice-only-if-needed: true`). The help services still carry every name, phone number and
    /// address.
    public var adviceOnlyIfNeeded: Bool

    public init(sections: [String], ifRoom: [String] = [], briefIfNeeded: Bool = false, adviceOnlyIfNeeded: Bool = false) {
        self.sections = sections
        self.ifRoom = ifRoom
        self.briefIfNeeded = briefIfNeeded
        self.adviceOnlyIfNeeded = adviceOnlyIfNeeded
    }
}
