import ArgumentParser
import Foundation
import Handbill
import HandbillModel

@main
struct HandbillCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "handbill",
        abstract: "Turn structured public-safety guidance into print-ready, accessible PDF leaflets.",
        discussion: """
            A guidance folder holds guidance.md: YAML front matter and a CommonMark body. Products \
            (A4 leaflet, …) and variants (standard, large print, …) are files in Layouts/.

            Examples:
              handbill build Guidance/sextortion
              handbill build Guidance/sextortion --variant large-print --png
              handbill check Guidance/sextortion
            """,
        version: Workspace.version,
        subcommands: [BuildCommand.self, CheckCommand.self, ListCommand.self, InspectCommand.self, BenchCommand.self,
                      BuildWorkerCommand.self])
}

/// Where Layouts/ and Fonts/ are; shared by every command.
struct ResourceOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Folder of product, variant and language files.", valueName: "dir"))
    var layouts: String?

    @Option(name: .long, help: ArgumentHelp("Folder of the fonts to render with.", valueName: "dir"))
    var fonts: String?

    /// `layoutsOnDemand`: read the layout files (products, variants, languages, print marks, tiling) only as they are used.
    func workspace(layoutsOnDemand: Bool = false) throws(DiagnosticError) -> Workspace {
        let root = Workspace.defaultRoot()
        return try Workspace(
            layouts: layouts.map { URL(fileURLWithPath: $0, isDirectory: true) } ?? root.appendingPathComponent("Layouts"),
            fonts: fonts.map { URL(fileURLWithPath: $0, isDirectory: true) } ?? root.appendingPathComponent("Fonts"),
            layoutsOnDemand: layoutsOnDemand)
    }
}

/// Prints diagnostics to standard error, as compilers do.
func report(_ error: DiagnosticError) {
    for diagnostic in error.diagnostics { printError(diagnostic.description) }
}

func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}

/// Runs a command's work, prints its diagnostics, and exits 1 when it threw or returned false.
func runReporting(_ body: () throws(DiagnosticError) -> Bool) throws {
    let succeeded: Bool
    do throws(DiagnosticError) {
        succeeded = try body()
    } catch {
        report(error)
        throw ExitCode.failure
    }
    if !succeeded { throw ExitCode.failure }
}
