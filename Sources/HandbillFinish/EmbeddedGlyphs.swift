import CFreeType
import HandbillModel

/// Characters a PDF shows with a glyph that draws nothing: tofu no text check sees.
///
/// Text extraction and screen readers read a character's code through the font's /ToUnicode
/// map, so a PDF whose embedded font program lost a glyph's outline still copies and reads
/// aloud as if all were well while the page shows a gap (or a box). Cairo 1.16's CFF subsetter
/// did this to 如 in Noto Sans CJK. Here FreeType loads the glyph behind every code of the font's
/// /ToUnicode map from the embedded program itself; one that fails to load, or has an outline
/// with no points for a character that is not a space, is reported.
enum EmbeddedGlyphs {
    struct Blank: Equatable, Sendable {
        /// The font's /BaseFont, subset prefix and all.
        var font: String
        var text: String
        /// "draws nothing", or FreeType's error loading it.
        var reason: String

        /// Not a glyph: the whole embedded program does not load.
        var isUnreadableProgram: Bool { text.isEmpty }

        /// "如 (U+5982)".
        var character: String {
            text + " (" + text.unicodeScalars.map(\.codePoint).joined(separator: " ") + ")"
        }
    }

    /// Font programs checked: CFF ones only (the kind Cairo 1.16 was seen to break, and none of
    /// Handbill's own fonts: a build pays nothing), or TrueType ones too (inspecting any PDF).
    enum Programs { case cffOnly, all }

    /// The blank glyphs of one font dictionary (simple or Type0) that embeds its program.
    static func blanks(in font: PDFObject, programs: Programs) -> [Blank] {
        let composite = font["Subtype"]?.name == "Type0"
        guard let described = composite ? font["DescendantFonts"]?.items.first : font,
              let descriptor = described["FontDescriptor"] else { return [] }
        let program: PDFObject, isCFF: Bool
        if let cff = descriptor["FontFile3"], cff.isStream {
            (program, isCFF) = (cff, true)
        } else if programs == .all, let trueType = descriptor["FontFile2"], trueType.isStream {
            (program, isCFF) = (trueType, false)
        } else {
            return []
        }
        guard let cmap = font["ToUnicode"], cmap.isStream, let cmapBytes = try? cmap.streamData(),
              let toUnicode = try? ToUnicodeMap(cmap: cmapBytes, pdf: cmap.pdf),
              let bytes = try? program.streamData(), !bytes.isEmpty else { return [] }
        // A composite font's codes are CIDs only through Identity-H or -V (Cairo's, and most writers').
        if composite, !["Identity-H", "Identity-V"].contains(font["Encoding"]?.name ?? "") { return [] }
        let name = font["BaseFont"]?.name ?? "(unnamed)"
        // A CIDToGIDMap stream maps CIDs to glyphs; /Identity or none, they are the same.
        let cidToGID = described["CIDToGIDMap"].flatMap { $0.isStream ? try? $0.streamData() : nil }

        var library: FT_Library?
        guard FT_Init_FreeType(&library) == 0, let library else { return [] }
        defer { FT_Done_FreeType(library) }
        return bytes.withUnsafeBufferPointer { buffer -> [Blank] in
            var face: FT_Face?
            guard FT_New_Memory_Face(library, buffer.baseAddress, FT_Long(buffer.count), 0, &face) == 0, let face else {
                return [Blank(font: name, text: "", reason: "its embedded font program cannot be read")]
            }
            defer { FT_Done_Face(face) }
            let glyphOfCID = composite && isCFF ? cidGlyphs(face) : nil
            var blanks: [Blank] = []
            for (code, text) in toUnicode.characters.sorted(by: { $0.key < $1.key }) where isVisible(text) {
                let glyph: FT_UInt
                if composite {
                    if let glyphOfCID {
                        glyph = glyphOfCID[code] ?? 0  // a CID the charset lacks has no glyph
                    } else if let cidToGID {
                        let at = Int(code) * 2
                        glyph = at + 1 < cidToGID.count ? FT_UInt(cidToGID[at]) << 8 | FT_UInt(cidToGID[at + 1]) : 0
                    } else {
                        glyph = code
                    }
                } else {
                    glyph = simpleGlyph(face, code: code, text: text)
                }
                let error = FT_Load_Glyph(face, glyph, Int32(FT_LOAD_NO_SCALE | FT_LOAD_NO_HINTING | FT_LOAD_NO_BITMAP))
                if error != 0 {
                    blanks.append(Blank(font: name, text: text, reason: "its glyph does not load (FreeType error \(error))"))
                } else if let slot = face.pointee.glyph, slot.pointee.format == FT_GLYPH_FORMAT_OUTLINE,
                          slot.pointee.outline.n_points == 0 || glyph == 0 {
                    blanks.append(Blank(font: name, text: text, reason: glyph == 0 ? "it has no glyph" : "its glyph draws nothing"))
                }
            }
            return blanks
        }
    }

    /// Spaces and the marks layout adds draw nothing by right; U+FFFD is a glyph that stands for
    /// no character (a Nastaliq joining piece): nothing to check it against.
    private static func isVisible(_ text: String) -> Bool {
        text.unicodeScalars.contains { scalar in
            !scalar.properties.isWhitespace && scalar.value != 0xFFFD && !scalar.properties.isDefaultIgnorableCodePoint
        }
    }

    /// A CID-keyed CFF program's glyph for each CID (its charset), as FreeType reads it.
    private static func cidGlyphs(_ face: FT_Face) -> [UInt32: FT_UInt]? {
        var isCID: FT_Bool = 0
        guard FT_Get_CID_Is_Internally_CID_Keyed(face, &isCID) == 0, isCID != 0 else { return nil }
        var glyphs: [UInt32: FT_UInt] = [:]
        for glyph in 0..<FT_UInt(face.pointee.num_glyphs) {
            var cid: FT_UInt = 0
            if FT_Get_CID_From_Glyph_Index(face, glyph, &cid) == 0 { glyphs[UInt32(cid)] = glyph }
        }
        return glyphs
    }

    /// A simple font's glyph for a code, as a reader finds it: by the character in the program's
    /// Unicode cmap, else by the code in its own (symbol or Mac) cmap.
    private static func simpleGlyph(_ face: FT_Face, code: UInt32, text: String) -> FT_UInt {
        if let scalar = text.unicodeScalars.first, text.unicodeScalars.count == 1,
           FT_Select_Charmap(face, FT_ENCODING_UNICODE) == 0 {
            let glyph = FT_Get_Char_Index(face, FT_ULong(scalar.value))
            if glyph != 0 { return glyph }
        }
        for index in 0..<Int(face.pointee.num_charmaps) {
            guard let charmap = face.pointee.charmaps[index], FT_Set_Charmap(face, charmap) == 0 else { continue }
            for candidate in [FT_ULong(code), 0xF000 + FT_ULong(code)] {
                let glyph = FT_Get_Char_Index(face, candidate)
                if glyph != 0 { return glyph }
            }
        }
        return 0
    }
}
