import ArgumentParser
import Foundation
import Handbill
import HandbillModel
import HandbillSyntax

/// `handbill build-worker GUIDANCE_DIR`: one worker process of `handbill build`'s batch
/// (WorkerProcesses.swift). Started by `build`, not by hand: it reads jobs on standard input and
/// answers on standard output.
struct BuildWorkerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build-worker", abstract: "A worker process of `handbill build` (internal).", shouldDisplay: false)

    @Argument(help: "The guidance folder.")
    var guidance: String

    @OptionGroup var resources: ResourceOptions

    func run() throws {
        try runReporting { () throws(DiagnosticError) -> Bool in
            let workspace = try resources.workspace()
            let folder = try GuidanceFolder(URL(fileURLWithPath: guidance, isDirectory: true))
            try WorkerProcesses.serve(workspace: workspace, guidance: folder)
            return true
        }
    }
}
