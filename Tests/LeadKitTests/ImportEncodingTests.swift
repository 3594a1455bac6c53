import Foundation
import Testing

@testable import LeadKit

/// An import reads bytes, not hopes: a Windows-1252 file (Excel's "CSV (Comma delimited)") is refused
/// at its first byte that is not UTF-8, with the hint, and nothing is written; with
/// `--encoding windows-1252` every name comes through exactly.
@Suite struct ImportEncodingTests {
    /// `Renée Müller, Café € GmbH, Engineer – Backend` in Windows-1252 bytes.
    static let windows1252: [UInt8] =
        Array("name,company,role\r\nRen".utf8) + [0xE9] + Array("e M".utf8) + [0xFC] + Array("ller,Caf".utf8) + [0xE9]
        + Array(" ".utf8) + [0x80] + Array(" GmbH,Engineer ".utf8) + [0x96] + Array(" Backend\r\n".utf8)

    @Test func aWindows1252FileIsRefusedAtItsFirstBadByteAndImportsWithEncoding() throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        try FileManager.default.createDirectory(
            at: folder.url.appendingPathComponent("content"), withIntermediateDirectories: true)
        try Data(Self.windows1252).write(to: folder.url.appendingPathComponent("people.csv"))

        let refused = try folder.leads(["import", "csv", "people.csv", "--kind", "contact"], asOf: "2026-11-23")
        #expect(refused.status == 1)
        #expect(
            refused.stderr
                == "people.csv:2:4: error: file is not valid UTF-8 (invalid byte sequence here); nothing was imported. A spreadsheet saved by Excel as \"CSV (Comma delimited)\" is Windows-1252: run again with --encoding windows-1252 (or save it as \"CSV UTF-8\") [invalid-encoding]\n"
        )
        #expect(!folder.exists("contacts"))

        let imported = try folder.leads(
            ["import", "csv", "people.csv", "--kind", "contact", "--encoding", "windows-1252"], asOf: "2026-11-23")
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(
            try folder.read("contacts/renee-muller.md")
                == "---\nname: Renée Müller\ncompany: Café € GmbH\nrole: Engineer – Backend\n---\n")
    }

    @Test func theLinkedInImportRefusesItToo() throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        try FileManager.default.createDirectory(
            at: folder.url.appendingPathComponent("content"), withIntermediateDirectories: true)
        let bytes =
            Array("First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\nZo".utf8) + [0xEB]
            + Array(",Tanaka,https://www.linkedin.com/in/zoe,,,,08 Nov 2025\r\n".utf8)
        try Data(bytes).write(to: folder.url.appendingPathComponent("Connections.csv"))
        let refused = try folder.leads(["import", "linkedin", "Connections.csv"], asOf: "2026-11-23")
        #expect(refused.status == 1)
        #expect(refused.stderr.hasPrefix("Connections.csv:2:3: error: file is not valid UTF-8"))
        let imported = try folder.leads(
            ["import", "linkedin", "Connections.csv", "--encoding", "windows-1252"], asOf: "2026-11-23")
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(try folder.read("contacts/zoe-tanaka.md").contains("name: Zoë Tanaka\n"))
    }

    /// Every byte 0x80–0xFF decodes as Windows-1252 says (spot checks of both halves).
    @Test func windows1252MapsTheTypographicBlock() {
        let decoded = { (bytes: [UInt8]) -> String in
            guard case .text(let text) = ImportText.decode(bytes, file: "x", encoding: .windows1252) else { return "" }
            return text
        }
        #expect(decoded([0x80, 0x85, 0x91, 0x92, 0x93, 0x94, 0x96, 0x97, 0x99]) == "€…‘’“”–—™")
        #expect(decoded([0xC4, 0xD6, 0xDC, 0xDF, 0xE4, 0xF6, 0xFC]) == "ÄÖÜßäöü")
    }
}
