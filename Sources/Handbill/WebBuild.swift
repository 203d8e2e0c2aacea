import Foundation
import HandbillModel
import HandbillStyle

extension Builder {
    /// The accessible web page of one job (and, for the proof sheet, a screenshot when `thumbnail`).
    func buildWeb(_ documents: [Document], job: Job, output: URL, thumbnail: Bool) throws(DiagnosticError) -> [URL] {
        throw DiagnosticError(.error("web pages (html) are not made yet", hint: "build --format pdf"))
    }

    /// Every variant makes a web page: its sizes, colours and fonts come from the same layout data.
    static func makesWebPage(_ variant: Variant) -> Bool { true }
}
