import CPangoCairo
import Foundation
import HandbillLayout

/// Shows a run of glyphs with Cairo so that both ways of reading text out of a PDF get it in
/// reading order.
///
/// `pango_cairo_show_glyph_item` emits glyphs left to right, so a right-to-left run lands in the
/// content stream backwards, and a screen reader, which reads the content of each structure
/// element in stream order, reads it backwards. Here every glyph gets its position explicitly and
/// the glyphs go to Cairo in logical order. Text extraction by layout (poppler's pdftotext) cannot
/// follow glyphs that step leftwards, nor Arabic marks and ligatures, nor Nastaliq's sloping
/// words; so the words of a right-to-left run are given once, as one `/ActualText` over the run,
/// in visual order — poppler turns a right-to-left `/ActualText` around — and render gives the
/// structure element its exact text as `/ActualText` too, which is what a screen reader reads.
/// Spaces at either end of the run stay outside, as plain glyphs, so words in neighbouring runs
/// stay apart. Bidi control characters (the isolates layout puts around numbers and addresses)
/// shape to nothing and are left out of the text.
enum GlyphEmitter {
    struct Shown {
        /// The run's text in reading order, as a reader should get it.
        var text: String
        /// The content stream holds some of it out of reading order (in visual order).
        var reordered: Bool
    }

    /// A cluster: the text some glyphs stand for.
    private struct Cluster {
        var text: [UInt8]
        var glyphs: [cairo_glyph_t]
        var isSpace: Bool { !text.isEmpty && text.allSatisfy { $0 == 0x20 } }
    }

    @discardableResult
    static func show(_ run: GlyphRun, on cr: OpaquePointer) -> Shown {
        let item = run.item.pointee.item.pointee
        guard let font = item.analysis.font else { return Shown(text: "", reordered: false) }
        let rightToLeft = item.analysis.level % 2 == 1
        let clusters = logicalClusters(of: run, rightToLeft: rightToLeft)
        let text = String(decoding: clusters.flatMap(\.text), as: UTF8.self)
        cairo_set_scaled_font(cr, pango_cairo_font_get_scaled_font(OpaquePointer(font)))
        guard rightToLeft, clusters.contains(where: { !$0.isSpace && !$0.glyphs.isEmpty }) else {
            show(clusters, on: cr)
            return Shown(text: text, reordered: false)
        }
        let start = clusters.firstIndex { !$0.isSpace }!, end = clusters.lastIndex { !$0.isSpace }! + 1
        let words = clusters[start..<end]
        let visual = String(String.UnicodeScalarView(String(decoding: words.flatMap(\.text), as: UTF8.self).unicodeScalars.reversed()))
        show(Array(clusters[..<start]), on: cr)
        show([Cluster(text: Array(visual.utf8), glyphs: words.flatMap(\.glyphs).sorted { $0.x < $1.x })], on: cr)
        show(Array(clusters[end...]), on: cr)
        return Shown(text: text, reordered: true)
    }

    /// The run's glyphs with their absolute positions, grouped by cluster, in logical order.
    private static func logicalClusters(of run: GlyphRun, rightToLeft: Bool) -> [Cluster] {
        let item = run.item.pointee.item.pointee, glyphs = run.item.pointee.glyphs.pointee
        let count = Int(glyphs.num_glyphs)
        let text = UnsafeRawPointer(run.text).assumingMemoryBound(to: UInt8.self) + Int(item.offset)
        // Positions in visual order, as Pango shaped them.
        var visual: [(glyph: cairo_glyph_t, cluster: Int, drawn: Bool)] = []
        var x = run.x
        for index in 0..<count {
            let info = glyphs.glyphs[index]
            let drawn = info.glyph != PANGO_GLYPH_EMPTY && info.glyph & PANGO_GLYPH_UNKNOWN_FLAG == 0
            visual.append((cairo_glyph_t(index: UInt(info.glyph), x: x + pangoUnits(info.geometry.x_offset),
                                         y: run.baseline + pangoUnits(info.geometry.y_offset)),
                           Int(glyphs.log_clusters[index]), drawn))
            x += pangoUnits(info.geometry.width)
        }
        let logical = rightToLeft ? Array(visual.reversed()) : visual
        let starts = Array(Set(logical.map(\.cluster))).sorted()
        var clusters: [Cluster] = []
        var index = 0
        for (position, start) in starts.enumerated() {
            let end = position + 1 < starts.count ? starts[position + 1] : Int(item.length)
            var cluster = Cluster(text: withoutBidiControls(Array(UnsafeBufferPointer(start: text + start, count: end - start))), glyphs: [])
            while index < logical.count, logical[index].cluster == start {
                if logical[index].drawn { cluster.glyphs.append(logical[index].glyph) }
                index += 1
            }
            if !cluster.text.isEmpty || !cluster.glyphs.isEmpty { clusters.append(cluster) }
        }
        return clusters
    }

    private static func show(_ clusters: [Cluster], on cr: OpaquePointer) {
        guard !clusters.isEmpty else { return }
        let utf8 = clusters.flatMap(\.text), glyphs = clusters.flatMap(\.glyphs)
        let mapping = clusters.map { cairo_text_cluster_t(num_bytes: Int32($0.text.count), num_glyphs: Int32($0.glyphs.count)) }
        utf8.withUnsafeBufferPointer { text in
            text.withMemoryRebound(to: CChar.self) { chars in
                cairo_show_text_glyphs(cr, chars.baseAddress, Int32(chars.count), glyphs, Int32(glyphs.count),
                                       mapping, Int32(mapping.count), cairo_text_cluster_flags_t(rawValue: 0))
            }
        }
    }

    /// The bytes without bidi control characters (`ShapedText.isBidiControl`). All of them
    /// start with the byte E2 in UTF-8, so most clusters pass untouched.
    static func withoutBidiControls(_ bytes: [UInt8]) -> [UInt8] {
        guard bytes.contains(0xE2) else { return bytes }
        return Array(ShapedText.withoutBidiControls(String(decoding: bytes, as: UTF8.self)).utf8)
    }

    private static func pangoUnits(_ value: Int32) -> Double { Double(value) / Double(PANGO_SCALE) }
}
