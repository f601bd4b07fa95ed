import Foundation
import Hummingbird
import ReconKit
import ReconRules

/// The JSON API under `/api` (see docs/portal-openapi.yaml).
struct APIRoutes {
    let settings: PortalSettings

    /// Registers the routes on an authenticated group.
    func register(on api: RouterGroup<PortalContext>) {
        api.get("lists") { request, context in try await lists(request, context) }
        api.get("lists/:id") { request, context in try await list(request, context) }
        api.get("lists/:id/download") { request, context in try await download(request, context) }
        api.get("progress") { request, context in try await progress(request, context) }
        api.get("scores") { request, context in try await scores(request, context) }
    }

    func lists(_ request: Request, _ context: PortalContext) async throws -> ListsJSON {
        let caller = try context.requireCaller()
        let query = QueryParameters(request: request)
        let province = try query.province(for: caller), quarter = try query.quarter()
        let lists = try await settings.database.run { try ListStore(connection: $0).lists(province: province, quarter: quarter) }
        return ListsJSON(lists: lists.map(ListJSON.init))
    }

    func list(_ request: Request, _ context: PortalContext) async throws -> ListDetailJSON {
        let caller = try context.requireCaller()
        let id = try Self.listID(context)
        let query = QueryParameters(request: request)
        let size = try query.int("size", in: 1...PortalLimits.maxPageSize, default: PortalLimits.defaultPageSize)
        let page = try query.int("page", in: 1...Int(Int32.max), default: 1)
        let list = try await visibleList(id, caller: caller)
        let pages = max(1, (list.itemCount + size - 1) / size)
        guard page <= pages else {
            throw HTTPError(.badRequest, message: "page \(page) is past the last page \(pages) (size \(size), \(list.itemCount) items)")
        }
        let items = try await settings.database.run { try PortalQueries.items(listID: id, page: page, size: size, on: $0) }
        return ListDetailJSON(list: ListJSON(list), page: page, size: size, pages: pages, items: items)
    }

    func download(_ request: Request, _ context: PortalContext) async throws -> Response {
        let caller = try context.requireCaller()
        let id = try Self.listID(context)
        let format = try QueryParameters(request: request).format()
        _ = try await visibleList(id, caller: caller)
        let file = try await ListDownload.export(listID: id, format: format, caller: caller, settings: settings)
        context.logger.info("list downloaded", metadata: ["list": "\(id)", "format": "\(format)"])
        return file.response(database: settings.database)
    }

    func progress(_ request: Request, _ context: PortalContext) async throws -> ProgressJSON {
        let caller = try context.requireCaller()
        let query = QueryParameters(request: request)
        let province = try query.province(for: caller), quarter = try query.quarter()
        let now = settings.now()
        let rows = try await settings.database.run {
            try ListProgressQuery(connection: $0).rows(province: province, quarter: quarter, now: now)
        }
        return ProgressJSON(progress: rows.map(ListProgressJSON.init))
    }

    func scores(_ request: Request, _ context: PortalContext) async throws -> ScoresJSON {
        let caller = try context.requireCaller()
        let query = QueryParameters(request: request)
        let province = try query.province(for: caller), quarter = try query.quarter()
        return try await settings.database.run { try PortalQueries.scores(quarter: quarter, province: province, on: $0) }
    }

    /// The list `id` if the caller may see it; 404 otherwise (never telling whether it exists).
    func visibleList(_ id: Int64, caller: PortalCaller) async throws -> RectificationList {
        let list: RectificationList? = try await settings.database.run { connection in
            do { return try ListStore(connection: connection).list(id: id) } catch ListError.listNotFound { return nil }
        }
        guard let list, caller.canSee(province: list.provinceCode) else {
            throw HTTPError(.notFound, message: "no list \(id)")
        }
        return list
    }

    static func listID(_ context: PortalContext) throws -> Int64 {
        let text = context.parameters.get("id") ?? ""
        guard let id = Int64(text), id > 0 else { throw HTTPError(.badRequest, message: "list id must be a positive integer, got \(text)") }
        return id
    }
}
