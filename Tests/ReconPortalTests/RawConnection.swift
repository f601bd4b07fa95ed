import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A plain TCP connection to 127.0.0.1 for the connection tests: sends bytes as a slow or hostile
/// client would and watches when the server closes. Blocking calls run on a Dispatch thread, never
/// on the test's cooperative threads.
final class RawConnection: @unchecked Sendable {
    struct Failure: Error, CustomStringConvertible { let description: String }

    let fd: Int32

    /// Connects to `port` on loopback.
    init(port: Int) throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Failure(description: "socket: errno \(errno)") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard result == 0 else {
            close(fd)
            throw Failure(description: "connect: errno \(errno)")
        }
        var wait = timeval(tv_sec: 0, tv_usec: 50_000)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &wait, socklen_t(MemoryLayout<timeval>.size))
    }

    deinit { close(fd) }

    /// Sends `text`; false when the server has closed the connection.
    @discardableResult
    func send(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) } == bytes.count
    }

    /// What arrived within `seconds`, and whether the server closed the connection by then (the
    /// time it took, if it did).
    func read(for seconds: Double) async -> (text: String, closedAfter: Double?) {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(returning: self.readBlocking(for: seconds)) }
        }
    }

    /// One whole response (head and `Content-Length` body), waiting at most `seconds`; what
    /// arrived, and whether the server closed the connection.
    func response(within seconds: Double) async -> (text: String, closed: Bool) {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                let start = Date()
                var text = ""
                while Date().timeIntervalSince(start) < seconds {
                    let part = self.readBlocking(for: 0.05)
                    text += part.text
                    if part.closedAfter != nil { return continuation.resume(returning: (text, true)) }
                    if let end = text.range(of: "\r\n\r\n") {
                        let head = text[..<end.lowerBound].lowercased()
                        let length = head.split(separator: "\r\n").first { $0.hasPrefix("content-length:") }
                            .flatMap { Int($0.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)) } ?? 0
                        if text[end.upperBound...].utf8.count >= length { return continuation.resume(returning: (text, false)) }
                    }
                }
                continuation.resume(returning: (text, false))
            }
        }
    }

    /// Sends `text` one byte every `interval` seconds (a slowloris) until the server closes the
    /// connection or `seconds` pass; the time until the close, if it came.
    func trickle(_ text: String, every interval: Double, for seconds: Double) async -> Double? {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                let start = Date()
                var bytes = Array(text.utf8)[...]
                while Date().timeIntervalSince(start) < seconds {
                    if let byte = bytes.popFirst() {
                        if !self.send(String(decoding: [byte], as: UTF8.self)) { break }
                    }
                    if self.readBlocking(for: interval).closedAfter != nil { break }
                }
                let elapsed = Date().timeIntervalSince(start)
                continuation.resume(returning: elapsed < seconds ? elapsed : nil)
            }
        }
    }

    private func readBlocking(for seconds: Double) -> (text: String, closedAfter: Double?) {
        let start = Date()
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while Date().timeIntervalSince(start) < seconds {
            let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count > 0 {
                received += buffer[..<count]
            } else if count == 0 || (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR) {
                return (String(decoding: received, as: UTF8.self), Date().timeIntervalSince(start))
            }
        }
        return (String(decoding: received, as: UTF8.self), nil)
    }
}
