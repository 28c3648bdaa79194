//! Integration tests of webapi-pgw: a real server on port 0, a real HTTP client.
//! One binary for the whole suite, so it links once.

mod binary;
mod cancellation;
mod errors;
mod faults;
mod head;
mod helpers;
mod negotiation;
mod openapi;
mod operations;
mod resources;

service_kit::use_jemalloc!();
