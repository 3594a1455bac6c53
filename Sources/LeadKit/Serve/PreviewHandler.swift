import FlyingFox
import Foundation

/// Answers every request to `leads serve`: the report's files with the reload script added to its
/// pages, the build number at `/__leads/build`, the script at `/__leads/reload.js`, and the last
/// build's failure instead of any page while there is one.
///
/// Refused, each with a short text body: a `Host` other than `127.0.0.1:PORT` or `localhost:PORT`
/// (421: a page of another site whose name was made to resolve to 127.0.0.1, "DNS rebinding", must
/// not read the report), a method other than GET and HEAD (405), a malformed path or one with a
/// control character (400), and a path naming nothing inside the report (404). HEAD answers with
/// the headers of GET, its Content-Length included, and no body. Nothing is cached (`no-store`).
final class PreviewHandler: HTTPHandler, @unchecked Sendable {
    let output: String
    private let lock = NSLock()
    private var build = 0
    private var failure: String?
    private var port: UInt16

    /// `port` is the one asked for; 0 until `listening(on:)` tells the one bound.
    init(output: String, port: UInt16) {
        self.output = output
        self.port = port
    }

    /// The port bound, which the `Host` of every request must name.
    func listening(on port: UInt16) {
        lock.withLock { self.port = port }
    }

    /// After each build: its number goes up, so open pages reload; a failure replaces every page.
    func built(failure: String?) {
        lock.withLock {
            build += 1
            self.failure = failure
        }
    }

    func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        let (build, failure, port) = lock.withLock { (self.build, self.failure, self.port) }
        let answer: Answer
        if !Self.isLocal(host: request.headers[.host], port: port) {
            answer = .text(
                .misdirectedRequest, "only http://127.0.0.1:\(port)/ and http://localhost:\(port)/ are served here\n")
        } else if request.method != .GET && request.method != .HEAD {
            answer = .text(.methodNotAllowed, "GET and HEAD only\n")
        } else if let path = ReportPath(target: request.target.path()) {
            answer = self.answer(for: path, build: build, failure: failure)
        } else {
            answer = .text(.badRequest, "malformed path\n")
        }
        return answer.response(withBody: request.method != .HEAD)
    }

    /// What a well-formed GET gets: the build number, the reload script, the failure or a file.
    func answer(for path: ReportPath, build: Int, failure: String?) -> Answer {
        switch path.path {
        case "/__leads/build": return .text(.ok, "\(build)")
        case "/__leads/reload.js":
            let script = Data(PreviewPage.reloadScript.utf8)
            return Answer(status: .ok, type: PreviewPage.contentType(of: "reload.js"), body: script)
        default: break
        }
        let file = path.file(in: output)
        let type = file.map(PreviewPage.contentType(of:))
        if let failure, type == PreviewPage.html || (file == nil && path.isPage) {
            return Answer(
                status: .internalServerError, type: PreviewPage.html, body: Data(PreviewPage.failure(failure).utf8))
        }
        guard let file, let type, let data = FileManager.default.contents(atPath: file) else {
            return .text(.notFound, "not found\n")
        }
        guard type == PreviewPage.html else { return Answer(status: .ok, type: type, body: data) }
        return Answer(
            status: .ok, type: type, body: Data(PreviewPage.withReload(String(decoding: data, as: UTF8.self)).utf8))
    }

    /// Whether `host` (the request's `Host` header) names this server by its loopback address or
    /// `localhost`, with the port bound (which a browser leaves out only for port 80).
    static func isLocal(host: String?, port: UInt16) -> Bool {
        guard let host = host?.lowercased() else { return false }
        let names = ["127.0.0.1", "localhost"]
        return names.contains { host == "\($0):\(port)" || (port == 80 && host == $0) }
    }

    /// A response before the headers every answer shares.
    struct Answer {
        var status: HTTPStatusCode
        var type: String
        var body: Data

        static func text(_ status: HTTPStatusCode, _ text: String) -> Answer {
            Answer(status: status, type: PreviewPage.text, body: Data(text.utf8))
        }

        /// Without the body (for HEAD), Content-Length still gives the body's length.
        func response(withBody: Bool) -> HTTPResponse {
            var headers: HTTPHeaders = [
                .contentType: type, .cacheControl: "no-store", .contentLength: String(body.count),
            ]
            if status == .methodNotAllowed { headers[HTTPHeader("Allow")] = "GET, HEAD" }
            return HTTPResponse(statusCode: status, headers: headers, body: withBody ? body : Data())
        }
    }
}
