import CCmark

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The one place that talks to libcmark: Markdown in, HTML out, no pointer escapes.
public enum Markdown {
    /// Renders CommonMark in libcmark's safe mode (raw HTML omitted). On top of cmark's own
    /// filter, a link keeps its address only when it is relative or http(s), mailto or tel
    /// (cmark still lets `data:image/…` through), and images become links.
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

    /// Empties unsafe link addresses and turns every image into a link to it (or into its alt text when
    /// the address is unsafe): the report loads nothing from elsewhere, so tracking pixels stay inert.
    private static func neutralizeUnsafeLinks(in document: OpaquePointer) {
        var links: [OpaquePointer] = []
        var images: [OpaquePointer] = []
        if let iterator = cmark_iter_new(document) {
            while cmark_iter_next(iterator) != CMARK_EVENT_DONE {
                guard let node = cmark_iter_get_node(iterator) else { continue }
                switch cmark_node_get_type(node) {
                case CMARK_NODE_LINK where cmark_iter_get_event_type(iterator) == CMARK_EVENT_ENTER:
                    links.append(node)
                case CMARK_NODE_IMAGE where cmark_iter_get_event_type(iterator) == CMARK_EVENT_ENTER:
                    images.append(node)
                default:
                    break
                }
            }
            cmark_iter_free(iterator)
        }
        // The tree is changed only after the walk, as cmark's iterator requires.
        for link in links where !isAllowed(url(of: link)) {
            cmark_node_set_url(link, "")
        }
        for image in images {
            let address = url(of: image)
            if isAllowed(address), let link = cmark_node_new(CMARK_NODE_LINK) {
                cmark_node_set_url(link, address)
                while let child = cmark_node_first_child(image) { cmark_node_append_child(link, child) }
                cmark_node_replace(image, link)
            } else {
                while let child = cmark_node_first_child(image) { cmark_node_insert_before(image, child) }
                cmark_node_unlink(image)
            }
            cmark_node_free(image)
        }
    }

    private static func url(of node: OpaquePointer) -> String {
        cmark_node_get_url(node).map { String(cString: $0) } ?? ""
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
