import CQREncode
import HandbillModel
import HandbillStyle

/// A QR code for a web address, drawn as vector squares: libqrencode computes the modules,
/// Handbill places them. Quiet zone of 4 modules; modules of at least 0.4 mm (readable by a phone
/// held in the hand); the address is always printed beside it too.
public struct QRCode: Sendable {
    /// Rows of modules, true for dark.
    public let modules: [[Bool]]
    public static let quietZone = 4
    public static let minimumModuleMM = 0.4

    public init(encoding text: String) throws(DiagnosticError) {
        guard let code = QRcode_encodeString(text, 0, QR_ECLEVEL_M, QR_MODE_8, 1) else {
            throw DiagnosticError(.error("cannot make a QR code for \(text)", hint: "shorten the address"))
        }
        defer { QRcode_free(code) }
        let width = Int(code.pointee.width)
        modules = (0..<width).map { row in (0..<width).map { column in code.pointee.data[row * width + column] & 1 == 1 } }
    }

    /// Modules across, quiet zone included.
    public var size: Int { modules.count + 2 * Self.quietZone }

    /// The code as positioned items, `width` points wide with its quiet zone, in a Figure whose Alt
    /// says where it goes. Each row's dark runs are one rectangle.
    public func items(width: Double, alt: String, dark: Colour, light: Colour) throws(DiagnosticError) -> [PositionedItem] {
        let module = width / Double(size)
        guard module * 25.4 / 72 >= Self.minimumModuleMM - 0.0001 else {
            throw DiagnosticError(.error("a QR code \(Int(width * 25.4 / 72)) mm wide has modules under \(Self.minimumModuleMM) mm",
                                         hint: "make the code larger in the product's layout (qr-mm)"))
        }
        var items: [PositionedItem] = [.open(.figure), .describe(StructureAttributes(alt: alt)),
                                       .rect(Rect(x: 0, y: 0, width: width, height: width), light)]
        for (row, cells) in modules.enumerated() {
            var column = 0
            while column < cells.count {
                guard cells[column] else { column += 1; continue }
                let start = column
                while column < cells.count && cells[column] { column += 1 }
                items.append(.rect(Rect(x: Double(start + Self.quietZone) * module, y: Double(row + Self.quietZone) * module,
                                        width: Double(column - start) * module, height: module), dark))
            }
        }
        items.append(.close(.figure))
        return items
    }
}
