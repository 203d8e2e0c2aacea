import Foundation

/// A font's way from the bytes of a show string to text: its codes (1 byte for a simple font, 2
/// for a Type0 font, Identity-H as Cairo and most writers use) looked up in its /ToUnicode map.
struct FontDecoder {
    /// Bytes per character code.
    let codeLength: Int
    private let toUnicode: ToUnicodeMap?

    init(font: PDFObject) {
        codeLength = font["Subtype"]?.name == "Type0" ? 2 : 1
        // A map that cannot be read is as good as none: a screen reader falls back the same way.
        toUnicode = font["ToUnicode"].flatMap { stream in
            guard stream.isStream, let cmap = try? stream.streamData() else { return nil }
            return try? ToUnicodeMap(cmap: cmap, pdf: stream.pdf)
        }
    }

    /// The text of `bytes`; a code the map lacks is read as Windows-1252 in a simple font (what
    /// most simple fonts without a map use, and right for ASCII in all of them), else as U+FFFD.
    func text(of bytes: [UInt8]) -> String {
        var result = ""
        var index = 0
        while index + codeLength <= bytes.count {
            let code = bytes[index..<index + codeLength].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
            result += toUnicode?[code] ?? fallback(code)
            index += codeLength
        }
        return result
    }

    private func fallback(_ code: UInt32) -> String {
        guard codeLength == 1 else { return "\u{FFFD}" }
        return String(data: Data([UInt8(code)]), encoding: .windowsCP1252) ?? "\u{FFFD}"
    }
}
