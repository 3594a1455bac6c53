import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// HTTP spoken over a plain socket to 127.0.0.1, byte for byte as written, so a test can send what
/// no HTTP client library would: a NUL in a path, bare-LF line endings, a foreign `Host`, nothing.
struct RawHTTP {
    var port: Int

    /// An answer as received: the status, the header lines and every byte after the blank line.
    struct Response {
        var status: Int
        var headers: [String: String]
        var body: [UInt8]

        var text: String { String(decoding: body, as: UTF8.self) }

        /// All the responses in `bytes`, each body as long as its Content-Length.
        static func all(in bytes: [UInt8]) -> [Response] {
            var responses: [Response] = []
            var rest = bytes[...]
            while let end = rest.firstRange(of: Array("\r\n\r\n".utf8)) {
                let lines = String(decoding: rest[..<end.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
                var headers: [String: String] = [:]
                for line in lines.dropFirst() {
                    guard let colon = line.firstIndex(of: ":") else { continue }
                    headers[line[..<colon].lowercased()] = line[line.index(after: colon)...]
                        .trimmingCharacters(in: .whitespaces)
                }
                let length = headers["content-length"].flatMap { Int($0) } ?? (rest.count - end.upperBound)
                let body = rest[end.upperBound...].prefix(length)
                let status = Int(lines.first?.split(separator: " ").dropFirst().first ?? "") ?? 0
                responses.append(Response(status: status, headers: headers, body: Array(body)))
                rest = rest[(end.upperBound + body.count)...]
            }
            return responses
        }
    }

    /// A connected socket, closed by `hangUp`.
    struct Connection {
        let fd: Int32

        func write(_ text: String) {
            let bytes = Array(text.utf8)
            _ = bytes.withUnsafeBytes { send(fd, $0.baseAddress!, $0.count, Int32(MSG_NOSIGNAL)) }
        }

        /// Every byte until the server closes the connection, or until `seconds` pass without one.
        func readToEnd(seconds: Int = 5) -> (bytes: [UInt8], closedByServer: Bool) {
            var timeout = timeval(tv_sec: seconds, tv_usec: 0)
            setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
            var received = [UInt8]()
            var buffer = [UInt8](repeating: 0, count: 65536)
            while true {
                let count = read(fd, &buffer, buffer.count)
                if count == 0 { return (received, true) }
                if count < 0 { return (received, false) }
                received += buffer[..<count]
            }
        }

        func hangUp() {
            close(fd)
        }
    }

    func open() -> Connection? {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else {
            close(fd)
            return nil
        }
        return Connection(fd: fd)
    }

    /// Sends `request` as it is on a new connection and returns every response until the server
    /// closes it (or 5 s pass without a byte).
    func exchange(_ request: String) -> [Response] {
        guard let connection = open() else { return [] }
        defer { connection.hangUp() }
        connection.write(request)
        return Response.all(in: connection.readToEnd().bytes)
    }

    /// `method path` with this server's `Host` (or `host`), closing the connection after the answer.
    func request(_ path: String, method: String = "GET", host: String? = nil) -> Response {
        let host = host ?? "127.0.0.1:\(port)"
        return exchange("\(method) \(path) HTTP/1.1\r\nHost: \(host)\r\nConnection: close\r\n\r\n").first
            ?? Response(status: 0, headers: [:], body: [])
    }
}
