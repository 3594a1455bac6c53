import Foundation
import Testing

/// Builds of one report take turns, and what a failed or killed build left beside the report is
/// removed by the next one — also when someone made it read-only.
@Suite(.serialized) struct BuildConcurrencyTests {
    static let content = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/golden/content")

    @Test func buildsOfOneReportAtOnceAllSucceed() throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        var processes: [Process] = []
        for _ in 0..<4 {
            let process = Process()
            process.executableURL = try LeadsProcess.executable()
            process.arguments = [
                "build", "--content", Self.content.path, "--output", "report", "--as-of", "2026-11-23", "--clean",
                // The fixture sits in this project's repository: its commits are not a pipeline's.
                "--no-git",
            ]
            process.currentDirectoryURL = folder.url
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            processes.append(process)
        }
        for process in processes { process.waitUntilExit() }
        #expect(processes.map(\.terminationStatus) == [0, 0, 0, 0])
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.url.path).filter {
            $0.hasPrefix(".")
        }
        #expect(leftovers.isEmpty, "\(leftovers)")
        #expect(FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("report/index.html").path))
    }

    /// (Run as root, as CI does, the permission bits stop nothing; the leftover is removed either way.)
    @Test func aReadOnlyFolderAFailedBuildLeftIsRemoved() throws {
        let folder = try ScratchFolder()
        defer {
            chmod(folder.url.appendingPathComponent(".report.leads-old/leads").path, 0o755)
            folder.remove()
        }
        let leftover = folder.url.appendingPathComponent(".report.leads-old/leads")
        try FileManager.default.createDirectory(at: leftover, withIntermediateDirectories: true)
        try Data("old".utf8).write(to: leftover.appendingPathComponent("x.html"))
        chmod(leftover.path, 0o555)
        let args = [
            "build", "--content", Self.content.path, "--output", "report", "--as-of", "2026-11-23", "--no-git",
        ]
        #expect(try LeadsProcess.run(args, in: folder.url).status == 0)
        #expect(try LeadsProcess.run(args + ["--clean"], in: folder.url).status == 0)
        #expect(!FileManager.default.fileExists(atPath: folder.url.appendingPathComponent(".report.leads-old").path))
    }

    /// `--timings` says on stderr where a build's time went, and how many record pages a rebuild
    /// kept without planning them; the report is the same with it.
    @Test func timingsNameEveryStageOfABuild() throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        let args = [
            "build", "--content", Self.content.path, "--output", "report", "--as-of", "2026-11-23", "--no-git",
            "--timings",
        ]
        let first = try LeadsProcess.run(args, in: folder.url)
        #expect(first.status == 0)
        for stage in ["list", "read and parse", "validate", "source table", "analyze", "plan", "render and write"] {
            #expect(first.stderr.contains(" \(stage) "), "\(stage) in \(first.stderr)")
        }
        #expect(first.stderr.contains("record pages kept without planning them: 0"))
        let again = try LeadsProcess.run(args, in: folder.url)
        #expect(again.stdout.contains("is up to date"))
        #expect(again.stderr.hasPrefix("timings: list "))
    }
}
