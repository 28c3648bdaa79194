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

/// The blog's point: a control starts on a request thread, an I/O thread sees
/// its answer complete, and the page renders on a request thread.
#[actix_web::test]
async fn each_control_shows_a_request_thread_an_io_thread_and_a_request_thread() {
    let app = spawn_app(50, 4, 10);

    let (status, html, _) = app.load("/UrlStatus.aspx").await;

    assert_eq!(status, 200);
    let row = html.split("<tbody>").nth(1).unwrap().split("</tr>").next().unwrap();
    let cells: Vec<&str> = row.split("<td>").skip(1).map(|c| c.split('<').next().unwrap()).collect();
    assert!(cells[1].starts_with("request thread #"), "started on: {row}");
    assert!(cells[2].starts_with("I/O thread #"), "completed on: {row}");
    assert!(row.contains("</td><td>request thread #"), "rendered on a request thread: {row}");
}

/// RegisterAsyncTask ran Task-based tasks one after another in ASP.NET 4.5;
/// `executeInParallel` (here `?parallel=1`) runs them at once.
#[actix_web::test]
async fn registered_tasks_run_one_after_another_unless_registered_as_parallel() {
    const DELAY_MS: u64 = 300;
    let app = spawn_app(DELAY_MS, 4, 10);

    let (serial_status, serial_html, serial) = app.load("/UrlStatus.aspx").await;
    let (parallel_status, parallel_html, parallel) = app.load("/UrlStatus.aspx?parallel=1").await;

    assert_eq!((serial_status, parallel_status), (200, 200));
    // Three controls wait out the delay; the fourth (a 404) answers at once.
    let three_delays = std::time::Duration::from_millis(3 * DELAY_MS);
    assert!(serial >= three_delays, "three delays one after another: {serial:?}");
    assert!(parallel < three_delays * 2 / 3, "three delays at once: {parallel:?}");
    assert!(serial_html.contains("They ran one after another"));
    assert!(parallel_html.contains("registered as parallel (executeInParallel)"));
}
