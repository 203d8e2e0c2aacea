import CGLib
import Foundation
import HandbillModel

/// The facts read from an XMP packet: dc:title and pdfuaid:part, whether written as elements or
/// as attributes of rdf:Description (both are valid RDF, and tools differ).
struct XMPFacts {
    static let dublinCore = "http://purl.org/dc/elements/1.1/"
    static let rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
    static let pdfuaID = "http://www.aiim.org/pdfua/ns/id/"

    var title: String?
    var pdfuaPart: Int?
    /// Why the packet could not be read: a stream qpdf cannot decode, or XML that is not well formed.
    var error: String?

    init(stream: PDFObject) {
        do throws(DiagnosticError) {
            self.init(try stream.streamData())
        } catch {
            self.init(title: nil, pdfuaPart: nil, error: error.diagnostics.first?.message ?? "its stream cannot be decoded")
        }
    }

    init(title: String?, pdfuaPart: Int?, error: String?) {
        self.title = title
        self.pdfuaPart = pdfuaPart
        self.error = error
    }

    /// Reads a packet with GLib's GMarkup (well-formed XML, the five entities and character
    /// references, CDATA as text; processing instructions such as `<?xpacket?>` passed over).
    /// GMarkup reads UTF-8 only: a packet in UTF-16 or UTF-32 (XMP allows both) is converted first.
    /// GMarkup does not resolve namespaces: `Reader` maps prefixes to their `xmlns` declarations.
    init(_ packet: [UInt8]) {
        let bytes = Self.utf8(packet)
        let reader = Reader()
        // GLib keeps the parser's address for the whole parse: it must outlive every call below.
        let callbacks = UnsafeMutablePointer<GMarkupParser>.allocate(capacity: 1)
        defer { callbacks.deallocate() }
        callbacks.initialize(to: GMarkupParser())
        callbacks.pointee.start_element = { _, name, keys, values, context, _ in
            guard let name, let context else { return }
            var attributes: [(String, String)] = []
            var index = 0
            while let key = keys?[index], let value = values?[index] {  // both lists end with NULL
                attributes.append((String(cString: key), String(cString: value)))
                index += 1
            }
            Unmanaged<Reader>.fromOpaque(context).takeUnretainedValue().start(String(cString: name), attributes: attributes)
        }
        callbacks.pointee.end_element = { _, _, context, _ in
            guard let context else { return }
            Unmanaged<Reader>.fromOpaque(context).takeUnretainedValue().end()
        }
        callbacks.pointee.text = { _, text, length, context, _ in
            guard let text, let context else { return }
            let words = String(decoding: UnsafeRawBufferPointer(start: text, count: Int(length)), as: UTF8.self)
            Unmanaged<Reader>.fromOpaque(context).takeUnretainedValue().text += words
        }
        var failure: UnsafeMutablePointer<GError>?
        withExtendedLifetime(reader) {
            let flags = GMarkupParseFlags(G_MARKUP_PREFIX_ERROR_POSITION.rawValue | G_MARKUP_TREAT_CDATA_AS_TEXT.rawValue)
            let parser = g_markup_parse_context_new(callbacks, flags, Unmanaged.passUnretained(reader).toOpaque(), nil)
            defer { g_markup_parse_context_free(parser) }
            let parsed = bytes.withUnsafeBufferPointer { buffer in
                buffer.withMemoryRebound(to: CChar.self) { g_markup_parse_context_parse(parser, $0.baseAddress, gssize($0.count), &failure) }
            }
            if parsed != 0 { _ = g_markup_parse_context_end_parse(parser, &failure) }
        }
        if let failure {
            error = "it is not well-formed XML: " + (failure.pointee.message.map { String(cString: $0) } ?? "GLib could not parse it")
            g_error_free(failure)
        }
        let titles = reader.titles
        title = (titles.first { $0.language == "x-default" } ?? titles.first).map(\.text)
        pdfuaPart = reader.part.flatMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
    }

    /// The packet in UTF-8, without a byte-order mark: UTF-16 and UTF-32 are told by their
    /// byte-order mark, or by the zero bytes around the opening `<`.
    static func utf8(_ bytes: [UInt8]) -> [UInt8] {
        func starts(_ prefix: [UInt8]) -> Bool { bytes.starts(with: prefix) }
        func units<T: FixedWidthInteger>(_ type: T.Type, bigEndian: Bool, dropping bom: Int) -> [T] {
            let size = MemoryLayout<T>.size
            return stride(from: bom, to: bytes.count - size + 1, by: size).map { offset in
                let value = bytes[offset..<offset + size].reduce(T(0)) { $0 << 8 | T($1) }  // read big-endian
                return bigEndian ? value : value.byteSwapped
            }
        }
        if starts([0xEF, 0xBB, 0xBF]) { return Array(bytes.dropFirst(3)) }
        if starts([0x00, 0x00, 0xFE, 0xFF]) || starts([0x00, 0x00, 0x00, 0x3C]) {
            return Array(String(decoding: units(UInt32.self, bigEndian: true, dropping: starts([0, 0, 0xFE, 0xFF]) ? 4 : 0), as: UTF32.self).utf8)
        }
        if starts([0xFF, 0xFE, 0x00, 0x00]) || starts([0x3C, 0x00, 0x00, 0x00]) {
            return Array(String(decoding: units(UInt32.self, bigEndian: false, dropping: starts([0xFF, 0xFE]) ? 4 : 0), as: UTF32.self).utf8)
        }
        if starts([0xFE, 0xFF]) || starts([0x00, 0x3C]) {
            return Array(String(decoding: units(UInt16.self, bigEndian: true, dropping: starts([0xFE, 0xFF]) ? 2 : 0), as: UTF16.self).utf8)
        }
        if starts([0xFF, 0xFE]) || starts([0x3C, 0x00]) {
            return Array(String(decoding: units(UInt16.self, bigEndian: false, dropping: starts([0xFF, 0xFE]) ? 2 : 0), as: UTF16.self).utf8)
        }
        return bytes
    }

    /// Follows the elements: dc:title's rdf:li in each language, and pdfuaid:part as an element
    /// or as an attribute of rdf:Description (both are valid RDF, and tools differ).
    private final class Reader {
        var titles: [(language: String?, text: String)] = []
        var part: String?
        var text = ""
        /// Each open element: its namespace, local name, the prefixes it declares and its xml:lang.
        private var path: [(namespace: String, name: String, prefixes: [String: String], language: String?)] = []

        private func namespace(of prefix: String, declaredIn own: [String: String]) -> String {
            own[prefix] ?? path.reversed().lazy.compactMap { $0.prefixes[prefix] }.first ?? ""
        }

        private static func split(_ qualified: String) -> (prefix: String, name: String) {
            guard let colon = qualified.firstIndex(of: ":") else { return ("", qualified) }
            return (String(qualified[..<colon]), String(qualified[qualified.index(after: colon)...]))
        }

        func start(_ qualified: String, attributes: [(String, String)]) {
            var prefixes: [String: String] = [:]
            for (key, value) in attributes where key == "xmlns" || key.hasPrefix("xmlns:") {
                prefixes[key == "xmlns" ? "" : String(key.dropFirst(6))] = value
            }
            let (prefix, name) = Self.split(qualified)
            let language = attributes.first { $0.0 == "xml:lang" }?.1 ?? path.last?.language
            // pdfuaid:part="1" written as an attribute of rdf:Description.
            for (key, value) in attributes {
                let (attributePrefix, attributeName) = Self.split(key)
                if !attributePrefix.isEmpty, attributeName == "part",
                   namespace(of: attributePrefix, declaredIn: prefixes) == XMPFacts.pdfuaID { part = value }
            }
            path.append((namespace(of: prefix, declaredIn: prefixes), name, prefixes, language))
            text = ""
        }

        func end() {
            guard let element = path.popLast() else { return }
            if element.namespace == XMPFacts.pdfuaID, element.name == "part" {
                part = text
            } else if element.namespace == XMPFacts.rdf, element.name == "li",
                      path.contains(where: { $0.namespace == XMPFacts.dublinCore && $0.name == "title" }) {
                let words = text.trimmingCharacters(in: .whitespacesAndNewlines)
                if !words.isEmpty { titles.append((element.language, words)) }
            }
            text = ""
        }
    }
}
