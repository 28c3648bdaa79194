//! The OpenAPI document at `/openapi.json` names every route the server
//! serves, and every path it names is served.

use webapi_pgw::{ApiSettings, Config};

use crate::helpers::spawn_app_with;

/// The document's path for a concrete endpoint of the index.
fn template(endpoint: &str) -> &str {
    match endpoint {
        "/api/products" | "/api/widgets" | "/api/gizmos" => "/api/{controller}",
        other => other,
    }
}

#[actix_web::test]
async fn every_route_served_is_in_the_document_and_every_path_in_it_is_served() {
    let app = spawn_app_with(Config {
        api: ApiSettings { max_delay: 750, ..Config::for_tests(0).api },
        ..Config::for_tests(0)
    });
    let document: serde_json::Value = app.get("/openapi.json").await.json().await.unwrap();
    let index: serde_json::Value = app.get("/").await.json().await.unwrap();
    let paths = document["paths"].as_object().unwrap();

    assert_eq!(document["openapi"], "3.1.0");
    assert_eq!(document["components"]["parameters"]["delay"]["schema"]["maximum"], 750, "the server's --max-delay");
    for endpoint in index["endpoints"].as_array().unwrap() {
        let endpoint = endpoint.as_str().unwrap();
        assert!(paths.contains_key(template(endpoint)), "{endpoint} is served but not in the document");
    }
    for path in paths.keys() {
        let concrete = path.replace("{controller}", "gizmos").replace("{id}", "1");
        let response = app.get(&format!("{concrete}?delay=0")).await;
        assert_eq!(response.status(), 200, "{path} is in the document but not served");
        assert!(paths[path]["get"]["responses"]["200"].is_object(), "{path} documents its 200");
    }
    // Every query parameter an API route reads is documented.
    let parameters: Vec<&str> =
        document["components"]["parameters"].as_object().unwrap().keys().map(String::as_str).collect();
    for name in ["controller", "delay", "status", "fault"] {
        assert!(parameters.contains(&name), "{name} is documented");
    }
}
