import HandbillLayout
import HandbillModel
import HandbillStyle

extension Builder {
    /// A tri-fold leaflet: both sides of an A4 sheet, its type fitted between the variant's own
    /// size and the product's floor for the variant's standard.
    func trifold(_ documents: [Document], languages: [String], product: Product, variant: Variant,
                 panels: Trifold) throws(DiagnosticError) -> PositionedDocument {
        let document = try oneLanguage(documents, what: "tri-fold leaflets")
        let styler = try styler(product, variant, languages[0])
        let minimum = panels.minimumBodyPt[variant.standard.rawValue] ?? variant.sizes.body
        let floor = min(1, max(minimum / styler.variant.sizes.body, 0.01))
        let trifoldStyler = TrifoldStyler(styler: styler)
        let fonts = workspace.fonts
        // The most the guidance offers first: every `if-room:` section and the services in full;
        // then the services short, then one `if-room:` section fewer, … The smallest choice's
        // error says how much is over.
        var failure: DiagnosticError?
        for choice in TrifoldStyler.Choice.all(for: document) {
            do throws(DiagnosticError) {
                return try fonts.exclusively { () throws(DiagnosticError) in
                    try PanelLayout(fonts: fonts).fit(product, panels, floor: floor) { scale throws(DiagnosticError) in
                        withLocalEdition(try trifoldStyler.style(document, scale: scale, choice: choice), trifold: trifoldStyler)
                    }.0
                }
            } catch {
                failure = error
            }
        }
        throw failure ?? DiagnosticError(.error("the tri-fold could not be laid out", hint: "please report this as a bug in Handbill"))
    }
}
