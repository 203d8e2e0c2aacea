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
///
/// A run's clusters are built into flat buffers that one drawer reuses from run to run (a page
/// holds thousands of glyphs): no array or string per glyph or cluster.
enum GlyphEmitter {
    /// The clusters of the run last shown, in logical order: the text some glyphs stand for.
    struct Clusters {
        /// The run's text in reading order, without bidi controls: what a reader should get.
        fileprivate(set) var text: [UInt8] = []
        /// The drawn glyphs, cluster after cluster, with their absolute positions.
        fileprivate var glyphs: [cairo_glyph_t] = []
        /// Bytes and glyphs of each cluster in `text` and `glyphs`.
        fileprivate var mapping: [cairo_text_cluster_t] = []
        /// Each glyph of the run in visual order (as Pango shaped it), positioned.
        fileprivate var visual: [cairo_glyph_t] = []
        /// The byte offsets clusters start at, ascending.
        fileprivate var starts: [Int32] = []
    }

    /// Clusters one drawer reuses from run to run, so their arrays keep their room.
    final class Buffers {
        private(set) var clusters = Clusters()

        init() {}

        /// Lends the clusters out (a local copy is checked for exclusive access only once).
        fileprivate func take() -> Clusters {
            var taken = Clusters()
            swap(&taken, &clusters)
            return taken
        }

        fileprivate func keep(_ used: Clusters) { clusters = used }
    }

    /// Whether `run` can be shown with the runs before it, `previous` the last of them, as one:
    /// both left to right, in one font and one span (colour, link), `run` starting where
    /// `previous` ends. Pango ends a run wherever an attribute does, so a letter-spaced line
    /// (dyslexia: word spacing is letter spacing on each space) is a run a word and a run a space;
    /// shown as one, Cairo records, replays and writes one text operation instead of dozens.
    static func canShow(_ run: GlyphRun, after previous: GlyphRun) -> Bool {
        let item = run.item.pointee.item.pointee.analysis, before = previous.item.pointee.item.pointee.analysis
        return item.level % 2 == 0 && before.level % 2 == 0 && item.font != nil && item.font == before.font
            && run.span == previous.span
            && previous.item.pointee.item.pointee.offset + previous.item.pointee.item.pointee.length == run.item.pointee.item.pointee.offset
    }

    /// Shows the runs, one after another on a line (one run, or runs that `canShow` together);
    /// their text in reading order is then `buffers.clusters.text`. Returns whether the content
    /// stream holds some of it out of reading order (in visual order).
    static func show(_ runs: ArraySlice<GlyphRun>, on cr: OpaquePointer, using buffers: Buffers) -> Bool {
        var clusters = buffers.take()
        defer { buffers.keep(clusters) }
        return show(runs, on: cr, clusters: &clusters)
    }

    private static func show(_ runs: ArraySlice<GlyphRun>, on cr: OpaquePointer, clusters buffers: inout Clusters) -> Bool {
        buffers.text.removeAll(keepingCapacity: true)
        buffers.glyphs.removeAll(keepingCapacity: true)
        buffers.mapping.removeAll(keepingCapacity: true)
        guard let run = runs.first, let font = run.item.pointee.item.pointee.analysis.font else { return false }
        let rightToLeft = run.item.pointee.item.pointee.analysis.level % 2 == 1
        for run in runs { logicalClusters(of: run, rightToLeft: rightToLeft, into: &buffers) }
        cairo_set_scaled_font(cr, pango_cairo_font_get_scaled_font(OpaquePointer(font)))
        // Where the words start and end: the first and last clusters that are not spaces, in
        // clusters, bytes and glyphs; and whether any cluster among them has a glyph.
        var first: (cluster: Int, byte: Int, glyph: Int)?, last = (cluster: 0, byte: 0, glyph: 0)
        var wordGlyphs = false, byte = 0, glyph = 0
        for index in buffers.mapping.indices {
            let bytes = Int(buffers.mapping[index].num_bytes), glyphs = Int(buffers.mapping[index].num_glyphs)
            if !isSpace(buffers.text[byte..<byte + bytes]) {
                if first == nil { first = (index, byte, glyph) }
                last = (index + 1, byte + bytes, glyph + glyphs)
                if glyphs > 0 { wordGlyphs = true }
            }
            byte += bytes
            glyph += glyphs
        }
        guard rightToLeft, wordGlyphs, let first else {
            show(bytes: 0..<buffers.text.count, glyphs: 0..<buffers.glyphs.count, clusters: 0..<buffers.mapping.count,
                 of: buffers, on: cr)
            return false
        }
        // Spaces before the words, the words as one cluster in visual order, spaces after them.
        show(bytes: 0..<first.byte, glyphs: 0..<first.glyph, clusters: 0..<first.cluster, of: buffers, on: cr)
        var visual = reversedScalars(buffers.text[first.byte..<last.byte])
        let sorted = buffers.glyphs[first.glyph..<last.glyph].sorted { $0.x < $1.x }
        let mapping = [cairo_text_cluster_t(num_bytes: Int32(visual.count), num_glyphs: Int32(sorted.count))]
        visual.withUnsafeMutableBufferPointer { text in
            text.withMemoryRebound(to: CChar.self) { chars in
                cairo_show_text_glyphs(cr, chars.baseAddress, Int32(chars.count), sorted, Int32(sorted.count),
                                       mapping, 1, cairo_text_cluster_flags_t(rawValue: 0))
            }
        }
        show(bytes: last.byte..<buffers.text.count, glyphs: last.glyph..<buffers.glyphs.count,
             clusters: last.cluster..<buffers.mapping.count, of: buffers, on: cr)
        return true
    }

    /// A cluster of nothing but spaces.
    private static func isSpace(_ text: ArraySlice<UInt8>) -> Bool {
        !text.isEmpty && !text.contains { $0 != 0x20 }
    }

    /// UTF-8 text with its characters (Unicode scalars) in reverse order.
    private static func reversedScalars(_ text: ArraySlice<UInt8>) -> [UInt8] {
        var reversed: [UInt8] = []
        reversed.reserveCapacity(text.count)
        var end = text.endIndex
        while end > text.startIndex {
            var start = end - 1
            while start > text.startIndex, text[start] & 0xC0 == 0x80 { start -= 1 }  // back over continuation bytes
            reversed += text[start..<end]
            end = start
        }
        return reversed
    }

    /// Appends the run's glyphs with their absolute positions, grouped by cluster, in logical
    /// order. A cluster is the run's text from one glyph's cluster offset to the next (bidi
    /// controls left out) with the drawn glyphs that carry that offset; clusters with neither are
    /// left out.
    private static func logicalClusters(of run: GlyphRun, rightToLeft: Bool, into buffers: inout Clusters) {
        let item = run.item.pointee.item.pointee, glyphs = run.item.pointee.glyphs.pointee
        let count = Int(glyphs.num_glyphs)
        let text = UnsafeRawPointer(run.text).assumingMemoryBound(to: UInt8.self) + Int(item.offset)
        buffers.visual.removeAll(keepingCapacity: true)
        buffers.starts.removeAll(keepingCapacity: true)
        // Positions in visual order, as Pango shaped them.
        var x = run.x
        for index in 0..<count {
            let info = glyphs.glyphs[index]
            buffers.visual.append(cairo_glyph_t(index: UInt(info.glyph), x: x + pangoUnits(info.geometry.x_offset),
                                                y: run.baseline + pangoUnits(info.geometry.y_offset)))
            buffers.starts.append(glyphs.log_clusters[index])
            x += pangoUnits(info.geometry.width)
        }
        // The distinct cluster offsets, ascending (Pango's are already in order, one way or the other).
        if rightToLeft { buffers.starts.reverse() }
        if !buffers.starts.isSorted { buffers.starts.sort() }
        var distinct = 0
        for index in buffers.starts.indices where distinct == 0 || buffers.starts[distinct - 1] != buffers.starts[index] {
            buffers.starts[distinct] = buffers.starts[index]
            distinct += 1
        }
        var logical = 0
        for position in 0..<distinct {
            let start = Int(buffers.starts[position])
            let end = position + 1 < distinct ? Int(buffers.starts[position + 1]) : Int(item.length)
            let bytes = ShapedText.appendWithoutLayoutMarks(UnsafeBufferPointer(start: text + start, count: end - start), to: &buffers.text)
            var drawn = 0
            while logical < count {
                let index = rightToLeft ? count - 1 - logical : logical
                guard glyphs.log_clusters[index] == start else { break }
                let glyph = glyphs.glyphs[index].glyph
                if glyph != PANGO_GLYPH_EMPTY && glyph & PANGO_GLYPH_UNKNOWN_FLAG == 0 {
                    buffers.glyphs.append(buffers.visual[index])
                    drawn += 1
                }
                logical += 1
            }
            if bytes > 0 || drawn > 0 {
                buffers.mapping.append(cairo_text_cluster_t(num_bytes: Int32(bytes), num_glyphs: Int32(drawn)))
            }
        }
    }

    /// One `cairo_show_text_glyphs` for a stretch of the buffered clusters (nothing for none).
    private static func show(bytes: Range<Int>, glyphs: Range<Int>, clusters: Range<Int>, of buffers: Clusters,
                             on cr: OpaquePointer) {
        guard !clusters.isEmpty else { return }
        buffers.text.withUnsafeBufferPointer { text in
            buffers.glyphs.withUnsafeBufferPointer { glyphBuffer in
                buffers.mapping.withUnsafeBufferPointer { mapping in
                    let chars = UnsafeRawPointer(text.baseAddress! + bytes.lowerBound).assumingMemoryBound(to: CChar.self)
                    cairo_show_text_glyphs(cr, chars, Int32(bytes.count), glyphBuffer.baseAddress! + glyphs.lowerBound,
                                           Int32(glyphs.count), mapping.baseAddress! + clusters.lowerBound,
                                           Int32(clusters.count), cairo_text_cluster_flags_t(rawValue: 0))
                }
            }
        }
    }

    private static func pangoUnits(_ value: Int32) -> Double { Double(value) / Double(PANGO_SCALE) }
}

private extension Array where Element == Int32 {
    var isSorted: Bool {
        for index in indices.dropFirst() where self[index - 1] > self[index] { return false }
        return true
    }
}
