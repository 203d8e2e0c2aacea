import CQPDF
import HandbillModel

/// A PDF opened with the qpdf C library. Every call that can fail is checked, and a failure
/// becomes a diagnostic naming the file (qpdf's ERROR HANDLING rules: silence errors, then ask
/// `qpdf_has_error` after each call).
final class QPDF {
    let data: qpdf_data
    let path: String

    init(reading path: String) throws(DiagnosticError) {
        self.path = path
        data = qpdf_init()
        qpdf_silence_errors(data)
        qpdf_set_suppress_warnings(data, QPDF_TRUE)
        _ = qpdf_read(data, path, nil)
        try check("read")
    }

    /// Reads a PDF held in memory; `name` is what messages call it. The bytes must outlive `self`.
    init(bytes: UnsafeBufferPointer<UInt8>, name: String) throws(DiagnosticError) {
        path = name
        data = qpdf_init()
        qpdf_silence_errors(data)
        qpdf_set_suppress_warnings(data, QPDF_TRUE)
        bytes.withMemoryRebound(to: CChar.self) { _ = qpdf_read_memory(data, name, $0.baseAddress, UInt64($0.count), nil) }
        try check("read")
    }

    /// An empty document, for reading objects that come without a file: a CMap's strings, say.
    init(emptyNamed name: String) {
        path = name
        data = qpdf_init()
        qpdf_silence_errors(data)
        qpdf_set_suppress_warnings(data, QPDF_TRUE)
        _ = qpdf_empty_pdf(data)
    }

    deinit {
        var handle: qpdf_data? = data
        qpdf_cleanup(&handle)
    }

    /// Throws qpdf's own message if the last call failed.
    func check(_ action: String) throws(DiagnosticError) {
        guard qpdf_has_error(data) != 0, let error = qpdf_get_error(data) else { return }
        let text = String(cString: qpdf_get_error_full_text(data, error))
        throw DiagnosticError(.error("qpdf could not \(action) \(path): \(text)",
                                     hint: "if the file came from Handbill this is a bug; please report it"))
    }

    var root: PDFObject { PDFObject(pdf: self, handle: qpdf_get_root(data)) }
    var trailer: PDFObject { PDFObject(pdf: self, handle: qpdf_get_trailer(data)) }

    var pages: [PDFObject] {
        (0..<Int(qpdf_get_num_pages(data))).map { PDFObject(pdf: self, handle: qpdf_get_page_n(data, $0)) }
    }

    /// The pages of a file from anywhere: qpdf's error, not a crash, when its page tree is broken.
    func readPages() throws(DiagnosticError) -> [PDFObject] {
        let count = qpdf_get_num_pages(data)
        try check("read the page tree of")
        return (0..<max(0, Int(count))).map { PDFObject(pdf: self, handle: qpdf_get_page_n(data, $0)) }
    }

    /// Parses a PDF object written in PDF syntax, e.g. `<< /Marked true >>`.
    func object(_ syntax: String) -> PDFObject { PDFObject(pdf: self, handle: qpdf_oh_parse(data, syntax)) }
    /// Parses one object written in PDF syntax, e.g. a content stream's `(Don\222t)`; nil when it
    /// is not valid PDF (and qpdf's error is cleared, so the document stays usable).
    func parsed(_ syntax: [UInt8]) -> PDFObject? {
        let handle = qpdf_oh_parse(data, (syntax + [0]).map { CChar(bitPattern: $0) })
        guard qpdf_has_error(data) == 0 else {
            _ = qpdf_get_error(data)
            return nil
        }
        return PDFObject(pdf: self, handle: handle)
    }

    func integer(_ value: Int) -> PDFObject { PDFObject(pdf: self, handle: qpdf_oh_new_integer(data, Int64(value))) }
    func newArray() -> PDFObject { PDFObject(pdf: self, handle: qpdf_oh_new_array(data)) }
    func newDictionary() -> PDFObject { PDFObject(pdf: self, handle: qpdf_oh_new_dictionary(data)) }

    /// `object`, of another document, copied into this one with everything it refers to (but
    /// pages: references to those become null). Each object is copied once however often asked.
    /// qpdf copies only indirect objects: a direct dictionary or array becomes indirect in its own
    /// document first, and a direct null, number, name or string is written out and read in here.
    func copy(_ object: PDFObject) -> PDFObject {
        guard object.objectID == 0 else {
            return PDFObject(pdf: self, handle: qpdf_oh_copy_foreign_object(data, object.pdf.data, object.handle))
        }
        switch object.kind {
        case ot_dictionary, ot_array, ot_stream:
            let indirect = qpdf_make_indirect_object(object.pdf.data, object.handle)
            return PDFObject(pdf: self, handle: qpdf_oh_copy_foreign_object(data, object.pdf.data, indirect))
        default:
            return parsed(object.unparsed) ?? null
        }
    }

    func name(_ name: String) -> PDFObject { PDFObject(pdf: self, handle: qpdf_oh_new_name(data, name)) }
    func string(_ utf8: String) -> PDFObject { PDFObject(pdf: self, handle: qpdf_oh_new_unicode_string(data, utf8)) }
    var null: PDFObject { PDFObject(pdf: self, handle: qpdf_oh_new_null(data)) }

    func array(of numbers: [Double]) -> PDFObject {
        object("[" + numbers.map { PDFNumber.format($0) }.joined(separator: " ") + "]")
    }

    /// A new indirect stream holding `bytes` (qpdf compresses it when writing, unless told not to).
    func stream(_ bytes: [UInt8], dictionary: String = "<< >>") -> PDFObject {
        let stream = PDFObject(pdf: self, handle: qpdf_oh_new_stream(data))
        stream.replaceData(bytes)
        let extra = object(dictionary)
        for key in extra.keys { stream[key] = extra[key] }
        return PDFObject(pdf: self, handle: qpdf_make_indirect_object(data, stream.handle))
    }

    /// The finished file's bytes, with a document ID computed from its content, so equal input
    /// gives equal bytes. Written to memory: the caller writes the file and checks every write
    /// (qpdf's own file writer reports a full disk as success).
    func written() throws(DiagnosticError) -> [UInt8] {
        _ = qpdf_init_write_memory(data)
        try check("start writing")
        qpdf_set_deterministic_ID(data, QPDF_TRUE)
        qpdf_set_object_stream_mode(data, qpdf_o_generate)
        qpdf_set_compress_streams(data, QPDF_TRUE)
        // Keep Cairo's compressed streams (fonts, pages we did not touch) as they are: no
        // inflating and deflating again. Streams we replaced are compressed once.
        qpdf_set_decode_level(data, qpdf_dl_none)
        _ = qpdf_write(data)
        try check("write")
        guard let buffer = qpdf_get_buffer(data) else { return [] }
        return Array(UnsafeBufferPointer(start: buffer, count: qpdf_get_buffer_length(data)))
    }
}

/// One object of a `QPDF` document, by qpdf's handle.
struct PDFObject {
    let pdf: QPDF
    let handle: qpdf_oh

    private var data: qpdf_data { pdf.data }

    var isNull: Bool { qpdf_oh_is_null(data, handle) != 0 }
    var isArray: Bool { qpdf_oh_is_array(data, handle) != 0 }
    var isDictionary: Bool { qpdf_oh_is_dictionary(data, handle) != 0 }
    var isStream: Bool { qpdf_oh_is_stream(data, handle) != 0 }
    var isInteger: Bool { qpdf_oh_is_integer(data, handle) != 0 }

    /// `/Private` → "Private".
    var name: String? {
        guard qpdf_oh_is_name(data, handle) != 0 else { return nil }
        return String(String(cString: qpdf_oh_get_name(data, handle)).dropFirst())
    }

    var integer: Int? { isInteger ? Int(qpdf_oh_get_int_value(data, handle)) : nil }
    var text: String? { qpdf_oh_is_string(data, handle) != 0 ? String(cString: qpdf_oh_get_utf8_value(data, handle)) : nil }
    /// A string's bytes as they are, not decoded as text: a show string's character codes.
    var bytes: [UInt8]? {
        guard qpdf_oh_is_string(data, handle) != 0 else { return nil }
        var length = 0
        let value = qpdf_oh_get_binary_string_value(data, handle, &length)
        return value.map { Array(UnsafeRawBufferPointer(start: $0, count: length)) } ?? []
    }
    var number: Double? { qpdf_oh_is_number(data, handle) != 0 ? qpdf_oh_get_numeric_value(data, handle) : nil }
    var boolean: Bool? { qpdf_oh_is_bool(data, handle) != 0 ? qpdf_oh_get_bool_value(data, handle) != 0 : nil }
    /// An array of numbers (a rectangle, a matrix); nil when it is not an array or an item is not a number.
    var numbers: [Double]? {
        guard isArray else { return nil }
        let values = items.compactMap(\.number)
        return values.count == items.count ? values : nil
    }
    /// `12 0 R`'s 12; 0 for a direct object.
    var objectID: Int { Int(qpdf_oh_get_object_id(data, handle)) }

    /// A dictionary itself, or a stream's dictionary.
    private var dictionary: qpdf_oh { isStream ? qpdf_oh_get_dict(data, handle) : handle }

    /// The value for `key`; nil when absent or null. Setting nil removes the key.
    subscript(key: String) -> PDFObject? {
        get {
            guard qpdf_oh_has_key(data, dictionary, "/" + key) != 0 else { return nil }
            let value = PDFObject(pdf: pdf, handle: qpdf_oh_get_key(data, dictionary, "/" + key))
            return value.isNull ? nil : value
        }
        nonmutating set {
            if let newValue {
                qpdf_oh_replace_key(data, dictionary, "/" + key, newValue.handle)
            } else {
                qpdf_oh_remove_key(data, dictionary, "/" + key)
            }
        }
    }

    /// A dictionary's (or stream dictionary's) keys, without the slash.
    var keys: [String] {
        var result: [String] = []
        qpdf_oh_begin_dict_key_iter(data, dictionary)
        while qpdf_oh_dict_more_keys(data) != 0 {
            result.append(String(String(cString: qpdf_oh_dict_next_key(data)).dropFirst()))
        }
        return result
    }

    /// An array's items; a single object as a one-item list (PDF allows either in many places).
    var items: [PDFObject] {
        guard isArray else { return isNull ? [] : [self] }
        return (0..<Int(qpdf_oh_get_array_n_items(data, handle))).map { PDFObject(pdf: pdf, handle: qpdf_oh_get_array_item(data, handle, Int32($0))) }
    }

    // One qpdf call each, for walks over every element of a structure tree, where each C-API call
    // (~1,000 instructions: handle table, error trap) costs more than what it asks.

    /// The object's kind, resolving it if it is indirect: one call where `isDictionary`,
    /// `isArray`, `isNull`… are one each.
    var kind: qpdf_object_type_e { qpdf_oh_get_type_code(data, handle) }
    /// A dictionary's value for `slashedKey` (e.g. "/K"); null when absent. Not for streams.
    func value(_ slashedKey: StaticString) -> PDFObject {
        PDFObject(pdf: pdf, handle: qpdf_oh_get_key(data, handle, Self.cString(slashedKey)))
    }
    /// Whether this is the name `slashedName` (e.g. "/Private").
    func isName(_ slashedName: StaticString) -> Bool {
        qpdf_oh_is_name_and_equals(data, handle, Self.cString(slashedName)) != 0
    }
    /// A literal's bytes as a C string: a static string's storage ends in a NUL.
    private static func cString(_ text: StaticString) -> UnsafePointer<CChar> {
        UnsafeRawPointer(text.utf8Start).assumingMemoryBound(to: CChar.self)
    }
    /// An array's length, without a handle per item.
    var count: Int { Int(qpdf_oh_get_array_n_items(data, handle)) }
    func item(_ index: Int) -> PDFObject { PDFObject(pdf: pdf, handle: qpdf_oh_get_array_item(data, handle, Int32(index))) }

    func setItem(_ index: Int, _ value: PDFObject) { qpdf_oh_set_array_item(data, handle, Int32(index), value.handle) }
    func eraseItem(_ index: Int) { qpdf_oh_erase_item(data, handle, Int32(index)) }
    func append(_ value: PDFObject) { qpdf_oh_append_item(data, handle, value.handle) }
    func insert(_ value: PDFObject, at index: Int) { qpdf_oh_insert_item(data, handle, Int32(index), value.handle) }

    /// The stream's data with its filters undone.
    func streamData() throws(DiagnosticError) -> [UInt8] { try streamData(decoding: qpdf_dl_generalized) }
    /// The stream's data as stored, its filters not undone.
    func rawStreamData() throws(DiagnosticError) -> [UInt8] { try streamData(decoding: qpdf_dl_none) }

    private func streamData(decoding level: qpdf_stream_decode_level_e) throws(DiagnosticError) -> [UInt8] {
        var buffer: UnsafeMutablePointer<UInt8>?
        var length = 0
        _ = qpdf_oh_get_stream_data(data, handle, level, nil, &buffer, &length)
        try pdf.check("read a stream of")
        defer { free(buffer) }
        return buffer.map { Array(UnsafeBufferPointer(start: $0, count: length)) } ?? []
    }

    /// A page's content, its streams joined.
    func pageContent() throws(DiagnosticError) -> [UInt8] {
        var buffer: UnsafeMutablePointer<UInt8>?
        var length = 0
        _ = qpdf_oh_get_page_content_data(data, handle, &buffer, &length)
        try pdf.check("read the page content of")
        defer { free(buffer) }
        return buffer.map { Array(UnsafeBufferPointer(start: $0, count: length)) } ?? []
    }

    /// The object in PDF syntax: its value, the objects it refers to as references (a stream: its
    /// number). Bytes, not text: a string in PDFDocEncoding is written as its own bytes (qpdf
    /// escapes a NUL, so the C string ends where the object does).
    var unparsed: [UInt8] {
        let text = qpdf_oh_unparse_resolved(data, handle)!
        return Array(UnsafeRawBufferPointer(start: text, count: strlen(text)))
    }

    /// Replaces the stream's data with unfiltered `bytes`.
    func replaceData(_ bytes: [UInt8]) {
        let null = qpdf_oh_new_null(data)
        bytes.withUnsafeBufferPointer { qpdf_oh_replace_stream_data(data, handle, $0.baseAddress, $0.count, null, null) }
    }

    /// Frees qpdf's handle; for objects made in bulk (one per show string) and used once.
    func release() { qpdf_oh_release(data, handle) }

    func isSame(as other: PDFObject) -> Bool { objectID != 0 && objectID == other.objectID }
}

/// Numbers as PDF writes them: no exponent, at most 6 decimals (as Cairo writes page sizes).
enum PDFNumber {
    static func format(_ value: Double) -> String {
        var text = String(format: "%.6f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text == "-0" ? "0" : text
    }
}

import Foundation
