import Foundation
import Testing

/// The built `leads` executable, run as a user would run it.
struct LeadsProcess {
    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// The package root, for fixtures and the fallback build folders.
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// Where `swift build` puts the executable, nearest to this test bundle first.
    static var candidates: [URL] {
        var urls: [URL] = []
        if let explicit = ProcessInfo.processInfo.environment["LEADS_BINARY"] {
            urls.append(URL(fileURLWithPath: explicit))
        }
        // Linux: the test runner is an executable in the products folder itself.
        urls.append(Bundle.main.bundleURL.appendingPathComponent("leads"))
        // macOS: the products folder holds the .xctest bundle.
        urls.append(Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("leads"))
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            urls.append(bundle.bundleURL.deletingLastPathComponent().appendingPathComponent("leads"))
        }
        urls.append(packageRoot.appendingPathComponent(".build-tests/debug/leads"))
        urls.append(packageRoot.appendingPathComponent(".build/debug/leads"))
        return urls
    }

    static func executable() throws -> URL {
        let urls = candidates
        guard let found = urls.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
            throw Failure(
                description: "the leads executable was not found; build it with `swift build --build-tests`"
                    + " or set LEADS_BINARY. Looked in:\n" + urls.map(\.path).joined(separator: "\n"))
        }
        return found
    }

    /// Runs `leads` with `arguments` in `directory`; a run longer than `seconds` is killed and fails.
    /// Its standard input is `stdin` (never a terminal), its environment this one's plus `environment`.
    /// `launcher` runs it through another program, e.g. `setpriv` to drop root.
    static func run(
        _ arguments: [String], in directory: URL, seconds: Double = 30, stdin: String = "",
        environment: [String: String] = [:], launcher: [String] = []
    ) throws -> Output {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("leads-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let stdoutURL = scratch.appendingPathComponent("stdout")
        let stderrURL = scratch.appendingPathComponent("stderr")
        try Data().write(to: stdoutURL)
        try Data().write(to: stderrURL)
        let stdinURL = scratch.appendingPathComponent("stdin")
        try Data(stdin.utf8).write(to: stdinURL)
        let input = try FileHandle(forReadingFrom: stdinURL)
        defer { try? input.close() }
        let stdout = try FileHandle(forWritingTo: stdoutURL)
        let stderr = try FileHandle(forWritingTo: stderrURL)
        defer {
            try? stdout.close()
            try? stderr.close()
        }

        let process = Process()
        if let program = launcher.first {
            process.executableURL = URL(fileURLWithPath: program)
            process.arguments = launcher.dropFirst() + [try executable().path] + arguments
        } else {
            process.executableURL = try executable()
            process.arguments = arguments
        }
        process.currentDirectoryURL = directory
        process.standardOutput = stdout
        process.standardError = stderr
        process.standardInput = input
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        let exited = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in exited.signal() }
        try process.run()
        guard exited.wait(timeout: .now() + seconds) == .success else {
            process.terminate()
            throw Failure(description: "leads \(arguments.joined(separator: " ")) did not exit within \(seconds) s")
        }
        return Output(
            status: process.terminationStatus,
            stdout: try String(contentsOf: stdoutURL, encoding: .utf8),
            stderr: try String(contentsOf: stderrURL, encoding: .utf8))
    }
}
