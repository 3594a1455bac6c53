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
    /// Naming the wrong encoding is refused too, at the byte that shows it: a UTF-8 file read as
    /// Windows-1252 would turn `é` into `Ã©`; ISO-8859-1 reads Windows' `“` as an invisible control.
    @Test(arguments: [
        (
            Array("name\nRenée\n".utf8), "windows-1252",
            "people.csv:2:4: error: the file is valid UTF-8 ('é' here), not windows-1252, which would read it as 'Ã©'; nothing was imported: run again without --encoding [invalid-encoding]"
        ),
        (
            [0xEF, 0xBB, 0xBF] + Array("name\nAda\n".utf8), "iso-8859-1",
            "people.csv:1:1: error: the file starts with a UTF-8 byte order mark, so it is UTF-8, not iso-8859-1; nothing was imported: run again without --encoding [invalid-encoding]"
        ),
        (
            Array("name\nAda ".utf8) + [0x93] + Array("Lead".utf8) + [0x94] + [0x0A], "iso-8859-1",
            "people.csv:2:5: error: byte 0x93 is an invisible control character in iso-8859-1, and '“' in windows-1252; nothing was imported: run again with --encoding windows-1252 [invalid-encoding]"
        ),
    ])
    func aWrongEncodingIsRefused(_ bytes: [UInt8], _ encoding: String, _ message: String) throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        try FileManager.default.createDirectory(
            at: folder.url.appendingPathComponent("content"), withIntermediateDirectories: true)
        try Data(bytes).write(to: folder.url.appendingPathComponent("people.csv"))
        let run = try folder.leads(
            ["import", "csv", "people.csv", "--kind", "contact", "--encoding", encoding], asOf: "2026-11-23")
        #expect(run.status == 1)
        #expect(run.stderr == message + "\n")
        #expect(!folder.exists("contacts"))
    }

    @Test func windows1252MapsTheTypographicBlock() {
        let decoded = { (bytes: [UInt8]) -> String in
            guard case .text(let text) = ImportText.decode(bytes, file: "x", encoding: .windows1252) else { return "" }
            return text
        }
        #expect(decoded([0x80, 0x85, 0x91, 0x92, 0x93, 0x94, 0x96, 0x97, 0x99]) == "€…‘’“”–—™")
        #expect(decoded([0xC4, 0xD6, 0xDC, 0xDF, 0xE4, 0xF6, 0xFC]) == "ÄÖÜßäöü")
    }
}
