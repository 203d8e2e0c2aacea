import CQPDFTokens
import HandbillModel

/// Rewrites a page's content stream so that decoration is an artifact.
///
/// Render tags decoration (backgrounds, rules, the callout box, running footers) with the standard
/// `Private` element, because Cairo 1.16 cannot write `/Artifact`. Here each
/// `/Private <</MCID n>> BDC … EMC` becomes `/Artifact BMC … EMC`, and any painting left outside
/// every marked-content sequence is wrapped in `/Artifact BMC … EMC` too, so that every piece of
/// page content is either tagged or an artifact, never both.
enum ArtifactMarker {
    /// Operators that start painting something when no marked content is open.
    static let pathStart: Set<String> = ["m", "re"]
    static let pathEnd: Set<String> = ["S", "s", "f", "F", "f*", "B", "B*", "b", "b*", "n"]
    static let standalone: Set<String> = ["Do", "sh", "BI"]

    static func rewrite(_ content: [UInt8]) throws(DiagnosticError) -> [UInt8] {
        let tokens = try ContentToken.tokenize(content)
        var output: [UInt8] = []
        output.reserveCapacity(content.count + 256)
        var operation: [ContentToken] = []  // operands (and spaces) since the last operator
        var depth = 0                       // open marked-content sequences
        var wrapping: String?               // the operator that ends an artifact we opened ("ET", a path end)

        func emit(_ tokens: [ContentToken]) { for token in tokens { output += token.raw } }
        func emit(_ text: String) { output += Array(text.utf8) }

        for token in tokens {
            operation.append(token)
            guard token.isOperator else { continue }
            let op = token.text
            switch op {
            case "BDC":
                let operands = operation.filter { !$0.isIgnorable }
                if operands.first?.text == "/Private" {
                    // Keep the whitespace before, drop the tag and its property list.
                    emit(Array(operation.prefix { $0.isIgnorable }))
                    emit("/Artifact BMC")
                } else {
                    emit(operation)
                }
                depth += 1
            case "BMC":
                emit(operation)
                depth += 1
            case "EMC":
                emit(operation)
                depth = max(0, depth - 1)
            default:
                if depth == 0 && wrapping == nil {
                    if op == "BT" {
                        wrapping = "ET"
                    } else if pathStart.contains(op) {
                        wrapping = "path"
                    } else if standalone.contains(op) {
                        wrapping = op == "BI" ? "image" : "now"
                    }
                    if wrapping != nil { emit("/Artifact BMC\n") }
                }
                emit(operation)
                let ends = (wrapping == "path" && pathEnd.contains(op)) || (wrapping == "image" && token.type == hb_tt_inline_image)
                if let end = wrapping, end == op || end == "now" || ends {
                    emit("\nEMC")
                    wrapping = nil
                }
            }
            operation = []
        }
        emit(operation)
        if wrapping != nil { emit("\nEMC") }
        return output
    }
}
