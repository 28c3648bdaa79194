//! UrlStatus.aspx: async user controls, and the guard against fetching other hosts.

use crate::helpers::spawn_app;

#[actix_web::test]
async fn default_controls_show_each_urls_status_and_threads() {
    let app = spawn_app(50, 4, 10);

    let (status, html, _) = app.load("/UrlStatus.aspx").await;

    assert_eq!(status, 200);
    for path in ["api/Products", "api/Widgets", "api/Gizmos", "api/NoSuchController"] {
        assert!(html.contains(path), "no control for {path}");
    }
    assert_eq!(html.matches("<td>200</td>").count(), 3, "{html}");
    assert_eq!(html.matches("<td>404</td>").count(), 1);
    assert!(html.contains("<th>Started on</th><th>Completed on</th>"));
}

#[actix_web::test]
async fn a_url_on_the_api_origin_is_checked() {
    let app = spawn_app(0, 4, 10);
    let api = app.api_url.clone();

    let (status, html, _) = app.load(&format!("/UrlStatus.aspx?url={api}api/Gizmos/2")).await;

    assert_eq!(status, 200);
    assert!(html.contains("api/Gizmos/2") && html.contains("<td>200</td>"), "{html}");
}

#[actix_web::test]
async fn any_other_url_is_refused_with_400() {
    let app = spawn_app(0, 4, 10);
    for url in ["http://169.254.169.254/latest/meta-data/", "http://example.com/", "file:///etc/passwd", "nonsense"] {
        let (status, html, _) = app.load(&format!("/UrlStatus.aspx?url={url}")).await;
        assert_eq!(status, 400, "{url}");
        assert!(html.contains("UrlStatus only checks URLs on the Web API") || html.contains("not an absolute URL"));
    }
    assert_eq!(app.api_metrics.in_flight(), 0);
}
