import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// `leads serve` and `leads build --watch`, the real binary on a free loopback port: pages are
/// served, a saved change is visible within a second, a broken template shows its problem.
@Suite(.serialized) struct ServeCommandTests {
    static let content = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/golden/content")
    let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("leads-serve-\(UUID().uuidString)")

    /// A running `leads` and the lines it printed so far.
    final class Running: @unchecked Sendable {
        let process = Process()
        private let lock = NSLock()
        private var text = ""

        init(_ arguments: [String], in directory: URL) throws {
            let pipe = Pipe()
            process.executableURL = try LeadsProcess.executable()
            process.arguments = arguments
            process.currentDirectoryURL = directory
            process.standardOutput = pipe
            process.standardError = pipe
            process.standardInput = FileHandle.nullDevice
            pipe.fileHandleForReading.readabilityHandler = { [weak self] handle in
                let data = handle.availableData
                self?.lock.withLock { self?.text += String(decoding: data, as: UTF8.self) }
            }
            try process.run()
        }

        var output: String { lock.withLock { text } }

        /// Waits up to `seconds` for `condition` on the output.
        func wait(seconds: Double, until condition: (String) -> Bool) -> Bool {
            let deadline = Date().addingTimeInterval(seconds)
            while Date() < deadline {
                if condition(output) { return true }
                Thread.sleep(forTimeInterval: 0.02)
            }
            return condition(output)
        }

        func stop() {
            if process.isRunning { process.terminate() }
            let deadline = Date().addingTimeInterval(5)
            while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
            if process.isRunning {
                Issue.record("leads did not stop on SIGTERM")
                kill(process.processIdentifier, SIGKILL)
            }
            process.waitUntilExit()
        }
    }

    /// A GET on 127.0.0.1 over a plain socket, as a browser would send it.
    func get(_ port: Int, _ path: String) -> (status: Int, body: String) {
        let response = RawHTTP(port: port).request(path)
        return (response.status, response.text)
    }

    /// `leads serve --port 0` on a copy of the golden content in the scratch folder, once its first
    /// build is written; and the port it printed.
    func serve() throws -> (Running, Int) {
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Self.content, to: scratch.appendingPathComponent("content"))
        let serve = try Running(
            ["serve", "--port", "0", "--content", "content", "--as-of", "2026-11-23"], in: scratch)
        #expect(serve.wait(seconds: 20) { $0.contains("files written") }, "\(serve.output)")
        guard let port = serve.output.firstMatch(of: /127\.0\.0\.1:(\d+)/).flatMap({ Int($0.1) }) else {
            serve.stop()
            throw LeadsProcess.Failure(description: "leads serve printed no port:\n\(serve.output)")
        }
        return (serve, port)
    }

    /// Polls a page until `condition` holds; returns how long that took, or nil after `seconds`.
    func until(_ port: Int, _ path: String, within seconds: Double, _ condition: (String) -> Bool) -> Double? {
        let started = Date()
        while Date().timeIntervalSince(started) < seconds {
            if condition(get(port, path).body) { return Date().timeIntervalSince(started) }
            Thread.sleep(forTimeInterval: 0.02)
        }
        return nil
    }

    @Test func aSavedChangeIsServedWithinASecondAndABrokenTemplateShowsItsProblem() throws {
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        try FileManager.default.copyItem(at: Self.content, to: scratch.appendingPathComponent("content"))
        let templates = scratch.appendingPathComponent("templates")
        try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)

        let serve = try Running(
            ["serve", "--port", "0", "--content", "content", "--templates", "templates", "--as-of", "2026-11-23"],
            in: scratch)
        defer { serve.stop() }
        #expect(serve.wait(seconds: 20) { $0.contains("files written") }, "\(serve.output)")
        let port = try #require(
            serve.output.firstMatch(of: /127\.0\.0\.1:(\d+)/).flatMap { Int($0.1) }, "\(serve.output)")

        let index = get(port, "/")
        #expect(index.status == 200)
        #expect(index.body.contains("<h1>Dashboard</h1>") || index.body.contains("Dashboard"))
        #expect(index.body.contains("/__leads/reload.js"), "served pages reload themselves")
        let onDisk = try String(contentsOf: scratch.appendingPathComponent("output/index.html"), encoding: .utf8)
        #expect(!onDisk.contains("__leads"), "the report on disk stays as leads build writes it")
        #expect(get(port, "/../content/leads/orbit-data.md").status == 404)

        // An editor saving by rename: write a new file, then move it over the old one.
        let lead = scratch.appendingPathComponent("content/leads/orbit-data.md")
        let changed = try String(contentsOf: lead, encoding: .utf8)
            .replacingOccurrences(of: "role: ", with: "role: Renamed ")
        let temporary = scratch.appendingPathComponent("content/leads/.orbit-data.md.swp")
        try changed.write(to: temporary, atomically: false, encoding: .utf8)
        #expect(rename(temporary.path, lead.path) == 0)
        let seen = until(port, "/leads/orbit-data.html", within: 1) { $0.contains("Renamed") }
        #expect(seen != nil, "the change is served within a second")

        try "{{#broken}}\n".write(
            to: templates.appendingPathComponent("lead.mustache"), atomically: true, encoding: .utf8)
        let failure = until(port, "/leads/orbit-data.html", within: 3) { $0.contains("could not be built") }
        #expect(failure != nil)
        #expect(get(port, "/index.html").body.contains("template-error"))
        try FileManager.default.removeItem(at: templates.appendingPathComponent("lead.mustache"))
        let fixed = until(port, "/leads/orbit-data.html", within: 3) { $0.contains("Renamed") }
        #expect(fixed != nil, "fixing the template brings the report back")
    }

    @Test func buildWatchRebuildsOnSave() throws {
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        try FileManager.default.copyItem(at: Self.content, to: scratch.appendingPathComponent("content"))
        let watch = try Running(["build", "--watch", "--content", "content", "--as-of", "2026-11-23"], in: scratch)
        defer { watch.stop() }
        #expect(watch.wait(seconds: 20) { $0.contains("files written") }, "\(watch.output)")
        let lead = scratch.appendingPathComponent("content/leads/orbit-data.md")
        try (try String(contentsOf: lead, encoding: .utf8) + "\nWatched note.\n").write(
            to: lead, atomically: true, encoding: .utf8)
        let page = scratch.appendingPathComponent("output/leads/orbit-data.html")
        let deadline = Date().addingTimeInterval(2)
        var rebuilt = false
        while Date() < deadline, !rebuilt {
            rebuilt = (try? String(contentsOf: page, encoding: .utf8))?.contains("Watched note.") == true
            Thread.sleep(forTimeInterval: 0.05)
        }
        #expect(rebuilt, "\(watch.output)")
    }
}

/// Options are checked once, before anything starts, and reach every rebuild.
extension ServeCommandTests {
    @Test(arguments: ["70000", "-1", "65536"]) func aPortOutsideTheRangeIsAUsageError(port: String) throws {
        let result = try LeadsProcess.run(["serve", "--port", port], in: FileManager.default.temporaryDirectory)
        #expect(result.status == 2)
        #expect(result.stderr == "error: --port must be a number from 0 to 65535, not \(port)\n")
    }

    @Test func aBadAsOfStopsServeBeforeItStarts() throws {
        let result = try LeadsProcess.run(
            ["serve", "--port", "0", "--content", Self.content.path, "--as-of", "garbage"],
            in: FileManager.default.temporaryDirectory, seconds: 10)
        #expect(result.status == 2)
        #expect(result.stderr == "error: --as-of must be a date like 2026-03-14, not 'garbage'\n")
        #expect(!result.stdout.contains("serving"))
    }

    @Test func buildWatchKeepsTheBaseURLOnEveryRebuild() throws {
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        try FileManager.default.copyItem(at: Self.content, to: scratch.appendingPathComponent("content"))
        let watch = try Running(
            [
                "build", "--watch", "--content", "content", "--as-of", "2026-11-23", "--base-url",
                "https://crm.example/report",
            ], in: scratch)
        defer { watch.stop() }
        #expect(watch.wait(seconds: 20) { $0.contains("files written") }, "\(watch.output)")
        let calendar = scratch.appendingPathComponent("output/follow-ups.ics")
        let lead = scratch.appendingPathComponent("content/leads/orbit-data.md")
        try (try String(contentsOf: lead, encoding: .utf8) + "\nWatched note.\n").write(
            to: lead, atomically: true, encoding: .utf8)
        #expect(watch.wait(seconds: 5) { $0.components(separatedBy: "files written").count == 3 }, "\(watch.output)")
        let rebuilt = try String(contentsOf: calendar, encoding: .utf8)
        #expect(rebuilt.contains("URL:https://crm.example/report/"), "\(rebuilt)")
    }
}
