import HandbillLayout
import HandbillModel
import HandbillStyle

/// The wallet card: laid out once (front and back, the type fitted) and, for an office printer,
/// imposed several to a sheet with cut marks (`card:` in the product file).
extension Builder {
    /// The card's two sides, its body size the largest that fits, never below the product's floor.
    func card(_ documents: [Document], languages: [String], product: Product, variant: Variant,
              card: ProductCard) throws(DiagnosticError) -> PositionedDocument {
        let document = try oneLanguage(documents, what: "wallet cards")
        let styler = try styler(product, variant, languages[0])
        let cardStyler = CardStyler(styler: styler, card: card)
        let fonts = workspace.fonts
        // A local edition starts from where its national card's fit ended (FitStarts.swift).
        let national = nationalFit(product, variant, languages[0], styler, document)
        let fitted = try fonts.exclusively { () throws(DiagnosticError) in
            try CardLayout(fonts: fonts).layout(floor: cardStyler.floor, ceiling: card.maximumBodyPt, start: national.start(0),
                                                bound: national.bound(0)) { body throws(DiagnosticError) in
                withLocalEdition(try cardStyler.style(document, body: body), card: cardStyler, document: document, body: body)
            }
        }
        rememberFit(FitStart(text: 0, scale: fitted.body, failsAt: fitted.failsAt), product, variant, languages[0], styler, document)
        return fitted.0
    }

    /// For an office printer, the card's copies on sheets with cut marks; a print shop gets the
    /// card alone (with bleed and crop marks) and imposes it itself.
    func imposedCard(_ positioned: PositionedDocument, job: Job) throws(DiagnosticError) -> PositionedDocument {
        guard !job.printShop, let card = try workspace.layouts.product(job.product).card else { return positioned }
        return CardSheet.impose(positioned, card: card)
    }
}
