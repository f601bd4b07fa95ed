import Foundation
import Hummingbird
import ReconKit
import ReconRules

/// The JSON API under `/api` (see docs/portal-openapi.yaml).
struct APIRoutes {
    let settings: PortalSettings

    /// Registers the routes on an authenticated group.
    func register(on api: RouterGroup<PortalContext>) {
        getAndHead(api, "lists") { request, context in try await lists(request, context) }
        getAndHead(api, "lists/:id") { request, context in try await list(request, context) }
        getAndHead(api, "lists/:id/download") { request, context in try await download(request, context) }
        getAndHead(api, "progress") { request, context in try await progress(request, context) }
        getAndHead(api, "scores") { request, context in try await scores(request, context) }
        getAndHead(api, "history") { request, context in try await history(request, context) }
        getAndHead(api, "objections") { request, context in try await objections(request, context) }
    }

    func lists(_ request: Request, _ context: PortalContext) async throws -> ListsJSON {
        let caller = try context.requireCaller()
        let query = QueryParameters(request: request, audit: context.audit)
        let province = try query.province(for: caller), quarter = try query.quarter()
        let lists = try await settings.database.run { try ListStore(connection: $0).lists(province: province, quarter: quarter) }
        return ListsJSON(lists: lists.map(ListJSON.init))
    }

    /// A list and one page of the items its filter selects (`q`, `set`, `category`, `status`); the
    /// items' JSON is PostgreSQL's (``ItemsPageJSON``).
    func list(_ request: Request, _ context: PortalContext) async throws -> ItemsPageJSON {
        let caller = try context.requireCaller()
        let id = try Self.listID(context)
        let query = QueryParameters(request: request, audit: context.audit)
        let size = try query.int("size", in: 1...PortalLimits.maxPageSize, default: PortalLimits.defaultPageSize)
        let page = try query.int("page", in: 1...100_000_000, default: 1)
        let list = try await visibleList(id, caller: caller, audit: context.audit)
        let filter = try query.itemFilter(of: list)
        let now = settings.now()
        let (total, items) = try await settings.database.run {
            try ItemsPageJSON.items(list: list, filter: filter, page: page, size: size, now: now, on: $0)
        }
        let pages = max(1, (total + size - 1) / size)
        guard page <= pages else {
            throw PortalError(.badRequest, "page \(page) is past the last page \(pages) (size \(size), \(total) items)",
                              chinese: "第 \(page) 页不存在（共 \(pages) 页）。")
        }
        return try ItemsPageJSON(list: ListJSON(list), total: total, page: page, size: size, pages: pages, itemsJSON: items)
    }

    /// The list as the CLI exports it; with a filter, exactly the items it selects ("download what
    /// I see"). A province's download is its receipt (接收时间); the ministry's is recorded but is not.
    func download(_ request: Request, _ context: PortalContext) async throws -> Response {
        let caller = try context.requireCaller()
        let id = try Self.listID(context)
        let query = QueryParameters(request: request, audit: context.audit)
        let format = try query.format()
        let list = try await visibleList(id, caller: caller, audit: context.audit)
        let filter = try query.itemFilter(of: list)
        if context.audit.isHead {   // HEAD: the headers only; nothing is exported or recorded
            return Response(status: .ok, headers: ListDownload.headers(format: format, fileName: list.fileStem + "." + format.fileExtension))
        }
        let file = try await ListDownload.export(listID: id, format: format, filter: filter, caller: caller, settings: settings)
        context.logger.info("list downloaded", metadata: ["list": "\(id)", "format": "\(format)", "filtered": "\(!filter.isEmpty)"])
        return file.response(database: settings.database)
    }

    func progress(_ request: Request, _ context: PortalContext) async throws -> ProgressJSON {
        let caller = try context.requireCaller()
        let query = QueryParameters(request: request, audit: context.audit)
        let province = try query.province(for: caller), quarter = try query.quarter()
        let now = settings.now()
        let (rows, states) = try await settings.database.run { connection in
            // One quarter: `?quarter=`, else the one the pages open on (the newest with an official list), so
            // that the answer and its cost do not grow with history.
            guard let quarter = try quarter ?? PortalQueries.defaultQuarter(province: province, on: connection) else {
                return ([ListProgress](), [Int64: ListStateCounts]())
            }
            let lists = try ListStore(connection: connection).lists(province: province, quarter: quarter)
            return try ListProgressQuery(connection: connection).rowsAndStates(lists, now: now)
        }
        return ProgressJSON(progress: rows.map { ListProgressJSON($0, states: states[$0.listID] ?? ListStateCounts()) })
    }

    func scores(_ request: Request, _ context: PortalContext) async throws -> ScoresJSON {
        let caller = try context.requireCaller()
        let query = QueryParameters(request: request, audit: context.audit)
        let province = try query.province(for: caller), quarter = try query.quarter()
        let now = settings.now()
        return try await settings.database.run { try PortalQueries.scores(quarter: quarter, province: province, now: now, on: $0) }
    }

    /// A province's scores across quarters (the ministry names the province).
    func history(_ request: Request, _ context: PortalContext) async throws -> HistoryListJSON {
        let caller = try context.requireCaller()
        guard let province = try QueryParameters(request: request, audit: context.audit).province(for: caller) else {
            throw PortalError(.badRequest, "province is required for the ministry", chinese: "请指定省份（province）。")
        }
        let quarters = try await settings.database.run { try PortalQueries.history(province: province, on: $0) }
        return HistoryListJSON(provinceCode: province, quarters: quarters)
    }

    func objections(_ request: Request, _ context: PortalContext) async throws -> ObjectionsJSON {
        let caller = try context.requireCaller()
        let query = QueryParameters(request: request, audit: context.audit)
        let province = try query.province(for: caller), quarter = try query.quarter()
        let found = try await settings.database.run { try QuarterLifecycle.objections(quarter: quarter, province: province, on: $0) }
        return ObjectionsJSON(objections: found.map(ObjectionJSON.init))
    }

    /// The list `id` if the caller may see it; 404 otherwise (never telling whether it exists;
    /// another province's list is logged as `cross-province`).
    func visibleList(_ id: Int64, caller: PortalCaller, audit: RequestAudit) async throws -> RectificationList {
        let list: RectificationList? = try await settings.database.run { connection in
            do { return try ListStore(connection: connection).list(id: id) } catch ListError.listNotFound { return nil }
        }
        guard let list, caller.canSee(province: list.provinceCode) else {
            if list != nil { audit.note("cross-province") }
            throw PortalError(.notFound, "no list \(id)", chinese: "没有清单 \(id)，或您无权查看。")
        }
        return list
    }

    static func listID(_ context: PortalContext) throws -> Int64 {
        let text = context.parameters.get("id") ?? ""
        guard let id = Int64(text), id > 0 else {
            throw PortalError(.badRequest, "list id must be a positive integer, got \(text)", chinese: "清单编号应为正整数，收到「\(text)」。")
        }
        return id
    }
}

/// Registers `handler` for GET and HEAD (``RequestLimitsMiddleware`` answers HEAD without the body).
func getAndHead<Output: ResponseGenerator>(_ group: RouterGroup<PortalContext>, _ path: RouterPath,
                                           _ handler: @escaping @Sendable (Request, PortalContext) async throws -> Output) {
    group.get(path, use: handler)
    group.head(path, use: handler)
}

/// The same for routes on the router itself.
func getAndHead<Output: ResponseGenerator>(_ router: Router<PortalContext>, _ path: RouterPath,
                                           _ handler: @escaping @Sendable (Request, PortalContext) async throws -> Output) {
    router.get(path, use: handler)
    router.head(path, use: handler)
}
