import CPangoCairo

/// The versions of the C libraries that drew a file, for its Producer entry.
public enum Versions {
    public static var libraries: String {
        "cairo \(String(cString: cairo_version_string())), pango \(String(cString: pango_version_string()))"
    }
}
