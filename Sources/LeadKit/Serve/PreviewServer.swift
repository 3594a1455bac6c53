import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A small HTTP/1.1 server on 127.0.0.1 for `leads serve`: it serves the report folder, adds a live
/// reload script to every page, and shows the last build's failure instead of the report while
/// there is one.
///
/// Plain POSIX sockets, a thread per connection, one request per connection: a preview for one
/// person's browser needs nothing more, and it adds no dependency to the build. Pages on disk stay
/// exactly what `leads build` writes; only the served copy gets the script and a CSP that lets it
/// ask the server for the build number.
public final class PreviewServer: @unchecked Sendable {
    public let output: String
    private let listener: Int32
    /// The port bound, useful when 0 (any free port) was asked for.
    public let port: Int
    private let lock = NSLock()
    private var build = 0
    private var failure: String?

    public init(output: String, port: Int) throws {
        self.output = output
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        self.listener = listener
        guard listener >= 0 else { throw PreviewError("cannot open a socket: \(String(cString: strerror(errno)))") }
        var yes: Int32 = 1
        setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(listener, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0, listen(listener, 64) == 0 else {
            let reason = String(cString: strerror(errno))
            close(listener)
            throw PreviewError("cannot listen on 127.0.0.1:\(port): \(reason)")
        }
        var actual = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &actual) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(listener, $0, &length) }
        }
        self.port = Int(UInt16(bigEndian: actual.sin_port))
    }

    /// After each build: its number goes up, so open pages reload; a failure replaces every page.
    public func built(failure: String?) {
        lock.withLock {
            build += 1
            self.failure = failure
        }
    }

    /// Accepts connections on a background thread until the process ends.
    public func start() {
        let thread = Thread { [self] in
            while true {
                let connection = accept(listener, nil, nil)
                if connection < 0 { continue }
                Thread.detachNewThread { [self] in
                    respond(on: connection)
                    close(connection)
                }
            }
        }
        thread.start()
    }

    func respond(on connection: Int32) {
        var request = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 4096)
        while request.count < 64 * 1024, !request.ends(with: [13, 10, 13, 10]) {
            let count = read(connection, &buffer, buffer.count)
            if count <= 0 { break }
            request += buffer[..<count]
        }
        let line = String(decoding: request.prefix { $0 != 13 && $0 != 10 }, as: UTF8.self).split(separator: " ")
        guard line.count >= 2, line[0] == "GET" || line[0] == "HEAD" else {
            reply(connection, status: "405 Method Not Allowed", type: "text/plain", body: Array("GET only\n".utf8))
            return
        }
        let (status, type, body) = response(for: String(line[1]))
        reply(connection, status: status, type: type, body: line[0] == "HEAD" ? [] : body)
    }

    /// What a path gets: the build number, the reload script, or a file of the report.
    func response(for target: String) -> (status: String, type: String, body: [UInt8]) {
        let path = (target.split(separator: "?").first.map(String.init) ?? "/").removingPercentEncoding ?? "/"
        let (build, failure) = lock.withLock { (self.build, self.failure) }
        if path == "/__leads/build" { return ("200 OK", "text/plain; charset=utf-8", Array("\(build)".utf8)) }
        if path == "/__leads/reload.js" {
            return ("200 OK", "text/javascript; charset=utf-8", Array(Self.reloadScript.utf8))
        }
        if let failure, path.hasSuffix("/") || path.hasSuffix(".html") {
            return ("500 Internal Server Error", "text/html; charset=utf-8", Array(Self.failurePage(failure).utf8))
        }
        let components = path.split(separator: "/").map(String.init)
        guard !components.contains(where: { $0 == ".." || $0.hasPrefix(".") }) else {
            return ("404 Not Found", "text/plain", Array("not found\n".utf8))
        }
        var file = output + "/" + components.joined(separator: "/")
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: file, isDirectory: &isFolder), isFolder.boolValue {
            file += "/index.html"
        }
        guard let data = FileManager.default.contents(atPath: file) else {
            return ("404 Not Found", "text/plain", Array("not found\n".utf8))
        }
        let type = Self.types[(file as NSString).pathExtension] ?? "application/octet-stream"
        guard file.hasSuffix(".html") else { return ("200 OK", type, Array(data)) }
        return ("200 OK", type, Array(Self.withReload(String(decoding: data, as: UTF8.self)).utf8))
    }

    /// The page as served: its CSP lets it ask for the build number, and the reload script is added.
    static func withReload(_ page: String) -> String {
        page.replacingOccurrences(of: "default-src 'none';", with: "default-src 'none'; connect-src 'self';")
            .replacingOccurrences(
                of: "</head>", with: "<script src=\"/__leads/reload.js\" defer></script>\n</head>")
    }

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

    static func failurePage(_ failure: String) -> String {
        let escaped = failure.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
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

    static let types = [
        "html": "text/html; charset=utf-8", "css": "text/css; charset=utf-8",
        "js": "text/javascript; charset=utf-8", "json": "application/json", "ics": "text/calendar; charset=utf-8",
        "svg": "image/svg+xml", "png": "image/png",
    ]

    /// Written with MSG_NOSIGNAL: a browser that goes away mid-reply must not end the server.
    func reply(_ connection: Int32, status: String, type: String, body: [UInt8]) {
        let head =
            "HTTP/1.1 \(status)\r\nContent-Type: \(type)\r\nContent-Length: \(body.count)\r\n"
            + "Cache-Control: no-store\r\nConnection: close\r\n\r\n"
        var bytes = Array(head.utf8) + body
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeMutableBytes {
                send(connection, $0.baseAddress! + offset, $0.count - offset, Int32(MSG_NOSIGNAL))
            }
            if written <= 0 { return }
            offset += written
        }
    }
}

public struct PreviewError: Error, CustomStringConvertible {
    public var description: String

    init(_ description: String) {
        self.description = description
    }
}

extension Array where Element == UInt8 {
    fileprivate func ends(with suffix: [UInt8]) -> Bool {
        count >= suffix.count && Array(self[(count - suffix.count)...]) == suffix
    }
}
