import HandbillModel
import HandbillStyle

/// Where a local edition's block sits on the pages editions are laid over (`EditionLayout.base`):
/// its page (from 0) and its top-left corner.
public struct EditionSlot: Equatable, Sendable {
    public var page: Int
    public var origin: Point
}

/// One edition's block and small print, composed: what it adds to the national pages.
public struct EditionBlock {
    /// The block, kept together: one slice.
    let slice: FlowSlice
    /// The running footer with the edition's small print under it.
    let footer: FooterComposer

    /// What a base needs room for to take this block: editions of one shape share one base.
    public var shape: Shape {
        Shape(height: slice.height, spaceBefore: slice.spaceBefore, breakBefore: slice.breakBefore,
              footer: (try? footer.height()) ?? 0)
    }

    public struct Shape: Hashable, Sendable {
        let height: Double, spaceBefore: Double, breakBefore: Bool, footer: Double
    }
}
