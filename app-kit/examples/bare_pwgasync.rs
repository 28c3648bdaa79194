//! The floor for the apps' PWGasync: the smallest actix-web program that does
//! what that page does (the Web API's widgets, products and gizmos, fetched
//! at once, shown as three tables), and for their ProductsAsync (one call,
//! one table), with none of app-kit: no request pool, no
//! I/O threads, no `Host`, no timeline or waterfall, no metrics, no failure
//! policy. The load lab's scenario 7 runs it beside webapp-async and
//! mvc-async under the same load, so what the apps' machinery costs per page
//! can be read off as their CPU against this one's; scenario 4 runs its
//! ProductsAsync beside theirs, so that a waiting page's memory can be read
//! off against the least that actix-web and reqwest need for it.
//!
//! The same allocator as the apps (jemalloc), the same HTTP client (reqwest,
//! one client for all calls, no connection limit), the same JSON types
//! (shared-models), and the same tables as webapp-async's PWGasync.aspx:
//! the gizmos' dates as its GridView shows them. Only the page around them is
//! bare.
//!
//! Usage: `bare_pwgasync <port> <api-root-url>`, e.g.
//! `bare_pwgasync 7737 http://127.0.0.1:7734/`.

use actix_web::dev::ServiceRequest;
use actix_web::middleware::{Next, from_fn};
use actix_web::{App, HttpResponse, HttpServer, web};
use maud::{DOCTYPE, Markup, html};
use serde::de::DeserializeOwned;
use shared_models::{Gizmo, Product, Resource, Widget};

service_kit::use_jemalloc!();

/// What every worker shares: one client (so one pool of connections) and the API's root.
struct Api {
    http: reqwest::Client,
    root: String,
}

impl Api {
    /// `GET api/{resource}` as JSON, any failure (transport, status, body) in words.
    async fn fetch<T: DeserializeOwned>(&self, resource: Resource) -> Result<T, String> {
        let url = format!("{}{}", self.root, resource.path());
        let fail = |e: reqwest::Error| format!("{url}: {e}");
        let response = self.http.get(&url).send().await.map_err(fail)?;
        response.error_for_status().map_err(fail)?.json().await.map_err(fail)
    }
}

/// GET /PWGasync: the three calls at once (the apps' WhenAll), then the page.
async fn pwg_async(api: web::Data<Api>) -> HttpResponse {
    let (widgets, products, gizmos) = tokio::join!(
        api.fetch::<Vec<Widget>>(Resource::Widgets),
        api.fetch::<Vec<Product>>(Resource::Products),
        api.fetch::<Vec<Gizmo>>(Resource::Gizmos),
    );
    match (widgets, products, gizmos) {
        (Ok(widgets), Ok(products), Ok(gizmos)) => HttpResponse::Ok()
            .content_type("text/html; charset=utf-8")
            .body(page(&widgets, &products, &gizmos).into_string()),
        (Err(error), _, _) | (_, Err(error), _) | (_, _, Err(error)) => {
            HttpResponse::BadGateway().body(format!("the Web API failed: {error}\n"))
        }
    }
}

/// GET /ProductsAsync: one call, then the page.
async fn products_async(api: web::Data<Api>) -> HttpResponse {
    match api.fetch::<Vec<Product>>(Resource::Products).await {
        Ok(products) => HttpResponse::Ok()
            .content_type("text/html; charset=utf-8")
            .body(one_table("Products Asynchronous", &products).into_string()),
        Err(error) => HttpResponse::BadGateway().body(format!("the Web API failed: {error}\n")),
    }
}

/// `DateTime.ToString()` under en-US, as webapp-async's GridView shows a date.
const EN_US_GENERAL_DATE_TIME: &str = "%-m/%-d/%Y %-I:%M:%S %p";

/// A priced list's grid: id, name and price.
fn priced(rows: impl Iterator<Item = (i32, String, String)>) -> Markup {
    html! {
        table.grid {
            thead { tr { th { "Id" } th { "Name" } th { "Price" } } }
            tbody { @for (id, name, price) in rows { tr { td.number { (id) } td { (name) } td.number { (price) } } } }
        }
    }
}

/// The products' page: the title and the one grid.
fn one_table(title: &str, products: &[Product]) -> Markup {
    html! {
        (DOCTYPE)
        html lang="en" {
            head { meta charset="utf-8"; title { (title) } }
            body { (priced(products.iter().map(|p| (p.id, p.name.clone(), p.price.to_string())))) }
        }
    }
}

/// The page: PWGasync.aspx's headings and grids, in its order.
fn page(widgets: &[Widget], products: &[Product], gizmos: &[Gizmo]) -> Markup {
    html! {
        (DOCTYPE)
        html lang="en" {
            head { meta charset="utf-8"; title { "PWGasync" } }
            body {
                h2 { "Asynchronous Widgets, Products, and Gizmos" }
                h3 { "Widgets" } (priced(widgets.iter().map(|w| (w.id, w.name.clone(), w.price.to_string()))))
                h3 { "Products" } (priced(products.iter().map(|p| (p.id, p.name.clone(), p.price.to_string()))))
                h3 { "Gizmos" }
                table.grid {
                    thead { tr { th { "Id" } th { "Name" } th { "IntroducedDate" } th { "Quantity" } } }
                    tbody {
                        @for g in gizmos {
                            tr {
                                td.number { (g.id) } td { (g.name) }
                                td { (g.introduced_date.format(EN_US_GENERAL_DATE_TIME)) } td.number { (g.quantity) }
                            }
                        }
                    }
                }
            }
        }
    }
}

#[actix_web::main]
async fn main() -> std::io::Result<()> {
    let mut args = std::env::args().skip(1);
    let port: u16 = args.next().and_then(|a| a.parse().ok()).unwrap_or(7737);
    let mut root = args.next().unwrap_or_else(|| "http://127.0.0.1:7734/".into());
    if !root.ends_with('/') {
        root.push('/');
    }
    // As the apps' client: no proxy from the environment; reqwest's pool is unlimited by default.
    let http = reqwest::Client::builder().no_proxy().build().map_err(std::io::Error::other)?;
    let api = web::Data::new(Api { http, root });
    // actix-web's defaults (a worker per CPU), with the apps' backlog.
    HttpServer::new(move || {
        App::new()
            .app_data(api.clone())
            .route("/PWGasync", web::get().to(pwg_async))
            // Its request's headers freed once routed, as the apps' GET pages
            // do: without it, actix-http's ~7 KB header map would be most of
            // what this floor holds beyond the two libraries' buffers.
            .service(
                web::resource("/ProductsAsync")
                    .wrap(from_fn(|mut request: ServiceRequest, next: Next<_>| {
                        service_kit::http::drop_headers(&mut request);
                        next.call(request)
                    }))
                    .route(web::get().to(products_async)),
            )
    })
    .backlog(4096)
    .bind(("127.0.0.1", port))?
    .run()
    .await
}
