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
        // Two shortcuts, neither changing what is chosen: the cover's title, summary and key message
        // are the same in every choice that keeps the summary there, so once they overflow at the
        // floor (large print) only the others are tried; and the services' three forms share their
        // text, so once it overflows the inside at the floor the group's other forms are skipped.
        var coverOverflows = false
        var textOverflows: TrifoldStyler.Choice?
        // The choices share most of their blocks (the cover, the sections kept, the services), set
        // at the same sizes at the floor: each is shaped once. A local edition starts from where its
        // national leaflet's fit ended (FitStarts.swift).
        let national = nationalFit(product, variant, languages[0], styler, document)
        for (index, choice) in TrifoldStyler.Choice.all(for: document).enumerated() where choice.summaryInside || !coverOverflows {
            if let textOverflows, Self.sameText(choice, textOverflows) { continue }
            do throws(DiagnosticError) {
                let fitting = try fonts.exclusively { () throws(DiagnosticError) in
                    try PanelLayout(fonts: fonts).fitting(product, panels, floor: floor, reuse: national.reuse, start: national.start(index),
                                                          bound: national.bound(index)) { scale throws(DiagnosticError) in
                        withLocalEdition(try trifoldStyler.style(document, scale: scale, choice: choice), trifold: trifoldStyler)
                    }
                }
                switch fitting {
                case .fits(var positioned, let scale, let failsAt):
                    rememberFit(FitStart(text: index, scale: scale, failsAt: failsAt), product, variant, languages[0], styler, document)
                    positioned.shortened = choice.shortening(for: document)  // the build's note of what was left out
                    return positioned
                case .over(let over):
                    failure = PanelLayout.error(over)
                    if over.cover > 0, !choice.summaryInside { coverOverflows = true }
                    if over.inside > 0 { textOverflows = choice }
                }
            } catch {
                failure = error
            }
        }
        throw failure ?? DiagnosticError(.error("the tri-fold could not be laid out", hint: "please report this as a bug in Handbill"))
    }

    /// Whether two choices set the same text inside (they differ only in how the services are set).
    static func sameText(_ one: TrifoldStyler.Choice, _ other: TrifoldStyler.Choice) -> Bool {
        var one = one, other = other
        one.shortServices = false; one.servicesStartInside = false
        other.shortServices = false; other.servicesStartInside = false
        return one == other
    }
}
