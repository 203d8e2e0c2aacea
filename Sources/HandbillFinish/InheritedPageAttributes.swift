extension PDFObject {
    /// A page attribute that may be set on the page or any /Pages node above it (MediaBox, Resources, …).
    func inherited(_ key: String) -> PDFObject? {
        var node: PDFObject? = self
        var visited: Set<Int> = []
        while let current = node {
            if let value = current[key] { return value }
            if current.objectID != 0, !visited.insert(current.objectID).inserted { return nil }
            node = current["Parent"]
        }
        return nil
    }
}
