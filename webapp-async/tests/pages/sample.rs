//! The pages against the sample's WebAppAsync, point by point: its titles,
//! headings, order and formats, each quoted from its `.aspx` (RickAndMSFT/Async-ASP.NET).

use chrono::NaiveDateTime;

use crate::helpers::spawn_app;

/// The text between `<{tag}>` and `</{tag}>`, the first time.
fn first(html: &str, tag: &str) -> String {
    let open = format!("<{tag}>");
    let start = html.find(&open).unwrap_or_else(|| panic!("no <{tag}> in:\n{html}")) + open.len();
    html[start..].split(&format!("</{tag}>")).next().unwrap().to_owned()
}

/// Where `needle` is in `html`; panics if it is not.
fn at(html: &str, needle: &str) -> usize {
    html.find(needle).unwrap_or_else(|| panic!("{needle} is missing from:\n{html}"))
}

/// Each list page's `<title>` and `<h1>`, as the sample's:
///
/// - Products.aspx: `<title>Products</title>` and `<h1>Sync Products</h1>`
/// - ProductsAsync.aspx: `<title>Products Asynchronous</title>`, no heading
/// - Widgets.aspx: `<title>Sync Widgets</title>`, no heading
/// - WidgetsAsync.aspx: `<title></title>`, no heading
/// - Gizmos.aspx: `<title>Sync Gizmos</title>`, no heading
/// - GizmosAsync.aspx: `<title>Gizmos Async</title>` and `<h1>Gizmos Async</h1>`
///
/// Where the sample had no heading its title heads the page; where it had no
/// title either, the page's name does. The app's name follows each title, as
/// it followed the sample's Site.Master titles.
#[actix_web::test]
async fn list_pages_carry_the_samples_titles_and_headings() {
    let app = spawn_app(0, 4, 10);
    for (path, title, heading) in [
        ("/Products.aspx", "Products", "Sync Products"),
        ("/ProductsAsync.aspx", "Products Asynchronous", "Products Asynchronous"),
        ("/Widgets.aspx", "Sync Widgets", "Sync Widgets"),
        ("/WidgetsAsync.aspx", "WidgetsAsync", "WidgetsAsync"),
        ("/Gizmos.aspx", "Sync Gizmos", "Sync Gizmos"),
        ("/GizmosAsync.aspx", "Gizmos Async", "Gizmos Async"),
    ] {
        let (status, html, _) = app.load(path).await;
        assert_eq!(status, 200, "{path}");
        assert_eq!(first(&html, "title"), format!("{title} – WebAppAsync"), "{path}");
        assert!(html.contains(&format!("<main><h1>{heading}</h1>")), "{path} starts with its heading:\n{html}");
    }
}

/// PWGasync.aspx's headings, in its order:
///
/// ```text
/// <h2>Asynchronous Widgets, Products, and Gizmos</h2>
/// <h3>Widgets</h3>
/// <asp:GridView ID="WidgetGridView" ...
/// <h3>Products</h3>
/// <asp:GridView ID="ProductGridView" ...
/// <h3>Gizmos</h3>
/// <asp:GridView ID="GizmoGridView" ...
/// ```
#[actix_web::test]
async fn pwgasync_has_the_samples_h2_and_an_h3_over_each_grid_in_its_order() {
    let app = spawn_app(0, 4, 10);

    let (status, html, _) = app.load("/PWGasync.aspx").await;

    assert_eq!(status, 200);
    assert!(html.contains("<main><h2>Asynchronous Widgets, Products, and Gizmos</h2>"), "{html}");
    let order = ["<h3>Widgets</h3>", "Widget 1", "<h3>Products</h3>", "Product 1", "<h3>Gizmos</h3>", "Gizmo 1"];
    let positions: Vec<usize> = order.iter().map(|needle| at(&html, needle)).collect();
    assert!(positions.is_sorted(), "widgets, then products, then gizmos: {order:?} at {positions:?}");
}

/// PWG.aspx's grids, in its order (it had no headings):
///
/// ```text
/// <asp:GridView ID="WidgetGridView" runat="server" AutoGenerateColumns="true" ItemType="WebAppAsync.Models.Widget"></asp:GridView>
/// <asp:GridView ID="ProductGridView" runat="server" AutoGenerateColumns="true" ItemType="WebAppAsync.Models.Product"></asp:GridView>
/// <asp:GridView ID="GizmoGridView" runat="server" AutoGenerateColumns="true" ItemType="WebAppAsync.Models.Gizmo"></asp:GridView>
/// ```
#[actix_web::test]
async fn pwg_shows_widgets_then_products_then_gizmos() {
    let app = spawn_app(0, 4, 10);

    let (status, html, _) = app.load("/PWG.aspx").await;

    assert_eq!(status, 200);
    assert!(html.contains("<main><h1>PWG</h1>"), "{html}");
    let order = ["<h2>Widgets</h2>", "Widget 1", "<h2>Products</h2>", "Product 1", "<h2>Gizmos</h2>", "Gizmo 1"];
    let positions: Vec<usize> = order.iter().map(|needle| at(&html, needle)).collect();
    assert!(positions.is_sorted(), "widgets, then products, then gizmos: {order:?} at {positions:?}");
}

/// The calls start in the sample's order, on both pages (the waterfall lists
/// them by start). PWG.aspx.cs:
///
/// ```text
/// var pwgVM = new ProdGizWidgetVM(
///     widgetService.GetWidgets(),
///     prodService.GetProducts(),
///     gizmoService.GetGizmos()
/// ```
///
/// PWGasync.aspx.cs:
///
/// ```text
/// var widgetTask = widgetService.GetWidgetsAsync();
/// var prodTask = prodService.GetProductsAsync();
/// var gizmoTask = gizmoService.GetGizmosAsync();
/// ```
#[actix_web::test]
async fn the_calls_start_widgets_then_products_then_gizmos() {
    let app = spawn_app(20, 4, 10);
    for path in ["/PWG.aspx", "/PWGasync.aspx"] {
        let (status, html, _) = app.load(path).await;
        assert_eq!(status, 200, "{path}");
        let waterfall = &html[at(&html, "<figure class=\"waterfall\"")..];
        let waterfall = &waterfall[..at(waterfall, "</figure>")];
        let positions: Vec<usize> = [">Widgets<", ">Products<", ">Gizmos<"].iter().map(|l| at(waterfall, l)).collect();
        assert!(positions.is_sorted(), "{path}: widgets, products, gizmos in the waterfall: {waterfall}");
    }
}

/// A GridView's `DateTime` cells as `DateTime.ToString()` wrote them on the
/// sample's en-US servers: `11/28/2026 7:30:09 PM`. The sample's model:
///
/// ```text
/// public DateTime IntroducedDate { get; set; }
/// ```
///
/// bound by `<asp:GridView ... AutoGenerateColumns="true" ItemType="WebAppAsync.Models.Gizmo">`.
#[actix_web::test]
async fn gizmo_dates_read_as_a_gridview_showed_them_under_en_us() {
    let app = spawn_app(0, 4, 10);
    let api_json: serde_json::Value = app
        .client
        .get(format!("{}api/gizmos", app.api_url))
        .header("Accept", "application/json")
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let api_first = api_json[0]["IntroducedDate"].as_str().unwrap().to_owned();
    let api_first = api_first.get(..19).unwrap().parse::<NaiveDateTime>().unwrap();

    for path in ["/Gizmos.aspx", "/GizmosAsync.aspx", "/PWG.aspx", "/PWGasync.aspx"] {
        let (status, html, _) = app.load(path).await;
        assert_eq!(status, 200, "{path}");
        let row = &html[at(&html, "<td>Gizmo 1</td>")..];
        let cell = row.split("<td>").nth(2).unwrap().split("</td>").next().unwrap();
        let shown = NaiveDateTime::parse_from_str(cell, "%m/%d/%Y %I:%M:%S %p")
            .unwrap_or_else(|e| panic!("{path}: `{cell}` is not an en-US date and time: {e}"));
        assert_eq!(shown.format("%-m/%-d/%Y %-I:%M:%S %p").to_string(), cell, "{path}: no leading zeros");
        let apart = (shown - api_first).num_seconds().abs();
        assert!(apart < 60, "{path}: `{cell}` is the API's {api_first}");
    }
}

/// TimeoutErrorPage.aspx: its title and heading, with nothing of the page's
/// own above the heading (the master's menu frames it, as on every page):
///
/// ```text
/// <title>Friendly Timeout Page</title>
/// ...
/// <h1>Friendly Timeout Page</h1>
/// ```
#[actix_web::test]
async fn the_timeout_page_starts_with_friendly_timeout_page() {
    let app = spawn_app(3_000, 4, 10);
    for (path, status) in [("/TimeoutErrorPage.aspx", 200), ("/GizmosCancelAsync.aspx", 504)] {
        let (got, html, _) = app.load(path).await;
        assert_eq!(got, status, "{path}");
        assert_eq!(first(&html, "title"), "Friendly Timeout Page – WebAppAsync", "{path}");
        assert!(html.contains("<main><h1>Friendly Timeout Page</h1>"), "{path}:\n{html}");
    }
}
