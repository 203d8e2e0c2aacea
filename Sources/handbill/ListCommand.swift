import ArgumentParser
import Foundation
import Handbill
import HandbillModel
import HandbillSyntax

struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List the products, variants and languages Handbill can make.")

    @OptionGroup var resources: ResourceOptions

    @Option(name: .long, help: ArgumentHelp("Folder of guidance folders to list.", valueName: "dir"))
    var guidance: String = "Guidance"

    func run() throws {
        try runReporting { () throws(DiagnosticError) -> Bool in
            let workspace = try resources.workspace()
            let layouts = workspace.layouts
            print("Products:")
            for product in layouts.products.values.sorted(by: { $0.name < $1.name }) {
                let only = product.variants.map { " — made in \($0.joined(separator: ", ")) only" } ?? ""
                print("  \(product.name.padding(toLength: 16, withPad: " ", startingAt: 0))\(product.description)\(product.isDefault ? " (default)" : "")\(only)")
            }
            print("Variants:")
            for variant in layouts.variants.values.sorted(by: { $0.name < $1.name }) {
                print("  \(variant.name.padding(toLength: 16, withPad: " ", startingAt: 0))\(variant.title), \(variant.sizes.body)pt body, meets \(variant.standard.rawValue)")
            }
            print("Formats (--format): pdf; brf and pef (braille in \(brailleLanguages(workspace))); html (web page, every language)")
            print("Languages (page furniture): \(layouts.languages.keys.sorted().joined(separator: ", "))")
            print("Fonts: \(workspace.fonts.families.sorted().joined(separator: ", "))")
            let folder = URL(fileURLWithPath: guidance, isDirectory: true)
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
            print("Guidance in \(guidance)/:")
            for name in names {
                let sub = folder.appendingPathComponent(name)
                guard FileManager.default.fileExists(atPath: sub.appendingPathComponent(GuidanceLoader.sourceFileName).path) else { continue }
                do throws(DiagnosticError) {
                    let document = try GuidanceLoader.load(folder: sub)
                    print("  \(name.padding(toLength: 16, withPad: " ", startingAt: 0))\(document.metadata.title) [\(document.metadata.language)]")
                } catch {
                    print("  \(name.padding(toLength: 16, withPad: " ", startingAt: 0))(has errors: run handbill check \(sub.relativePath))")
                }
            }
            return true
        }
    }

    /// The languages braille is made in: those Layouts/formats/braille.yaml has a table for.
    private func brailleLanguages(_ workspace: Workspace) -> String {
        let builder = Builder(workspace: workspace)
        let languages = workspace.layouts.languages.keys.sorted().filter { builder.makesBraille(language: $0) }
        return languages.isEmpty ? "Layouts/formats/braille.yaml is missing or has errors" : languages.joined(separator: ", ")
    }
}
