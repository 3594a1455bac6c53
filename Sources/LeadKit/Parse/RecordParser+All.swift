import Dispatch

/// Every record of a content folder after parsing, with the problems found file by file.
public struct ParsedContent: Sendable {
    public var records: RecordSet
    public var diagnostics: [Diagnostic]
}

extension RecordParser {
    /// Parses files on every core; the result keeps the files' order, so output does not depend on scheduling.
    public static func parseAll(_ files: [SourceFile], custom: [RecordKind: [CustomField]] = [:]) -> ParsedContent {
        let results = ParallelMap.map(files) { parse($0, custom: custom) }
        var content = ParsedContent(records: RecordSet(), diagnostics: [])
        for (record, diagnostics) in results {
            content.diagnostics += diagnostics
            switch record {
            case .lead(let lead): content.records.leads.append(lead)
            case .interaction(let interaction): content.records.interactions.append(interaction)
            case .contact(let contact): content.records.contacts.append(contact)
            case .company(let company): content.records.companies.append(company)
            case .application(let application): content.records.applications.append(application)
            case nil: break
            }
        }
        return content
    }
}

/// An order-preserving map over all cores, in chunks so small items are not dominated by scheduling.
enum ParallelMap {
    static func map<Input: Sendable, Output: Sendable>(
        _ inputs: [Input], chunkSize: Int = 32, _ transform: @Sendable (Input) -> Output
    ) -> [Output] {
        let count = inputs.count
        guard count > chunkSize else { return inputs.map(transform) }
        let chunks = (count + chunkSize - 1) / chunkSize
        return [Output](unsafeUninitializedCapacity: count) { buffer, initialized in
            // Each chunk writes a disjoint range of the buffer, so no two threads touch the same element.
            nonisolated(unsafe) let base = buffer.baseAddress!
            DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                let start = chunk * chunkSize
                for position in start..<min(start + chunkSize, count) {
                    (base + position).initialize(to: transform(inputs[position]))
                }
            }
            initialized = count
        }
    }
}
