import Foundation
import Testing

@testable import LeadKit

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Shared inputs of the hostile-input suites.
enum Hostile {
    /// "Today" in every hostile test, so no rule depends on the clock.
    static let asOf = Day(parsing: "2026-11-23")!
    /// Shown instead of the temporary path in diagnostics.
    static let displayRoot = "content"

    /// The fields of a lead that has no problem of its own (the company is text, so it needs no file).
    static let leadFields = """
        role: Platform Engineer
        company: Acme
        source: REFERRAL
        temperature: HOT
        status: DISCOVERY
        created: 2026-10-01

        """

    /// A complete lead: valid front-matter (lines 1–8, fields on lines 2–7), then `body` from line 9.
    static func lead(body: String = "Met at a meetup.\n") -> String {
        "---\n" + leadFields + "---\n" + body
    }

    /// Parses one lead file in memory, the way `leads check` parses every file.
    static func parseLead(_ bytes: [UInt8], name: String = "case") -> [Diagnostic] {
        RecordParser.parse(
            SourceFile(
                kind: .lead, relativePath: "leads/\(name).md", displayPath: "content/leads/\(name).md", bytes: bytes)
        ).diagnostics
    }

    static func parseLead(_ text: String, name: String = "case") -> [Diagnostic] {
        parseLead(Array(text.utf8), name: name)
    }

    /// Every diagnostic on its own line, compiler style, for failure messages.
    static func listing(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.isEmpty ? "(no diagnostics)" : diagnostics.map(\.formatted).joined(separator: "\n")
    }

    /// How often `needle` occurs in `haystack` (non-overlapping).
    static func occurrences(of needle: String, in haystack: String) -> Int {
        haystack.components(separatedBy: needle).count - 1
    }
}

/// A content folder in a fresh temporary directory that a test fills with files, links and odd names,
/// then checks or builds; `remove()` deletes it (and the output beside it).
struct HostileFolder {
    /// The temporary directory holding `content/` and, after a build, `output/`.
    let base: URL
    var content: String { base.appendingPathComponent("content").path }
    var output: String { base.appendingPathComponent("output").path }

    init() throws {
        base = FileManager.default.temporaryDirectory
            .appendingPathComponent("leads-hostile-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(
            atPath: base.appendingPathComponent("content").path, withIntermediateDirectories: true)
    }

    /// The absolute path of `relativePath` inside the content folder.
    func path(_ relativePath: String) -> String {
        content + "/" + relativePath
    }

    /// Writes `bytes` byte for byte at `relativePath` inside the content folder, creating folders as needed.
    func write(_ relativePath: String, bytes: [UInt8]) throws {
        let url = URL(fileURLWithPath: path(relativePath))
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
    }

    func write(_ relativePath: String, _ text: String) throws {
        try write(relativePath, bytes: Array(text.utf8))
    }

    /// Creates the symbolic link `relativePath` (inside the content folder) pointing at `destination` as written.
    func symlink(_ relativePath: String, to destination: String) throws {
        let url = URL(fileURLWithPath: path(relativePath))
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: url.path, withDestinationPath: destination)
    }

    func check() throws -> CheckedContent {
        try Leads.check(content: content, asOf: Hostile.asOf, displayRoot: Hostile.displayRoot)
    }

    func build() throws -> BuildSummary {
        try Leads.build(
            content: content, templates: nil, output: output, asOf: Hostile.asOf, displayRoot: Hostile.displayRoot)
    }

    /// The text of a file of the built report, or nil when it was not written.
    func outputText(_ relativePath: String) -> String? {
        FileManager.default.contents(atPath: output + "/" + relativePath).map { String(decoding: $0, as: UTF8.self) }
    }

    /// Deletes everything, also files a test made unreadable.
    func remove() {
        chmod(base.path, 0o755)
        try? FileManager.default.removeItem(at: base)
    }
}

/// The outcome of work run under a watchdog, shared between the worker thread and the waiting test.
private final class WatchdogBox<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Result<Value, any Error>?
    private var stack: Int?

    func finish(_ result: Result<Value, any Error>, stackSize: Int?) {
        lock.lock()
        defer { lock.unlock() }
        stored = result
        stack = stackSize
    }

    var result: (Result<Value, any Error>?, Int?) {
        lock.lock()
        defer { lock.unlock() }
        return (stored, stack)
    }
}

/// The stack size of the calling thread as the system reports it; nil where it cannot be asked.
func currentThreadStackSize() -> Int? {
    #if os(Linux)
        // glibc declares pthread_getattr_np only under _GNU_SOURCE, so Swift's Glibc module lacks it.
        typealias GetAttributes = @convention(c) (pthread_t, UnsafeMutablePointer<pthread_attr_t>) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "pthread_getattr_np") else { return nil }
        let getAttributes = unsafeBitCast(symbol, to: GetAttributes.self)
        var attributes = pthread_attr_t()
        guard getAttributes(pthread_self(), &attributes) == 0 else { return nil }
        defer { pthread_attr_destroy(&attributes) }
        var size = 0
        guard pthread_attr_getstacksize(&attributes, &size) == 0 else { return nil }
        return size
    #else
        return pthread_get_stacksize_np(pthread_self())
    #endif
}

/// The stack given to threads that prove nothing recurses once per nesting level.
let hostileSmallStack = 512 * 1024

/// Runs `work` on its own thread and waits at most `timeout` seconds: a hang detector, not a benchmark.
///
/// A hang fails the test with `name`; the stuck thread cannot be stopped and is left to finish on its own.
/// With `stackSize`, the thread gets that stack, and the test fails if the system did not grant it, so a
/// passing run really proves the input is handled within it. A stack overflow ends the whole test process.
@discardableResult
func underWatchdog<Value>(
    _ name: String, timeout: Double = 20, stackSize: Int? = nil,
    sourceLocation: Testing.SourceLocation = #_sourceLocation,
    _ work: @escaping @Sendable () throws -> Value
) -> Value? {
    let box = WatchdogBox<Value>()
    let done = DispatchSemaphore(value: 0)
    let thread = Thread {
        let granted = currentThreadStackSize()
        box.finish(Result { try work() }, stackSize: granted)
        done.signal()
    }
    thread.name = "hostile: \(name)"
    if let stackSize { thread.stackSize = stackSize }
    thread.start()
    guard done.wait(timeout: .now() + timeout) == .success else {
        Issue.record("'\(name)' did not finish within \(Int(timeout)) s: a hang", sourceLocation: sourceLocation)
        return nil
    }
    let (result, granted) = box.result
    if let stackSize {
        // Guard pages and rounding may add a little; a default 8 MB stack would not pass.
        if let granted {
            #expect(
                granted <= stackSize + 64 * 1024,
                "'\(name)' ran on a \(granted)-byte stack, not the \(stackSize) bytes asked for",
                sourceLocation: sourceLocation)
        } else {
            Issue.record("'\(name)': could not read the thread's stack size", sourceLocation: sourceLocation)
        }
    }
    switch result {
    case .success(let value):
        return value
    case .failure(let error):
        Issue.record("'\(name)' threw \(error)", sourceLocation: sourceLocation)
        return nil
    case nil:
        Issue.record("'\(name)' finished without a result", sourceLocation: sourceLocation)
        return nil
    }
}
