/// Sentences of the CORS record that more than one place states (the layout's notes and the template comments).
enum CorsNotes {
    /// Gateway responses of a credentialed API with several origins: the gateway cannot check the Origin it echoes.
    static let uncheckedEcho = "With several origins the gateway responses echo the request's Origin, which the gateway cannot check "
        + "against the allow-list, so they never send Access-Control-Allow-Credentials: a credentialed browser call sees a "
        + "gateway error (401, 403, 429, 504) as a failed request, without its status. Only the functions' own responses, which "
        + "check the Origin, allow credentials."
}
