import Foundation
import HandbillLayout
import HandbillModel
import HandbillStyle

/// A local edition of any product. Leaflets and booklets flow page after page, so their national
/// text is shaped once (`EditionLayout`, the fast path); posters, tri-folds and wallet cards fit
/// their type to their pages, so each edition goes through the product's own path
/// (`Builder.layout`) with the contact's block placed by the product's styler
/// (`LocalEditionBlock`), and is fitted with the rest.
///
/// Writing follows `Builder`'s PDF outputs: print-shop bleed and marks, a card's copies on a sheet,
/// a booklet's imposed sheets and its screen PDF, a poster's tiles.
struct ProductEdition {
    let workspace: Workspace
    let job: Job

    /// Whether `EditionLayout`'s fast path lays the product out (pages after pages).
    static func flows(_ product: Product) -> Bool {
        product.poster == nil && product.trifold == nil && product.card == nil
    }

    /// The edition of a product that places its content its own way; nil for one that flows.
    func layout(_ document: Document, block: LocalEditionBlock) throws(DiagnosticError) -> PositionedDocument? {
        guard !Self.flows(try workspace.layouts.product(job.product)) else { return nil }
        var builder = Builder(workspace: workspace)
        // Each edition's fit starts where the national product's ended (FitStarts.swift), found
        // once per job and process.
        builder.fitStarts = .shared
        if FitStarts.shared.needsNational(job, document: document, fonts: workspace.fonts) { _ = try? builder.layout(document, job: job) }
        builder.localEdition = block
        do {
            return try builder.layout(document, job: job)
        } catch {
            // When the national product fits on its own, the local block is what is over: say so.
            guard (try? Builder(workspace: workspace).layout(document, job: job)) != nil else { throw error }
            throw DiagnosticError(error.diagnostics.map { diagnostic in
                var said = diagnostic
                said.message = "with this row's local contact, " + diagnostic.message + " (the national \(job.product) fits without it)"
                // The national product's own hint (shorten the guidance, leave the variant out) is not
                // what this row's owner can do: the national product fits.
                said.hint = "make this edition as a larger product" + (job.variant == "standard" ? "" : " or in the standard variant")
                    + ", or shorten the row's `organisation`"
                return said
            })
        }
    }

    /// Writes the edition into `folder`; returns the names of the files written.
    func write(_ edition: PositionedDocument, to folder: URL) throws(DiagnosticError) -> [String] {
        let builder = Builder(workspace: workspace)
        let name = job.fileName
        if job.tile != nil {
            let tiled = try builder.tiles(of: edition, job: job)
            try builder.write(tiled.sheets, to: folder.appendingPathComponent(name), readingOrder: tiled.readingOrder)
            return [name]
        }
        let files = try builder.writePDF(edition, job: job, to: folder.appendingPathComponent(name),
                                         screen: folder.appendingPathComponent(job.stem + "-screen.pdf")).0
        return files.map(\.lastPathComponent)
    }
}

/// The hooks the product paths call: each styled product with the local edition's block added,
/// or unchanged when the build is not a local edition.
extension Builder {
    func withLocalEdition(_ styled: StyledDocument, poster: PosterStyler, scale: Double) -> StyledDocument {
        localEdition?.placed(in: styled, poster: poster, scale: scale) ?? styled
    }

    func withLocalEdition(_ styled: StyledDocument, card: CardStyler, document: Document, body: Double) -> StyledDocument {
        localEdition?.placed(in: styled, card: card, document: document, body: body) ?? styled
    }

    func withLocalEdition(_ styled: StyledTrifold, trifold: TrifoldStyler) -> StyledTrifold {
        localEdition?.placed(in: styled, trifold: trifold) ?? styled
    }
}
