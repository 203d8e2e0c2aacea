/// The `/ActualText` of the empty element that keeps a local edition's block's place in the
/// structure tree of the national pages editions are laid over, until an edition's elements take
/// it (`HandbillLayout/EditionLayout.base`, `HandbillFinish/EditionGraft`). Never in a finished edition.
public enum EditionMarker {
    public static let actualText = "\u{FFFC}handbill-local-edition"
}
