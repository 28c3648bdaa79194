//! The model types of the sample and their exact wire format, shared by every
//! service of the workspace.
//!
//! The sample's Web API was written with ASP.NET Web API, so its JSON has that
//! framework's habits: PascalCase keys, C# `decimal` prices written as plain JSON
//! numbers (`1.99`), and local `DateTime` values as Json.NET wrote them (ISO-8601
//! with up to seven fractional digits and the local offset).
//! These types reproduce that format to the byte, so a client written for the
//! original API can talk to ours and the other way round.
//!
//! The client that calls the API is the `api-client` crate: only the web apps
//! need it, so the API server links no HTTP client.
//!
//! # Layout
//! - [`product`], [`widget`], [`gizmo`]: one model type each, as the sample has.
//! - [`pwg`]: the view model of the PWG pages (products, widgets and gizmos together).
//! - [`resource`]: the API's three controllers (`api/Products`, ...), named once
//!   for the server that routes them and the client that calls them.
//! - [`wire`]: the serde helpers behind the ASP.NET wire format (dates, decimals).
//! - [`catalog`]: the data generators, "as if from a database", used by the API.

pub mod catalog;
pub mod gizmo;
pub mod product;
pub mod pwg;
pub mod resource;
pub mod widget;
pub mod wire;

pub use gizmo::Gizmo;
pub use product::Product;
pub use pwg::ProdGizWidget;
pub use resource::Resource;
pub use widget::Widget;
