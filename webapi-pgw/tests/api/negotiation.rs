//! Content negotiation as Web API did it: XML from the DataContractSerializer
//! when `Accept` asks for it (a browser's own header does), JSON otherwise.

use crate::helpers::{problem, raw_request, spawn_app};

/// The sample's products as Web API's XML formatter wrote them.
const PRODUCTS_XML: &str = concat!(
    r#"<ArrayOfProduct xmlns:i="http://www.w3.org/2001/XMLSchema-instance" "#,
    r#"xmlns="http://schemas.datacontract.org/2004/07/WebAPIpgw.Models">"#,
    "<Product><Id>1</Id><Name>Product 1</Name><Price>1.99</Price></Product>",
    "<Product><Id>2</Id><Name>Product 2</Name><Price>2.99</Price></Product>",
    "</ArrayOfProduct>"
);

const PRODUCTS_JSON: &str = r#"[{"Id":1,"Name":"Product 1","Price":1.99},{"Id":2,"Name":"Product 2","Price":2.99}]"#;

async fn get_with_accept(app: &crate::helpers::TestApp, path: &str, accept: &str) -> (String, String) {
    let response = app.client.get(format!("{}{path}", app.address)).header("accept", accept).send().await.unwrap();
    assert_eq!(response.status(), 200, "Accept: {accept}");
    let content_type = response.headers()["content-type"].to_str().unwrap().to_owned();
    (content_type, response.text().await.unwrap())
}

#[actix_web::test]
async fn xml_for_xml_and_for_a_browsers_accept_header() {
    let app = spawn_app(0);
    for (accept, content_type) in [
        ("application/xml", "application/xml; charset=utf-8"),
        ("text/xml", "text/xml; charset=utf-8"),
        ("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "application/xml; charset=utf-8"),
        ("application/json;q=0.5, application/xml", "application/xml; charset=utf-8"),
    ] {
        let answer = get_with_accept(&app, "/api/products", accept).await;
        assert_eq!(answer, (content_type.to_owned(), PRODUCTS_XML.to_owned()), "Accept: {accept}");
    }
}

#[actix_web::test]
async fn json_for_json_anything_or_an_unknown_type_and_never_406() {
    let app = spawn_app(0);
    for accept in ["application/json", "*/*", "image/png", "application/pdf;q=1, text/html", "not a media type"] {
        let answer = get_with_accept(&app, "/api/products", accept).await;
        assert_eq!(answer, ("application/json; charset=utf-8".to_owned(), PRODUCTS_JSON.to_owned()), "{accept}");
    }
    let (content_type, _) = get_with_accept(&app, "/api/products", "text/json").await;
    assert_eq!(content_type, "text/json; charset=utf-8", "Web API's JSON formatter served text/json too");
}

#[actix_web::test]
async fn json_when_the_request_has_no_accept_header() {
    let app = spawn_app(0);
    let request = "GET /api/products HTTP/1.1\r\nHost: api\r\nConnection: close\r\n\r\n";

    let answer = raw_request(&app.address, request).await;

    assert!(answer.contains("content-type: application/json; charset=utf-8\r\n"), "{answer}");
    assert!(answer.ends_with(PRODUCTS_JSON), "{answer}");
}

#[actix_web::test]
async fn one_gizmo_in_xml_has_its_members_in_data_contract_order() {
    let app = spawn_app(0);

    let (_, xml) = get_with_accept(&app, "/api/gizmos/2", "application/xml").await;

    let start = r#"<Gizmo xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns="http://schemas.datacontract.org/2004/07/WebAPIpgw.Models"><Id>2</Id><IntroducedDate>"#;
    assert!(xml.starts_with(start), "{xml}");
    let name = xml.find("<Name>Gizmo 2</Name>").unwrap();
    assert!(xml.find("</IntroducedDate>").unwrap() < name && name < xml.find("<Quantity>").unwrap(), "{xml}");
    assert!(xml.ends_with("</Quantity></Gizmo>"), "{xml}");
}

#[actix_web::test]
async fn errors_stay_problem_json_whatever_is_accepted() {
    let app = spawn_app(0);
    let missing =
        app.client.get(format!("{}/api/products/9", app.address)).header("accept", "application/xml").send().await;

    let missing = missing.unwrap();

    assert_eq!(missing.status(), 404);
    assert_eq!(problem(missing).await["detail"], "there is no product with id 9");
}
