import Foundation
import PackagePlugin

/// Writes `BuildInfo.swift` before every build of the `leads` executable: the version `git
/// describe` gives (the latest tag, or the package's version when the repository has none) and the
/// commit, for `leads --version`. Outside a git work tree both are `unknown`. The file is rewritten
/// only when its text changes, so an unchanged commit does not recompile anything.
@main
struct BuildInfo: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let output = context.pluginWorkDirectoryURL.appending(path: "BuildInfo.swift")
        let script = #"""
            tag=$(git -C "$1" describe --tags --abbrev=0 2>/dev/null || echo "")
            commit=$(git -C "$1" rev-parse --short=12 HEAD 2>/dev/null || echo unknown)
            dirty=$(git -C "$1" status --porcelain --untracked-files=no 2>/dev/null | head -c1)
            [ -n "$dirty" ] && commit="$commit-dirty"
            text="/// Made by the BuildInfo plugin.
            enum BuildInfo {
                static let tag = \"$tag\"
                static let commit = \"$commit\"
            }"
            [ "$(cat "$2" 2>/dev/null)" = "$text" ] || printf '%s\n' "$text" > "$2"
            """#
        return [
            .prebuildCommand(
                displayName: "Write BuildInfo.swift (git tag and commit)",
                executable: URL(fileURLWithPath: "/bin/sh"),
                arguments: ["-c", script, "sh", context.package.directoryURL.path, output.path],
                outputFilesDirectory: context.pluginWorkDirectoryURL)
        ]
    }
}
