import CQPDFTokens
import HandbillModel

/// Rewrites a page's content stream so that decoration is an artifact.
///
/// Render tags decoration (backgrounds, rules, the callout box, running footers) with the standard
/// `Private` element, because Cairo 1.16 cannot write `/Artifact`. Here each
/// `/Private <</MCID n>> BDC … EMC` becomes `/Artifact BMC … EMC`, and any painting left outside
/// every marked-content sequence is wrapped in `/Artifact BMC … EMC` too, so that every piece of
/// page content is either tagged or an artifact, never both.
///
/// Every page of every document passes through here, so it works on byte ranges of the stream
/// (`ContentTokenSpans`) and copies runs of the input, never a token at a time.
enum ArtifactMarker {
    /// What an operator means here.
    private enum Operator {
        case beginTagged, beginMarked, end       // BDC, BMC, EMC
        case beginText, endText                  // BT, ET
        case pathStart, pathEnd                  // m re; S s f F f* B B* b b* n
        case standalone, inlineImage             // Do sh; BI
        case endInlineImage                      // EI, after an inline image's data
        case other
    }

    private static func classify(_ span: ContentTokenSpans.Span, in tokens: ContentTokenSpans) -> Operator {
        guard span.type == hb_tt_word else { return .other }
        let bytes = tokens.bytes, range = span.range
        switch range.count {
        case 1:
            switch bytes[range.lowerBound] {
            case UInt8(ascii: "m"): return .pathStart
            case UInt8(ascii: "S"), UInt8(ascii: "s"), UInt8(ascii: "f"), UInt8(ascii: "F"),
                 UInt8(ascii: "B"), UInt8(ascii: "b"), UInt8(ascii: "n"): return .pathEnd
            default: return .other
            }
        case 2:
            if tokens.span(span, is: "BT") { return .beginText }
            if tokens.span(span, is: "ET") { return .endText }
            if tokens.span(span, is: "re") { return .pathStart }
            if tokens.span(span, is: "f*") || tokens.span(span, is: "B*") || tokens.span(span, is: "b*") { return .pathEnd }
            if tokens.span(span, is: "Do") || tokens.span(span, is: "sh") { return .standalone }
            if tokens.span(span, is: "BI") { return .inlineImage }
            if tokens.span(span, is: "EI") { return .endInlineImage }
            return .other
        case 3:
            if tokens.span(span, is: "BDC") { return .beginTagged }
            if tokens.span(span, is: "BMC") { return .beginMarked }
            if tokens.span(span, is: "EMC") { return .end }
            return .other
        default:
            return .other
        }
    }

    /// What ends an artifact this rewrite opened around unmarked painting.
    private enum Wrapping { case text, path, image, now }

    static func rewrite(_ content: [UInt8]) throws(DiagnosticError) -> [UInt8] {
        let tokens = try ContentTokenSpans(content)
        let bytes = tokens.bytes, spans = tokens.spans
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + 256)
        var start = 0                // the first byte of the operands (and spaces) since the last operator
        var firstSpan = 0            // their first token
        var depth = 0                // open marked-content sequences
        var wrapping: Wrapping?      // the artifact we opened, if any

        func emit(_ range: Range<Int>) { output.append(contentsOf: bytes[range]) }
        func emit(_ text: StaticString) { text.withUTF8Buffer { output.append(contentsOf: $0) } }

        for (index, span) in spans.enumerated() {
            guard span.isOperator else { continue }
            let operation = start..<span.range.upperBound
            switch classify(span, in: tokens) {
            case .beginTagged:
                let firstOperand = spans[firstSpan..<index].first { !$0.isIgnorable }
                if let firstOperand, tokens.span(firstOperand, is: "/Private") {
                    // Keep the whitespace before, drop the tag and its property list.
                    emit(start..<firstOperand.range.lowerBound)
                    emit("/Artifact BMC")
                } else {
                    emit(operation)
                }
                depth += 1
            case .beginMarked:
                emit(operation)
                depth += 1
            case .end:
                emit(operation)
                depth = max(0, depth - 1)
            case let kind:
                if depth == 0 && wrapping == nil {
                    switch kind {
                    case .beginText: wrapping = .text
                    case .pathStart: wrapping = .path
                    case .standalone: wrapping = .now
                    case .inlineImage: wrapping = .image
                    default: break
                    }
                    if wrapping != nil { emit("/Artifact BMC\n") }
                }
                emit(operation)
                let ends: Bool
                switch wrapping {
                case .text: ends = kind == .endText
                case .path: ends = kind == .pathEnd
                case .image: ends = kind == .endInlineImage   // not before: EI belongs to the image
                case .now: ends = true
                case nil: ends = false
                }
                if ends {
                    emit("\nEMC")
                    wrapping = nil
                }
            }
            start = span.range.upperBound
            firstSpan = index + 1
        }
        emit(start..<bytes.count)
        if wrapping != nil { emit("\nEMC") }
        return output
    }
}
