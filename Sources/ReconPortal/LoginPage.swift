/// The login form: the token is entered once and kept in an HttpOnly, SameSite=Strict cookie.
enum LoginPage {
    static func render(error: String? = nil) -> String {
        """
        <p>请输入部里下发的访问令牌（以 rcn_ 开头）。令牌仅在本浏览器会话中保存。</p>
        \(error.map { "<p class=\"error\">\(HTML.escape($0))</p>" } ?? "")
        <form method="post" action="/login">
        <label>访问令牌 <input type="password" name="token" size="72" autocomplete="off" required></label>
        <button type="submit">进入</button>
        </form>
        """
    }
}
