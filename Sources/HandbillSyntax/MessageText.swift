/// How values from a file appear in messages about it.
extension String {
    /// The text shortened for a message: a pasted-in paragraph or a 5,000-character key is
    /// named by its start, not echoed whole to the terminal.
    func abbreviated(to limit: Int = 60) -> String {
        guard count > limit else { return self }
        return String(prefix(limit)) + "…"
    }
}

extension Int {
    /// "5,000", "100,000": counts in messages, grouped as people read them.
    var grouped: String {
        let digits = String(magnitude)
        var result = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { result.append(",") }
            result.append(digit)
        }
        return (self < 0 ? "-" : "") + result
    }
}
