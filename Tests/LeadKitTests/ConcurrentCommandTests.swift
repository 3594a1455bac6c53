import Foundation
import Testing

/// Many write commands at once on one lead, with the real binary: they take turns on the content
/// folder's lock, so every command that exits 0 is in the files, none that exits non-zero is, and no
/// file holds two commands' bytes.
@Suite(.serialized) struct ConcurrentCommandTests {
    static let asOf = "2026-11-23"

    static let lead = """
        ---
        role: Platform Engineer
        company: Acme
        source: OTHER
        temperature: WARM
        status: DISCOVERY
        created: 2026-11-01
        contact: "[[ada]]"
        history:
          - {status: DISCOVERY, date: 2026-11-01}
        ---

        """

    /// Starts `leads` with `arguments` in `folder` and returns the running process and its stderr.
    func start(_ arguments: [String], in folder: ScratchFolder) throws -> (Process, Pipe) {
        let process = Process()
        process.executableURL = try LeadsProcess.executable()
        process.arguments = arguments + ["--content", "content", "--as-of", Self.asOf]
        process.currentDirectoryURL = folder.url
        let errors = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        try process.run()
        return (process, errors)
    }

    @Test func parallelLogsAndMovesOnOneLeadLoseNothing() throws {
        let folder = try ScratchFolder([
            "leads/acme.md": Self.lead, "contacts/ada.md": "---\nname: Ada\nemail: ada@acme.example\n---\n",
        ])
        defer { folder.remove() }
        var runs: [(arguments: [String], process: Process, errors: Pipe)] = []
        for round in 1...12 {
            let log = [
                "log", "acme", "--type", "EMAIL", "--summary", "Note \(round)", "--follow-up", "2026-12-\(10 + round)",
            ]
            let (process, errors) = try start(log, in: folder)
            runs.append((log, process, errors))
            if round <= 3 {
                let stage = ["WAKING_UP", "WARM_LEAD", "REFERRAL_SECURED"][round - 1]
                let move = ["move", "acme", stage]
                let (moving, moveErrors) = try start(move, in: folder)
                runs.append((move, moving, moveErrors))
            }
        }
        for run in runs { run.process.waitUntilExit() }

        let lead = try folder.read("leads/acme.md")
        let interactions = try FileManager.default.contentsOfDirectory(
            atPath: folder.url.appendingPathComponent("content/interactions").path)
        for run in runs {
            let message = String(decoding: run.errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            let succeeded = run.process.terminationStatus == 0
            if run.arguments[0] == "log" {
                // Logs never conflict: each one waits its turn and writes its own interaction.
                #expect(succeeded, "\(run.arguments.joined(separator: " ")): \(message)")
                let summary = run.arguments[5]
                let file = interactions.first { $0.hasSuffix(slug(summary) + ".md") }
                #expect(file != nil, "no interaction for \(summary)")
            } else {
                // A move to a stage the lead already passed is refused; one that exits 0 is in the history.
                let stage = run.arguments[2]
                #expect(succeeded == lead.contains("{status: \(stage), date: 2026-11-23}"), "\(stage): \(message)")
            }
        }
        #expect(interactions.count == 12)
        #expect(!interactions.contains { $0.hasSuffix(".leads-tmp") || $0.hasPrefix(".") })
        let check = try folder.check(asOf: Self.asOf)
        #expect(check.stdout.hasPrefix("0 errors"), "\(check.stdout)")
    }

    @Test func aTemporaryFileLeftByAKilledCommandIsRemovedByTheNext() throws {
        let folder = try ScratchFolder([
            "leads/acme.md": Self.lead, "contacts/ada.md": "---\nname: Ada\nemail: ada@acme.example\n---\n",
            "leads/.acme.md.4242.7.leads-tmp": "half a fi",
        ])
        defer { folder.remove() }
        #expect(try folder.leads(["move", "acme", "WAKING_UP"], asOf: Self.asOf).status == 0)
        #expect(!folder.exists("leads/.acme.md.4242.7.leads-tmp"))
    }

    private func slug(_ text: String) -> String {
        text.lowercased().replacingOccurrences(of: " ", with: "-")
    }
}
