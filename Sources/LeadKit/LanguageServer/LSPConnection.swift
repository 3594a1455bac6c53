import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// JSON-RPC 2.0 messages over a pair of file descriptors with the Language Server Protocol's
/// base framing: `Content-Length: N\r\n\r\n` and N bytes of JSON.
final class LSPConnection {
    private let input: Int32
    private let output: Int32
    private var buffer: [UInt8] = []
    private var readAt = 0

    /// Reads from `input` (standard input) and writes to `output` (standard output).
    init(input: Int32 = 0, output: Int32 = 1) {
        self.input = input
        self.output = output
    }

    /// Whether a message (or the end of the input) is ready within `milliseconds`; used to wait
    /// out a burst of keystrokes before checking again.
    func hasInput(within milliseconds: Int32) -> Bool {
        if readAt < buffer.count { return true }
        var descriptor = pollfd(fd: input, events: Int16(POLLIN), revents: 0)
        return poll(&descriptor, 1, milliseconds) > 0
    }

    /// The largest message read: a longer or negative `Content-Length` is not a frame.
    static let maximumLength = 256 * 1024 * 1024

    /// The next message's JSON; nil at the end of the input.
    ///
    /// A header is found anywhere in its line, so after a frame that announced more bytes than it
    /// sent (and so took the start of the next header with it) the one after is read again.
    func receive() -> [UInt8]? {
        var length: Int?
        while true {
            guard let line = readLine() else { return nil }
            if line.isEmpty {
                if let length { return readBytes(length) }
                continue
            }
            let lowered = line.lowercased()
            guard let header = lowered.range(of: "content-length:") else { continue }
            let value = lowered[header.upperBound...].trimmingCharacters(in: .whitespaces)
            length = Int(value).flatMap { (0...Self.maximumLength).contains($0) ? $0 : nil }
        }
    }

    /// Writes one message.
    func send(_ json: [UInt8]) {
        var frame = Array("Content-Length: \(json.count)\r\n\r\n".utf8)
        frame += json
        var written = 0
        while written < frame.count {
            let result = frame[written...].withUnsafeBytes { write(output, $0.baseAddress, $0.count) }
            if result < 0 {
                if errno == EINTR { continue }
                return
            }
            written += result
        }
    }

    private func fill() -> Bool {
        if readAt > 0 && readAt == buffer.count {
            buffer.removeAll(keepingCapacity: true)
            readAt = 0
        }
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(input, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { return false }
            buffer += chunk[0..<count]
            return true
        }
    }

    /// A header line without its `\r\n`; nil at the end of the input.
    private func readLine() -> String? {
        while true {
            if let newline = buffer[readAt...].firstIndex(of: UInt8(ascii: "\n")) {
                var end = newline
                if end > readAt && buffer[end - 1] == UInt8(ascii: "\r") { end -= 1 }
                let line = String(decoding: buffer[readAt..<end], as: UTF8.self)
                readAt = newline + 1
                return line
            }
            guard fill() else { return nil }
        }
    }

    private func readBytes(_ count: Int) -> [UInt8]? {
        while buffer.count - readAt < count {
            guard fill() else { return nil }
        }
        let bytes = Array(buffer[readAt..<readAt + count])
        readAt += count
        return bytes
    }
}
