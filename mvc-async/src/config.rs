//! The app's settings, from flags or the matching environment variables
//! (declared once for both apps by [`app_kit::app_command_line!`]).

/// The app's port, next to the Web Forms app's (7735).
pub const DEFAULT_PORT: u16 = 7736;

app_kit::app_command_line! {
    /// The MVC app of the Async ASP.NET sample: each HomeController action in a
    /// synchronous version, which blocks a request thread while it waits for the
    /// Web API, and an asynchronous one, which does not.
    "mvc-async",
    DEFAULT_PORT
}
