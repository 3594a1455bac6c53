import FlyingFox
import FlyingSocks
import Foundation

/// The HTTP server of `leads serve`, on 127.0.0.1 only: it serves the report folder, adds a live
/// reload script to every page, and shows the last build's failure instead of the report while
/// there is one (see `PreviewHandler` for what it answers and refuses).
///
/// FlyingFox parses the requests (bare-LF line endings and request bodies included) and keeps
/// connections alive; a connection idle for `idleTimeout` is closed (see `IdleTimeoutPool`). Pages
/// on disk stay exactly what `leads build` writes; only the served copy gets the script and a CSP
/// that lets it ask the server for the build number.
public final class PreviewServer: Sendable {
    /// How long a connection may wait for its peer to send or read before it is closed: long enough
    /// for a browser's poll every 250 ms to keep its connection, short enough that a client opening
    /// connections and sending nothing cannot pile them up.
    public static let idleTimeout: Duration = .seconds(5)
    /// How long FlyingFox lets one answer take before answering 500 instead.
    static let handlerTimeout: TimeInterval = 30

    let handler: PreviewHandler
    let http: HTTPServer
    /// The port asked for; 0 for any free one.
    public let requestedPort: UInt16

    /// A server of the report in `output`, on 127.0.0.1:`port` (0: any free port), not yet listening.
    public init(output: String, port: UInt16, idleTimeout: Duration = PreviewServer.idleTimeout) throws {
        handler = PreviewHandler(output: output, port: port)
        requestedPort = port
        http = HTTPServer(
            address: try sockaddr_in.inet(ip4: "127.0.0.1", port: port), timeout: Self.handlerTimeout,
            pool: IdleTimeoutPool(base: HTTPServer.defaultPool(), idle: idleTimeout), logger: .disabled,
            handler: handler)
    }

    /// After each build: its number goes up, so open pages reload; a failure replaces every page.
    public func built(failure: String?) {
        handler.built(failure: failure)
    }

    /// Starts serving on background tasks, until the process ends, and returns the port bound once it
    /// listens. Blocks the calling thread until then (a few milliseconds; at most 10 s): call it from
    /// a thread of its own, such as a command's main thread, never from async code. Throws
    /// `PreviewError` when the address cannot be bound, e.g. a port already in use.
    public func start() throws -> UInt16 {
        let outcome = Outcome()
        let http = http
        Task.detached {
            do {
                try await http.run()
            } catch {
                outcome.settle(.failure(error))
            }
        }
        Task.detached {
            do {
                try await http.waitUntilListening(timeout: 10)
                guard case .ip4(_, let port) = await http.listeningAddress else {
                    throw PreviewError("the server has no IPv4 address")
                }
                outcome.settle(.success(port))
            } catch {
                outcome.settle(.failure(error))
            }
        }
        let port: UInt16
        do {
            port = try outcome.wait()
        } catch {
            throw PreviewError("cannot listen on 127.0.0.1:\(requestedPort): \(error.localizedDescription)")
        }
        handler.listening(on: port)
        return port
    }

    /// The first of the two background tasks to know how starting went tells `start`.
    private final class Outcome: @unchecked Sendable {
        private let lock = NSLock()
        private let settled = DispatchSemaphore(value: 0)
        private var result: Result<UInt16, any Error>?

        func settle(_ result: Result<UInt16, any Error>) {
            let first = lock.withLock {
                guard self.result == nil else { return false }
                self.result = result
                return true
            }
            if first { settled.signal() }
        }

        func wait() throws -> UInt16 {
            settled.wait()
            return try lock.withLock { result! }.get()
        }
    }
}

/// Why the preview server could not start.
public struct PreviewError: Error, CustomStringConvertible, LocalizedError {
    public var description: String
    public var errorDescription: String? { description }

    init(_ description: String) {
        self.description = description
    }
}
