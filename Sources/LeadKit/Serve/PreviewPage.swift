/// What `leads serve` adds to the report as it serves it: the live-reload script, the CSP that lets
/// it poll the server, and the page shown instead of the report while the last build failed.
enum PreviewPage {
    /// The page as served: its CSP lets it ask for the build number, and the reload script is added.
    /// The page on disk is left as `leads build` wrote it.
    static func withReload(_ page: String) -> String {
        page.replacingOccurrences(of: "default-src 'none';", with: "default-src 'none'; connect-src 'self';")
            .replacingOccurrences(
                of: "</head>", with: "<script src=\"/__leads/reload.js\" defer></script>\n</head>")
    }

    /// Served at `/__leads/reload.js`: polls `/__leads/build` every 250 ms and reloads the page when
    /// the build number changes.
    static let reloadScript = """
        (function () {
          var seen = null;
          function poll() {
            fetch('/__leads/build', {cache: 'no-store'}).then(function (r) { return r.text(); }).then(function (build) {
              if (seen !== null && build !== seen) { location.reload(); return; }
              seen = build;
              setTimeout(poll, 250);
            }, function () { setTimeout(poll, 1000); });
          }
          poll();
        })();

        """

    /// Served instead of every page while the last build failed: the error, HTML-escaped, and the
    /// reload script, so the report comes back by itself once the build works again.
    static func failure(_ message: String) -> String {
        let escaped = Format.escapedHTML(message)
        return """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>Build failed · leads</title>
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; connect-src 'self'; script-src 'self'; style-src 'unsafe-inline'">
            <script src="/__leads/reload.js" defer></script></head>
            <body style="font-family: system-ui; margin: 2rem"><h1>The report could not be built</h1>
            <pre style="white-space: pre-wrap; background: #fee; padding: 1rem">\(escaped)</pre>
            <p>Fix it and save: this page reloads by itself.</p></body></html>

            """
    }

    static let html = "text/html; charset=utf-8"
    static let text = "text/plain; charset=utf-8"

    /// The media type of a file of the report, by its name's extension (lower-cased); files of any
    /// other kind are served as `application/octet-stream`.
    static func contentType(of path: String) -> String {
        let name = path.split(separator: "/").last ?? ""
        guard let dot = name.lastIndex(of: ".") else { return "application/octet-stream" }
        return types[name[name.index(after: dot)...].lowercased()] ?? "application/octet-stream"
    }

    static let types = [
        "html": html, "css": "text/css; charset=utf-8", "js": "text/javascript; charset=utf-8",
        "json": "application/json", "ics": "text/calendar; charset=utf-8", "svg": "image/svg+xml",
        "png": "image/png", "txt": text, "csv": "text/csv; charset=utf-8", "ico": "image/x-icon",
        "woff2": "font/woff2",
    ]
}
