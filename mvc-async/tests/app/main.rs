//! Integration tests of mvc-async against a real webapi-pgw, both on port 0.

mod actions;
mod failures;
mod faults;
mod head;
mod helpers;
mod sample;
mod threads;

service_kit::use_jemalloc!();
