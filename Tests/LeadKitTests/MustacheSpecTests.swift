import Foundation
import Testing

@testable import LeadKit

/// The official Mustache specification's tests (`../shared/testdata/mustache-spec/`), run against
/// the report's template renderer.
///
/// Every test of every required module must pass. Of the optional modules, lambdas are skipped
/// (view models are plain data, so a template can never meet a lambda), and so are the four
/// inheritance tests that re-indent a block to where it is expanded: the built-in templates
/// expand their one block (`{{$main}}`) at the start of a line, where no re-indenting happens.
@Suite struct MustacheSpecTests {
    static let specFolder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // LeadKitTests/
        .deletingLastPathComponent()  // Tests/
        .deletingLastPathComponent()  // the package root
        .appendingPathComponent("../shared/testdata/mustache-spec").standardizedFileURL

    static let skipped: Set<String> = [
        "~inheritance/Standalone block", "~inheritance/Block reindentation",
        "~inheritance/Intrinsic indentation", "~inheritance/Nested block reindentation",
    ]

    struct SpecFile: Decodable {
        var tests: [SpecTest]
    }

    struct SpecTest: Decodable {
        var name: String
        var data: SpecValue
        var template: String
        var partials: [String: String]?
        var expected: String
    }

    /// JSON as the renderer reads it.
    struct SpecValue: Decodable {
        var data: TemplateData

        init(from decoder: Decoder) throws {
            if let object = try? decoder.container(keyedBy: AnyKey.self) {
                var fields: [String: TemplateData] = [:]
                for key in object.allKeys {
                    fields[key.stringValue] = try object.decode(SpecValue.self, forKey: key).data
                }
                data = .object(TemplateObject(fields: fields))
            } else if var list = try? decoder.unkeyedContainer() {
                var items: [TemplateData] = []
                while !list.isAtEnd { items.append(try list.decode(SpecValue.self).data) }
                data = .list(items)
            } else {
                let single = try decoder.singleValueContainer()
                if single.decodeNil() {
                    data = .null
                } else if let flag = try? single.decode(Bool.self) {
                    data = .flag(flag)
                } else if let number = try? single.decode(Int.self) {
                    data = .integer(number)
                } else if let number = try? single.decode(Double.self) {
                    data = .number(number)
                } else {
                    data = .text(try single.decode(String.self))
                }
            }
        }
    }

    struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    static let modules = [
        "comments", "delimiters", "interpolation", "inverted", "partials", "sections", "~inheritance",
        "~dynamic-names",
    ]

    @Test(arguments: modules) func everySpecTestOfTheModulePasses(module: String) throws {
        let url = Self.specFolder.appendingPathComponent(module + ".json")
        guard FileManager.default.fileExists(atPath: url.path) else {
            Issue.record("the Mustache specification is missing at \(url.path): ../shared must sit beside the project")
            return
        }
        let file = try JSONDecoder().decode(SpecFile.self, from: Data(contentsOf: url))
        #expect(file.tests.count >= 6)
        var ran = 0
        for test in file.tests where !Self.skipped.contains(module + "/" + test.name) {
            var programs = ["test": try TemplateParser.parse(test.template)]
            for (name, text) in test.partials ?? [:] {
                programs[name] = try TemplateParser.parse(text)
            }
            let rendered = try TemplateRenderer(programs: programs).render("test", test.data.data)
            let output = rendered.map { String(decoding: $0, as: UTF8.self) }
            #expect(output == test.expected, "\(module): \(test.name)\n\(test.template)")
            ran += 1
        }
        #expect(ran == file.tests.count - Self.skipped.filter { $0.hasPrefix(module + "/") }.count)
    }

    @Test func theLambdaModuleIsTheOneModuleLeftOut() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.specFolder.path)
            .filter { $0.hasSuffix(".json") }.map { String($0.dropLast(".json".count)) }
        #expect(Set(files).subtracting(Self.modules) == ["~lambdas"])
    }
}
