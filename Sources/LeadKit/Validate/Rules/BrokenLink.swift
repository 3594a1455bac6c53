/// `broken-link`: a link field (a schema entry of type `.link`) naming no record of its kind; and,
/// as a warning, a `[[id]]` in a note's body naming no record at all (the note is still shown,
/// with the link as written).
public struct BrokenLink: RecordRule {
    public static let code = DiagnosticCode.brokenLink
    public static let severity = Severity.error
    public static let summary =
        "a link to no record of the expected kind, or to something that is not an id (`[[../x]]`);"
        + " a `[[id]]` in a note naming no record is a warning at its position"

    public init() {}

    func check(_ context: ValidationContext) -> [Diagnostic] {
        links(Lead.schema, context.records.leads, context)
            + links(Interaction.schema, context.records.interactions, context)
            + links(Contact.schema, context.records.contacts, context)
            + links(Company.schema, context.records.companies, context)
            + links(Application.schema, context.records.applications, context)
            + links(Job.schema, context.records.jobs, context)
            + context.records.headers.flatMap { noteLinks($0, context) }
    }

    /// The `[[id]]`s of a note's body, outside code blocks and code spans, that name no record.
    private func noteLinks(_ header: RecordHeader, _ context: ValidationContext) -> [Diagnostic] {
        guard header.body.hasDoubleBracket else { return [] }
        let kinds: [RecordKind] = [.contact, .company, .lead, .application, .job, .interaction]
        let codeLines = Markdown.codeBlockLines(header.body)
        var diagnostics: [Diagnostic] = []
        for (number, line) in header.body.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
        where line.hasDoubleBracket && !codeLines.contains(number + 1) {
            let spans = Self.codeSpans(line)
            for link in NoteLink.scan(line) where !spans.contains(where: { $0.contains(link.offset) }) {
                if kinds.contains(where: { context.index.contains(link.target, kind: $0) }) { continue }
                let location = SourceLocation(
                    file: header.file, line: header.bodyLine + number, column: link.offset + 1)
                diagnostics.append(
                    Diagnostic(
                        .warning, Self.code, at: location,
                        "the note links to '[[\(link.target)]]', but no record has the id '\(link.target)'"
                            + Suggestion.didYouMean(link.target, in: kinds.flatMap { context.ids(of: $0) })))
            }
        }
        return diagnostics
    }

    /// The code spans of one line (`` `x` ``), in Unicode scalar offsets: a backtick run up to the
    /// next run of the same length.
    static func codeSpans(_ line: Substring) -> [Range<Int>] {
        let scalars = Array(line.unicodeScalars)
        var spans: [Range<Int>] = []
        var position = 0
        func run(at start: Int) -> Int {
            var end = start
            while end < scalars.count, scalars[end] == "`" { end += 1 }
            return end - start
        }
        while position < scalars.count {
            guard scalars[position] == "`" else {
                position += 1
                continue
            }
            let length = run(at: position)
            var search = position + length
            var closed = false
            while search < scalars.count {
                if scalars[search] == "`" {
                    let other = run(at: search)
                    if other == length {
                        spans.append(position..<(search + other))
                        position = search + other
                        closed = true
                        break
                    }
                    search += other
                } else {
                    search += 1
                }
            }
            if !closed { position += length }
        }
        return spans
    }

    private func links<Record>(_ schema: RecordSchema<Record>, _ records: [Record], _ context: ValidationContext)
        -> [Diagnostic]
    {
        var diagnostics: [Diagnostic] = []
        for field in schema.fields where field.type == .client {
            for record in records {
                guard case .link(let link)? = field.value(record) else { continue }
                if link.value.isWellFormedID, context.index.contains(link.value.target, kind: .contact) { continue }
                if let problem = Self.problem(link, field: field.key, kind: .company, context) {
                    diagnostics.append(problem)
                }
            }
        }
        for field in schema.fields {
            guard case .link(let kind, let textAllowed) = field.type else { continue }
            for record in records {
                guard case .link(let link)? = field.value(record) else { continue }
                // A company written as plain text is a name, not a link.
                if textAllowed && !link.value.isBracketed { continue }
                if let problem = Self.problem(link, field: field.key, kind: kind, context) {
                    diagnostics.append(problem)
                }
            }
        }
        return diagnostics
    }

    static func problem(_ link: Located<Link>, field: String, kind: RecordKind, _ context: ValidationContext)
        -> Diagnostic?
    {
        let target = link.value.target
        guard link.value.isWellFormedID else {
            return diagnostic(
                at: link.location,
                "'\(field)' link '\(target)' is not a record id; ids are file names without folders or '.md'")
        }
        guard context.index.contains(target, kind: kind) else {
            return diagnostic(
                at: link.location,
                "'\(field)' links to \(kind.rawValue) '\(target)', but there is no \(kind.folder)/\(target).md"
                    + Suggestion.didYouMean(target, in: context.ids(of: kind)))
        }
        return nil
    }
}

extension StringProtocol {
    /// Whether the text holds `[[`: a byte scan, where Foundation's `contains` bridges each call
    /// through `NSString` (a third of a check's time on a folder of notes).
    var hasDoubleBracket: Bool {
        var previous: UInt8 = 0
        for byte in utf8 {
            if byte == UInt8(ascii: "[") && previous == UInt8(ascii: "[") { return true }
            previous = byte
        }
        return false
    }
}
