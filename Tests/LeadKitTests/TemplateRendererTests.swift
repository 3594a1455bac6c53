import Testing

@testable import LeadKit

/// The report's template renderer beyond the specification: its errors name where the template
/// went wrong, and no template can make a build hang or crash.
@Suite struct TemplateRendererTests {
    func render(_ template: String, _ fields: [String: TemplateData] = [:], partials: [String: String] = [:]) throws
        -> String
    {
        var programs = ["page": try TemplateParser.parse(template)]
        for (name, text) in partials { programs[name] = try TemplateParser.parse(text) }
        let bytes = try TemplateRenderer(programs: programs).render("page", .object(TemplateObject(fields: fields)))
        return String(decoding: bytes ?? [], as: UTF8.self)
    }

    @Test func everyHTMLSpecialCharacterIsEscapedAndTripleBracesAreNot() throws {
        let value = TemplateData.text("<a href=\"x\">'Tom & Jerry'</a> ≮")
        #expect(
            try render("{{v}}|{{{v}}}|{{&v}}", ["v": value])
                == "&lt;a href=&quot;x&quot;&gt;&#39;Tom &amp; Jerry&#39;&lt;/a&gt; ≮|<a href=\"x\">'Tom & Jerry'</a> ≮"
                + "|<a href=\"x\">'Tom & Jerry'</a> ≮")
        // A "<" carrying a combining mark is still a "<" to a browser: escaped byte by byte.
        #expect(try render("{{v}}", ["v": .text("<\u{338}b>")]) == "&lt;\u{338}b&gt;")
    }

    @Test func numbersAndFlagsAreWrittenAsSwiftWritesThem() throws {
        let numbers: [String: TemplateData] = ["i": .integer(42), "d": .number(0.5), "f": .flag(true)]
        #expect(try render("{{i}} {{d}} {{f}}", numbers) == "42 0.5 true")
        // Only false, an empty list and a missing value are false; "" and 0 are true.
        #expect(
            try render(
                "{{#e}}e{{/e}}{{#z}}z{{/z}}{{#f}}f{{/f}}{{#l}}l{{/l}}{{#m}}m{{/m}}",
                ["e": .text(""), "z": .integer(0), "f": .flag(false), "l": .list([])]) == "ez")
    }

    @Test func aSectionClosedByTheWrongNameIsAnErrorAtTheClosingTag() {
        let error = #expect(throws: TemplateParser.Failure.self) {
            try TemplateParser.parse("<ul>\n{{#items}}\n<li>{{name}}</li>\n{{/wrong}}\n</ul>\n")
        }
        #expect(error?.line == 4)
        #expect(error?.column == 1)
        #expect(error?.message.contains("'{{/wrong}}' closes 'items', opened at line 2") == true)
    }

    @Test func aSectionNeverClosedIsAnErrorAtItsOpeningTag() {
        let error = #expect(throws: TemplateParser.Failure.self) {
            try TemplateParser.parse("<p>\n  é {{#items}}\n<li>x</li>\n")
        }
        #expect(error?.line == 2)
        #expect(error?.column == 5)
        #expect(error?.message == "'items' is opened here and never closed")
    }

    @Test func aTagNeverClosedAndATransformAreErrorsWhereTheyStart() {
        let open = #expect(throws: TemplateParser.Failure.self) { try TemplateParser.parse("a\nb {{name\n") }
        #expect(open?.line == 2)
        #expect(open?.column == 3)
        let transform = #expect(throws: TemplateParser.Failure.self) { try TemplateParser.parse("{{ first(list) }}") }
        #expect(transform?.message.contains("is not a name") == true)
    }

    @Test func aPartialThatIncludesItselfIsAnErrorNotACrash() throws {
        let error = #expect(throws: TemplateRenderer.Failure.self) {
            try render("{{>loop}}", partials: ["loop": "x{{>loop}}"])
        }
        #expect(error?.template == "loop")
        #expect(error?.message.contains("nest more than 100 deep") == true)
    }
}
