import CQPDFTokens
import HandbillModel

/// A content stream's tokens as kinds and byte ranges into the stream itself: the finishing
/// stage's hot path (every page of every document), where a token each as its own array cost
/// more than qpdf's tokenizer did. Spaces and comments between tokens have no spans (qpdf skips
/// them, which halves the tokens it builds): whoever copies ranges takes the gaps with them.
struct ContentTokenSpans {
    struct Span {
        var type: hb_token_type
        var range: Range<Int>

        var isIgnorable: Bool { type == hb_tt_space || type == hb_tt_comment }
        /// An operator (`BT`, `Tj`, `BDC`, …), or an inline image's data, which ends its `BI`.
        var isOperator: Bool { type == hb_tt_word || type == hb_tt_inline_image }
    }

    /// The stream the ranges point into.
    let bytes: [UInt8]
    let spans: [Span]

    /// Tokenizes `bytes` with qpdf's tokenizer (CQPDFTokens), in batches.
    init(_ bytes: [UInt8]) throws(DiagnosticError) {
        final class Sink { var spans: [Span] = [] }
        let sink = Sink()
        sink.spans.reserveCapacity(bytes.count / 4)
        var message = [CChar](repeating: 0, count: 512)
        let status = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                hb_tokenize_content_spans(chars.baseAddress, chars.count, Unmanaged.passUnretained(sink).toOpaque(), { context, batch, count in
                    let sink = Unmanaged<Sink>.fromOpaque(context!).takeUnretainedValue()
                    for item in UnsafeBufferPointer(start: batch, count: count) {
                        sink.spans.append(Span(type: item.type, range: item.offset..<(item.offset + item.length)))
                    }
                }, &message, message.count)
            }
        }
        if status == -2 {
            // qpdf's offsets disagree with its tokens' bytes: take the tokens' own bytes instead.
            self.init(tokens: try ContentToken.tokenize(bytes))
            return
        }
        guard status == 0 else {
            throw DiagnosticError(.error("a page's content stream cannot be read: \(String(decoding: message.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))"))
        }
        self.init(bytes: bytes, spans: sink.spans)
    }

    private init(bytes: [UInt8], spans: [Span]) {
        self.bytes = bytes
        self.spans = spans
    }

    /// Spans over the tokens' raw bytes laid end to end (spaces and comments included, as their
    /// bytes must be somewhere).
    init(tokens: [ContentToken]) {
        var bytes: [UInt8] = [], spans: [Span] = []
        for token in tokens {
            spans.append(Span(type: token.type, range: bytes.count..<(bytes.count + token.raw.count)))
            bytes += token.raw
        }
        self.init(bytes: bytes, spans: spans)
    }

    /// Whether the span's bytes are `text`'s (ASCII operators and names).
    func span(_ span: Span, is text: StaticString) -> Bool {
        guard span.range.count == text.utf8CodeUnitCount else { return false }
        return text.withUTF8Buffer { expected in
            var index = span.range.lowerBound
            for byte in expected {
                if bytes[index] != byte { return false }
                index += 1
            }
            return true
        }
    }
}
