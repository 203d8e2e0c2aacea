import HandbillModel
import HandbillStyle

/// Design rules beyond a variant's own standard (which the layout library enforces when it reads
/// the file): every text colour's contrast reported against WCAG, italics for body text, and text
/// set in capitals.
public enum DesignLint {
    public static func check(_ variants: [Variant], layoutsFolder: String) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for variant in variants {
            let file = SourceLocation(file: "\(layoutsFolder)/variants/\(variant.name).yaml", line: 1)
            if variant.emphasis == .italic {
                found.append(Diagnostic(.warning, "`emphasis: italic`: italics are hard to read for many readers", at: file,
                                        hint: "use `emphasis: bold` (RNIB Clear Print, BDA)"))
            }
            for pair in variant.textColourPairs where pair.text.contrast(with: pair.background) < 7 {
                let ratio = pair.text.contrast(with: pair.background)
                found.append(Diagnostic(.warning, "\(pair.name) colour \(pair.text) on \(pair.background): contrast \(String(format: "%.1f", ratio)):1, below WCAG AAA (7:1)",
                                        at: file, hint: "AA (4.5:1) is the minimum; AAA is what large print and easy read need"))
            }
        }
        return found
    }

    /// Three or more words in a row set in capitals in the source.
    public static func capitals(in document: Document) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for (index, block) in document.blocks.enumerated() {
            let words = Sentences.words(block.plainText).map { $0.filter(\.isLetter) }
            var run = 0
            for word in words {
                run = word.count > 1 && word.allSatisfy(\.isUppercase) ? run + 1 : 0
                if run == 3 {
                    found.append(Diagnostic(.warning, "text in capitals is harder to read", at: index < document.blockLocations.count ? document.blockLocations[index] : nil,
                                            hint: "write it in ordinary letters; use bold for emphasis"))
                    break
                }
            }
        }
        return found
    }
}
