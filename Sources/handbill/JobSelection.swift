import ArgumentParser
import Foundation
import Handbill
import HandbillModel
import HandbillSyntax

/// The guidance and which of its products, variants and languages a command works on.
struct JobSelection: ParsableArguments {
    @Argument(help: ArgumentHelp("The guidance folder (holding guidance.md).", valueName: "guidance-dir"))
    var guidance: String

    @Option(name: .long, help: ArgumentHelp("Product to make; repeat for several. Default: the default product.", valueName: "name"))
    var product: [String] = []

    @Option(name: .long, help: ArgumentHelp("Variant to make; repeat for several. Default: every variant.", valueName: "name"))
    var variant: [String] = []

    @Option(name: .long, help: ArgumentHelp("Language (BCP 47 tag, e.g. pl, zh-Hant), two side by side (en+pl), several separated by commas, or `all`. Default: the guidance's own language.", valueName: "tag"))
    var lang: String?

    @Option(name: .long, help: ArgumentHelp("Formats to make, comma-separated: pdf, brf (braille), pef (braille), html (web page). Default: pdf; with --all, every format.", valueName: "list"))
    var format: String?

    @Flag(name: .long, help: "Every product, variant, language and format the guidance and Layouts/ allow.")
    var all = false

    @Flag(name: .customLong("print-shop"), help: "PDFs for a print shop: 3 mm bleed and crop marks (Layouts/print-marks.yaml), booklets not imposed. Written as …-print-shop.pdf beside the office PDFs.")
    var printShop = false

    @Option(name: .long, help: ArgumentHelp("Split a poster onto sheets of this size (a4, a3) with overlaps and cut and glue marks, for office printers. Written as …-tiled-a4.pdf beside the poster.", valueName: "sheet"))
    var tile: String?

    /// The formats asked for, in the order given.
    func formats() throws(DiagnosticError) -> [OutputFormat] {
        guard let format else { return all ? Builder.allFormats : [.pdf] }
        var formats: [OutputFormat] = []
        for name in format.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces).lowercased() }) {
            guard let found = OutputFormat(rawValue: name) else {
                throw DiagnosticError(.error("`\(name)` is not a format", hint: "formats are \(OutputFormat.allCases.map(\.rawValue).joined(separator: ", "))"))
            }
            if !formats.contains(found) { formats.append(found) }
        }
        return formats
    }

    var folder: URL { URL(fileURLWithPath: guidance, isDirectory: true) }

    func guidanceFolder() throws(DiagnosticError) -> GuidanceFolder { try GuidanceFolder(folder) }

    func jobs(for guidance: GuidanceFolder, in workspace: Workspace) throws(DiagnosticError) -> [Job] {
        let layouts = workspace.layouts
        var products = try !product.isEmpty ? product.map { name throws(DiagnosticError) in try layouts.product(name).name }
            : all ? layouts.products.keys.sorted() : [try layouts.defaultProductName()!]
        // `--tile` with no product named tiles the posters bigger than the sheet (`--all --tile a4`: A3 and A2).
        if let tile, product.isEmpty, let sheet = try layouts.tiling()?.sheetsMM[tile] {
            products = layouts.products.values.filter { $0.poster != nil && $0.pageMM.width * $0.pageMM.height > sheet.width * sheet.height }
                .map(\.name).sorted()
        }
        if let tile { try Builder.checkTiling(tile, products: products, printShop: printShop, layouts: layouts) }  // TiledBuild.swift
        if printShop { try Builder.checkPrintShop(layouts: layouts) }
        let variants = try variant.isEmpty ? layouts.variantNames : variant.map { name throws(DiagnosticError) in try layouts.variant(name).name }
        let languages: [String]
        switch all && lang == nil ? "all" : lang {
        case nil: languages = [guidance.source.metadata.language]
        case "all": languages = guidance.languages
        case let list?:
            languages = list.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            for tag in languages.flatMap({ $0.split(separator: "+").map(String.init) }) where !guidance.languages.contains(tag) {
                _ = try guidance.document(language: tag)  // throws the helpful message
            }
            for pair in languages where pair.split(separator: "+").count > 2 {
                throw DiagnosticError(.error("`\(pair)`: a bilingual document has two languages", hint: "for example --lang en+pl"))
            }
        }
        var jobs: [Job] = []
        for format in try formats() {
            // Braille and web pages have no print product; they are made once per variant and language.
            let formatProducts = format == .pdf ? products : [format.productName!]
            // Each variant's file is read here: a broken one is this build's error, said once.
            var formatVariants: [String] = []
            for name in variants {
                let variant = try layouts.variant(name)
                if self.variant.contains(name) || Builder.makes(format, in: variant) { formatVariants.append(name) }
            }
            // Braille in the languages Layouts/formats/braille.yaml has a table for, unless asked for by name.
            let builder = Builder(workspace: workspace), named = lang != nil && lang != "all"
            let formatLanguages = (format == .brf || format == .pef) && !named ? languages.filter(builder.makesBraille(language:)) : languages
            jobs += try formatJobs(for: guidance, in: workspace, format: format, products: formatProducts,
                             variants: formatVariants, languages: formatLanguages)
        }
        return jobs
    }

    private func formatJobs(for guidance: GuidanceFolder, in workspace: Workspace, format: OutputFormat, products: [String],
                      variants: [String], languages: [String]) throws(DiagnosticError) -> [Job] {
        let layouts = workspace.layouts
        var jobs: [Job] = []
        for product in products {
            // A product not made in a variant is left out of the matrix, unless both are asked for by name.
            let made = try? layouts.product(product)  // this one file, not every product's
            for variant in variants where made?.isMade(in: variant) ?? true || (self.product.contains(product) && self.variant.contains(variant)) {
                // A variant with an edition of its own (easy read) is made in the languages that
                // edition has; asked for by name in another, it says which it has.
                var wanted = languages
                if let source = try layouts.source(ofVariant: variant) {
                    // A guidance without that edition is simply not made in that variant, unless asked for.
                    guard self.variant.contains(variant) || (try? guidance.edition(source)) != nil else { continue }
                    let edition = try guidance.edition(source)
                    let available = Set(edition.languages)
                    wanted = lang == nil && !all ? [edition.source.metadata.language]
                        : languages.filter { $0.split(separator: "+").allSatisfy { available.contains(String($0)) } }
                    if self.variant.contains(variant), let missing = languages.first(where: { !wanted.contains($0) }) {
                        throw DiagnosticError(.error("the \(source) edition has no `\(missing)` version",
                                                     hint: "its languages are \(edition.languages.joined(separator: ", "))"))
                    }
                }
                jobs += wanted.map { Job(guidance: guidance.name, product: product, variant: variant, language: $0, format: format, printShop: printShop, tile: tile) }
            }
        }
        return jobs
    }
}

/// Loads each language's document once.
final class DocumentCache {
    let guidance: GuidanceFolder
    private var documents: [String: Document] = [:]

    init(_ guidance: GuidanceFolder) { self.guidance = guidance }

    func document(_ language: String) throws(DiagnosticError) -> Document {
        if let cached = documents[language] { return cached }
        let document = try guidance.document(language: language)
        documents[language] = document
        return document
    }

    /// The documents a job needs: one, or two for a bilingual job, from its variant's edition.
    func documents(for job: Job, in workspace: Workspace) throws(DiagnosticError) -> [Document] {
        let source = try workspace.layouts.source(ofVariant: job.variant)
        var result: [Document] = []
        for language in job.languages {
            if let source {
                result.append(try guidance.edition(source).document(language: language))
            } else {
                result.append(try document(language))
            }
        }
        return result
    }
}
