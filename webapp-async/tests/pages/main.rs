//! Integration tests of webapp-async against a real webapi-pgw, both on port 0.

mod cancellation;
mod failures;
mod faults;
mod head;
mod helpers;
mod live;
mod pages;
mod sample;
mod threads;
mod url_status;

service_kit::use_jemalloc!();
