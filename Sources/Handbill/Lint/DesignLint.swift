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

    /// Three or more words in a row set in capitals in the source: words of two or more letters,
    /// every letter a capital. A word without letters or digits (a dash) does not break the run;
    /// one with digits and no letters (a year) does. Read scalar by scalar: every build lints.
    public static func capitals(in document: Document) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for (index, block) in document.blocks.enumerated() where shouts(block.plainText) {
            found.append(Diagnostic(.warning, "text in capitals is harder to read", at: index < document.blockLocations.count ? document.blockLocations[index] : nil,
                                    hint: "write it in ordinary letters; use bold for emphasis"))
        }
        return found
    }

    /// Whether `text` has three words in capitals in a row.
    public static func shouts(_ text: String) -> Bool {
        var run = 0, letters = 0, capitals = true, counts = false
        func endWord() -> Bool {
            defer { letters = 0; capitals = true; counts = false }
            guard counts else { return false }  // no letter or digit: not a word
            run = letters > 1 && capitals ? run + 1 : 0
            return run == 3
        }
        for scalar in text.unicodeScalars {
            let properties = scalar.properties
            if properties.isWhitespace {
                if endWord() { return true }
            } else if properties.isAlphabetic {
                letters += 1
                counts = true
                if !properties.isUppercase { capitals = false }
            } else if properties.numericType != nil {
                counts = true
            }
        }
        return endWord()
    }
}
