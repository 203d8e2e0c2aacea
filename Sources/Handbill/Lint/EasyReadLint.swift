import HandbillModel

/// The easy-read writing rules (DoH 2010, PIF 2023) on an easy-read edition: short sentences,
/// a picture for every point, acronyms explained, active voice, and for English a Flesch Reading
/// Ease of 70 or more.
public enum EasyReadLint {
    static let warnAbove = 15, refuseAbove = 25, minimumFlesch = 70.0

    public static func check(_ document: Document) -> [Diagnostic] {
        var found: [Diagnostic] = []
        var sentenceCount = 0, wordCount = 0, syllableCount = 0
        var reported: Set<String> = []  // each unexplained acronym once, where it first appears
        let everything = Array(document.blocks.map(\.plainText).joined(separator: " ").utf8)
        for (index, block) in document.blocks.enumerated() {
            let location = index < document.blockLocations.count ? document.blockLocations[index] : nil
            if case .paragraph = block {
                found.append(Diagnostic(.warning, "an easy-read point without a picture", at: location,
                                        hint: "start the point with its picture: ![A phone](phone) …"))
            }
            guard !block.isHeading else { continue }
            for sentence in Sentences.of(block.plainText) {
                let words = Sentences.words(sentence)
                sentenceCount += 1
                wordCount += words.count
                syllableCount += words.map(Sentences.syllables).reduce(0, +)
                if words.count > refuseAbove {
                    found.append(.error("a sentence of \(words.count) words: “\(excerpt(sentence))”", at: location,
                                        hint: "easy read keeps to 15 words or fewer; split it into two or three sentences"))
                } else if words.count > warnAbove {
                    found.append(Diagnostic(.warning, "a sentence of \(words.count) words: “\(excerpt(sentence))”", at: location,
                                            hint: "easy read keeps to 15 words or fewer"))
                }
                if let passive = passive(in: sentence) {
                    found.append(Diagnostic(.warning, "“\(passive)” may be passive voice", at: location,
                                            hint: "say who does it: “The police will help you”, not “You will be helped”"))
                }
            }
            for acronym in acronyms(in: block.plainText) where !isExplained(acronym, in: everything) && reported.insert(acronym).inserted {
                found.append(Diagnostic(.warning, "the initials \(acronym) are not explained", at: location,
                                        hint: "say what they stand for the first time, e.g. “\(acronym) (the … Centre)”"))
            }
        }
        if document.metadata.language.hasPrefix("en"), sentenceCount > 0, wordCount > 0 {
            let score = 206.835 - 1.015 * Double(wordCount) / Double(sentenceCount) - 84.6 * Double(syllableCount) / Double(wordCount)
            if score < minimumFlesch {
                found.append(Diagnostic(.warning, "Flesch Reading Ease is \(Int(score.rounded())); easy read aims for \(Int(minimumFlesch)) or more",
                                        at: document.blockLocations.first.map { SourceLocation(file: $0.file, line: 1) },
                                        hint: "use shorter sentences and shorter, everyday words"))
            }
        }
        return found
    }

    /// Words of two or more capital letters (CEOP, NCA, AI).
    static func acronyms(in text: String) -> [String] {
        Sentences.words(text).map { $0.filter { $0.isLetter } }
            .filter { $0.count >= 2 && $0.allSatisfy { $0.isUppercase && $0.isASCII } }
    }

    /// Explained when somewhere it is followed by an explanation — brackets, a dash, a colon or a
    /// comma (“CEOP (Child …)”, “CEOP – …”, “CEOP, czyli …”), or “is”/“means” — or is itself in brackets.
    /// `text` is the whole document's UTF-8, compared byte for byte: Foundation's `contains` folds
    /// Unicode on every call and cost a quarter of a cold build.
    static func isExplained(_ acronym: String, in text: [UInt8]) -> Bool {
        ["(", " (", " –", " —", " -", ":", ",", "،", " is ", " means "].contains { text.holds(acronym + $0) }
            || text.holds("(\(acronym))") || text.holds("（\(acronym)）")
    }

    /// “is/are/was/were/be/been + a word ending in -ed”: a common sign of the passive.
    static func passive(in sentence: String) -> String? {
        let words = Sentences.words(sentence).map { $0.lowercased().filter { $0.isLetter } }
        let auxiliaries: Set<String> = ["is", "are", "was", "were", "be", "been", "being"]
        for (index, word) in words.enumerated().dropLast() where auxiliaries.contains(word) {
            let next = words[index + 1]
            if next.count > 4, next.hasSuffix("ed"), !["need", "needed", "worried", "scared", "tired"].contains(next) {
                return "\(word) \(next)"
            }
        }
        return nil
    }

    private static func excerpt(_ text: String) -> String { text.count > 70 ? String(text.prefix(67)) + "…" : text }
}

extension Block {
    var isHeading: Bool { if case .heading = self { return true } else { return false } }
}

extension [UInt8] {
    /// Whether `piece`'s UTF-8 occurs in these bytes.
    func holds(_ piece: String) -> Bool {
        let needle = Array(piece.utf8)
        guard let first = needle.first else { return true }
        guard count >= needle.count else { return false }
        for start in 0...(count - needle.count) where self[start] == first {
            if self[start..<(start + needle.count)].elementsEqual(needle) { return true }
        }
        return false
    }
}
