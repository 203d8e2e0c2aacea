import Foundation
import HandbillLayout
import HandbillModel
import HandbillRender
import HandbillStyle

/// Posters tiled onto office paper (`--tile a4`): the poster laid out as usual, then split onto
/// sheets by `PosterTiling` and written as `<stem>-tiled-a4.pdf` (and its pages as PNG).
extension Builder {
    /// Checks a `--tile` request before anything is built: a sheet `Layouts/tiling.yaml` names,
    /// and only poster products, for an office printer.
    public static func checkTiling(_ sheet: String, products: [String], printShop: Bool, layouts: LayoutLibrary) throws(DiagnosticError) {
        guard let settings = try layouts.tiling() else {
            throw DiagnosticError(.error("tiling needs \(layouts.folder.relativePath)/tiling.yaml",
                                         hint: "add it: sheets-mm, overlap-mm, printer-margin-mm, the marks and label-pt (see the one Handbill ships)"))
        }
        guard settings.sheetsMM[sheet] != nil else {
            throw DiagnosticError(.error("`--tile \(sheet)`: there is no sheet size `\(sheet)` for tiling",
                                         hint: "the sizes are \(settings.sheetsMM.keys.sorted().joined(separator: ", ")) (sheets-mm in \(layouts.folder.relativePath)/tiling.yaml)"))
        }
        for name in products where try layouts.product(name).poster == nil {
            let posters = layouts.products.values.filter { $0.poster != nil }.map(\.name).sorted()
            throw DiagnosticError(.error("`--tile` splits a poster onto smaller sheets, and `\(name)` is not a poster",
                                         hint: "name the poster to tile: --product \(posters.last ?? "poster-a2") --tile \(sheet)"))
        }
        if printShop {
            throw DiagnosticError(.error("`--tile` and `--print-shop` do not go together: tiles are for office printers",
                                         hint: "a print shop prints the poster at its size: leave out --tile"))
        }
    }

    func buildTiled(_ poster: PositionedDocument, job: Job, output: URL, png: Bool, thumbnail: Bool) throws(DiagnosticError) -> [URL] {
        let tiled = try tiles(of: poster, job: job)
        let pdf = job.file(in: output)
        try write(tiled.sheets, to: pdf, readingOrder: tiled.readingOrder)
        var written = [pdf]
        for index in png ? Array(tiled.sheets.pages.indices) : [] {
            let file = job.png(in: output, page: index + 1)
            try AtomicFile.write(try workspace.fonts.exclusively { () throws(DiagnosticError) in
                try PNGRenderer.render(tiled.sheets, page: index, dpi: 100)
            }, to: file)
            written.append(file)
        }
        if thumbnail {
            let file = job.thumbnail(in: output)
            try AtomicFile.write(try workspace.fonts.exclusively { () throws(DiagnosticError) in
                try PNGRenderer.render(tiled.sheets, page: 0, dpi: 24)
            }, to: file)
            written.append(file)
        }
        return written
    }

    /// A laid-out poster split onto the sheets `job.tile` names, each with its marks and label.
    public func tiles(of poster: PositionedDocument, job: Job) throws(DiagnosticError) -> PosterTiling.Result {
        let layouts = workspace.layouts
        guard let sheet = job.tile else {
            throw DiagnosticError(.error("the job \(job) is not tiled", hint: "please report this as a bug in Handbill"))
        }
        try Self.checkTiling(sheet, products: [job.product], printShop: job.printShop, layouts: layouts)
        guard let settings = try layouts.tiling(), let page = poster.pages.first else {
            throw DiagnosticError(.error("the poster has no page to tile", hint: "please report this as a bug in Handbill"))
        }
        let grid = try TileGrid.plan(posterWidth: page.width, posterHeight: page.height, sheetName: sheet, settings: settings)
        // The label is in the poster's language when its file has the words; otherwise in English.
        var strings = try layouts.language(job.languages[0])
        if strings.tiling == nil, let english = try? layouts.language("en"), english.tiling != nil { strings = english }
        guard let words = strings.tiling else {
            throw DiagnosticError(.error("neither \(job.languages[0]).yaml nor en.yaml in \(layouts.folder.relativePath)/languages has the tile labels' words",
                                         hint: "add `tiling:` (tile, over-left, over-above, glue) to \(layouts.folder.relativePath)/languages/en.yaml"))
        }
        let family = Styler(product: try layouts.product(job.product), variant: try layouts.variant(job.variant), strings: strings).variant.font
        let fonts = workspace.fonts
        let labeller = TileLabeller(fonts: fonts, family: family, language: strings.name, shapingLanguage: strings.glyphForms, rightToLeft: strings.direction == .rtl,
                                    size: settings.labelPt)
        return try fonts.exclusively { () throws(DiagnosticError) in
            try PosterTiling.tile(poster, grid: grid, settings: settings, words: words) { text, width throws(DiagnosticError) in
                try labeller.label(text, width: width)
            }
        }
    }
}
