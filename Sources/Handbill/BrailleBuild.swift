import Foundation
import HandbillModel
import HandbillStyle

extension Builder {
    /// Braille of one job: `.brf` (ASCII braille) or `.pef` (Portable Embosser Format), by the job's format.
    func buildBraille(_ documents: [Document], job: Job, output: URL) throws(DiagnosticError) -> [URL] {
        throw DiagnosticError(.error("braille (\(job.format.rawValue)) is not made yet", hint: "build --format pdf"))
    }

    /// Braille is made of the variants whose words differ (the guidance and its easy-read edition):
    /// large print and dyslexia-friendly are ways of printing, which braille has no use for.
    static func makesBraille(_ variant: Variant) -> Bool {
        variant.standard == .clearPrint || variant.standard == .easyRead
    }
}
