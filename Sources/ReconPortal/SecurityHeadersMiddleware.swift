import HTTPTypes
import Hummingbird

/// Headers every portal response carries, errors included, as a government web service should:
/// no framing, no content sniffing, no referrer sent to another site, only the portal's own resources, and no caching of
/// anything personal (API answers, pages and downloads).
public struct SecurityHeadersMiddleware<Context: RequestContext>: RouterMiddleware {
    /// The Content-Security-Policy: the pages use no external script, style or font; inline styles,
    /// SVG and one inline script allowed by its hash (``HTML/confirmScript``, the confirmation of a
    /// decision) only.
    public static var contentSecurityPolicy: String {
        "default-src 'none'; script-src \(HTML.confirmScriptSource); style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
    }

    /// A middleware.
    public init() {}

    /// Adds the headers to the response or to the error's response.
    public func handle(_ request: Request, context: Context,
                       next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            var response = try await next(request, context)
            Self.secure(&response.headers)
            return response
        } catch let error as any HTTPResponseError {
            var response = try error.response(from: request, context: context)
            Self.secure(&response.headers)
            return response
        }
    }

    /// The headers, set on `headers`.
    static func secure(_ headers: inout HTTPFields) {
        headers[.contentSecurityPolicy] = contentSecurityPolicy
        headers[HTTPField.Name("X-Frame-Options")!] = "DENY"
        headers[.xContentTypeOptions] = "nosniff"
        // same-origin: the portal's own form posts carry its Origin (under no-referrer browsers send
        // `Origin: null`), while no URL of the portal ever leaves for another site.
        headers[HTTPField.Name("Referrer-Policy")!] = "same-origin"
        headers[.cacheControl] = "no-store"
    }
}
