import CQPDFTokens
import HandbillModel

/// A content-stream token as qpdf's tokenizer gives it.
struct ContentToken: Equatable {
    var type: hb_token_type
    /// The token's bytes exactly as in the stream.
    var raw: [UInt8]

    var text: String { String(decoding: raw, as: UTF8.self) }
    var isIgnorable: Bool { type == hb_tt_space || type == hb_tt_comment }
    /// An operator (`BT`, `Tj`, `BDC`, …), or an inline image's data, which ends its `BI`.
    var isOperator: Bool { type == hb_tt_word || type == hb_tt_inline_image }

    /// Splits a content stream into tokens with qpdf's tokenizer.
    static func tokenize(_ bytes: [UInt8]) throws(DiagnosticError) -> [ContentToken] {
        final class Sink { var tokens: [ContentToken] = [] }
        let sink = Sink()
        var message = [CChar](repeating: 0, count: 512)
        let status = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                hb_tokenize_content(chars.baseAddress, chars.count, Unmanaged.passUnretained(sink).toOpaque(), { context, type, raw, length in
                    let sink = Unmanaged<Sink>.fromOpaque(context!).takeUnretainedValue()
                    let bytes = raw.map { Array(UnsafeRawBufferPointer(start: $0, count: length)) } ?? []
                    sink.tokens.append(ContentToken(type: type, raw: bytes))
                }, &message, message.count)
            }
        }
        guard status == 0 else {
            throw DiagnosticError(.error("a page's content stream cannot be read: \(String(decoding: message.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))"))
        }
        return sink.tokens
    }
}
