import Foundation
import Testing

@testable import LeadKit

/// What `leads build` promises about the output folder and templates.
@Suite struct BuildTests {
    static let content = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/golden/content").path
    static let asOf = Day(parsing: "2026-11-23")!

    let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("leads-build-\(UUID().uuidString)")

    func path(_ name: String) -> String { scratch.appendingPathComponent(name).path }

    func copyContent() throws -> String {
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Self.content, toPath: path("content"))
        return path("content")
    }

    func build(_ content: String, templates: String? = nil) throws {
        _ = try Leads.build(content: content, templates: templates, output: path("output"), asOf: Self.asOf)
    }

    @Test func aDeletedLeadLeavesNoPageBehind() throws {
        defer { try? FileManager.default.removeItem(at: scratch) }
        let content = try copyContent()
        try build(content)
        #expect(FileManager.default.fileExists(atPath: path("output/leads/fresh-lead.html")))

        try FileManager.default.removeItem(atPath: content + "/leads/fresh-lead.md")
        try build(content)
        #expect(!FileManager.default.fileExists(atPath: path("output/leads/fresh-lead.html")))
        #expect(FileManager.default.fileExists(atPath: path("output/leads/orbit-data.html")))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: scratch.path).filter { $0.hasPrefix(".") }
        #expect(leftovers.isEmpty, "staging folders must not be left behind: \(leftovers)")
    }

    @Test func aBrokenTemplateNamesItsLineAndKeepsThePreviousReport() throws {
        defer { try? FileManager.default.removeItem(at: scratch) }
        let content = try copyContent()
        try build(content)
        let before = try Data(contentsOf: URL(fileURLWithPath: path("output/index.html")))

        let templates = path("templates")
        try FileManager.default.createDirectory(atPath: templates, withIntermediateDirectories: true)
        try "<h1>{{title}}</h1>\n<ul>\n{{#items}}\n<li>{{name}}</li>\n{{/wrong}}\n</ul>\n"
            .write(toFile: templates + "/lead.mustache", atomically: true, encoding: .utf8)
        let error = #expect(throws: TemplateError.self) { try build(content, templates: templates) }
        #expect(error?.file == templates + "/lead.mustache")
        #expect(error?.line == 5)
        #expect(error?.description.hasSuffix("[template-error]") == true)

        let after = try Data(contentsOf: URL(fileURLWithPath: path("output/index.html")))
        #expect(before == after, "a failed build must leave the previous report intact")
        #expect(FileManager.default.fileExists(atPath: path("output/leads/fresh-lead.html")))
    }

    @Test func aTemplatesFolderOverridesTheBuiltInsFileByFile() throws {
        defer { try? FileManager.default.removeItem(at: scratch) }
        let content = try copyContent()
        let templates = path("templates")
        try FileManager.default.createDirectory(atPath: templates, withIntermediateDirectories: true)
        try "body { color: rebeccapurple; }\n".write(
            toFile: templates + "/style.css", atomically: true, encoding: .utf8)
        try build(content, templates: templates)
        let css = try String(contentsOfFile: path("output/style.css"), encoding: .utf8)
        #expect(css == "body { color: rebeccapurple; }\n")
        let index = try String(contentsOfFile: path("output/index.html"), encoding: .utf8)
        #expect(index.contains("<h1>Dashboard</h1>"), "templates not overridden come from the built-in set")
    }

    @Test func refusesToReplaceAFolderItDidNotWrite() throws {
        defer { try? FileManager.default.removeItem(at: scratch) }
        let content = try copyContent()
        try FileManager.default.createDirectory(atPath: path("output"), withIntermediateDirectories: true)
        try "my thesis".write(toFile: path("output/thesis.txt"), atomically: true, encoding: .utf8)
        #expect(throws: WriteError.self) { try build(content) }
        #expect(try String(contentsOfFile: path("output/thesis.txt"), encoding: .utf8) == "my thesis")
    }

    @Test func everyTemplateFileIsCompiledIn() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../templates").standardizedFileURL.path
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).filter { !$0.hasPrefix(".") }
        #expect(Set(files) == Set(TemplateSet.builtIn.keys), "list new template files in TemplateSet.builtIn")
        for file in files {
            let onDisk = try Data(contentsOf: URL(fileURLWithPath: folder + "/" + file))
            #expect(Array(onDisk) == TemplateSet.builtIn[file], "\(file): rebuild to embed the current version")
        }
    }
}

@Suite struct MarkdownTests {
    @Test func rawHTMLIsShownAsEscapedText() {
        let html = Markdown.html("Hello <script>alert(1)</script> <b onclick=x>bold</b>\n\n<iframe src=x></iframe>\n")
        #expect(
            html == "<p>Hello &lt;script&gt;alert(1)&lt;/script&gt; &lt;b onclick=x&gt;bold&lt;/b&gt;</p>\n"
                + "<p>&lt;iframe src=x&gt;&lt;/iframe&gt;</p>\n")
    }

    @Test func scriptLinksAreEmptied() {
        let html = Markdown.html(
            "[a](javascript:alert(1)) [b](JaVaScRiPt:alert(1)) ![c](javascript:x) <javascript:alert(1)>\n")
        #expect(!html.lowercased().contains("href=\"javascript"), "got \(html)")
        #expect(html.contains("<a href=\"\">a</a>"))
    }

    @Test func onlyWebMailAndPhoneAddressesSurvive() {
        let html = Markdown.html(
            "![pixel](data:image/png;base64,iVBORw0KGgo=) [v](vbscript:msgbox) [f](file:///etc/passwd) "
                + "[ok](https://example.com/a) [mail](mailto:a@example.com) [rel](../notes.md)\n")
        #expect(!html.contains("data:"), "got \(html)")
        #expect(!html.contains("vbscript:"))
        #expect(!html.contains("file:"))
        #expect(html.contains("href=\"https://example.com/a\""))
        #expect(html.contains("href=\"mailto:a@example.com\""))
        #expect(html.contains("href=\"../notes.md\""))
    }

    @Test func imagesBecomeLinksOrTheirAltText() {
        let html = Markdown.html(
            "![chart **one**](https://example.com/c.png) ![bad](javascript:alert(1)) ![x](data:image/png;base64,AA)\n")
        #expect(!html.contains("<img"), "got \(html)")
        #expect(html.contains("<a href=\"https://example.com/c.png\">chart <strong>one</strong></a>"), "got \(html)")
        #expect(html.contains(" bad "), "got \(html)")
        #expect(!html.contains("javascript") && !html.contains("data:"))
    }

    @Test func commonMarkStillRenders() {
        let html = Markdown.html("# Title\n\n- one\n- **two**\n\n[site](https://example.com)\n")
        #expect(
            html
                == "<h1>Title</h1>\n<ul>\n<li>one</li>\n<li><strong>two</strong></li>\n</ul>\n<p><a href=\"https://example.com\">site</a></p>\n"
        )
    }
}
