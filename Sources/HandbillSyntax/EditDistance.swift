/// Levenshtein distance, for "did you mean" hints on misspelt keys. Words whose lengths differ by
/// more than 3 are never suggested, so their distance is only bounded (no table for a huge key).
func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a.prefix(100)), b = Array(b.prefix(100))
    if abs(a.count - b.count) > 3 { return abs(a.count - b.count) }
    var previous = Array(0...b.count)
    for i in 1...max(a.count, 1) where !a.isEmpty {
        var current = [i] + Array(repeating: 0, count: b.count)
        for j in 1...max(b.count, 1) where !b.isEmpty {
            current[j] = Swift.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        }
        previous = current
    }
    return a.isEmpty ? b.count : previous[b.count]
}
