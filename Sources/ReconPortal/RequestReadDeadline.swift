import HTTPTypes
import Logging
import NIOCore
import NIOHTTPTypes

/// Closes a connection whose client is slow to send its request (slowloris), and one whose response
/// said `Connection: close` (the 413 of a huge `Content-Length`, so the body is never read).
///
/// Hummingbird's idle timeout only counts silence: a client trickling a header a byte at a time,
/// or stalling half-way through its first header, keeps the connection open for as long as it
/// likes. Here a request must have been received whole (header and body) within `timeout`:
/// counted from the connection's opening for its first request, and from the first byte of each
/// later request on a kept-alive connection (an idle kept-alive connection is the idle timeout's
/// business). When the time is up the connection is closed without an answer.
///
/// Installed through `HTTP1Channel.Configuration.additionalChannelHandlers` (after the HTTP
/// decoder, where request parts are seen); it puts a ``RequestBytesWatcher`` in front of the
/// decoder to learn when a request's first byte arrives. Limitation: a half-sent request
/// pipelined in the same packet behind a complete one is left to the idle timeout.
final class RequestReadDeadlineHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    let timeout: TimeAmount
    let logger: Logger
    private var timer: Scheduled<Void>?
    /// From a request's first byte (or the connection's opening) until its end was read.
    private var receiving = false
    private var closeAfterResponse = false
    private var channel: (any Channel)?
    private var eventLoop: (any EventLoop)?

    /// A handler closing a connection whose request is not received within `timeout`.
    init(timeout: TimeAmount, logger: Logger) {
        self.timeout = timeout
        self.logger = logger
    }

    func handlerAdded(context: ChannelHandlerContext) {
        channel = context.channel
        eventLoop = context.eventLoop
        try? context.pipeline.syncOperations.addHandler(RequestBytesWatcher(deadline: self), position: .first)
        if context.channel.isActive { startRequest() }
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        cancel()
        channel = nil
    }

    func channelActive(context: ChannelHandlerContext) {
        startRequest()
        context.fireChannelActive()
    }

    func channelInactive(context: ChannelHandlerContext) {
        cancel()
        context.fireChannelInactive()
    }

    /// Bytes arrived from the client (``RequestBytesWatcher``): the first byte of a request starts its clock.
    func bytesArrived() {
        if !receiving { startRequest() }
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head: if !receiving { startRequest() }   // a request pipelined behind the last one
        case .body: break
        case .end:
            receiving = false
            cancel()
        }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        switch unwrapOutboundIn(data) {
        case .head(let response):
            if response.headerFields[.connection]?.lowercased() == "close" { closeAfterResponse = true }
        case .body: break
        case .end:
            if closeAfterResponse {
                let written = promise ?? context.eventLoop.makePromise()
                let channel = context.channel
                written.futureResult.whenComplete { _ in channel.close(promise: nil) }
                context.writeAndFlush(data, promise: written)
                return
            }
        }
        context.write(data, promise: promise)
    }

    private func startRequest() {
        receiving = true
        guard timer == nil, let channel, let eventLoop else { return }
        let logger = logger, seconds = Double(timeout.nanoseconds) / 1e9
        timer = eventLoop.scheduleTask(in: timeout) {
            logger.notice("connection closed: request not received in time",
                          metadata: ["peer": "\(channel.remoteAddress?.description ?? "?")", "seconds": "\(seconds)"])
            channel.close(promise: nil)
        }
    }

    private func cancel() {
        timer?.cancel()
        timer = nil
    }
}

/// Sits in front of the HTTP decoder and tells ``RequestReadDeadlineHandler`` that bytes arrived.
final class RequestBytesWatcher: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer

    let deadline: RequestReadDeadlineHandler

    init(deadline: RequestReadDeadlineHandler) { self.deadline = deadline }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        deadline.bytesArrived()
        context.fireChannelRead(data)
    }
}
