import CQPDFTokens
import HandbillModel

/// Rewrites an overlay page's content stream to be drawn after another page's own content: its
/// resource names get a prefix (Cairo names every document's fonts and states alike, `/f-0-0`,
/// `/a0`), and its marked-content ids follow the page's (`/MCID n` → `/MCID n+offset`), so the
/// structure elements that point at them stay unique on the page.
enum OverlayContent {
    /// What every overlay resource name is prefixed with; Cairo's own names never start so.
    static let prefix = "hbl"

    /// `content` rewritten; `names` are the overlay page's resource names (without the slash).
    static func rewrite(_ content: [UInt8], names: Set<String>, mcidOffset: Int) throws(DiagnosticError) -> [UInt8] {
        let tokens = try ContentTokenSpans(content)
        let bytes = tokens.bytes
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + 256)
        var copied = 0              // bytes before this are in `output`
        var afterMCID = false       // the last token was the name /MCID
        for span in tokens.spans {
            switch span.type {
            case hb_tt_name:
                let name = String(decoding: bytes[(span.range.lowerBound + 1)..<span.range.upperBound], as: UTF8.self)
                afterMCID = name == "MCID"
                guard names.contains(name) else { continue }
                output.append(contentsOf: bytes[copied..<(span.range.lowerBound + 1)])
                output.append(contentsOf: Array(prefix.utf8))
                copied = span.range.lowerBound + 1
            case hb_tt_integer where afterMCID:
                afterMCID = false
                guard let value = Int(String(decoding: bytes[span.range], as: UTF8.self)) else { continue }
                output.append(contentsOf: bytes[copied..<span.range.lowerBound])
                output.append(contentsOf: Array(String(value + mcidOffset).utf8))
                copied = span.range.upperBound
            default:
                afterMCID = false
            }
        }
        output.append(contentsOf: bytes[copied...])
        return output
    }
}
