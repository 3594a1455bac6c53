/// `unreadable-file`: a record file that cannot be read at all. Found by the load stage.
public enum UnreadableFile: Rule {
    public static let code = DiagnosticCode.unreadableFile
    public static let severity = Severity.error
    public static let summary =
        "a file that cannot be read, is over 16 MB, or is a symbolic link that leaves the folder, dangles or loops"

    static func tooLarge(_ size: Int, limit: Int, at location: SourceLocation) -> Diagnostic {
        diagnostic(at: location, "file is \(size / 1024 / 1024) MB; the limit is \(limit / 1024 / 1024) MB")
    }

    static func cannotRead(_ reason: String, at location: SourceLocation) -> Diagnostic {
        diagnostic(at: location, "cannot read file: \(reason)")
    }

    static func linkNotFollowed(_ reason: String, at location: SourceLocation) -> Diagnostic {
        diagnostic(at: location, "symbolic link \(reason); it is not read")
    }
}
