import Foundation

/// A template that failed to parse, named by file and line so the user can fix it.
public struct TemplateError: Error, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int
    public var message: String

    public var description: String { "\(file):\(line):\(column): error: \(message) [template-error]" }
}

/// The Mustache templates and assets (stylesheet, script) a report is rendered with.
///
/// The defaults are compiled into the binary; a templates folder overrides them file by file.
public struct TemplateSet: Sendable {
    let renderer: TemplateRenderer
    /// Renders pages instead of `renderer` when set: the differential test's swift-mustache.
    var substitute: (@Sendable (_ template: String, _ data: TemplateData) -> [UInt8]?)?
    /// Files copied to the report as they are, e.g. `style.css`.
    let assets: [String: [UInt8]]
    /// Of every template and asset: a page is kept only if it would be rendered with the same ones.
    let fingerprint: Fingerprint

    /// The file names of the built-in templates and assets, which a templates folder may replace.
    public static var builtInNames: Set<String> { Set(builtIn.keys) }

    /// The built-in templates and assets, by file name.
    static var builtIn: [String: [UInt8]] {
        [
            "_layout.mustache": PackageResources._layout_mustache,
            "_card.mustache": PackageResources._card_mustache,
            "_changes.mustache": PackageResources._changes_mustache,
            "_interaction.mustache": PackageResources._interaction_mustache,
            "_problems.mustache": PackageResources._problems_mustache,
            "_filter.mustache": PackageResources._filter_mustache,
            "_board.mustache": PackageResources._board_mustache,
            "_funnel.mustache": PackageResources._funnel_mustache,
            "_agenda.mustache": PackageResources._agenda_mustache,
            "_chart.mustache": PackageResources._chart_mustache,
            "_trackboard.mustache": PackageResources._trackboard_mustache,
            "index.mustache": PackageResources.index_mustache,
            "agenda.mustache": PackageResources.agenda_mustache,
            "board.mustache": PackageResources.board_mustache,
            "stale.mustache": PackageResources.stale_mustache,
            "changes.mustache": PackageResources.changes_mustache,
            "funnel.mustache": PackageResources.funnel_mustache,
            "history.mustache": PackageResources.history_mustache,
            "cohorts.mustache": PackageResources.cohorts_mustache,
            "owner.mustache": PackageResources.owner_mustache,
            "unassigned.mustache": PackageResources.unassigned_mustache,
            "problems.mustache": PackageResources.problems_mustache,
            "leads.mustache": PackageResources.leads_mustache,
            "interactions.mustache": PackageResources.interactions_mustache,
            "records.mustache": PackageResources.records_mustache,
            "lead.mustache": PackageResources.lead_mustache,
            "record.mustache": PackageResources.record_mustache,
            "style.css": PackageResources.style_css,
            "app.js": PackageResources.app_js,
        ]
    }

    /// Loads the built-in templates, then the files of `folder` over them.
    public static func load(folder: String?) throws -> TemplateSet {
        var files = builtIn.mapValues { (bytes: $0, path: "built-in templates/") }
        for key in files.keys { files[key]!.path += key }
        if let folder {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
            for name in names where !name.hasPrefix(".") {
                let path = (folder as NSString).appendingPathComponent(name)
                if case .success(let bytes) = FileBytes.contents(of: path, limit: 4 * 1024 * 1024) {
                    files[name] = (bytes, path)
                }
            }
        }
        var programs: [String: TemplateProgram] = [:]
        var assets: [String: [UInt8]] = [:]
        var fingerprint = Fingerprint()
        for (name, file) in files.sorted(by: { $0.key < $1.key }) {
            fingerprint.combine(name)
            fingerprint.combine(file.bytes)
            guard name.hasSuffix(".mustache") else {
                assets[name] = file.bytes
                continue
            }
            do {
                programs[String(name.dropLast(".mustache".count))] = try TemplateParser.parse(
                    String(decoding: file.bytes, as: UTF8.self))
            } catch {
                throw TemplateError(
                    file: file.path, line: error.line, column: error.column,
                    message: "template syntax error: \(error.message)")
            }
        }
        return TemplateSet(
            renderer: TemplateRenderer(programs: programs), substitute: nil, assets: assets, fingerprint: fingerprint)
    }

    func render(_ value: TemplateValue, _ template: String) throws -> [UInt8] {
        do {
            let rendered =
                if let substitute { substitute(template, value.root) } else {
                    try renderer.render(template, value.root)
                }
            guard let page = rendered else {
                throw TemplateError(
                    file: "templates/\(template).mustache", line: 1, column: 1, message: "template is missing")
            }
            return page
        } catch let error as TemplateRenderer.Failure {
            throw TemplateError(
                file: "templates/\(error.template).mustache", line: 1, column: 1, message: error.message)
        }
    }
}
