//! The app's settings, from flags or the matching environment variables
//! (declared once for both apps by [`app_kit::app_command_line!`]).

/// The app's port, next to the Web API (7734).
pub const DEFAULT_PORT: u16 = 7735;

app_kit::app_command_line! {
    /// The Web Forms app of the Async ASP.NET sample: each page in a
    /// synchronous version, which blocks a request thread while it waits for the
    /// Web API, and an asynchronous one, which does not.
    "webapp-async",
    DEFAULT_PORT
}
