import HandbillModel

/// A structure tree's parent tree as Cairo writes it: one flat `/Nums` list.
struct ParentTree {
    /// The tree's dictionary, and its list of keys and values.
    let holder: PDFObject
    let nums: PDFObject
    /// Each key's value: a page's list of elements by marked-content id, or an annotation's element.
    let values: [Int: PDFObject]
    let nextKey: Int

    init?(_ pdf: QPDF) {
        guard let holder = pdf.root["StructTreeRoot"]?["ParentTree"], let nums = holder["Nums"], nums.isArray else { return nil }
        self.holder = holder
        self.nums = nums
        var values: [Int: PDFObject] = [:]
        var next = 0
        for index in stride(from: 0, to: nums.count - 1, by: 2) {
            guard let key = nums.item(index).integer else { continue }
            values[key] = nums.item(index + 1)
            next = max(next, key + 1)
        }
        self.values = values
        nextKey = max(next, pdf.root["StructTreeRoot"]?["ParentTreeNextKey"]?.integer ?? 0)
    }

    /// Sets `key`'s value in the list; false when the key is not there.
    func set(key: Int, value: PDFObject) -> Bool {
        for index in stride(from: 0, to: nums.count - 1, by: 2) where nums.item(index).integer == key {
            nums.setItem(index + 1, value)
            return true
        }
        return false
    }

    /// Takes `keys` and their values out of the list.
    func remove(keys: Set<Int>) {
        guard !keys.isEmpty else { return }
        for index in stride(from: nums.count - 2, through: 0, by: -2) {
            guard let key = nums.item(index).integer, keys.contains(key) else { continue }
            nums.eraseItem(index + 1)
            nums.eraseItem(index)
        }
    }

    /// Adds a key above every other (the list stays in key order); returns how to take it out.
    func add(key: Int, value: PDFObject) -> () -> Void {
        nums.append(nums.pdf.integer(key))
        nums.append(value)
        return { [nums] in
            nums.eraseItem(nums.count - 1)
            nums.eraseItem(nums.count - 1)
        }
    }
}
