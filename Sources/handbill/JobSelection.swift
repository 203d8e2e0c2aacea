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

    @Option(name: .long, help: ArgumentHelp("Language (BCP 47 tag). Default: the guidance's own language.", valueName: "tag"))
    var lang: String?

    var folder: URL { URL(fileURLWithPath: guidance, isDirectory: true) }

    func jobs(for document: Document, in workspace: Workspace) throws(DiagnosticError) -> [Job] {
        let layouts = workspace.layouts
        let products = try product.isEmpty ? [layouts.defaultProduct!.name] : product.map { name throws(DiagnosticError) in try layouts.product(name).name }
        let variants = try variant.isEmpty ? layouts.variants.keys.sorted() : variant.map { name throws(DiagnosticError) in try layouts.variant(name).name }
        let language = lang ?? document.metadata.language
        let name = GuidanceLoader.name(of: folder)
        return products.flatMap { product in
            variants.map { Job(guidance: name, product: product, variant: $0, language: language) }
        }
    }
}
