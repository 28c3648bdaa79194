//! The views against the sample's Mvc4Async, point by point: its text, order
//! and formats, each quoted from its `.cshtml` (RickAndMSFT/Async-ASP.NET).

use crate::helpers::{build, dead_api_url, elapsed_seconds, spawn_app};

/// Where `needle` is in `html`; panics if it is not.
fn at(html: &str, needle: &str) -> usize {
    html.find(needle).unwrap_or_else(|| panic!("{needle} is missing from:\n{html}"))
}

/// Every `<time datetime="YYYY-MM-DD">shown</time>` of the page, as (attribute, shown).
fn dates(html: &str) -> Vec<(String, String)> {
    html.split("<time datetime=\"")
        .skip(1)
        .map(|rest| {
            let (attribute, rest) = rest.split_once("\">").unwrap();
            (attribute.to_owned(), rest.split("</time>").next().unwrap().to_owned())
        })
        .collect()
}

/// `{0:d}` under en-US, from an ISO date: `2026-01-05` is `1/5/2026`.
fn en_us_short(iso: &str) -> String {
    let parts: Vec<u32> = iso.split('-').map(|p| p.parse().unwrap()).collect();
    format!("{}/{}/{}", parts[1], parts[2], parts[0])
}

/// PWG.cshtml, in its order: "Synch Type:" first, then the product, widget
/// and gizmo lists; the gizmos' columns Name, Quantity, Intro Date:
///
/// ```text
/// <h2> Synch Type: @ViewBag.SyncType </h2>
/// <h2>Product List</h2>
/// <h2>Widget  List</h2>
/// <h2>Gizmo List </h2>
/// <th>            Name        </th>
/// <th>            Quantity        </th>
/// <th>  &nbsp; &nbsp; &nbsp;           Intro Date        </th>
/// ```
#[actix_web::test]
async fn the_pwg_view_follows_the_samples_order_and_columns() {
    let app = spawn_app(0, 4, 10);
    for (path, synch_type) in [("/Home/PWG", "Synchronous"), ("/Home/PWGasync", "Asynchronous")] {
        let (status, html, _) = app.load(path).await;
        assert_eq!(status, 200, "{path}");
        assert!(html.contains(&format!("<main><h2>Synch Type: {synch_type}</h2>")), "{path}:\n{html}");
        let order = ["<h2>Product List</h2>", "Product 1", "<h2>Widget List</h2>", "Widget 1", "<h2>Gizmo List</h2>"];
        let positions: Vec<usize> = order.iter().map(|needle| at(&html, needle)).collect();
        assert!(positions.is_sorted(), "{path}: {order:?} at {positions:?}");
        let gizmos = &html[at(&html, "<h2>Gizmo List</h2>")..];
        assert!(gizmos.contains("<th>Name</th><th>Quantity</th><th>Intro Date</th>"), "{path}:\n{gizmos}");
        assert!(gizmos.contains("<td>Gizmo 1</td><td class=\"number\">"), "{path}: the name, then the quantity");
    }
}

/// The Gizmos view's dates (and PWG's): `DisplayFor` of a
/// `[DataType(DataType.Date)]` property renders `{0:d}`, en-US `11/28/2026`.
///
/// ```text
/// [DataType(DataType.Date)]
/// public DateTime IntroducedDate { get; set; }
/// ...
/// @Html.DisplayFor(modelItem => item.IntroducedDate)
/// ```
#[actix_web::test]
async fn gizmo_dates_are_en_us_short_dates() {
    let app = spawn_app(0, 4, 10);
    for path in ["/Home/Gizmos", "/Home/GizmosAsync", "/Home/PWG"] {
        let (_, html, _) = app.load(path).await;
        let dates = dates(&html);
        assert_eq!(dates.len(), 3, "{path}: one date per gizmo");
        for (iso, shown) in dates {
            assert_eq!(iso.len(), 10, "{path}: a date, no time of day: {iso}");
            assert_eq!(shown, en_us_short(&iso), "{path}");
        }
    }
    assert_eq!(en_us_short("2026-01-05"), "1/5/2026");
}

/// The list views' headings, `<h2>@ViewBag.Title  @ViewBag.SyncOrAsync</h2>`
/// with `ViewBag.Title = "Gizmos";`, and the Gizmos view's columns:
///
/// ```text
/// @Html.DisplayNameFor(model => model.Name)
/// Introduced
/// @Html.DisplayNameFor(model => model.Quantity)
/// ```
#[actix_web::test]
async fn the_list_views_have_the_samples_headings_and_columns() {
    let app = spawn_app(0, 4, 10);
    for (path, title, heading) in [
        ("/Home/Gizmos", "Gizmos", "Gizmos Synchronous"),
        ("/Home/ProductsAsync", "Products", "Products Asynchronous"),
        ("/Home/Widgets", "Widgets", "Widgets Synchronous"),
    ] {
        let (_, html, _) = app.load(path).await;
        assert!(html.contains(&format!("<title>{title} – Mvc4Async</title>")), "{path}");
        assert!(html.contains(&format!("<main><h2>{heading}</h2>")), "{path}:\n{html}");
    }
    let (_, html, _) = app.load("/Home/Gizmos").await;
    assert!(html.contains("<th>Name</th><th>Introduced</th><th>Quantity</th>"), "{html}");
}

/// `_links.cshtml`: its groups, headings and separators (the first group has
/// one after its last link too), and this project's group in the same style:
///
/// ```text
/// <h3>All Products Widgets Gizmos</h3>
///       @Html.ActionLink("Async PWG ", "PWGasync") &nbsp;||&nbsp;
///      @Html.ActionLink("Sync PWG", "PWG") &nbsp;||&nbsp;
/// <h3> Asynchronous Versions</h3>
///       @Html.ActionLink("Widgets Async", "WidgetsAsync") &nbsp;||&nbsp;
///        @Html.ActionLink("Gizmos Async", "GizmosAsync") &nbsp;||&nbsp;
///         @Html.ActionLink("Products Async", "ProductsAsync")
/// <h3> Synchronous Versions</h3>
///        @Html.ActionLink("Sync Widgets", "Widgets") &nbsp;||&nbsp;
///        @Html.ActionLink("Sync Gizmos", "Gizmos") &nbsp;||&nbsp;
///         @Html.ActionLink("Sync Products", "Products")
/// <div>
///          @Html.ActionLink("Gizmos Cancellation Token", "GizmosCancelAsync")  &nbsp;||&nbsp;
///      @Html.ActionLink("PWGtimeOut Cancellation", "PWGtimeOut")
/// </div>
/// ```
#[actix_web::test]
async fn the_links_partial_is_the_samples() {
    let app = spawn_app(0, 4, 10);

    let (_, html, _) = app.load("/Home/Products").await;

    let sep = " &nbsp;||&nbsp; ";
    for group in [
        format!(
            r#"<div><h3>All Products Widgets Gizmos</h3><a href="/Home/PWGasync">Async PWG</a>{sep}<a href="/Home/PWG">Sync PWG</a> &nbsp;||&nbsp;</div>"#
        ),
        format!(
            r#"<div><h3>Asynchronous Versions</h3><a href="/Home/WidgetsAsync">Widgets Async</a>{sep}<a href="/Home/GizmosAsync">Gizmos Async</a>{sep}<a href="/Home/ProductsAsync">Products Async</a></div>"#
        ),
        format!(
            r#"<div><h3>Synchronous Versions</h3><a href="/Home/Widgets">Sync Widgets</a>{sep}<a href="/Home/Gizmos">Sync Gizmos</a>{sep}<a href="/Home/Products">Sync Products</a></div>"#
        ),
        format!(
            r#"<div><a href="/Home/GizmosCancelAsync">Gizmos Cancellation Token</a>{sep}<a href="/Home/PWGtimeOut">PWGtimeOut Cancellation</a></div>"#
        ),
        r#"<div><h3>The request threads</h3><a href="/Home/ThreadPool">ThreadPool, live</a></div>"#.to_owned(),
    ] {
        assert!(html.contains(&group), "{group}\nis missing from:\n{html}");
    }
}

/// `Error.cshtml`, inside our layout:
///
/// ```text
/// <title>Error</title>
/// <h2>
///     Sorry, an error occurred while processing your request.
/// </h2>
/// ```
#[actix_web::test]
async fn the_error_view_has_the_samples_heading() {
    let app = test_support::spawn_app_against(build, &dead_api_url(), 4, 10);

    let (status, html, _) = app.load("/Home/Products").await;

    assert_eq!(status, 502);
    assert!(html.contains("<title>Error – Mvc4Async</title>"), "{html}");
    assert!(html.contains("<main><h2>Sorry, an error occurred while processing your request.</h2>"), "{html}");
    assert!(html.contains("could not reach the Web API"), "and what went wrong, below it");
}

/// `TimeoutError.cshtml`, its notes on customErrors included, inside our layout:
///
/// ```text
/// <h2>Timeout Error</h2>
/// <h2>
///     Your request has timed out.
/// </h2>
/// <p>For this error page to be displayed, you need the following:</p>
/// <li>Add&nbsp;&nbsp; &lt;customErrors mode=&quot;On&quot; /&gt;&nbsp; to the application root
/// web.config.</li>
/// <li>For IE, the error message must be at least 500 bytes, or you get the
/// following friendly IE error.<br><br>
/// <h2>The website cannot display the page</h2>
/// <h3>Most likely causes:</h3>
/// <li >The website is under maintenance.</li>
/// <li> The website has a programming error.</li>
/// ```
#[actix_web::test]
async fn the_timeout_error_view_has_the_samples_text() {
    let app = spawn_app(2_000, 4, 10);

    let (status, html, _) = app.load("/Home/PWGtimeOut").await;

    assert_eq!(status, 504);
    let order = [
        "<main><h2>Timeout Error</h2><h2>Your request has timed out.</h2>",
        "<p>For this error page to be displayed, you need the following:</p>",
        "<li>Add&nbsp;&nbsp; &lt;customErrors mode=&quot;On&quot; /&gt;&nbsp; to the application root web.config.</li>",
        "<li>For IE, the error message must be at least 500 bytes, or you get the following friendly IE error.<br><br>",
        "<h2>The website cannot display the page</h2><br>HTTP 500 &nbsp;<h3>Most likely causes:</h3>",
        "<li>The website is under maintenance.</li><li>The website has a programming error.</li>",
        "within its time limit of 50 ms",
    ];
    let positions: Vec<usize> = order.iter().map(|needle| at(&html, needle)).collect();
    assert!(positions.is_sorted(), "{order:?} at {positions:?}");
}

/// UseStopwatch starts before the action and stops in OnResultExecuting, so
/// "Elapsed time" covers the action's wait for the Web API:
///
/// ```text
/// public override void OnActionExecuting(ActionExecutingContext filterContext)
///     stopWatch.Start();
/// public override void OnResultExecuting(ResultExecutingContext filterContext)
///     stopWatch.Stop();
/// ```
#[actix_web::test]
async fn elapsed_time_covers_the_action() {
    let app = spawn_app(300, 4, 10);

    let (_, html, took) = app.load("/Home/GizmosAsync").await;

    let elapsed = elapsed_seconds(&html);
    assert!(elapsed >= 0.3, "the 300 ms call is inside the figure: {elapsed}");
    assert!(elapsed <= took.as_secs_f64(), "and the figure is inside the request: {elapsed} > {took:?}");
}
