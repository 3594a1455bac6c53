import CCmark

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The one place that talks to libcmark: Markdown in, HTML out, no pointer escapes.
public enum Markdown {
    /// Renders CommonMark in libcmark's safe mode: raw HTML is omitted and `javascript:`, `vbscript:`,
    /// `file:` and most `data:` links are emptied. Invalid UTF-8 is replaced, never passed through.
    public static func html(_ markdown: String) -> String {
        let options = CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8 | CMARK_OPT_SMART
        var source = markdown
        return source.withUTF8 { bytes -> String in
            guard let base = bytes.baseAddress,
                let rendered = cmark_markdown_to_html(base, bytes.count, options)
            else { return "" }
            defer { free(rendered) }
            return String(cString: rendered)
        }
    }
}
