import CPangoCairo
import Foundation
import HandbillLayout

/// Shows a run of glyphs with Cairo so that the PDF stores its text in reading order.
///
/// `pango_cairo_show_glyph_item` emits glyphs left to right, so a right-to-left run lands in the
/// content stream backwards and a screen reader reads it backwards. Here each glyph gets its
/// position explicitly, the glyphs of a right-to-left run are handed to Cairo in logical order,
/// and the clusters (which text each glyph stands for) run forward. Bidi control characters (the
/// isolates layout puts around phone numbers and addresses) shape to nothing and are left out of
/// the text, so copy-and-paste gets the words alone.
///
/// One exception serves text extraction by layout (poppler's pdftotext): it spreads a cluster of
/// several characters (a lam-alef ligature, a letter with its vowel mark) left to right over the
/// glyphs and then reads a right-to-left line from the right, so such a cluster's text is given
/// in visual order. The run then reports `reordered`, and render gives the structure element
/// the exact text as `/ActualText`, which is what a screen reader reads.
enum GlyphEmitter {
    struct Shown {
        /// The run's text in reading order, as a reader should get it.
        var text: String
        /// Some of the text in the content stream is in visual order.
        var reordered: Bool
    }

    @discardableResult
    static func show(_ run: GlyphRun, on cr: OpaquePointer) -> Shown {
        let item = run.item.pointee.item.pointee, glyphs = run.item.pointee.glyphs.pointee
        let count = Int(glyphs.num_glyphs)
        guard count > 0, let font = item.analysis.font else { return Shown(text: "", reordered: false) }
        let rightToLeft = item.analysis.level % 2 == 1
        let text = UnsafeRawPointer(run.text).assumingMemoryBound(to: UInt8.self) + Int(item.offset)
        let length = Int(item.length)

        // Positions in visual order, as Pango shaped them.
        var visual: [(glyph: cairo_glyph_t, cluster: Int, drawn: Bool)] = []
        visual.reserveCapacity(count)
        var x = run.x
        for index in 0..<count {
            let info = glyphs.glyphs[index]
            let glyph = info.glyph
            let drawn = glyph != PANGO_GLYPH_EMPTY && glyph & PANGO_GLYPH_UNKNOWN_FLAG == 0
            visual.append((cairo_glyph_t(index: UInt(glyph), x: x + pangoUnits(info.geometry.x_offset),
                                         y: run.baseline + pangoUnits(info.geometry.y_offset)),
                           Int(glyphs.log_clusters[index]), drawn))
            x += pangoUnits(info.geometry.width)
        }
        let logical = rightToLeft ? Array(visual.reversed()) : visual

        // Clusters: consecutive glyphs of one cluster start, with the text up to the next start.
        let starts = Array(Set(logical.map(\.cluster))).sorted()
        var utf8: [UInt8] = [], logicalText: [UInt8] = [], cairoGlyphs: [cairo_glyph_t] = [], clusters: [cairo_text_cluster_t] = []
        var index = 0, reordered = false
        for (position, start) in starts.enumerated() {
            let end = position + 1 < starts.count ? starts[position + 1] : length
            var bytes = Array(UnsafeBufferPointer(start: text + start, count: end - start))
            bytes = withoutBidiControls(bytes)
            var clusterGlyphs: [cairo_glyph_t] = []
            while index < logical.count, logical[index].cluster == start {
                if logical[index].drawn { clusterGlyphs.append(logical[index].glyph) }
                index += 1
            }
            if bytes.isEmpty && clusterGlyphs.isEmpty { continue }
            logicalText += bytes
            let characters = Array(String(decoding: bytes, as: UTF8.self).unicodeScalars)
            if rightToLeft, characters.count > 1, let first = clusterGlyphs.first {
                // Several characters (a lam-alef ligature, a letter and its marks): the first glyph
                // carries them all, in visual order; any further glyphs (the marks) carry none.
                let visualBytes = Array(String(String.UnicodeScalarView(characters.reversed())).utf8)
                utf8 += visualBytes
                cairoGlyphs.append(first)
                clusters.append(cairo_text_cluster_t(num_bytes: Int32(visualBytes.count), num_glyphs: 1))
                for mark in clusterGlyphs.dropFirst() {
                    cairoGlyphs.append(mark)
                    clusters.append(cairo_text_cluster_t(num_bytes: 0, num_glyphs: 1))
                }
                reordered = true
                continue
            }
            utf8 += bytes
            cairoGlyphs += clusterGlyphs
            clusters.append(cairo_text_cluster_t(num_bytes: Int32(bytes.count), num_glyphs: Int32(clusterGlyphs.count)))
        }
        let shown = Shown(text: String(decoding: logicalText, as: UTF8.self), reordered: reordered)
        guard !cairoGlyphs.isEmpty || !utf8.isEmpty else { return shown }
        cairo_set_scaled_font(cr, pango_cairo_font_get_scaled_font(OpaquePointer(font)))
        utf8.withUnsafeBufferPointer { text in
            text.withMemoryRebound(to: CChar.self) { chars in
                cairo_show_text_glyphs(cr, chars.baseAddress, Int32(chars.count), cairoGlyphs, Int32(cairoGlyphs.count),
                                       clusters, Int32(clusters.count), cairo_text_cluster_flags_t(rawValue: 0))
            }
        }
        return shown
    }

    /// U+200E, U+200F, U+202A–U+202E, U+2066–U+2069, in UTF-8: E2 80 8E/8F/AA–AE, E2 81 A6–A9.
    static func withoutBidiControls(_ bytes: [UInt8]) -> [UInt8] {
        guard bytes.contains(0xE2) else { return bytes }
        var result: [UInt8] = [], index = 0
        while index < bytes.count {
            if index + 2 < bytes.count, bytes[index] == 0xE2 {
                let (b1, b2) = (bytes[index + 1], bytes[index + 2])
                if (b1 == 0x80 && (b2 == 0x8E || b2 == 0x8F || (0xAA...0xAE).contains(b2))) || (b1 == 0x81 && (0xA6...0xA9).contains(b2)) {
                    index += 3
                    continue
                }
            }
            result.append(bytes[index])
            index += 1
        }
        return result
    }

    private static func pangoUnits(_ value: Int32) -> Double { Double(value) / Double(PANGO_SCALE) }
}
