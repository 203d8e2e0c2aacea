import ArgumentParser
import Foundation
import Handbill
import HandbillModel
import HandbillSyntax

/// `handbill build-worker GUIDANCE_DIR [--editions]`: one worker process of `handbill build`'s batch
/// (WorkerProcesses.swift) or of its local editions (EditionProcesses.swift). Started by `build`,
/// not by hand: it reads jobs or rows on standard input and answers on standard output.
struct BuildWorkerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build-worker", abstract: "A worker process of `handbill build` (internal).", shouldDisplay: false)

    @Argument(help: "The guidance folder.")
    var guidance: String

    @OptionGroup var resources: ResourceOptions

    @Flag(help: "Build local editions' rows rather than jobs.")
    var editions = false

    func run() throws {
        try runReporting { () throws(DiagnosticError) -> Bool in
            // Only the layout files its jobs use: the parent has checked those, and a broken file
            // no job uses must not stop the children when it does not stop the parent.
            let workspace = try resources.workspace(layoutsOnDemand: true)
            let folder = try GuidanceFolder(URL(fileURLWithPath: guidance, isDirectory: true))
            if editions {
                try EditionProcesses.serve(workspace: workspace, guidance: folder)
            } else {
                try WorkerProcesses.serve(workspace: workspace, guidance: folder)
            }
            return true
        }
    }
}
