import CCmark

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The one place that talks to libcmark: Markdown in, HTML out, no pointer escapes.
public enum Markdown {
    /// How a note sits on its page.
    public struct NoteStyle {
        /// The level of the page heading the note sits under: the note's highest heading becomes one
        /// below it and the others follow (capped at `<h6>`), so a note never adds a second `<h1>`
        /// or outranks its section.
        public var headingLevel: Int
        /// The address (relative to the page) and shown name of the record a `[[id]]` names; nil
        /// when no record has the id, and the link then stays as written.
        public var resolve: (String) -> (href: String, name: String)?

        public init(headingLevel: Int, resolve: @escaping (String) -> (href: String, name: String)?) {
            self.headingLevel = headingLevel
            self.resolve = resolve
        }

        /// Headings as written, no `[[links]]` resolved.
        public static var plain: NoteStyle { NoteStyle(headingLevel: 0) { _ in nil } }
    }

    /// Renders a note shown as written: CommonMark in libcmark's safe mode with no typographic
    /// substitution (`--`, quotes and `|---|` stay as typed), and on top of it:
    /// - text that cmark reads as raw HTML (`Offer from <Kelvin Grid>`) is shown as text, escaped,
    ///   instead of cmark's omission;
    /// - `[[id]]` and `[[id|label]]` outside code link to the record `style.resolve` finds;
    /// - headings are demoted below `style.headingLevel`;
    /// - a link keeps its address only when it is relative or http(s), mailto or tel (cmark still
    ///   lets `data:image/…` through), and images become links.
    /// Each call parses its own document, so nothing one note leaves open reaches another.
    public static func html(_ markdown: String, style: NoteStyle = .plain) -> String {
        let options = CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8
        var source = markdown
        return source.withUTF8 { bytes -> String in
            guard let base = bytes.baseAddress, let document = cmark_parse_document(base, bytes.count, options)
            else { return "" }
            defer { cmark_node_free(document) }
            showRawHTMLAsText(in: document)
            neutralizeUnsafeLinks(in: document)
            demoteHeadings(in: document, below: style.headingLevel)
            cmark_consolidate_text_nodes(document)
            linkNoteLinks(in: document, style.resolve)
            guard let rendered = cmark_render_html(document, options) else { return "" }
            defer { free(rendered) }
            return String(cString: rendered)
        }
    }

    /// The lines (1-based, counted from the start of `markdown`) inside code blocks, fenced or
    /// indented, where a `[[…]]` is code and not a link. An unclosed fence runs to the end.
    public static func codeBlockLines(_ markdown: String) -> Set<Int> {
        let options = CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8 | CMARK_OPT_SOURCEPOS
        var source = markdown
        return source.withUTF8 { bytes -> Set<Int> in
            guard let base = bytes.baseAddress, let document = cmark_parse_document(base, bytes.count, options)
            else { return [] }
            defer { cmark_node_free(document) }
            var lines = Set<Int>()
            for node in nodes(in: document, where: { $0 == CMARK_NODE_CODE_BLOCK }) {
                let (first, last) = (cmark_node_get_start_line(node), cmark_node_get_end_line(node))
                if first > 0, last >= first { lines.formUnion(Int(first)...Int(last)) }
            }
            return lines
        }
    }

    /// The nodes of the given types, in document order (collected first: cmark's iterator does
    /// not allow the tree to change under it).
    private static func nodes(in document: OpaquePointer, where matches: (cmark_node_type) -> Bool)
        -> [OpaquePointer]
    {
        var found: [OpaquePointer] = []
        guard let iterator = cmark_iter_new(document) else { return [] }
        defer { cmark_iter_free(iterator) }
        while cmark_iter_next(iterator) != CMARK_EVENT_DONE {
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let event = cmark_iter_get_event_type(iterator)
            if event == CMARK_EVENT_ENTER, matches(cmark_node_get_type(node)) { found.append(node) }
        }
        return found
    }

    /// Turns raw HTML into the text it was typed as: an inline tag becomes text in its place, an
    /// HTML block a paragraph keeping its line breaks.
    private static func showRawHTMLAsText(in document: OpaquePointer) {
        let html = nodes(in: document) { $0 == CMARK_NODE_HTML_INLINE || $0 == CMARK_NODE_HTML_BLOCK }
        for node in html {
            let literal = cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
            if cmark_node_get_type(node) == CMARK_NODE_HTML_INLINE {
                guard let text = textNode(literal) else { continue }
                cmark_node_replace(node, text)
            } else {
                guard let paragraph = cmark_node_new(CMARK_NODE_PARAGRAPH) else { continue }
                var lines = literal.split(separator: "\n", omittingEmptySubsequences: false)
                if lines.last?.isEmpty == true { lines.removeLast() }
                for (number, line) in lines.enumerated() {
                    if number > 0, let lineBreak = cmark_node_new(CMARK_NODE_LINEBREAK) {
                        cmark_node_append_child(paragraph, lineBreak)
                    }
                    if let text = textNode(String(line)) { cmark_node_append_child(paragraph, text) }
                }
                cmark_node_replace(node, paragraph)
            }
            cmark_node_free(node)
        }
    }

    private static func textNode(_ literal: String) -> OpaquePointer? {
        guard let text = cmark_node_new(CMARK_NODE_TEXT) else { return nil }
        cmark_node_set_literal(text, literal)
        return text
    }

    /// Moves the note's headings down so that its highest one sits one level below `level`, keeping
    /// their order and steps, at most to `<h6>`.
    private static func demoteHeadings(in document: OpaquePointer, below level: Int) {
        guard level > 0 else { return }
        let headings = nodes(in: document) { $0 == CMARK_NODE_HEADING }
        // A quoted note's heading (a timeline `leads convert` wrote) does not set the note's levels.
        let outside = headings.filter { !isInside($0, CMARK_NODE_BLOCK_QUOTE) }
        guard let highest = (outside.isEmpty ? headings : outside).map({ Int(cmark_node_get_heading_level($0)) }).min()
        else { return }
        let shift = max(0, level + 1 - highest)
        for heading in headings {
            let shifted = Int(cmark_node_get_heading_level(heading)) + shift
            cmark_node_set_heading_level(heading, Int32(min(6, max(level + 1, shifted))))
        }
    }

    /// Replaces each `[[id]]` in text (not in code, not inside a link) whose record `resolve` finds
    /// with a link showing its label, or the record's name.
    private static func linkNoteLinks(
        in document: OpaquePointer, _ resolve: (String) -> (href: String, name: String)?
    ) {
        for text in nodes(in: document, where: { $0 == CMARK_NODE_TEXT }) where !isInside(text, CMARK_NODE_LINK) {
            let literal = cmark_node_get_literal(text).map { String(cString: $0) } ?? ""
            guard literal.contains("[[") else { continue }
            let scalars = Array(literal.unicodeScalars)
            var consumed = 0
            var replaced = false
            for link in NoteLink.scan(Substring(literal)) {
                guard let record = resolve(link.target), let node = cmark_node_new(CMARK_NODE_LINK) else { continue }
                if link.offset > consumed, let before = textNode(string(scalars[consumed..<link.offset])) {
                    cmark_node_insert_before(text, before)
                }
                cmark_node_set_url(node, record.href)
                cmark_node_set_title(node, "[[\(link.target)]]")
                if let shown = textNode(link.label ?? record.name) { cmark_node_append_child(node, shown) }
                cmark_node_insert_before(text, node)
                consumed = link.offset + link.length
                replaced = true
            }
            guard replaced else { continue }
            if consumed < scalars.count {
                cmark_node_set_literal(text, string(scalars[consumed...]))
            } else {
                cmark_node_unlink(text)
                cmark_node_free(text)
            }
        }
    }

    private static func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        String(String.UnicodeScalarView(scalars))
    }

    private static func isInside(_ node: OpaquePointer, _ type: cmark_node_type) -> Bool {
        var parent = cmark_node_parent(node)
        while let current = parent {
            if cmark_node_get_type(current) == type { return true }
            parent = cmark_node_parent(current)
        }
        return false
    }

    /// Empties unsafe link addresses and turns every image into a link to it (or into its alt text when
    /// the address is unsafe): the report loads nothing from elsewhere, so tracking pixels stay inert.
    private static func neutralizeUnsafeLinks(in document: OpaquePointer) {
        let links = nodes(in: document) { $0 == CMARK_NODE_LINK }
        let images = nodes(in: document) { $0 == CMARK_NODE_IMAGE }
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
