import HandbillModel

/// Draws crop, cut and fold marks onto finished pages, in registration colour: a `Separation`
/// colour space named `All`, which prints on every plate, so the marks line up on every colour
/// the press prints. Cairo has no separations, so the marks are added here, after its content
/// (in the page's own coordinates, its state saved and restored around it), as an artifact.
enum PrintMarkStamp {
    static let colourSpace = "HandbillRegistration"

    static func stamp(_ marks: [[PrintMark]], on pdf: QPDF) throws(DiagnosticError) {
        let registration = pdf.object("[/Separation /All /DeviceCMYK << /FunctionType 2 /Domain [0 1] /C0 [0 0 0 0] /C1 [1 1 1 1] /N 1 >>]")
        for (page, pageMarks) in zip(pdf.pages, marks) where !pageMarks.isEmpty {
            guard let box = page["MediaBox"]?.numbers, box.count == 4 else {
                throw DiagnosticError(.error("a page has no MediaBox to place print marks on", hint: "please report this as a bug in Handbill"))
            }
            let height = box[3]
            var operators = "\n/Artifact BMC q /\(colourSpace) CS 1 SCN 0 J\n"
            for mark in pageMarks {
                let dash = mark.dashed ? "[3 2] 0 d" : "[] 0 d"
                operators += "\(PDFNumber.format(mark.weight)) w \(dash) \(PDFNumber.format(mark.x0)) \(PDFNumber.format(height - mark.y0)) m "
                    + "\(PDFNumber.format(mark.x1)) \(PDFNumber.format(height - mark.y1)) l S\n"
            }
            operators += "Q EMC\n"
            // Cairo's content leaves its own transformation in force: wrap it in q … Q first.
            let content = Array("q\n".utf8) + (try page.pageContent()) + Array("\nQ".utf8) + Array(operators.utf8)
            page["Contents"] = pdf.stream(content)
            let resources = page["Resources"] ?? pdf.object("<< >>")
            let spaces = resources["ColorSpace"] ?? pdf.object("<< >>")
            spaces[colourSpace] = registration
            resources["ColorSpace"] = spaces
            page["Resources"] = resources
        }
    }
}
