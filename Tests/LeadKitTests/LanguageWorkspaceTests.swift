import Foundation
import Testing

@testable import LeadKit

/// The language server re-checks only what an edit can have changed; after every edit its
/// diagnostics must be exactly what `leads check` finds in the same files from scratch.
@Suite struct LanguageWorkspaceTests {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let asOf = Day(year: 2026, month: 11, day: 23)!

    /// Applies `edit` to the file on disk and in the workspace, then compares with a clean check.
    func expectSameAsCheck(
        _ workspace: LanguageWorkspace, _ root: String, _ path: String, _ text: String?,
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) throws {
        let file = root + "/" + path
        if let text {
            try FileManager.default.createDirectory(
                atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: URL(fileURLWithPath: file))
            workspace.update(path, bytes: Array(text.utf8))
        } else {
            try FileManager.default.removeItem(atPath: file)
            workspace.remove(path)
        }
        workspace.recheck()
        let clean = try Leads.check(content: root, asOf: Self.asOf, displayRoot: root)
        #expect(
            workspace.checked.diagnostics.map(\.formatted) == clean.diagnostics.map(\.formatted),
            "after editing \(path)", sourceLocation: sourceLocation)
    }

    func edited(_ root: String, _ path: String, _ change: (String) -> String) throws -> String {
        change(try String(contentsOfFile: root + "/" + path, encoding: .utf8))
    }

    @Test func everyEditLeavesTheSameDiagnosticsAsACleanCheck() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("leads-lsp-\(UUID())")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.copyItem(at: Self.packageRoot.appendingPathComponent("content"), to: folder)
        let root = folder.standardizedFileURL.path
        let workspace = try LanguageWorkspace(root: root, asOf: Self.asOf)
        let start = try Leads.check(content: root, asOf: Self.asOf, displayRoot: root)
        #expect(workspace.checked.diagnostics.map(\.formatted) == start.diagnostics.map(\.formatted))

        let lead = "leads/gartenfreund-shop-performance.md"
        let contact = "contacts/tobias-gaertner.md"
        let interaction = "interactions/2026-05-21-meridian-sre-intro.md"
        // A wrong stage in the lead itself.
        try expectSameAsCheck(
            workspace, root, lead,
            try edited(root, lead) { $0.replacingOccurrences(of: "status: CONTACTED", with: "status: CONTACT") })
        // The sales lead's contact loses its email and phone: the lead (another file) is unreachable.
        try expectSameAsCheck(
            workspace, root, contact,
            "---\nname: Tobias Gärtner\ncompany: \"[[gartenfreund]]\"\n---\n")
        // Another contact with the same email as an existing one: a duplicate across files.
        try expectSameAsCheck(
            workspace, root, "contacts/amara-twin.md", "---\nname: Amara D.\nemail: amara@streamhaus.example\n---\n")
        // An interaction dated before its lead was created, then its lead renamed away.
        try expectSameAsCheck(
            workspace, root, interaction,
            try edited(root, interaction) { $0.replacingOccurrences(of: "date: 2026-05-21", with: "date: 2020-01-01") })
        try expectSameAsCheck(
            workspace, root, interaction,
            try edited(root, interaction) {
                $0.replacingOccurrences(of: "[[meridian-sre]]", with: "[[meridian-sre-old]]")
            })
        // A company deleted: every record that links to it now has a broken link.
        try expectSameAsCheck(workspace, root, "companies/gartenfreund.md", nil)
        // A note that links to a record that does not exist, then the record created.
        try expectSameAsCheck(
            workspace, root, lead, try edited(root, lead) { $0 + "\nSee [[somebody-new]].\n" })
        try expectSameAsCheck(workspace, root, "contacts/somebody-new.md", "---\nname: Somebody New\n---\n")
        // A company written as text, then a company of that name created, then renamed away.
        try expectSameAsCheck(
            workspace, root, "leads/zeta-backend.md",
            "---\nrole: Backend\ncompany: Zeta Widgets\nsource: LINKEDIN\ntemperature: WARM\nstatus: DISCOVERY\n"
                + "created: 2026-11-20\n---\n")
        try expectSameAsCheck(workspace, root, "companies/zeta.md", "---\nname: Zeta Widgets\n---\n")
        try expectSameAsCheck(workspace, root, "companies/zeta.md", "---\nname: Zeta Gadgets\n---\n")
        // A file the parser rejects, then fixed again.
        try expectSameAsCheck(workspace, root, contact, "---\nname: [unclosed\n---\n")
        try expectSameAsCheck(
            workspace, root, contact, "---\nname: Tobias Gärtner\nemail: tobias@gartenfreund.example\n---\n")
    }
}
