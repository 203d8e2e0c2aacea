/// What a layout left out of the guidance's full text to fit at the variant's floor: the author's
/// shorter poster text, or a tri-fold's `if-room:` sections and last-resort forms. A note shown
/// with every build, never a warning that fails one (issues #5/#7: no text silently cut off).
/// Made by the stage that decides (the poster's fit, the tri-fold's choice), as data.
public struct Shortening: Codable, Equatable, Sendable {
    /// A poster printing one of the author's shorter texts (`poster: if-too-long:`).
    public struct PosterText: Codable, Equatable, Sendable {
        /// Which shorter text, from 1, of how many the guidance gives.
        public var text: Int, of: Int
        /// How far the full text runs past the page at the floor, in millimetres.
        public var fullOverMM: Double
        /// The floor: the smallest body size the variant's standard allows on this product, in points.
        public var floorPt: Double
        /// The points (bold advice, easy-read pictured points) printed, of those the full text has.
        public var points: Int, fullPoints: Int
        /// The QR codes printed, of those the full text has.
        public var codes: Int, fullCodes: Int

        public init(text: Int, of: Int, fullOverMM: Double, floorPt: Double, points: Int, fullPoints: Int, codes: Int, fullCodes: Int) {
            self.text = text; self.of = of; self.fullOverMM = fullOverMM; self.floorPt = floorPt
            self.points = points; self.fullPoints = fullPoints; self.codes = codes; self.fullCodes = fullCodes
        }
    }

    /// A tri-fold that did not carry all the guidance offers it.
    public struct Trifold: Codable, Equatable, Sendable {
        /// The `if-room:` sections left out, in the guidance's order.
        public var leftOut: [String]
        /// Services as name, phone number and address only (who each is for left out).
        public var shortServices: Bool
        /// Lists cut to each item's bold first words (`brief-if-needed`).
        public var briefLists: Bool
        /// The always-printed sections' last blocks shown as advice only (`advice-only-if-needed`):
        /// how many blocks, of how many the `sections` have.
        public var adviceOnlyBlocks: Int, blocks: Int
        /// The always-printed sections (`trifold: sections:`).
        public var sections: [String]

        public init(leftOut: [String], shortServices: Bool, briefLists: Bool, adviceOnlyBlocks: Int, blocks: Int, sections: [String]) {
            self.leftOut = leftOut; self.shortServices = shortServices; self.briefLists = briefLists
            self.adviceOnlyBlocks = adviceOnlyBlocks; self.blocks = blocks; self.sections = sections
        }

        /// Whether anything at all was left out.
        public var isShortened: Bool { !leftOut.isEmpty || shortServices || briefLists || adviceOnlyBlocks > 0 }
    }

    public var poster: PosterText?
    public var trifold: Trifold?

    public init(poster: PosterText) { self.poster = poster }
    public init(trifold: Trifold) { self.trifold = trifold }

    /// The note as a line: “shorter poster text 1 of 2 (the full text is 8 mm over at 18pt): 2 of 5 points”.
    public var note: String {
        var parts: [String] = []
        if let poster {
            var kept = "\(poster.points) of \(poster.fullPoints) point\(poster.fullPoints == 1 ? "" : "s")"
            if poster.codes != poster.fullCodes { kept += ", \(poster.codes) of \(poster.fullCodes) QR codes" }
            parts.append("shorter poster text \(poster.text) of \(poster.of) (the full text is \(Int(poster.fullOverMM.rounded())) mm over at \(Self.number(poster.floorPt))pt): \(kept)")
        }
        if let trifold {
            var left: [String] = []
            if !trifold.leftOut.isEmpty { left.append("left out \(trifold.leftOut.map { "“\($0)”" }.joined(separator: ", ")) (if-room)") }
            if trifold.shortServices { left.append("services as name, phone number and address only (who each is for left out)") }
            if trifold.briefLists { left.append("lists cut to their bold advice (brief-if-needed)") }
            if trifold.adviceOnlyBlocks > 0 {
                let last = trifold.adviceOnlyBlocks == 1 ? "the last block" : "the last \(trifold.adviceOnlyBlocks) blocks"
                left.append("\(last) of \(trifold.blocks) in \(trifold.sections.map { "“\($0)”" }.joined(separator: ", ")) as advice only, running text left out (advice-only-if-needed)")
            }
            parts.append("shorter tri-fold: " + left.joined(separator: "; "))
        }
        return parts.joined(separator: "; ")
    }

    /// Whole numbers without a point; others to one place.
    static func number(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}
