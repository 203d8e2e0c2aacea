import Foundation
import HandbillFinish
import HandbillLayout
import HandbillModel
import HandbillRender
import HandbillStyle
import HandbillSyntax

/// Runs the pipeline for one job: parse → style → layout → render → write.
///
///     guidance.md ──parse──▶ Document ──style──▶ StyledDocument ──layout──▶ PositionedDocument ──render──▶ PDF
public struct Builder: Sendable {
    public let workspace: Workspace
    /// A local edition's contact, for the products that place it themselves (ProductEdition.swift).
    public var localEdition: LocalEditionBlock? = nil
    /// Where national products' fits ended, for their editions' (FitStarts.swift).
    var fitStarts: FitStarts? = nil

    public init(workspace: Workspace) { self.workspace = workspace }

    /// Renders and finishes a laid-out document into `pdf`, which appears whole or not at all.
    public func write(_ positioned: PositionedDocument, to pdf: URL, readingOrder: [Int]? = nil) throws(DiagnosticError) {
        try AtomicFile.write(try finished(positioned, readingOrder: readingOrder), to: pdf)
    }

    /// A laid-out document rendered and finished, in memory.
    func finished(_ positioned: PositionedDocument, readingOrder: [Int]? = nil) throws(DiagnosticError) -> [UInt8] {
        var drawn = try self.drawn(positioned)
        drawn.finish.readingOrder = readingOrder ?? positioned.readingOrder
        return try Finisher.finish(pdf: drawn.bytes, options: drawn.finish)
    }

    /// A laid-out document as Cairo drew it, in memory, and what finishing it takes.
    func drawn(_ positioned: PositionedDocument) throws(DiagnosticError) -> (bytes: [UInt8], finish: FinishOptions) {
        let options = PDFOptions(creator: "Handbill \(Workspace.version)", date: DocumentDate.iso(source: positioned.metadata.date))
        let drawn = try workspace.fonts.exclusively { () throws(DiagnosticError) in try PDFRenderer.render(positioned, options: options) }
        var finish = finishOptions(positioned)
        finish.elementAttributes = drawn.attributes
        return (drawn.bytes, finish)
    }

    /// What finishing writes besides the pages: metadata, boxes, links' words.
    func finishOptions(_ document: PositionedDocument) -> FinishOptions {
        let meta = document.metadata, date = DocumentDate.iso(source: meta.date)
        var options = FinishOptions(
            language: meta.language, title: meta.title, author: meta.publisher, subject: meta.summary ?? meta.title,
            keywords: meta.keywords, creator: "Handbill \(Workspace.version)",
            producer: "Handbill \(Workspace.version) (\(Versions.libraries))", date: date,
            pageBoxes: document.pages.map { page in
                // PDF boxes run from the bottom-left corner; layout's from the top-left.
                let trim = page.trimBox, bleed = page.bleedBox
                return PageBoxes(trim: [trim.x, page.height - trim.maxY, trim.maxX, page.height - trim.y],
                                 bleed: [bleed.x, page.height - bleed.maxY, bleed.maxX, page.height - bleed.y])
            },
            linkDescriptions: document.linkDescriptions, marks: document.pages.map(\.marks))
        options.rightToLeft = document.rightToLeft
        return options
    }

    /// Every stage but rendering: what `handbill check` and the tests use.
    public func layout(_ document: Document, job: Job) throws(DiagnosticError) -> PositionedDocument {
        try layout([document], job: job)
    }

    /// Lays out one document, or two side by side for a bilingual job (`en+pl`): `documents` are
    /// the guidance in each of the job's languages, in order.
    public func layout(_ documents: [Document], job: Job) throws(DiagnosticError) -> PositionedDocument {
        var positioned = try place(documents, job: job)
        // Two languages side by side read from the left whatever they are (`BilingualLayout`).
        if job.languages.count == 1 {
            positioned.rightToLeft = try workspace.layouts.language(job.languages[0]).direction == .rtl
        }
        return positioned
    }

    /// The pages of each kind of product (`layout`).
    private func place(_ documents: [Document], job: Job) throws(DiagnosticError) -> PositionedDocument {
        let languages = job.languages
        guard languages.count == documents.count, languages.count <= 2,
              zip(languages, documents).allSatisfy({ $0 == $1.metadata.language }) else {
            throw DiagnosticError(.error("the job is for `\(job.language)` but the guidance given is in \(documents.map { "`\($0.metadata.language)`" }.joined(separator: " and "))",
                                         hint: "a job has one language, or two joined by + (en+pl)"))
        }
        let layouts = workspace.layouts
        let product = try layouts.product(job.product), variant = try layouts.variant(job.variant)
        guard product.isMade(in: variant.name) else {
            throw DiagnosticError(.error("the \(product.title) is not made in the \(variant.name) variant",
                                         at: SourceLocation(file: layouts.folder.appendingPathComponent("products/\(product.name).yaml").relativePath, line: 1),
                                         hint: "it is made in \(product.variants?.joined(separator: ", ") ?? "")"))
        }
        if let panels = product.trifold {
            return try trifold(documents, languages: languages, product: product, variant: variant, panels: panels)
        }
        if let fit = product.poster {
            return try poster(documents, languages: languages, product: product, variant: variant, fit: fit)
        }
        if let card = product.card {  // the wallet card: CardBuild.swift
            return try self.card(documents, languages: languages, product: product, variant: variant, card: card)
        }
        // Pages after pages: styled here (the products above style their own way).
        var styled: [StyledDocument] = []
        for (language, document) in zip(languages, documents) {
            styled.append(try styler(product, variant, language).style(document))
        }
        let fonts = workspace.fonts
        return try fonts.exclusively { () throws(DiagnosticError) in
            styled.count == 2 ? try BilingualLayout(fonts: fonts).layout(styled[0], beside: styled[1])
                              : try DocumentLayout(fonts: fonts).layout(styled[0])
        }
    }

    /// A poster: one page, its type fitted, never below the product's floor for the variant's standard.
    private func poster(_ documents: [Document], languages: [String], product: Product, variant: Variant,
                        fit: Product.PosterFit) throws(DiagnosticError) -> PositionedDocument {
        let document = try oneLanguage(documents, what: "posters")
        let minimum = fit.minimumBodyPt[variant.standard.rawValue] ?? variant.sizes.body
        let styler = try styler(product, variant, languages[0])
        let posterStyler = PosterStyler(styler: styler, qrSize: points(mm: fit.qrMM), pictureLines: fit.pictureLines)
        let fonts = workspace.fonts
        let floor = max(1, minimum / styler.variant.sizes.body)
        try posterStyler.check(document)  // once, not at every size tried
        let national = nationalFit(product, variant, languages[0], styler, document)  // FitStarts.swift
        let fitted = try fonts.exclusively { () throws(DiagnosticError) in
            // The author's shorter texts (`poster: if-too-long:`) only where the full one does not fit.
            try PosterLayout(fonts: fonts).layout(floor: floor, texts: document.poster?.texts.count ?? 1, start: national.start,
                                                  national: national.national, reuse: national.reuse) { scale, text throws(DiagnosticError) in
                withLocalEdition(try posterStyler.style(document, scale: scale, text: text, checked: true), poster: posterStyler, scale: scale)
            }
        }
        rememberFit(fitted.start, product, variant, languages[0], styler, document)
        var positioned = fitted.0
        positioned.shortened = Self.posterShortening(document, styler: posterStyler, text: fitted.text, fullOverMM: fitted.fullOverMM,
                                                     floorPt: floor * styler.variant.sizes.body)  // Shortened.swift
        return positioned
    }

    /// The styler for a product, variant and language, with the shipped pictograms.
    func styler(_ product: Product, _ variant: Variant, _ language: String) throws(DiagnosticError) -> Styler {
        let layouts = workspace.layouts
        return Styler(product: product, variant: variant, strings: try layouts.language(language),
                      pictograms: layouts.folder.appendingPathComponent("pictograms"))
    }

    /// The one document of a product made in one language at a time (posters, tri-folds, cards).
    func oneLanguage(_ documents: [Document], what: String) throws(DiagnosticError) -> Document {
        guard documents.count == 1, let document = documents.first else {
            throw DiagnosticError(.error("\(what) are made in one language at a time", hint: "give one --lang"))
        }
        return document
    }

    /// Builds the job into `output`; returns the files written.
    @discardableResult
    public func build(_ document: Document, job: Job, output: URL, png: Bool = false) throws(DiagnosticError) -> [URL] {
        try build([document], job: job, output: output, png: png)
    }

    /// Builds a job in one language, or two side by side; returns the files written. A thumbnail
    /// of page 1 (for the proof sheet) goes to `Output/<guidance>/.thumbnails/` when asked for.
    @discardableResult
    public func build(_ documents: [Document], job: Job, output: URL, png: Bool = false, thumbnail: Bool = false) throws(DiagnosticError) -> [URL] {
        try buildOutput(documents, job: job, output: output, png: png, thumbnail: thumbnail).files  // Shortened.swift
    }

    func buildPDF(_ documents: [Document], job: Job, output: URL, png: Bool, thumbnail: Bool) throws(DiagnosticError) -> BuiltOutput {
        let laidOut = try layout(documents, job: job)
        let shortened = laidOut.shortened  // the note of what the layout left out, for the batch
        if job.tile != nil { return BuiltOutput(files: try buildTiled(laidOut, job: job, output: output, png: png, thumbnail: thumbnail), shortened: shortened) }
        var (written, positioned) = try writePDF(laidOut, job: job, to: job.file(in: output), screen: job.screenPDF(in: output))
        if png {
            for index in positioned.pages.indices {
                let file = job.png(in: output, page: index + 1)
                let png = try workspace.fonts.exclusively { () throws(DiagnosticError) in
                    try PNGRenderer.render(positioned, page: index, dpi: 100)
                }
                try AtomicFile.write(png, to: file)
                written.append(file)
            }
        }
        if thumbnail {
            let file = job.thumbnail(in: output)
            let bytes = try workspace.fonts.exclusively { () throws(DiagnosticError) in
                try PNGRenderer.render(positioned, page: 0, dpi: 24)
            }
            try AtomicFile.write(bytes, to: file)
            written.append(file)
        }
        return BuiltOutput(files: written, shortened: shortened)
    }

    /// Checks a `--print-shop` request before anything is built: Layouts/print-marks.yaml is there and reads.
    public static func checkPrintShop(layouts: LayoutLibrary) throws(DiagnosticError) {
        guard try layouts.printMarks() != nil else { throw noPrintMarks(layouts) }
    }

    private static func noPrintMarks(_ layouts: LayoutLibrary) -> DiagnosticError {
        DiagnosticError(.error("print-shop output needs \(layouts.folder.relativePath)/print-marks.yaml",
                               hint: "add it: bleed-mm, gap-mm, length-mm and weight-pt (see the one Handbill ships)"))
    }

    /// Writes a laid-out job's PDFs to `pdf`: with bleed and crop marks for a print shop, a card's
    /// copies on sheets, a booklet imposed on sheets (and its pages in order to `screen`). Returns the
    /// files written and the document as printed (what previews show).
    func writePDF(_ laidOut: PositionedDocument, job: Job, to pdf: URL, screen: URL) throws(DiagnosticError) -> ([URL], PositionedDocument) {
        var positioned = laidOut
        if job.printShop {
            guard let marks = try workspace.layouts.printMarks() else { throw Self.noPrintMarks(workspace.layouts) }
            positioned = PrintShopSheet.extend(positioned, marks: marks)
        }
        positioned = try imposedCard(positioned, job: job)  // a card's copies on sheets (CardBuild.swift)
        if !job.printShop, let sheet = try workspace.layouts.product(job.product).booklet?.sheetMM {
            // A booklet: its pages in order for screens, drawn and finished once, and the same
            // pages put on sheets to print (`SheetImposition`: nothing drawn again).
            var drawn = try self.drawn(positioned)
            drawn.finish.readingOrder = positioned.readingOrder
            let sides = BookletImposition.sides(pageCount: positioned.pages.count, rightToLeft: positioned.rightToLeft).map { SheetImposition.Side(left: $0.left, right: $0.right) }
            let finished = try Finisher.finish(pdf: drawn.bytes, options: drawn.finish, imposing: sides,
                                               sheetWidth: points(mm: sheet.width), sheetHeight: points(mm: sheet.height))
            try AtomicFile.write(finished.sheets, to: pdf)
            try AtomicFile.write(finished.pages, to: screen)
            return ([pdf, screen], positioned)
        }
        try write(positioned, to: pdf)
        return ([pdf], positioned)
    }
}
