/// A Mustache template parsed once into a tree a renderer walks without re-reading any text.
///
/// Built by `TemplateParser.parse`; rendered by `TemplateRenderer`. The language is the Mustache
/// specification's (https://github.com/mustache/spec): variables, sections, inverted sections,
/// comments, partials, delimiter changes, and the optional inheritance module (`{{<parent}}`,
/// `{{$block}}`) and dynamic partial names (`{{>*name}}`). Lambdas are not supported: view
/// models are plain data.
struct TemplateProgram: Sendable {
    var nodes: [TemplateNode]
}

/// One piece of a parsed template.
indirect enum TemplateNode: Sendable {
    /// Template text, written as it is (indented when the template is a standalone partial).
    case text([UInt8])
    /// `{{name}}` (escaped for HTML) or `{{{name}}}` / `{{&name}}` (written as it is).
    case variable(TemplateName, escaped: Bool)
    /// `{{#name}}…{{/name}}`, or `{{^name}}…{{/name}}` when `inverted`.
    case section(TemplateName, [TemplateNode], inverted: Bool)
    /// `{{>name}}`, or `{{>*name}}` when `dynamic` (the partial's name is read from the data).
    /// `indentation` is the whitespace before a standalone tag; `nil` for a tag inside a line.
    case partial(String, dynamic: Bool, indentation: [UInt8]?)
    /// `{{<name}}…{{/name}}`: the partial `name` with the blocks defined inside replacing its own.
    case parent(String, blocks: [String: [TemplateNode]], indentation: [UInt8]?)
    /// `{{$name}}default{{/name}}`: replaced by the block of the same name a parent passed down.
    case block(String, [TemplateNode])
}

/// A name as a template writes it: `.` (the current value), `name`, or the dotted `a.b.c`.
struct TemplateName: Sendable {
    /// The dotted parts; empty for `.`.
    var parts: [String]

    init(_ text: String) {
        parts = text == "." ? [] : text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
    }
}
