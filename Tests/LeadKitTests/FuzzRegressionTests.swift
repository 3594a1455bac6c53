import Foundation
import Testing

@testable import LeadKit

/// Every input the fuzzer ever tripped on, replayed through the check path.
@Suite struct FuzzRegressionTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/fuzz-regressions")

    static var inputs: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
            .filter { $0 != "README.md" && !$0.hasPrefix(".") }.sorted()
    }

    @Test(arguments: inputs) func replays(_ name: String) throws {
        let bytes = try Data(contentsOf: Self.folder.appendingPathComponent(name))
        let diagnostics = FuzzTarget.check(Array(bytes))
        // Reaching this line is the point; every recorded input is a broken file, so it must be reported.
        #expect(!diagnostics.isEmpty, "\(name) was accepted without a diagnostic")
    }
}
