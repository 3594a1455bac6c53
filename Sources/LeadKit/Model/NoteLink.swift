/// A `[[id]]` or `[[id|label]]` written in a note's Markdown body, as Obsidian writes links.
public struct NoteLink: Sendable, Hashable {
    /// The id the link names, trimmed.
    public var target: String
    /// The text after `|`, when given.
    public var label: String?
    /// Where `[[` starts, in Unicode scalars from the start of the scanned text.
    public var offset: Int
    /// The whole `[[…]]`, in Unicode scalars.
    public var length: Int

    /// Every `[[…]]` in `text`, in order: the shortest `[[` … `]]` on one line whose target is not
    /// empty. Brackets inside the target (`[[a[b]]`) end no link, so `[[a]] and [[b]]` are two.
    public static func scan(_ text: Substring) -> [NoteLink] {
        let scalars = Array(text.unicodeScalars)
        var links: [NoteLink] = []
        var position = 0
        while position + 1 < scalars.count {
            guard scalars[position] == "[", scalars[position + 1] == "[" else {
                position += 1
                continue
            }
            // `[[[x]]` links `x` with the extra bracket left as text.
            var start = position
            while start + 2 < scalars.count, scalars[start + 2] == "[" { start += 1 }
            var end = start + 2
            while end + 1 < scalars.count, scalars[end] != "]", scalars[end] != "[", scalars[end] != "\n" { end += 1 }
            guard end + 1 < scalars.count, scalars[end] == "]", scalars[end + 1] == "]" else {
                position = start + 2
                continue
            }
            var inner = String(String.UnicodeScalarView(scalars[(start + 2)..<end]))
            var label: String?
            if let bar = inner.firstIndex(of: "|") {
                label = String(inner[inner.index(after: bar)...]).trimmingSpaces
                inner = String(inner[..<bar])
            }
            let target = inner.trimmingSpaces
            if !target.isEmpty {
                links.append(
                    NoteLink(
                        target: target, label: label?.isEmpty == true ? nil : label, offset: start,
                        length: end + 2 - start))
            }
            position = end + 2
        }
        return links
    }
}
