import Foundation
import Testing

@testable import LeadKit

/// The language server's message types against the JSON examples of the LSP 3.17 specification,
/// and its position arithmetic against text a user might write (emoji, combining accents).
@Suite struct LanguageServerTests {
    let decoder = JSONDecoder()

    @Test func aRequestOfTheSpecificationDecodesIntoItsEnvelopeAndParams() throws {
        // The specification's "Request Message" shape, with a completion's params.
        let json = Data(
            """
            {"jsonrpc": "2.0", "id": 1, "method": "textDocument/completion",
             "params": {"textDocument": {"uri": "file:///p/content/leads/acme.md"},
                        "position": {"line": 5, "character": 23}}}
            """.utf8)
        let envelope = try decoder.decode(LSP.Envelope.self, from: json)
        #expect(envelope.id == .number(1))
        #expect(envelope.method == "textDocument/completion")
        let params = try decoder.decode(LSP.Params<LSP.PositionParams>.self, from: json).params
        #expect(params.position == LSP.Position(line: 5, character: 23))
        #expect(params.textDocument.uri == "file:///p/content/leads/acme.md")
        // An id may be a string too.
        let named = try decoder.decode(LSP.Envelope.self, from: Data(#"{"jsonrpc":"2.0","id":"a7","method":"x"}"#.utf8))
        #expect(named.id == .text("a7"))
    }

    @Test func theSpecificationsRangeAndDiagnosticExamplesRoundTrip() throws {
        // "Range": { start: { line: 5, character: 23 }, end : { line: 6, character: 0 } }
        let range = try decoder.decode(
            LSP.Range.self, from: Data(#"{"start":{"line":5,"character":23},"end":{"line":6,"character":0}}"#.utf8))
        #expect(range == LSP.Range(start: .init(line: 5, character: 23), end: .init(line: 6, character: 0)))
        let diagnostic = LSP.Diagnostic(
            range: range, severity: 1, code: "invalid-value", source: "leads", message: "unknown status 'WARM'")
        let encoded = try JSONSerialization.jsonObject(with: JSONEncoder().encode(diagnostic)) as? [String: Any]
        #expect(encoded?["severity"] as? Int == 1)
        #expect(encoded?["code"] as? String == "invalid-value")
        #expect((encoded?["range"] as? [String: Any])?["start"] as? [String: Int] == ["line": 5, "character": 23])
    }

    @Test func aResponseWithoutAResultStillCarriesResultNull() throws {
        let json = try JSONEncoder().encode(LSP.Response<Int?>(id: .number(3), result: nil))
        let object = try JSONSerialization.jsonObject(with: json) as? [String: Any]
        #expect(object?["jsonrpc"] as? String == "2.0")
        #expect(object?["id"] as? Int == 3)
        #expect(object?.keys.contains("result") == true)
        #expect(object?["result"] is NSNull)
    }

    @Test func theInitializeParamsOfAClientNegotiateThePositionEncoding() throws {
        let json = Data(
            """
            {"processId": null, "rootUri": "file:///p",
             "capabilities": {"general": {"positionEncodings": ["utf-32", "utf-16"]},
                              "workspace": {"didChangeWatchedFiles": {"dynamicRegistration": true}}},
             "initializationOptions": {"asOf": "2026-11-23"}}
            """.utf8)
        let params = try decoder.decode(LSP.InitializeParams.self, from: json)
        #expect(PositionEncoding.negotiate(params.capabilities?.general?.positionEncodings) == .utf32)
        #expect(params.capabilities?.workspace?.didChangeWatchedFiles?.dynamicRegistration == true)
        #expect(params.initializationOptions?.asOf == "2026-11-23")
        // A client that lists none, or none the server speaks, gets UTF-16 (the specification's default).
        #expect(PositionEncoding.negotiate(nil) == .utf16)
        #expect(PositionEncoding.negotiate(["utf-7"]) == .utf16)
        #expect(PositionEncoding.negotiate(["utf-8", "utf-16"]) == .utf8)
    }

    @Test func columnsAreCountedInEachEncodingPastEmojiAndCombiningAccents() {
        // "🚀" is 1 scalar, 2 UTF-16 units, 4 UTF-8 bytes; "é" written e + U+0301 is 2 scalars.
        let text = LineText("---\nnote: 🚀 Cafe\u{301} [[x]]\n")
        // The diagnostic's column counts scalars: "note: 🚀 Cafe◌́ " is 14 of them, so [[ is column 15.
        let offset = text.offset(line: 2, column: 15)
        #expect(text.bytes[offset] == UInt8(ascii: "["))
        #expect(text.position(of: offset, encoding: .utf16) == LSP.Position(line: 1, character: 15))
        #expect(text.position(of: offset, encoding: .utf8) == LSP.Position(line: 1, character: 18))
        #expect(text.position(of: offset, encoding: .utf32) == LSP.Position(line: 1, character: 14))
        for encoding in [PositionEncoding.utf8, .utf16, .utf32] {
            #expect(text.offset(of: text.position(of: offset, encoding: encoding), encoding: encoding) == offset)
        }
        // A position past the end of its line stays on the line.
        #expect(text.offset(of: LSP.Position(line: 0, character: 99), encoding: .utf16) == 3)
    }

    @Test func aDiagnosticCoversTheValueOrKeyItPointsAt() {
        let document = RecordDocument(
            bytes: Array("---\nstatus: WARM\ncontact: \"[[jo]]\"\ntags: [a, b]\nrole: 'x y'\n---\n".utf8), kind: .lead)
        func covered(_ line: Int, _ column: Int) -> String {
            let span = document.span(at: document.text.offset(line: line, column: column))
            return String(decoding: document.text.bytes[span], as: UTF8.self)
        }
        #expect(covered(2, 9) == "WARM")
        #expect(covered(2, 1) == "status")
        #expect(covered(3, 10) == "\"[[jo]]\"")
        #expect(covered(4, 8) == "a")
        #expect(covered(5, 7) == "'x y'")
        #expect(document.frontMatter == 1..<5)
        #expect(document.links().map(\.target) == ["jo"])
        #expect(document.links().first?.key == "contact")
    }

    @Test func aQuickFixReadsTheDidYouMeanOfAMessage() {
        #expect(LanguageServer.suggestion(in: "unknown status 'WARM'; did you mean WARM_LEAD?") == ["WARM_LEAD"])
        #expect(LanguageServer.suggestion(in: "unknown field 'rol'; did you mean role or roles?") == ["role", "roles"])
        #expect(LanguageServer.suggestion(in: "no suggestion here") == nil)
        #expect(LanguageServer.quoted(in: "lead is missing required field 'source'") == ["source"])
    }
}
