import Foundation
import Testing

@testable import LeadKit

/// The pages, `report.json` and the calendar `leads build` writes for a folder, by path inside the
/// output folder (`cohorts.html`, `jobs/acme.html`, `report.json`, `follow-ups.ics`).
struct BuiltSite {
    var files: [String: String]

    /// The text of a page; a missing page fails the test and reads as empty.
    func page(_ path: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> String {
        guard let text = files[path] else {
            Issue.record("the build wrote no \(path)", sourceLocation: sourceLocation)
            return ""
        }
        return text
    }

    /// `report.json`, decoded.
    func reportJSON(sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> [String: Any] {
        let data = Data(page("report.json", sourceLocation: sourceLocation).utf8)
        return try #require(JSONSerialization.jsonObject(with: data) as? [String: Any])
    }
}

extension ContentFolder {
    /// Writes the folder, builds the report as `leads build` does (built-in templates) and reads back
    /// every page, removing both folders afterwards.
    func build(asOf: Day = ContentFolder.asOf) throws -> BuiltSite {
        try withFolder { root in
            let output = root + "-site"
            defer { try? FileManager.default.removeItem(atPath: output) }
            _ = try Leads.build(
                content: root, templates: nil, output: output, asOf: asOf, displayRoot: ContentFolder.displayRoot)
            return BuiltSite(files: try BuiltSite.read(output))
        }
    }
}

extension BuiltSite {
    /// Every page, JSON file and calendar below `folder`, by path inside it.
    static func read(_ folder: String) throws -> [String: String] {
        var files: [String: String] = [:]
        let enumerator = FileManager.default.enumerator(atPath: folder)
        while let path = enumerator?.nextObject() as? String {
            guard [".html", ".json", ".ics"].contains(where: path.hasSuffix) else { continue }
            files[path] = try String(contentsOfFile: folder + "/" + path, encoding: .utf8)
        }
        return files
    }
}

/// The `href`s of every link in `html`, in document order.
func hrefs(in html: String) -> [String] {
    html.components(separatedBy: "href=\"").dropFirst().compactMap { $0.split(separator: "\"").first.map(String.init) }
}

/// The HTML of the element whose `id` is `id`, from its opening tag to the first closing tag of the
/// same name (enough for the flat lists these pages use); nil when there is no such id.
func element(withID id: String, in html: String) -> String? {
    guard let idRange = html.range(of: " id=\"\(id)\"") else { return nil }
    guard let open = html[..<idRange.lowerBound].range(of: "<", options: .backwards) else { return nil }
    let tag = html[open.upperBound...].prefix { $0.isLetter || $0.isNumber }
    guard let close = html[idRange.upperBound...].range(of: "</\(tag)>") else { return nil }
    return String(html[open.lowerBound..<close.upperBound])
}
