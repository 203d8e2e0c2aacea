import Foundation

/// Sentences and words of running text, as the easy-read rules count them.
enum Sentences {
    /// Splits at `.`, `!`, `?` (and their Arabic and CJK forms) followed by a space or the end;
    /// a number like 2.5 or an address like safer.scot stays whole.
    static func of(_ text: String) -> [String] {
        var sentences: [String] = [], current = ""
        let enders: Set<Character> = [".", "!", "?", "؟", "。", "！", "？"]
        var characters = Array(text)
        characters.append(" ")
        for (index, character) in characters.enumerated().dropLast() {
            current.append(character)
            if enders.contains(character), characters[index + 1].isWhitespace {
                sentences.append(current.trimmingSpaces)
                current = ""
            }
        }
        if !current.trimmingSpaces.isEmpty { sentences.append(current.trimmingSpaces) }
        return sentences.filter { !$0.isEmpty }
    }

    /// Words: runs between spaces that hold a letter or digit ("101" and "safer.scot" count as one).
    static func words(_ sentence: String) -> [String] {
        sentence.split(whereSeparator: \.isWhitespace).map(String.init).filter { $0.contains(where: { $0.isLetter || $0.isNumber }) }
    }

    /// Vowel groups, a silent final e dropped: the usual estimate for Flesch Reading Ease.
    static func syllables(_ word: String) -> Int {
        let letters = word.lowercased().filter(\.isLetter)
        guard !letters.isEmpty else { return 0 }
        let vowels: Set<Character> = ["a", "e", "i", "o", "u", "y"]
        var count = 0, previousWasVowel = false
        for letter in letters {
            let vowel = vowels.contains(letter)
            if vowel && !previousWasVowel { count += 1 }
            previousWasVowel = vowel
        }
        if letters.hasSuffix("e") && !letters.hasSuffix("le") && count > 1 { count -= 1 }
        return max(1, count)
    }
}

extension String {
    var trimmingSpaces: String { trimmingCharacters(in: .whitespacesAndNewlines) }
}
