import CQPDFTokens

/// What content-stream and CMap tokens stand for, read by qpdf's object parser: a string's bytes
/// with its escapes undone, a name with its `#xx` undone, a property list as a dictionary.
/// Handbill never undoes PDF escapes itself.
extension ContentToken {
    /// A string token's bytes (`(Don\222t)` → `Don`, 0x92, `t`; `<0041>` → 0x00, 0x41).
    func bytes(in pdf: QPDF) -> [UInt8]? {
        guard type == hb_tt_string, let object = pdf.parsed(Self.syntax([self])) else { return nil }
        defer { object.release() }
        return object.bytes
    }

    /// A name token without its slash (`/F#231` → `F#1`).
    func name(in pdf: QPDF) -> String? {
        guard type == hb_tt_name, let object = pdf.parsed(raw) else { return nil }
        defer { object.release() }
        return object.name
    }

    /// An integer or real token's value.
    var number: Double? {
        type == hb_tt_integer || type == hb_tt_real ? Double(text) : nil
    }

    /// The object that `tokens` spell, e.g. the inline dictionary of `/Span << /ActualText (x) >> BDC`.
    /// The caller releases it.
    static func object(_ tokens: some Collection<ContentToken>, in pdf: QPDF) -> PDFObject? {
        tokens.isEmpty ? nil : pdf.parsed(syntax(tokens))
    }

    /// The tokens' bytes as qpdf's parser can take them: a C string, so a NUL byte (legal inside a
    /// literal string, and whitespace outside one) is written as the escape or space it stands for.
    private static func syntax(_ tokens: some Collection<ContentToken>) -> [UInt8] {
        var result: [UInt8] = []
        for token in tokens {
            guard token.raw.contains(0) else { result += token.raw; result.append(0x20); continue }
            if token.type != hb_tt_string {
                result += token.raw.map { $0 == 0 ? 0x20 : $0 }
            } else {
                // After a backslash, a NUL is taken as itself: `\` then NUL becomes `\000` too.
                var escaped = false
                for byte in token.raw {
                    if byte == 0 {
                        result += escaped ? Array("000".utf8) : Array("\\000".utf8)
                    } else {
                        result.append(byte)
                    }
                    escaped = byte == UInt8(ascii: "\\") && !escaped
                }
            }
            result.append(0x20)
        }
        return result
    }
}
