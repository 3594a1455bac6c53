/// `unreadable-file`: a record file (or a folder of them) that cannot be read at all. Found by the
/// load stage.
public enum UnreadableFile: Rule {
    public static let code = DiagnosticCode.unreadableFile
    public static let severity = Severity.error
    public static let summary =
        "a file or folder that cannot be read, a file over 16 MB, or a symbolic link that leaves the folder, dangles or loops"

    static func tooLarge(_ size: Int, limit: Int, at location: SourceLocation) -> Diagnostic {
        diagnostic(at: location, "file is \(size / 1024 / 1024) MB; the limit is \(limit / 1024 / 1024) MB")
    }

    static func cannotRead(_ reason: String, at location: SourceLocation) -> Diagnostic {
        diagnostic(at: location, "cannot read file: \(reason)")
    }

    static func folderNotRead(_ reason: String, at location: SourceLocation) -> Diagnostic {
        diagnostic(at: location, "cannot read folder: \(reason); the records in it are not checked or shown")
    }

    static func linkNotFollowed(_ reason: String, at location: SourceLocation) -> Diagnostic {
        diagnostic(at: location, "symbolic link \(reason); it is not read")
    }
}
