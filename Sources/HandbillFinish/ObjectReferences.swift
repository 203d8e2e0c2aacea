/// The references (`12 0 R`) in one object as qpdf writes it (`PDFObject.unparsed`), each as its
/// object number and where that number stands. qpdf's tokenizer (`ContentTokenSpans`) finds them
/// too, at ~25 times the cost (a string for every token); this reads only what qpdf writes: names,
/// numbers, `[ ]`, `<< >>`, and strings as `( … )` with backslash escapes or as `< hex >`.
enum ObjectReferences {
    static func find(in text: [UInt8]) -> [(number: Int, range: Range<Int>)] {
        var found: [(number: Int, range: Range<Int>)] = []
        var index = 0
        let count = text.count
        func digits(from start: Int) -> Int {
            var end = start
            while end < count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(text[end]) { end += 1 }
            return end
        }
        func spaces(from start: Int) -> Int {
            var end = start
            while end < count, isSpace(text[end]) { end += 1 }
            return end
        }
        while index < count {
            switch text[index] {
            case UInt8(ascii: "("):
                // A literal string: to its closing parenthesis, past escapes and balanced pairs.
                var depth = 1
                index += 1
                while index < count, depth > 0 {
                    switch text[index] {
                    case UInt8(ascii: "\\"): index += 1
                    case UInt8(ascii: "("): depth += 1
                    case UInt8(ascii: ")"): depth -= 1
                    default: break
                    }
                    index += 1
                }
            case UInt8(ascii: "<"):
                if index + 1 < count, text[index + 1] == UInt8(ascii: "<") {
                    index += 2
                } else {
                    while index < count, text[index] != UInt8(ascii: ">") { index += 1 }  // a hex string
                    index += 1
                }
            case UInt8(ascii: "/"):
                index += 1
                while index < count, !isDelimiter(text[index]) { index += 1 }  // a name
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                let start = index
                index = digits(from: start)
                guard start == 0 || isDelimiter(text[start - 1]) else { continue }
                // `number generation R`, the R standing alone.
                let afterNumber = index, generation = spaces(from: afterNumber)
                guard generation > afterNumber else { continue }
                let afterGeneration = digits(from: generation)
                guard afterGeneration > generation else { continue }
                let r = spaces(from: afterGeneration)
                guard r > afterGeneration, r < count, text[r] == UInt8(ascii: "R"), r + 1 == count || isDelimiter(text[r + 1]),
                      let number = Int(String(decoding: text[start..<afterNumber], as: UTF8.self)) else { continue }
                found.append((number, start..<afterNumber))
                index = r + 1
            default:
                index += 1
            }
        }
        return found
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 || byte == 0x0C || byte == 0x00
    }

    /// White space or one of PDF's delimiters, which end a name or a number.
    private static func isDelimiter(_ byte: UInt8) -> Bool {
        isSpace(byte) || "()<>[]{}/%".utf8.contains(byte)
    }
}
