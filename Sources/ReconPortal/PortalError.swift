import HTTPTypes
import Hummingbird

/// An error answered with a status: JSON `{"error":{"message":…}}` in English for the API (as
/// Hummingbird's own errors), and its Chinese text on an HTML error page for the page routes.
struct PortalError: HTTPResponseError, CustomStringConvertible {
    let status: HTTPResponse.Status
    /// The API's message, naming the parameter.
    let message: String
    /// The page's message.
    let chinese: String
    var headers: HTTPFields = [:]

    init(_ status: HTTPResponse.Status, _ message: String, chinese: String, headers: HTTPFields = [:]) {
        self.status = status
        self.message = message
        self.chinese = chinese
        self.headers = headers
    }

    var description: String { "\(status.code) \(message)" }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        try HTTPError(status, headers: headers, message: message).response(from: request, context: context)
    }

    /// The page message of any error: its own, or one by status (never the internals).
    static func chineseMessage(of error: any Error) -> (HTTPResponse.Status, String) {
        if let error = error as? PortalError { return (error.status, error.chinese) }
        let status = (error as? any HTTPResponseError)?.status ?? .internalServerError
        switch status.code {
        case 400: return (status, "请求参数有误。")
        case 401: return (status, "请先登录。")
        case 403: return (status, "无权执行此操作。")
        case 404: return (status, "页面不存在，或您无权查看。")
        case 405: return (status, "不支持该请求方法。")
        case 413: return (status, "请求内容过大。")
        case 429: return (status, "请求过于频繁，请稍后再试。")
        default: return (status, "服务器内部错误，请稍后重试。")
        }
    }
}
