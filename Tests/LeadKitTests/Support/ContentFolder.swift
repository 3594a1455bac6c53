import Foundation
import Testing

@testable import LeadKit

/// A content folder written to a fresh temporary directory, checked, and removed again.
///
/// Files are written byte for byte as given, so a test can spell out `"\r\n"` line endings,
/// a `"\u{FEFF}"` byte-order mark or bytes that are not UTF-8 at all.
struct ContentFolder {
    /// "Today" in every rule test, so date rules never depend on the clock.
    static let asOf = Day(parsing: "2026-11-23")!
    /// Shown instead of the temporary path, so expected locations read `content/leads/acme.md`.
    static let displayRoot = "content"

    var files: [String: [UInt8]]

    init(_ files: [String: String]) {
        self.files = files.mapValues { Array($0.utf8) }
    }

    init(bytes files: [String: [UInt8]]) {
        self.files = files
    }

    /// Writes the files, runs `Leads.check` on them and deletes the folder, whatever happens.
    func check(asOf: Day = ContentFolder.asOf, displayRoot: String? = ContentFolder.displayRoot) throws
        -> CheckedContent
    {
        try withFolder { root in try Leads.check(content: root, asOf: asOf, displayRoot: displayRoot) }
    }

    /// Writes the files into a new temporary folder, hands its path to `body` and removes it afterwards.
    func withFolder<Result>(_ body: (String) throws -> Result) throws -> Result {
        let root = FileManager.default.temporaryDirectory
            .appendingPathComponent("leads-content-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        for (relativePath, bytes) in files {
            let url = root.appendingPathComponent(relativePath)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(bytes).write(to: url)
        }
        return try body(root.path)
    }
}

/// The checked content of `files`, as of `ContentFolder.asOf`.
func check(_ files: [String: String], asOf: Day = ContentFolder.asOf) throws -> CheckedContent {
    try ContentFolder(files).check(asOf: asOf)
}

/// The diagnostics of `files`, sorted as `leads check` prints them.
func diagnostics(_ files: [String: String], asOf: Day = ContentFolder.asOf) throws -> [Diagnostic] {
    try check(files, asOf: asOf).diagnostics
}

/// Every diagnostic on its own line, compiler style, for failure messages.
func listing(_ diagnostics: [Diagnostic]) -> String {
    diagnostics.isEmpty ? "(no diagnostics)" : diagnostics.map(\.formatted).joined(separator: "\n")
}

/// Expects exactly one diagnostic with `code`, at `file:line:column` (`file` relative to the content folder).
///
/// By default it must be the only diagnostic of the run; `alone: false` lets others accompany it.
/// Every failure lists all diagnostics of the run.
@discardableResult
func expectDiagnostic(
    _ code: DiagnosticCode, at file: String, line: Int, column: Int, in diagnostics: [Diagnostic],
    alone: Bool = true, messageContains fragments: [String] = [],
    sourceLocation: Testing.SourceLocation = #_sourceLocation
) -> Diagnostic? {
    let expected = LeadKit.SourceLocation(file: ContentFolder.displayRoot + "/" + file, line: line, column: column)
    let wanted = "\(code.rawValue) at \(expected.file):\(line):\(column)"
    let matching = diagnostics.filter { $0.code == code }
    guard matching.count == 1, let found = matching.first else {
        fail("expected exactly one \(wanted), found \(matching.count) with that code", diagnostics, sourceLocation)
        return nil
    }
    if found.location != expected {
        let place = "\(found.location.file):\(found.location.line):\(found.location.column)"
        fail("expected \(wanted), found it at \(place)", diagnostics, sourceLocation)
    }
    if alone && diagnostics.count != 1 {
        fail("expected \(wanted) and nothing else", diagnostics, sourceLocation)
    }
    for fragment in fragments where !found.message.contains(fragment) {
        fail("the message of \(wanted) should contain \"\(fragment)\"", diagnostics, sourceLocation)
    }
    return found
}

/// Expects a run without any diagnostic, showing them all when there are some.
func expectNoDiagnostics(_ diagnostics: [Diagnostic], sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    if !diagnostics.isEmpty { fail("expected no diagnostics", diagnostics, sourceLocation) }
}

/// Records a failure that lists every diagnostic of the run.
func fail(_ problem: String, _ diagnostics: [Diagnostic], _ sourceLocation: Testing.SourceLocation) {
    Issue.record("\(problem); all diagnostics:\n\(listing(diagnostics))", sourceLocation: sourceLocation)
}

/// Minimal valid records that rule tests combine with the one mistake they are about.
enum Valid {
    static let company = """
        ---
        name: Acme
        ---

        """

    /// A contact reachable by email.
    static let contact = """
        ---
        name: Ada Lovelace
        email: ada@acme.example
        ---

        """

    /// A lead at the first networking stage: needs no interaction, contact or application.
    static let lead = """
        ---
        role: Platform Engineer
        company: "[[acme]]"
        source: REFERRAL
        temperature: HOT
        status: DISCOVERY
        created: 2026-10-01
        ---
        Met at a meetup.

        """

    /// An interaction that logs contact with the lead `acme-platform`.
    static let interaction = """
        ---
        lead: "[[acme-platform]]"
        date: 2026-10-02
        type: EMAIL
        summary: Sent my CV
        ---

        """
}

extension ContentFolder {
    /// Checks the folder on a thread of its own and gives up after `seconds`, so a hang fails one test
    /// instead of stalling the whole run. Returns nil when time ran out (the thread is left to the process).
    func check(within seconds: Double, asOf: Day = ContentFolder.asOf) throws -> CheckedContent? {
        try withFolder { root in
            let outcome = Outcome()
            let thread = Thread {
                outcome.finish(
                    Result { try Leads.check(content: root, asOf: asOf, displayRoot: ContentFolder.displayRoot) })
            }
            // The stack `leads check` has on its main thread (8 MB), where a small folder is parsed.
            thread.stackSize = 8 << 20
            thread.start()
            guard outcome.done.wait(timeout: .now() + seconds) == .success else { return nil }
            return try outcome.result!.get()
        }
    }
}

/// The result of work on another thread, handed over once.
private final class Outcome: @unchecked Sendable {
    let done = DispatchSemaphore(value: 0)
    private let lock = NSLock()
    private var stored: Result<CheckedContent, any Error>?

    var result: Result<CheckedContent, any Error>? { lock.withLock { stored } }

    func finish(_ result: Result<CheckedContent, any Error>) {
        lock.withLock { stored = result }
        done.signal()
    }
}
