import Foundation
import Handbill

/// The sextortion A4 leaflet in each variant, built once for the whole test run.
enum Leaflets {
    static let variants = ["standard", "large-print"]

    static let built: [String: (pdf: URL, pages: Int)] = {
        let output = Project.temporaryFolder()
        let document = try! Project.document()
        let builder = Builder(workspace: Project.workspace)
        var result: [String: (URL, Int)] = [:]
        for variant in variants {
            let job = Project.job(variant)
            let pages = try! builder.layout(document, job: job).pages.count
            result[variant] = (try! builder.build(document, job: job, output: output)[0], pages)
        }
        return result
    }()

    static func pdf(_ variant: String) -> URL { built[variant]!.pdf }
}
