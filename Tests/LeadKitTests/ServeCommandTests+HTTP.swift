import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// What `leads serve` answers to requests no browser would send, over raw sockets: FlyingFox parses
/// them, and the preview's handler refuses what it must not serve.
extension ServeCommandTests {
    @Test func aNULOrAControlByteInThePathIsABadRequest() throws {
        defer { try? FileManager.default.removeItem(at: scratch) }
        let (serve, port) = try serve()
        defer { serve.stop() }
        let http = RawHTTP(port: port)
        #expect(http.request("/%00").status == 400)
        #expect(http.request("/index.html%00.png").status == 400)
        #expect(http.request("/a%0Ab").status == 400)
        #expect(http.request("/a%7Fb").status == 400)
        #expect(http.request("/a\u{1}b").status == 400)
        #expect(http.request("/%ff").status == 400, "not UTF-8 once decoded")
        #expect(http.request("/%2e%2e/content/leads/orbit-data.md").status == 404)
        #expect(http.request("/.leads-build.json").status == 404, "dotfiles are not served")
        #expect(http.request("/index.html").status == 200)
    }

    @Test func headHasTheLengthOfGetAndNoBody() throws {
        defer { try? FileManager.default.removeItem(at: scratch) }
        let (serve, port) = try serve()
        defer { serve.stop() }
        let http = RawHTTP(port: port)
        for path in ["/", "/style.css", "/follow-ups.ics", "/nowhere"] {
            let get = http.request(path)
            let head = http.request(path, method: "HEAD")
            #expect(head.status == get.status, "\(path)")
            #expect(head.headers["content-length"] == String(get.body.count), "\(path)")
            #expect(head.headers["content-type"] == get.headers["content-type"], "\(path)")
            #expect(head.body.isEmpty, "\(path): \(head.text)")
            #expect(get.headers["cache-control"] == "no-store")
        }
        #expect(http.request("/").body.count > 1000, "the length is the served page's, reload script included")
    }

    @Test func theContentTypeIsTheServedFilesOne() throws {
        defer { try? FileManager.default.removeItem(at: scratch) }
        let (serve, port) = try serve()
        defer { serve.stop() }
        let http = RawHTTP(port: port)
        #expect(http.request("/").headers["content-type"] == "text/html; charset=utf-8", "a folder serves index.html")
        #expect(http.request("/leads/orbit-data.html").headers["content-type"] == "text/html; charset=utf-8")
        #expect(http.request("/style.css").headers["content-type"] == "text/css; charset=utf-8")
        #expect(http.request("/app.js").headers["content-type"] == "text/javascript; charset=utf-8")
        #expect(http.request("/follow-ups.ics").headers["content-type"] == "text/calendar; charset=utf-8")
        #expect(http.request("/report.json").headers["content-type"] == "application/json")
        #expect(!http.request("/style.css").text.contains("__leads"), "only pages get the reload script")
    }

    @Test func aBareLFRequestAndARequestWithABodyAreAnswered() throws {
        defer { try? FileManager.default.removeItem(at: scratch) }
        let (serve, port) = try serve()
        defer { serve.stop() }
        let http = RawHTTP(port: port)
        let bare = http.exchange("GET /__leads/build HTTP/1.1\nHost: 127.0.0.1:\(port)\nConnection: close\n\n")
        #expect(bare.map(\.status) == [200])
        #expect(bare.first?.text == "1")
        // The body is read past, so the next request on the same connection is answered too.
        let withBody = http.exchange(
            "POST /__leads/build HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nContent-Length: 5\r\n\r\nhello"
                + "GET /__leads/build HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nContent-Length: 3\r\n"
                + "Connection: close\r\n\r\nabc")
        #expect(withBody.map(\.status) == [405, 200])
        #expect(withBody.first?.headers["allow"] == "GET, HEAD")
        // What FlyingFox cannot frame ends the connection at once, without an answer, not in a hang.
        let unframed = try #require(http.open())
        defer { unframed.hangUp() }
        unframed.write("GET / HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nContent-Length: nope\r\n\r\n")
        let (bytes, closed) = unframed.readToEnd(seconds: 3)
        #expect(closed && bytes.isEmpty)
    }

    @Test func onlyTheLoopbackNamesAreServed() throws {
        defer { try? FileManager.default.removeItem(at: scratch) }
        let (serve, port) = try serve()
        defer { serve.stop() }
        let http = RawHTTP(port: port)
        let foreign = http.request("/", host: "evil.example:\(port)")
        #expect(foreign.status == 421)
        #expect(foreign.text.contains("127.0.0.1:\(port)"))
        #expect(!foreign.text.contains("Dashboard"))
        #expect(http.request("/__leads/build", host: "evil.example:\(port)").status == 421)
        #expect(http.request("/", host: "127.0.0.1:\(port + 1)").status == 421)
        #expect(http.request("/", host: "127.0.0.1").status == 421, "the port is part of the name")
        let noHost = http.exchange("GET / HTTP/1.0\r\n\r\n")
        #expect(noHost.map(\.status) == [421])
        #expect(http.request("/", host: "localhost:\(port)").status == 200)
        #expect(http.request("/", host: "LOCALHOST:\(port)").status == 200)
    }

    @Test func aLinkOutOfTheReportIsNeverFollowed() throws {
        defer { try? FileManager.default.removeItem(at: scratch) }
        let (serve, port) = try serve()
        defer { serve.stop() }
        let output = scratch.appendingPathComponent("output")
        let secret = scratch.appendingPathComponent("secret.html")
        try "<html><head></head>secret</html>".write(to: secret, atomically: true, encoding: .utf8)
        #expect(symlink(secret.path, output.appendingPathComponent("secret.html").path) == 0)
        #expect(symlink(scratch.path, output.appendingPathComponent("up").path) == 0)
        #expect(symlink("../content", output.appendingPathComponent("sources").path) == 0)
        #expect(symlink("style.css", output.appendingPathComponent("same.css").path) == 0)
        let http = RawHTTP(port: port)
        #expect(http.request("/secret.html").status == 404)
        #expect(http.request("/up/secret.html").status == 404)
        #expect(http.request("/up/").status == 404)
        #expect(http.request("/sources/leads/orbit-data.md").status == 404)
        let inside = http.request("/same.css")
        #expect(inside.status == 200, "a link within the report is served")
        #expect(inside.headers["content-type"] == "text/css; charset=utf-8")
    }

    @Test func anIdleConnectionIsClosed() throws {
        defer { try? FileManager.default.removeItem(at: scratch) }
        let (serve, port) = try serve()
        defer { serve.stop() }
        let http = RawHTTP(port: port)
        // Opened together, so the test waits out the timeout once.
        let starts = ["", "GET / HTTP/1.1\r\nHost: 127.0.0.1"]
        let connections = try starts.map { _ in try #require(http.open()) }
        defer { connections.forEach { $0.hangUp() } }
        // A kept-alive connection is closed once idle after its answers, too.
        let kept = try #require(http.open())
        defer { kept.hangUp() }
        let opened = Date()
        for (connection, start) in zip(connections, starts) {
            connection.write(start)
        }
        kept.write("GET /__leads/build HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\n\r\n")
        for (connection, start) in zip(connections, starts) {
            let (bytes, closed) = connection.readToEnd(seconds: 15)
            let waited = Date().timeIntervalSince(opened)
            #expect(closed, "the server closes the connection (\(start.debugDescription))")
            #expect(bytes.isEmpty)
            #expect(waited > 4 && waited < 10, "after the 5 s idle timeout, not \(waited) s")
        }
        let (bytes, closed) = kept.readToEnd(seconds: 15)
        #expect(closed)
        #expect(RawHTTP.Response.all(in: bytes).map(\.status) == [200])
    }
}
