//! `mvc-async`: not built yet; see the open issue for this app. This placeholder
//! keeps the workspace complete so the shared crates compile against it.

fn main() {
    eprintln!("mvc-async is not implemented yet");
    std::process::exit(1);
}
