import CQPDF
import HandbillModel

/// Writes what changed in a PDF as an incremental update (ISO 32000-1, 7.5.6): the file's bytes
/// as they are, then the changed and new objects, a cross-reference stream for them pointing back
/// to the file's own (`/Prev`), and a new `startxref`. qpdf reads and edits the objects and writes
/// each one (`unparse`); it has no writer for updates, so the few lines that lay them out are here.
///
/// A local edition is its national pages plus ~50 objects of its own: writing only those is what
/// makes an edition cheap (`EditionGraft`). Readers see one document, as with any updated PDF.
struct IncrementalUpdate {
    let pdf: QPDF
    /// The bytes `pdf` was read from.
    let base: [UInt8]
    /// Where the file's cross-reference section starts (its `startxref`).
    let startxref: Int
    /// The file's `/Size`: objects numbered from here on are new.
    let firstNew: Int
    private var changed: [Int: PDFObject] = [:]

    init(pdf: QPDF, base: [UInt8], startxref: Int, firstNew: Int) {
        self.pdf = pdf
        self.base = base
        self.startxref = startxref
        self.firstNew = firstNew
    }

    /// Notes objects changed in place; direct objects (written with their container) are skipped.
    mutating func changed(_ objects: PDFObject?...) {
        for object in objects.compactMap({ $0 }) where object.objectID != 0 { changed[object.objectID] = object }
    }

    /// The updated file's bytes: every object noted, every new object they lead to, and the
    /// cross-reference stream. New objects are numbered from `firstNew` in the order they are
    /// reached from the changed ones, whatever numbers qpdf gave them, so the same changes give
    /// the same bytes (however many objects earlier editions left in `pdf`).
    func written() throws(DiagnosticError) -> [UInt8] {
        var output = base
        if output.last != UInt8(ascii: "\n") { output.append(UInt8(ascii: "\n")) }
        var numbers: [Int: Int] = [:]      // qpdf's number of a new object → its number in the file
        var reached: [PDFObject] = []      // new objects, in the order reached
        var offsets: [(id: Int, generation: Int, offset: Int)] = []

        func write(_ object: PDFObject, as id: Int) throws(DiagnosticError) {
            let generation = id < firstNew ? Int(qpdf_oh_get_generation(pdf.data, object.handle)) : 0
            offsets.append((id, generation, output.count))
            output += Array("\(id) \(generation) obj\n".utf8)
            if object.isStream {
                let data = try object.rawStreamData()
                let dictionary = PDFObject(pdf: pdf, handle: qpdf_oh_get_dict(pdf.data, object.handle))
                dictionary["Length"] = pdf.integer(data.count)
                output += renumbered(dictionary.unparsed) + Array("\nstream\n".utf8) + data + Array("\nendstream".utf8)
            } else {
                output += renumbered(object.unparsed)
            }
            output += Array("\nendobj\n".utf8)
        }
        /// `text` with each reference to a new object renumbered; new objects met are queued.
        func renumbered(_ text: [UInt8]) -> [UInt8] {
            var result: [UInt8] = [], copied = 0
            for (id, range) in ObjectReferences.find(in: text) where id >= firstNew {
                let number: Int
                if let known = numbers[id] { number = known } else {
                    number = firstNew + reached.count
                    numbers[id] = number
                    reached.append(PDFObject(pdf: pdf, handle: qpdf_get_object_by_id(pdf.data, Int32(id), 0)))
                }
                result += text[copied..<range.lowerBound]
                result += Array(String(number).utf8)
                copied = range.upperBound
            }
            guard copied > 0 else { return text }
            result += text[copied...]
            return result
        }

        for id in changed.keys.sorted() { try write(changed[id]!, as: id) }
        var next = 0
        while next < reached.count {
            try write(reached[next], as: firstNew + next)
            next += 1
        }
        try pdf.check("write the changes to")
        // The cross-reference stream: the objects above and itself, each as type 1 (in the file),
        // its byte offset and generation.
        let xrefID = firstNew + reached.count
        let xrefOffset = output.count
        offsets.append((xrefID, 0, xrefOffset))
        offsets.sort { $0.id < $1.id }
        var rows: [UInt8] = []
        for entry in offsets {
            rows.append(1)
            rows += (0..<4).reversed().map { UInt8(truncatingIfNeeded: entry.offset >> ($0 * 8)) }
            rows += [UInt8(truncatingIfNeeded: entry.generation >> 8), UInt8(truncatingIfNeeded: entry.generation)]
        }
        let index = offsets.map { "\($0.id) 1" }.joined(separator: " ")
        let trailer = pdf.trailer
        let first = trailer["ID"]?.items.first.map { String(decoding: $0.unparsed, as: UTF8.self) } ?? "<>"
        // The second ID names this version: fingerprints of the update, so equal input gives equal bytes.
        let update = output[base.count...]
        let print = [Fingerprint.of(update), Fingerprint.of(Array(first.utf8) + update)].map { $0.dropFirst("fnv1a64:".count) }.joined()
        let dictionary = "<< /Type /XRef /Size \(xrefID + 1) /Root \(trailer["Root"].map { "\($0.objectID) 0 R" } ?? "null")"
            + (trailer["Info"].map { " /Info \($0.objectID) 0 R" } ?? "")
            + " /ID [\(first) <\(print)>] /Prev \(startxref) /W [1 4 2] /Index [\(index)] /Length \(rows.count) >>"
        output += Array("\(xrefID) 0 obj\n\(dictionary)\nstream\n".utf8) + rows + Array("\nendstream\nendobj\nstartxref\n\(xrefOffset)\n%%EOF\n".utf8)
        return output
    }

    /// The byte offset after the file's last `startxref`.
    static func startxref(of bytes: [UInt8]) -> Int? {
        let keyword = Array("startxref".utf8)
        var index = bytes.count - keyword.count
        let stop = max(0, bytes.count - 1024)
        while index >= stop {
            if bytes[index..<(index + keyword.count)].elementsEqual(keyword) {
                let digits = bytes[(index + keyword.count)...].drop { $0 == 10 || $0 == 13 || $0 == 32 }.prefix { (48...57).contains($0) }
                return Int(String(decoding: digits, as: UTF8.self))
            }
            index -= 1
        }
        return nil
    }
}
