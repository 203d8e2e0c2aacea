/// Counted nouns and page lists for problem sentences.
enum Plural {
    /// `1 link`, `3 links`.
    static func count(_ count: Int, _ singular: String, _ plural: String? = nil) -> String {
        "\(count) \(count == 1 ? singular : plural ?? singular + "s")"
    }

    /// `page 2`, `pages 1–3 and 5`.
    static func pages(_ numbers: [Int]) -> String {
        var ranges: [String] = []
        var start = 0
        while start < numbers.count {
            var end = start
            while end + 1 < numbers.count, numbers[end + 1] == numbers[end] + 1 { end += 1 }
            ranges.append(end == start ? "\(numbers[start])" : "\(numbers[start])–\(numbers[end])")
            start = end + 1
        }
        let list = ranges.count == 1 ? ranges[0] : ranges.dropLast().joined(separator: ", ") + " and " + ranges.last!
        return (numbers.count == 1 ? "page " : "pages ") + list
    }
}

extension String {
    var capitalisedFirst: String { prefix(1).uppercased() + dropFirst() }
}
