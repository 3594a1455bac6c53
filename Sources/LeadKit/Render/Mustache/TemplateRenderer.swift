/// Renders parsed templates over `TemplateData` into bytes, with no lookup by text at render
/// time beyond one dictionary probe per name part.
///
/// Names resolve as the Mustache specification says: the first part of `a.b.c` is looked up
/// from the innermost section's value outwards, the rest only inside what was found. A missing
/// partial renders as nothing (the spec's rule); partials nested more than `maximumDepth` deep
/// (a partial that includes itself unconditionally) are an error instead of a crash.
struct TemplateRenderer: Sendable {
    /// A render that cannot finish: which template, and why.
    struct Failure: Error {
        var template: String
        var message: String
    }

    /// The templates by name (file name without `.mustache`), partials included.
    let programs: [String: TemplateProgram]
    static let maximumDepth = 100

    /// The bytes of template `name` rendered over `data`; `nil` when there is no such template.
    func render(_ name: String, _ data: TemplateData) throws(Failure) -> [UInt8]? {
        guard let program = programs[name] else { return nil }
        var run = RenderRun(programs: programs, stack: [data])
        run.output.reserveCapacity(16 * 1024)
        try run.include(program, named: name, indentation: nil)
        return run.output
    }
}

/// The state of one render: the section values in scope, the blocks parents passed down, and
/// the indentation of the standalone partial being rendered.
private struct RenderRun {
    let programs: [String: TemplateProgram]
    var stack: [TemplateData]
    var output: [UInt8] = []
    var blocks: [String: [TemplateNode]] = [:]
    var indentation: [UInt8] = []
    /// Whether the next byte written starts a line of an indented partial's text.
    var atLineStart = false
    var depth = 0

    init(programs: [String: TemplateProgram], stack: [TemplateData]) {
        self.programs = programs
        self.stack = stack
    }

    mutating func render(_ nodes: [TemplateNode]) throws(TemplateRenderer.Failure) {
        for node in nodes {
            switch node {
            case .text(let bytes):
                writeTemplateText(bytes)
            case .variable(let name, let escaped):
                if let value = lookup(name) { write(value, escaped: escaped) }
            case .section(let name, let nodes, let inverted):
                try section(lookup(name), nodes, inverted: inverted)
            case .partial(let name, let dynamic, let indentation):
                var partial = name
                if dynamic {
                    guard case .text(let named)? = lookup(TemplateName(name)) else { continue }
                    partial = named
                }
                if let program = programs[partial] {
                    try include(program, named: partial, indentation: indentation)
                }
            case .parent(let name, let overrides, let indentation):
                guard let program = programs[name] else { continue }
                let outer = blocks
                // The outermost template's block wins over the parents' own.
                blocks.merge(overrides) { outer, _ in outer }
                try include(program, named: name, indentation: indentation)
                blocks = outer
            case .block(let name, let defaults):
                try render(blocks[name] ?? defaults)
            }
        }
    }

    mutating func include(
        _ program: TemplateProgram, named name: String, indentation: [UInt8]?
    ) throws(TemplateRenderer.Failure) {
        guard depth < TemplateRenderer.maximumDepth else {
            throw TemplateRenderer.Failure(
                template: name,
                message: "partials nest more than \(TemplateRenderer.maximumDepth) deep: does '\(name)' include itself?"
            )
        }
        let outerIndentation = indentation
        let saved = self.indentation
        if let outerIndentation {
            self.indentation = saved + outerIndentation
            atLineStart = true
        } else {
            // A partial inside a line is not indented (the spec's rule).
            flushIndentation()
            self.indentation = []
        }
        depth += 1
        try render(program.nodes)
        depth -= 1
        self.indentation = saved
        atLineStart = outerIndentation != nil
    }

    private mutating func section(
        _ value: TemplateData?, _ nodes: [TemplateNode], inverted: Bool
    ) throws(TemplateRenderer.Failure) {
        if inverted {
            switch value {
            case nil, .null?, .flag(false)?: try render(nodes)
            case .list(let items)? where items.isEmpty: try render(nodes)
            default: break
            }
            return
        }
        switch value {
        case nil, .null?, .flag(false)?:
            break
        case .flag(true)?:
            try render(nodes)
        case .list(let items)?:
            for item in items {
                stack.append(item)
                try render(nodes)
                stack.removeLast()
            }
        case let value?:
            stack.append(value)
            try render(nodes)
            stack.removeLast()
        }
    }

    private func lookup(_ name: TemplateName) -> TemplateData? {
        guard let first = name.parts.first else { return stack.last }
        var index = stack.count - 1
        while index >= 0 {
            if case .object(let object) = stack[index], var value = object.fields[first] {
                for part in name.parts.dropFirst() {
                    guard let next = value.field(part) else { return nil }
                    value = next
                }
                return value
            }
            index -= 1
        }
        return nil
    }

    private mutating func write(_ value: TemplateData, escaped: Bool) {
        switch value {
        case .text(var text):
            guard !text.isEmpty else { return }
            flushIndentation()
            text.withUTF8 { bytes in
                if escaped { appendEscaped(bytes) } else { output.append(contentsOf: bytes) }
            }
        case .integer(let number):
            write(.text(String(number)), escaped: false)
        case .number(let number):
            write(.text(String(describing: number)), escaped: false)
        case .flag(let flag):
            write(.text(flag ? "true" : "false"), escaped: false)
        case .null, .list, .object:
            break
        }
    }

    /// Escapes `& < > " '` byte by byte, as swift-mustache did (`&#39;` for the apostrophe).
    private mutating func appendEscaped(_ bytes: UnsafeBufferPointer<UInt8>) {
        var runStart = 0
        for index in 0..<bytes.count {
            let entity: StaticString
            switch bytes[index] {
            case UInt8(ascii: "&"): entity = "&amp;"
            case UInt8(ascii: "<"): entity = "&lt;"
            case UInt8(ascii: ">"): entity = "&gt;"
            case UInt8(ascii: "\""): entity = "&quot;"
            case UInt8(ascii: "'"): entity = "&#39;"
            default: continue
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
            output.append(contentsOf: UnsafeBufferPointer(start: entity.utf8Start, count: entity.utf8CodeUnitCount))
            runStart = index + 1
        }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...]))
    }

    /// Writes template text, indenting each of its lines inside a standalone partial.
    private mutating func writeTemplateText(_ bytes: [UInt8]) {
        guard !indentation.isEmpty else {
            output.append(contentsOf: bytes)
            return
        }
        var lineStart = 0
        for index in bytes.indices where bytes[index] == UInt8(ascii: "\n") {
            flushIndentation()
            output.append(contentsOf: bytes[lineStart...index])
            atLineStart = true
            lineStart = index + 1
        }
        if lineStart < bytes.count {
            flushIndentation()
            output.append(contentsOf: bytes[lineStart...])
        }
    }

    private mutating func flushIndentation() {
        if atLineStart {
            output.append(contentsOf: indentation)
            atLineStart = false
        }
    }
}
