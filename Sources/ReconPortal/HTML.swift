import Foundation
import Hummingbird
import ReconRules

/// Building blocks of the server-rendered pages: escaping, the layout and its inline CSS (no file
/// or script is ever fetched from elsewhere: these networks often have no internet).
enum HTML {
    /// Text escaped for HTML content and attribute values. Works on UTF-8 bytes (the five
    /// characters are ASCII, and no byte of a multi-byte character is ASCII); text without them,
    /// most of a page, is returned as it is.
    static func escape(_ text: String) -> String {
        func special(_ byte: UInt8) -> Bool { byte == 0x26 || byte == 0x3C || byte == 0x3E || byte == 0x22 || byte == 0x27 }
        guard text.utf8.contains(where: special) else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 32)
        for byte in text.utf8 {
            switch byte {
            case 0x26: out.append(contentsOf: "&amp;".utf8)
            case 0x3C: out.append(contentsOf: "&lt;".utf8)
            case 0x3E: out.append(contentsOf: "&gt;".utf8)
            case 0x22: out.append(contentsOf: "&quot;".utf8)
            case 0x27: out.append(contentsOf: "&#39;".utf8)
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// A whole page.
    static func page(title: String, body: String, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) -> Response {
        let document = """
            <!DOCTYPE html>
            <html lang="zh-CN"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(escape(title))</title>
            <style>\(css)</style><script>\(confirmScript)</script></head>
            <body><header><h1>\(escape(title))</h1></header><main>
            \(body)
            </main><footer>部省两级运政数据对账 · 整改清单门户 · 时间均为北京时间</footer></body></html>
            """
        var headers = headers
        headers[.contentType] = "text/html; charset=utf-8"
        headers[.cacheControl] = "no-store"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: document)))
    }

    /// The pages' only script (allowed by its hash in the Content-Security-Policy): a form with
    /// `data-confirm` asks the user to confirm before it is sent (the ministry's accept and reject).
    /// Printing opens every `<details>` first, so that an item page prints its records.
    static let confirmScript = "document.addEventListener('submit',function(e){var m=e.target.getAttribute('data-confirm');if(m&&!window.confirm(m)){e.preventDefault();}});"
        + "window.addEventListener('beforeprint',function(){document.querySelectorAll('details').forEach(function(d){d.open=true;});});"

    /// `'sha256-…'` of ``confirmScript``, for `script-src`.
    static let confirmScriptSource: String = "'sha256-" + Data(SHA256.digest(Array(confirmScript.utf8))).base64EncodedString() + "'"

    /// The body of an error page: the message and a way back.
    static func errorBody(status: HTTPResponse.Status, message: String) -> String {
        "<p class=\"error\">\(escape(message))</p><p class=\"muted\">（HTTP \(status.code)）</p><p><a class=\"button\" href=\"/\">返回首页</a></p>"
    }

    /// The caller line with the logout button beside it (a form carrying the session's CSRF token;
    /// a `<div>`, since a form inside a `<p>` would end the paragraph and drop the button below).
    static func userBar(_ caller: PortalCaller, csrf: String, now: Date) -> String {
        let role = caller.provinceCode.map { "（\(escape($0))）" } ?? "（部级，全部省份）"
        return """
            <div class="userbar"><span>\(escape(caller.name))\(role) · 当前时间 \(BeijingTimeFormat.human(now))</span>\
            <form class="inline" method="post" action="/logout"><input type="hidden" name="csrf" value="\(csrf)">\
            <button type="submit">退出登录</button></form></div>
            """
    }

    /// A date and time for a table cell: it may break between the two, never inside a date
    /// (`2026-` / `07-02`).
    static func time(_ text: String) -> String {
        text.split(separator: " ").map { "<span class=\"nowrap\">\(escape(String($0)))</span>" }.joined(separator: " ")
    }

    /// `2026-07-03T10:00:00+08:00` → `2026-07-03 10:00:00` (Beijing time as the pages write it).
    static func isoWithoutOffset(_ text: String) -> String {
        var bytes = Array(text.utf8)
        if bytes.count >= 6, bytes[(bytes.count - 6)...].elementsEqual("+08:00".utf8) { bytes.removeLast(6) }
        for index in bytes.indices where bytes[index] == UInt8(ascii: "T") { bytes[index] = UInt8(ascii: " ") }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// A column header whose parenthesised part goes on a second line (`已按期上传<br>（仍不一致）`):
    /// headers never wrap on their own (no `条/目`), long ones break where they should.
    static func header(_ label: String) -> String {
        escape(label).replacingOccurrences(of: "（", with: "<br>（")
    }

    /// Links to every quarter, the current one marked (no script: plain links keep the state in the URL).
    static func quarterPicker(_ quarters: [Quarter], current: Quarter?, path: String, extra: String = "") -> String {
        guard !quarters.isEmpty else { return "" }
        return "<nav class=\"quarters\">季度：" + quarters.map { q in
            q == current ? "<strong>\(q)</strong>" : "<a href=\"\(path)?quarter=\(q)\(extra)\">\(q)</a>"
        }.joined(separator: " ") + "</nav>"
    }

    /// RFC 3986 unreserved ASCII: everything else (Chinese included) is percent-encoded.
    static let urlSafe = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

    /// 暂无数据.
    static let noData = "<p class=\"muted\">暂无数据。</p>"

    static let css = """
        body{font-family:"Noto Sans CJK SC","Microsoft YaHei","PingFang SC",sans-serif;margin:0;color:#222;background:#f6f7f9}
        header{background:#1f4e79;color:#fff;padding:12px 24px}header h1{margin:0;font-size:20px}
        main{padding:16px 24px}footer{color:#777;font-size:12px;padding:16px 24px}
        table{border-collapse:collapse;background:#fff;margin:8px 0 24px;min-width:60%}
        th,td{border:1px solid #d0d4da;padding:6px 10px;text-align:left;font-size:14px}th{background:#e9edf2;white-space:nowrap}
        td.nowrap,td.actions,span.nowrap{white-space:nowrap}div.wide{overflow-x:auto}table.objections td.text{min-width:16em;max-width:36em;white-space:pre-wrap;overflow-wrap:anywhere}div.detail{max-width:560px}td table{min-width:0;margin:4px 0}table.items>tbody>tr>td{vertical-align:top}.userbar{display:flex;align-items:center;gap:12px;margin:0 0 12px}
        td.num{text-align:right;font-variant-numeric:tabular-nums}
        .bar{display:flex;width:160px;height:14px;background:#e3e3e3;border-radius:3px;overflow:hidden}
        .bar span{display:block;height:100%}.consistent{background:#1b5e20}.ontime{background:#66bb6a}.late{background:#f9a825}
        .pending{background:#90caf9}.overdue{background:#c62828}.outstanding{background:#c62828}
        nav.quarters{margin:8px 0}nav.quarters a,nav.quarters strong{margin-right:10px}
        form.filters{background:#fff;border:1px solid #d0d4da;padding:8px 12px;margin:8px 0}form.filters label{margin-right:12px}
        details summary{cursor:pointer}td.key{font-family:monospace}.tag{font-size:12px;padding:1px 6px;border-radius:3px;background:#e9edf2;white-space:nowrap}
        .tag.official{background:#1f4e79;color:#fff}.tag.overdue{background:#c62828;color:#fff}.tag.consistent{background:#1b5e20;color:#fff}
        .tag.ontime{background:#66bb6a;color:#fff}.tag.late{background:#f9a825;color:#222}.tag.pending{background:#90caf9;color:#222}
        p.suspect{color:#8d4e00;margin:4px 0 0;font-size:13px}textarea{width:100%;max-width:520px}
        .legend span:not(.nowrap){display:inline-block;width:10px;height:10px;margin:0 4px 0 12px}
        a.button,button{display:inline-block;padding:3px 10px;margin-right:4px;border:1px solid #1f4e79;border-radius:3px;
        color:#1f4e79;background:#fff;text-decoration:none;font-size:13px;cursor:pointer}
        .error{color:#c62828}.muted{color:#777}form.inline{display:inline}
        *,*::before,*::after{box-sizing:border-box}h1,h2{overflow-wrap:anywhere}svg{max-width:100%;height:auto}
        div.wide{max-width:100%}div.wide>table{margin-bottom:8px}.userbar{flex-wrap:wrap}
        form.filters label,form.decide label{display:inline-block;margin:2px 12px 2px 0;white-space:nowrap}form.decide{margin:4px 0}
        form.login input[name=token]{width:100%;max-width:44em;font-family:monospace}td.text{min-width:12em;max-width:36em;overflow-wrap:anywhere}
        td.actions a.button{display:block;margin:2px 0;text-align:center}p a.button{margin:2px 4px 2px 0}
        th,td{padding:5px 7px}th{font-size:13px}.bar{width:120px}
        @media (max-width:600px){main,header,footer{padding-left:10px;padding-right:10px}header h1{font-size:17px}
        table{min-width:0}th,td{padding:4px 6px;font-size:13px}textarea{max-width:100%}}
        @media print{header,footer,form,.userbar,a.button,nav.quarters{display:none}main{padding:0}body{background:#fff}
        div.wide{overflow:visible}details>*{display:block}details::details-content{content-visibility:visible;display:block}
        details>summary{list-style:none}table{page-break-inside:auto}tr{page-break-inside:avoid}}
        """
}
