//! The route table: `/{controller}/{action}/{id?}`, any case, default Home/Gizmos.

use actix_web::{HttpRequest, HttpResponse, web};
use app_kit::Host;

use crate::controllers::home;
use crate::filters;
use crate::views;

/// The default action of a controller, and of `/` (the sample's route default).
pub const DEFAULT_ACTION: &str = "Gizmos";

/// Registers the MVC routes (after the common `/site.css`, `/healthz`, `/metrics`).
pub fn configure(cfg: &mut web::ServiceConfig) {
    // Each action at its own spelling first, a static route: no path
    // captured and no name looked up, on the way of every request (and none
    // of it held by a waiting one). Other spellings take the patterns below.
    for action in &home::ACTIONS {
        let path = format!("/{}/{}", home::NAME, action.name);
        cfg.route(&path, web::get().to(move |r: HttpRequest, h: web::Data<Host>| filters::invoke(action, &r, &h)));
    }
    cfg.route("/", web::get().to(|r: HttpRequest, h: web::Data<Host>| dispatch(r, h, "Home", DEFAULT_ACTION)))
        .route("/{controller}", web::get().to(controller_default))
        .route("/{controller}/", web::get().to(controller_default))
        .route("/{controller}/{action}", web::get().to(action))
        .route("/{controller}/{action}/{id}", web::get().to(action_with_id))
        .default_service(web::to(|| async { views::not_found_response("There is no page at this address.") }));
}

async fn controller_default(request: HttpRequest, host: web::Data<Host>, path: web::Path<String>) -> HttpResponse {
    dispatch(request, host, &path, DEFAULT_ACTION).await
}

async fn action(request: HttpRequest, host: web::Data<Host>, path: web::Path<(String, String)>) -> HttpResponse {
    let (controller, action) = path.into_inner();
    dispatch(request, host, &controller, &action).await
}

/// `{id}` is accepted as the sample's route has it; no action of Home uses it.
async fn action_with_id(
    request: HttpRequest,
    host: web::Data<Host>,
    path: web::Path<(String, String, String)>,
) -> HttpResponse {
    let (controller, action, _id) = path.into_inner();
    dispatch(request, host, &controller, &action).await
}

/// Finds the controller and action by name, ignoring case, and invokes it with its filters.
async fn dispatch(request: HttpRequest, host: web::Data<Host>, controller: &str, action: &str) -> HttpResponse {
    if !controller.eq_ignore_ascii_case(home::NAME) {
        return views::not_found_response(&format!("There is no controller named “{controller}”."));
    }
    if action.eq_ignore_ascii_case("ThreadPool") {
        // No backend call, but a request thread, as every ASP.NET request needed.
        let config = host.pool.config();
        let started = std::time::Instant::now();
        let view = host
            .run_sync(move |_| Ok(views::layout(&views::thread_pool(config), started.elapsed(), None).into_string()));
        return filters::output_cache::no_store(host.respond(&request, view.await, started.elapsed()));
    }
    match home::ACTIONS.iter().find(|a| a.name.eq_ignore_ascii_case(action)) {
        Some(action) => filters::invoke(action, &request, &host).await,
        None => views::not_found_response(&format!("HomeController has no action named “{action}”.")),
    }
}
