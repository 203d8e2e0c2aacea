import CPangoCairo
import HandbillModel

/// Turns a Cairo status into a diagnostic a user can act on.
func check(_ status: cairo_status_t, writing path: String) throws(DiagnosticError) {
    guard status != CAIRO_STATUS_SUCCESS else { return }
    let reason = String(cString: cairo_status_to_string(status))
    let hint = status == CAIRO_STATUS_WRITE_ERROR
        ? "check that the folder exists, is writable and that the disk is not full"
        : "this is a bug in Handbill; please report it with the command you ran"
    throw DiagnosticError(.error("could not write \(path): \(reason)", hint: hint))
}
