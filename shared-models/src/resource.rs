//! The three collections the Web API serves.

use std::fmt;

/// One of the Web API's controllers: `api/Products`, `api/Widgets`, `api/Gizmos`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Resource {
    /// `api/Products`.
    Products,
    /// `api/Widgets`.
    Widgets,
    /// `api/Gizmos`.
    Gizmos,
}

impl Resource {
    /// All three, in the order the PWG pages show them.
    pub const ALL: [Resource; 3] = [Resource::Products, Resource::Widgets, Resource::Gizmos];

    /// The controller's name as the sample's clients wrote it in URLs ("Gizmos").
    pub fn name(self) -> &'static str {
        match self {
            Resource::Products => "Products",
            Resource::Widgets => "Widgets",
            Resource::Gizmos => "Gizmos",
        }
    }

    /// Looks a controller up by name, ignoring case as ASP.NET routing does.
    pub fn from_name(name: &str) -> Option<Resource> {
        Resource::ALL.into_iter().find(|r| r.name().eq_ignore_ascii_case(name))
    }

    /// The path below the API's root: `api/Gizmos`.
    pub fn path(self) -> String {
        format!("api/{}", self.name())
    }
}

impl fmt::Display for Resource {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}
