import CQPDFTokens
import HandbillModel

/// One page's content stream, token by token: what lies outside tagged and artifact content, and
/// what is both.
struct PageMarkingScan {
    static let textShowing: Set<String> = ["Tj", "TJ", "'", "\""]
    static let pathPainting: Set<String> = ["S", "s", "f", "F", "f*", "B", "B*", "b", "b*"]
    static let objectPainting: Set<String> = ["Do", "sh", "BI"]

    /// Pieces of painting neither tagged nor artifact: a text object counts once, a path, an image or a shading each once.
    private(set) var untagged = 0
    /// Sequences with an MCID inside an artifact, or artifacts inside tagged content.
    private(set) var both = 0
    private(set) var unbalanced = false
    /// Whether any marked content has an MCID.
    private(set) var tagged = false

    /// One open marked-content sequence.
    private struct Sequence { var tagged: Bool; var artifact: Bool }
    private var open: [Sequence] = []
    /// Inside BT…ET, whether this text object's unmarked text was counted already.
    private var textCounted = false

    init(_ page: PDFObject) throws(DiagnosticError) {
        let properties = page.inherited("Resources")?["Properties"]
        var operands: [ContentToken] = []
        for token in try ContentToken.tokenize(try page.pageContent()) where !token.isIgnorable {
            guard token.isOperator else { operands.append(token); continue }
            take(token.text, operands: operands, properties: properties)
            operands = []
        }
        if !open.isEmpty { unbalanced = true }
    }

    private var isTagged: Bool { open.contains { $0.tagged } }
    private var isArtifact: Bool { open.contains { $0.artifact } }

    private mutating func take(_ op: String, operands: [ContentToken], properties: PDFObject?) {
        switch op {
        case "BMC", "BDC":
            let artifact = operands.first?.text == "/Artifact"
            let hasMCID = op == "BDC" && Self.mcid(in: operands, properties: properties) != nil
            if (hasMCID && isArtifact) || (artifact && isTagged) { both += 1 }
            tagged = tagged || hasMCID
            open.append(Sequence(tagged: hasMCID, artifact: artifact))
        case "EMC":
            if open.popLast() == nil { unbalanced = true }
        case "BT":
            textCounted = false
        case _ where Self.textShowing.contains(op):
            if !isTagged, !isArtifact, !textCounted { untagged += 1; textCounted = true }
        case _ where Self.pathPainting.contains(op) || Self.objectPainting.contains(op):
            if !isTagged, !isArtifact { untagged += 1 }
        default:
            break
        }
    }

    /// The MCID of `/Tag << /MCID 3 >> BDC` or of `/Tag /Name BDC` (a property list in the resources).
    private static func mcid(in operands: [ContentToken], properties: PDFObject?) -> Int? {
        if operands.count == 2, operands[1].type == hb_tt_name {
            return properties?[String(operands[1].text.dropFirst())]?["MCID"]?.integer
        }
        for (key, value) in zip(operands, operands.dropFirst())
        where key.type == hb_tt_name && key.text == "/MCID" && value.type == hb_tt_integer {
            return Int(value.text)
        }
        return nil
    }
}
