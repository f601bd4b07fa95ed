/// The login form: the token is entered once; the browser then holds only a server-side session id
/// (HttpOnly, SameSite=Strict), which ends at logout, after the idle time, or at expiry.
enum LoginPage {
    static func render(csrf: String, error: String? = nil) -> String {
        """
        <p>请输入部里下发的访问令牌（以 rcn_ 开头）。登录后浏览器只保存会话编号，不保存令牌；闲置过久或退出后需重新登录。</p>
        \(error.map { "<p class=\"error\">\(HTML.escape($0))</p>" } ?? "")
        <form class="login" method="post" action="/login"><input type="hidden" name="csrf" value="\(csrf)">
        <label>访问令牌 <input type="password" name="token" autocomplete="off" required></label>
        <button type="submit">进入</button>
        </form>
        """
    }
}
