import ArgumentParser
import Foundation
import Handbill
import HandbillModel
import HandbillSyntax

/// `handbill edition-worker GUIDANCE_DIR`: one worker process of `handbill build --editions`
/// (EditionProcesses.swift). Started by `build`, not by hand: it reads rows on standard input and
/// answers on standard output.
struct EditionWorkerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "edition-worker", abstract: "A worker process of `handbill build --editions` (internal).", shouldDisplay: false)

    @Argument(help: "The guidance folder.")
    var guidance: String

    @OptionGroup var resources: ResourceOptions

    func run() throws {
        try runReporting { () throws(DiagnosticError) -> Bool in
            let workspace = try resources.workspace()
            let folder = try GuidanceFolder(URL(fileURLWithPath: guidance, isDirectory: true))
            try EditionProcesses.serve(workspace: workspace, guidance: folder)
            return true
        }
    }
}
