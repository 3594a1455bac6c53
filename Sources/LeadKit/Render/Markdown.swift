import CCmark

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The one place that talks to libcmark: Markdown in, HTML out, no pointer escapes.
public enum Markdown {
    /// Renders CommonMark in libcmark's safe mode (raw HTML omitted). On top of cmark's own
    /// filter, a link or image keeps its address only when it is relative or http(s), mailto or tel:
    /// cmark still lets `data:image/…` through, and the report allows no data URLs.
    public static func html(_ markdown: String) -> String {
        let options = CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8 | CMARK_OPT_SMART
        var source = markdown
        return source.withUTF8 { bytes -> String in
            guard let base = bytes.baseAddress, let document = cmark_parse_document(base, bytes.count, options)
            else { return "" }
            defer { cmark_node_free(document) }
            neutralizeUnsafeLinks(in: document)
            guard let rendered = cmark_render_html(document, options) else { return "" }
            defer { free(rendered) }
            return String(cString: rendered)
        }
    }

    private static func neutralizeUnsafeLinks(in document: OpaquePointer) {
        guard let iterator = cmark_iter_new(document) else { return }
        defer { cmark_iter_free(iterator) }
        while cmark_iter_next(iterator) != CMARK_EVENT_DONE {
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            guard type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE,
                let url = cmark_node_get_url(node).map({ String(cString: $0) }),
                !isAllowed(url)
            else { continue }
            cmark_node_set_url(node, "")
        }
    }

    /// Relative addresses and http(s), mailto and tel are allowed; any other scheme is not.
    static func isAllowed(_ url: String) -> Bool {
        let trimmed = url.trimmingSpaces
        guard let scheme = SafeURL.scheme(of: trimmed) else {
            // No scheme: relative, but a control character could hide one from browsers.
            return !trimmed.unicodeScalars.contains { $0.value < 0x20 }
        }
        return SafeURL.allowedSchemes.contains(scheme.lowercased())
    }
}
