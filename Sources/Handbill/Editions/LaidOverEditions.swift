import HandbillFinish
import HandbillLayout
import HandbillModel
import HandbillRender
import HandbillStyle

/// A worker's leaflet editions made by laying each edition's block and small print over national
/// pages finished once (`EditionLayout.base`, `EditionGraft`), instead of drawing and finishing
/// every page of every edition: an edition then costs drawing and finishing its block alone.
///
/// The pages are those `EditionLayout.layout` gives the same edition, so the PDF reads and prints
/// the same either way. The bases are kept per job and block shape (its height and the small
/// print's): rows alike in what they fill share one. A block that is not one piece kept together
/// is laid out in full instead.
final class LaidOverEditions {
    private struct Key: Hashable {
        let job: Int
        let shape: EditionBlock.Shape
    }

    private struct Base {
        let pages: EditionGraft
        let slot: EditionSlot
        let count: Int
    }

    private var bases: [Key: Base] = [:]
    /// At most this many bases are kept (each ~40 KB, its objects read and what up to 32 editions
    /// copied in: about a megabyte), enough for a dozen jobs with five block heights each; the one
    /// used longest ago goes first.
    private static let limit = 64
    /// The keys, the one used last at the end.
    private var recent: [Key] = []

    /// Whether a product's editions are made this way: one PDF of pages in order (not a booklet's
    /// imposed sheets, a print shop's marks or a poster's tiles), the national text flowing.
    static func takes(_ job: Job, product: Product) -> Bool {
        ProductEdition.flows(product) && product.booklet == nil && !job.printShop && job.tile == nil
    }

    /// The edition's PDF: `block` laid over job `job`'s national pages, `metadata` naming the edition.
    func edition(job: Int, block: EditionBlock, layout: EditionLayout, metadata: (inout DocumentMetadata) -> Void,
                 builder: Builder) throws(DiagnosticError) -> [UInt8] {
        let base = try self.base(job: job, block: block, layout: layout, builder: builder)
        var overlay = layout.overlay(block, at: base.slot, pages: base.count)
        metadata(&overlay.metadata)
        let drawn = try builder.drawn(overlay)
        return try base.pages.edition(drawn.bytes, blockPage: base.slot.page, options: drawn.finish)
    }

    private func base(job: Int, block: EditionBlock, layout: EditionLayout, builder: Builder) throws(DiagnosticError) -> Base {
        let key = Key(job: job, shape: block.shape)
        if let found = bases[key] {
            if recent.last != key {
                recent.removeAll { $0 == key }
                recent.append(key)
            }
            return found
        }
        let laidOut = try builder.workspace.fonts.exclusively { () throws(DiagnosticError) in try layout.base(for: block) }
        let base = Base(pages: try EditionGraft(base: try builder.finished(laidOut.document)), slot: laidOut.slot,
                        count: laidOut.document.pages.count)
        if recent.count >= Self.limit { bases[recent.removeFirst()] = nil }
        bases[key] = base
        recent.append(key)
        return base
    }
}
