import Foundation
import Hummingbird
import ReconKit
import ReconRules

/// The objection forms, through the quarter lifecycle (``QuarterLifecycle``, which checks the
/// public notice, 第十一条): `POST /objections` (a province, one open objection per indicator),
/// `POST /objections/{id}/accept` (the ministry, with the corrected numerator/denominator and a
/// reason) and `POST /objections/{id}/reject` (the ministry, with a reason). Each answers 303 back
/// to the page; a refused transition is 409 with the lifecycle's reason in Chinese.
struct ObjectionRoutes {
    let settings: PortalSettings
    let pages: PageRoutes

    func register(on router: Router<PortalContext>) {
        router.post("objections") { request, context in try await raise(request, context) }
        router.post("objections/:id/accept") { request, context in try await decide(request, context, accept: true) }
        router.post("objections/:id/reject") { request, context in try await decide(request, context, accept: false) }
    }

    /// The session and form of a state-changing request, CSRF-checked.
    func checked(_ request: Request, _ context: PortalContext) async throws -> (PortalCaller, FormBody) {
        try CSRFCheck.origin(request, context: context, settings: settings)
        let form = try await FormBody.read(request)
        guard case let .live(_, caller, csrf) = try await pages.session(request, context) else {
            throw PortalError(.unauthorized, "the session has ended; log in again", chinese: "会话已过期，请重新登录。")
        }
        try CSRFCheck.token(form["csrf"], expected: csrf, context: context)
        return (caller, form)
    }

    func raise(_ request: Request, _ context: PortalContext) async throws -> Response {
        let (caller, form) = try await checked(request, context)
        guard let province = caller.provinceCode else {
            throw PortalError(.forbidden, "only a province raises objections", chinese: "异议由省级提出，部级不能提出异议。")
        }
        guard let quarterText = form["quarter"], let quarter = Quarter(quarterText) else {
            throw PortalError(.badRequest, "quarter must look like 2026Q4", chinese: "季度无效。")
        }
        guard let number = form["indicator"].flatMap({ Int($0) }), let indicator = try? Indicator(number: number) else {
            throw PortalError(.badRequest, "indicator must be 10, 11 or 12", chinese: "指标应为 10、11 或 12。")
        }
        let text = form["text"]?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        guard !text.isEmpty, text.count <= 1000 else {
            throw PortalError(.badRequest, "text must hold 1 to 1000 characters", chinese: "请填写异议内容（不超过1000字）。")
        }
        let now = settings.now(), who = caller.downloadName
        try await lifecycle { lifecycle in
            // One open objection per indicator: a second waits for the first to be decided.
            if try lifecycle.objections(quarter: quarter, province: province)
                .contains(where: { $0.indicator == indicator && $0.status == .open }) {
                throw LifecycleError("an objection on indicator \(number) of \(quarter) is already waiting for the ministry",
                                     code: "objection-open",
                                     chinese: "指标\(number)已有一条异议等待部级处理，处理后才能再次提出。")
            }
            _ = try lifecycle.raiseObjection(quarter, province: province, indicator: indicator, text: text, by: who, at: now)
        }
        return Response(status: .seeOther, headers: [.location: "/?quarter=\(quarter)"])
    }

    func decide(_ request: Request, _ context: PortalContext, accept: Bool) async throws -> Response {
        let (caller, form) = try await checked(request, context)
        guard caller.isMinistry else {
            throw PortalError(.forbidden, "only the ministry decides objections", chinese: "异议由部级处理。")
        }
        guard let id = context.parameters.get("id").flatMap({ Int($0) }), id > 0 else {
            throw PortalError(.badRequest, "objection id must be a positive integer", chinese: "异议编号无效。")
        }
        let reason = form["reason"]?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        guard !reason.isEmpty, reason.count <= 1000 else {
            throw PortalError(.badRequest, "reason must hold 1 to 1000 characters", chinese: "请填写理由（不超过1000字）。")
        }
        let now = settings.now(), who = caller.downloadName
        var counts: (Int, Int)? = nil
        if accept {
            guard let n = form["numerator"].flatMap({ Int($0) }), let d = form["denominator"].flatMap({ Int($0) }) else {
                throw PortalError(.badRequest, "numerator and denominator must be integers", chinese: "修正的分子、分母应为整数。")
            }
            counts = (n, d)
        }
        let decided = counts
        let quarter: Quarter = try await lifecycle { lifecycle in
            if let counts = decided {
                return try lifecycle.accept(objection: id, numerator: counts.0, denominator: counts.1, reason: reason, by: who,
                                            at: now).objection.quarter
            }
            return try lifecycle.reject(objection: id, reason: reason, by: who, at: now).quarter
        }
        return Response(status: .seeOther, headers: [.location: "/?quarter=\(quarter)"])
    }

    /// Runs `body` with a lifecycle; its refusals are 409 with the lifecycle's Chinese reason (a
    /// general one if it has none, never its English text) and its code in the JSON message.
    func lifecycle<T: Sendable>(_ body: @escaping @Sendable (QuarterLifecycle) throws -> T) async throws -> T {
        do {
            return try await settings.database.run { connection in
                try body(QuarterLifecycle(results: connection, calendar: try CalendarStore(connection: connection).calendar()))
            }
        } catch let error as LifecycleError {
            throw PortalError(.conflict, "\(error.code): \(error.description)",
                              chinese: error.chinese ?? "当前无法办理该异议，请刷新页面查看最新状态。")
        }
    }
}
