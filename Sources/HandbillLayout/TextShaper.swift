import CPangoCairo
import HandbillModel
import HandbillStyle

/// Shapes styled text with Pango: one call per paragraph, at the width it must fit.
struct TextShaper {
    let fonts: FontLibrary
    let family: String
    /// The text's language, as messages name it.
    let language: String
    /// The tag Pango shapes the text in (its `locl` forms).
    let shapingLanguage: String
    let hyphenate: Bool
    /// Right-to-left paragraphs: base direction right to left, lines aligned right.
    let rightToLeft: Bool
    /// Extra space after each letter and each word, times the type size.
    var letterSpacing = 0.0, wordSpacing = 0.0

    /// The shaper for a styled document's language, after checking its fonts are there.
    init(fonts: FontLibrary, document: StyledDocument) throws(DiagnosticError) {
        try fonts.requireFonts(of: document)
        self.init(fonts: fonts, family: document.fontFamily, language: document.metadata.language,
                  shapingLanguage: document.shapingLanguage,
                  hyphenate: document.hyphenate, rightToLeft: document.direction == .rtl)
        letterSpacing = document.letterSpacing
        wordSpacing = document.wordSpacing
    }

    /// `language` names the text in messages; Pango shapes it as `shapingLanguage` when given (a
    /// language's `glyph-forms`: zh-HK for zh-Hant), else as `language`.
    init(fonts: FontLibrary, family: String, language: String, shapingLanguage: String? = nil, hyphenate: Bool, rightToLeft: Bool) {
        self.fonts = fonts
        self.family = family
        self.language = language
        self.shapingLanguage = shapingLanguage ?? language
        self.hyphenate = hyphenate
        self.rightToLeft = rightToLeft
    }

    /// Shapes and breaks a paragraph. Addresses stay whole on a line; only when one cannot fit
    /// the line at all is it broken, and then only after a slash or before a dot (as style guides
    /// break URLs).
    func shape(_ styled: StyledText, width: Double) -> ShapedText {
        let whole = shape(styled, width: width, breakingAddresses: false)
        guard whole.lines.contains(where: { $0.inkWidth > width + 0.01 }),
              styled.runs.contains(where: { $0.leftToRight && Self.addressBreaks(in: $0.text) != $0.text }) else { return whole }
        return shape(styled, width: width, breakingAddresses: true)
    }

    /// An address with a zero-width space after each slash and before each dot inside it: where it may break.
    /// (Readers never see it: render leaves it out of the text, like the bidi controls.)
    static func addressBreaks(in address: String) -> String {
        var result = ""
        let characters = Array(address)
        for (index, character) in characters.enumerated() {
            // Before a dot (“revengepornhelpline” / “.org.uk”), never at either end.
            if character == ".", index > 0, index + 1 < characters.count, characters[index - 1] != "\u{200B}" {
                result.append("\u{200B}")
            }
            result.append(character)
            // After a single slash (“ceop.police.uk/” / “safety-centre”), not in “//”.
            if character == "/", index + 1 < characters.count, characters[index + 1] != "/", index > 0, characters[index - 1] != "/" {
                result.append("\u{200B}")
            }
        }
        return result
    }

    private func shape(_ styled: StyledText, width: Double, breakingAddresses: Bool) -> ShapedText {
        let layout = pango_layout_new(rightToLeft ? fonts.rightToLeftContext : fonts.context)!
        var text = ""
        var spans: [ShapedText.Span] = []
        let attributes = pango_attr_list_new()
        defer { pango_attr_list_unref(attributes) }
        var addressBreakPoints: Set<Int> = []  // byte offsets a line may start at inside an address
        for run in styled.runs {
            let start = text.utf8.count
            let runText = breakingAddresses && run.leftToRight ? Self.addressBreaks(in: run.text) : run.text
            // A phone number or address is an isolated left-to-right island (LRI … PDI), so that
            // in right-to-left text its digit groups and dots keep their order.
            text += run.leftToRight ? "\u{2066}" + runText + "\u{2069}" : runText
            let end = text.utf8.count
            spans.append(.init(byteStart: start, byteEnd: end, style: run.style, link: run.link))
            func add(_ attribute: UnsafeMutablePointer<PangoAttribute>?) {
                guard let attribute else { return }
                attribute.pointee.start_index = guint(start)
                attribute.pointee.end_index = guint(end)
                pango_attr_list_insert(attributes, attribute)
            }
            add(pango_attr_size_new_absolute(Int32((run.style.size * Double(PANGO_SCALE)).rounded())))
            if run.style.bold { add(pango_attr_weight_new(PANGO_WEIGHT_BOLD)) }
            if run.style.italic { add(pango_attr_style_new(PANGO_STYLE_ITALIC)) }
            if let room = run.room {
                // Pango sets the object replacement character as a box of this size, drawing nothing.
                let scale = Double(PANGO_SCALE)
                var box = PangoRectangle(x: 0, y: Int32((-room.ascent * scale).rounded()), width: Int32((room.width * scale).rounded()),
                                         height: Int32(((room.ascent + room.descent) * scale).rounded()))
                add(pango_attr_shape_new(&box, &box))
            }
            if run.unbreakable {
                // Unbreakable but at the address breaks, when addresses must break.
                var from = start
                var offset = start + (run.leftToRight ? 3 : 0)
                for scalar in runText.unicodeScalars {
                    offset += String(scalar).utf8.count
                    if scalar == "\u{200B}" {
                        Self.forbidBreaks(from..<offset, in: attributes)
                        addressBreakPoints.insert(offset)
                        from = offset + 1  // a break is allowed before the character after the space
                    }
                }
                Self.forbidBreaks(from..<end, in: attributes)
            }
            if letterSpacing > 0 { add(pango_attr_letter_spacing_new(Int32(letterSpacing * run.style.size * Double(PANGO_SCALE)))) }
            if wordSpacing > 0 {
                // Pango has no word spacing: letter spacing on each space character widens the gap after it.
                var offset = start + (run.leftToRight ? 3 : 0)  // after the LRI
                for byte in runText.utf8 {
                    if byte == 0x20, let attribute = pango_attr_letter_spacing_new(Int32((wordSpacing + letterSpacing) * run.style.size * Double(PANGO_SCALE))) {
                        attribute.pointee.start_index = guint(offset)
                        attribute.pointee.end_index = guint(offset + 1)
                        pango_attr_list_insert(attributes, attribute)
                    }
                    offset += 1
                }
            }
            // Colour does not change shaping, but it splits glyph runs where the style or link changes.
            let c = run.style.colour
            add(pango_attr_foreground_new(guint16(c.red * 65535), guint16(c.green * 65535), guint16(c.blue * 65535)))
        }
        let whole = { (attribute: UnsafeMutablePointer<PangoAttribute>?) in
            guard let attribute else { return }
            attribute.pointee.start_index = 0
            attribute.pointee.end_index = guint.max  // PANGO_ATTR_INDEX_TO_TEXT_END
            pango_attr_list_insert(attributes, attribute)
        }
        whole(pango_attr_insert_hyphens_new(hyphenate ? 1 : 0))
        if !hyphenate && !styled.breaksInsideWords {
            // Without hyphenation a word is never split, not even a compound at its own hyphen.
            // (An address's breaks, when it must break, stay open.)
            for range in Self.hyphenatedWords(in: text) {
                var from = range.lowerBound
                for allowed in addressBreakPoints.sorted() where range.contains(allowed) {
                    Self.forbidBreaks(from..<allowed, in: attributes)
                    from = allowed + 1
                }
                Self.forbidBreaks(from..<range.upperBound, in: attributes)
            }
        }
        whole(pango_attr_language_new(pango_language_from_string(shapingLanguage)))

        let description = pango_font_description_new()
        pango_font_description_set_family(description, family)
        pango_font_description_set_absolute_size(description, Double(styled.runs.first?.style.size ?? 12) * Double(PANGO_SCALE))
        pango_layout_set_font_description(layout, description)
        pango_font_description_free(description)

        pango_layout_set_text(layout, text, Int32(text.utf8.count))
        pango_layout_set_attributes(layout, attributes)
        pango_layout_set_width(layout, Int32((width * Double(PANGO_SCALE)).rounded(.down)))
        pango_layout_set_wrap(layout, styled.breaksInsideWords ? PANGO_WRAP_WORD_CHAR : PANGO_WRAP_WORD)
        pango_layout_set_auto_dir(layout, 0)
        pango_layout_set_alignment(layout, rightToLeft ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT)
        return ShapedText(layout: layout, text: text, spans: spans, lineHeight: styled.lineHeight, source: styled.source)
    }

    private static func forbidBreaks(_ range: Range<Int>, in attributes: OpaquePointer?) {
        guard !range.isEmpty, let attribute = pango_attr_allow_breaks_new(0) else { return }
        attribute.pointee.start_index = guint(range.lowerBound)
        attribute.pointee.end_index = guint(range.upperBound)
        pango_attr_list_insert(attributes, attribute)
    }

    /// UTF-8 byte ranges of words joined by hyphens ("two-step"): a hyphen with a letter or digit
    /// on each side, extended to the whole word.
    static func hyphenatedWords(in text: String) -> [Range<Int>] {
        let bytes = Array(text.utf8)
        func isWordByte(_ b: UInt8) -> Bool {
            (b >= 0x30 && b <= 0x39) || (b | 0x20 >= 0x61 && b | 0x20 <= 0x7A) || b >= 0x80
        }
        var ranges: [Range<Int>] = []
        var index = 1
        while index < bytes.count - 1 {
            guard bytes[index] == UInt8(ascii: "-"), isWordByte(bytes[index - 1]), isWordByte(bytes[index + 1]) else {
                index += 1
                continue
            }
            var start = index - 1, end = index + 1
            while start > 0, isWordByte(bytes[start - 1]) || (bytes[start - 1] == UInt8(ascii: "-") && start > 1) { start -= 1 }
            while end < bytes.count, isWordByte(bytes[end]) || (bytes[end] == UInt8(ascii: "-") && end + 1 < bytes.count && isWordByte(bytes[end + 1])) { end += 1 }
            if let last = ranges.last, last.upperBound >= start { ranges[ranges.count - 1] = last.lowerBound..<end } else { ranges.append(start..<end) }
            index = end
        }
        return ranges
    }
}
