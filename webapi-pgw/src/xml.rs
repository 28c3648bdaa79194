//! The models in XML as ASP.NET Web API's XML formatter wrote them: through the
//! DataContractSerializer.
//!
//! The sample's models are plain classes (no `[DataContract]`), so the
//! serializer took every public property, ordered as a data contract orders
//! members without an `Order`: alphabetically by name. For a gizmo that is Id,
//! IntroducedDate, Name, Quantity, not the JSON's declaration order. The root is
//! the type's name (`Product`) or `ArrayOf` + it for a collection, in the models'
//! CLR namespace, with the `i` prefix for XML Schema instance declared beside it;
//! Web API omitted the XML declaration:
//!
//! ```xml
//! <ArrayOfProduct xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns="http://schemas.datacontract.org/2004/07/WebAPIpgw.Models"><Product><Id>1</Id><Name>Product 1</Name><Price>1.99</Price></Product>...</ArrayOfProduct>
//! ```
//!
//! Values as `XmlConvert` wrote them: a `decimal` as its plain digits (`1.99`),
//! a local `DateTime` as `xs:dateTime` with up to seven fractional digits and the
//! offset, the same text Json.NET wrote.

use std::io;

use quick_xml::Writer;
use quick_xml::events::BytesText;
use shared_models::wire::local_date_time;
use shared_models::{Gizmo, Product, Widget};

/// The XML Schema instance namespace, declared as `i` on every root.
pub const XSI: &str = "http://www.w3.org/2001/XMLSchema-instance";

/// The data contract namespace of the sample's models: `http://schemas.datacontract.org/2004/07/`
/// and their CLR namespace, `WebAPIpgw.Models`.
pub const NAMESPACE: &str = "http://schemas.datacontract.org/2004/07/WebAPIpgw.Models";

/// A type the DataContractSerializer wrote: its name and its members, in data
/// contract order, as text.
pub trait DataContract {
    /// The contract's name: the class name.
    const NAME: &'static str;

    /// Each member's name and value, in data contract order (alphabetical).
    fn members(&self) -> Vec<(&'static str, String)>;
}

impl DataContract for Product {
    const NAME: &'static str = "Product";

    fn members(&self) -> Vec<(&'static str, String)> {
        vec![("Id", self.id.to_string()), ("Name", self.name.clone()), ("Price", self.price.to_string())]
    }
}

impl DataContract for Widget {
    const NAME: &'static str = "Widget";

    fn members(&self) -> Vec<(&'static str, String)> {
        vec![("Id", self.id.to_string()), ("Name", self.name.clone()), ("Price", self.price.to_string())]
    }
}

impl DataContract for Gizmo {
    const NAME: &'static str = "Gizmo";

    fn members(&self) -> Vec<(&'static str, String)> {
        let date = &self.introduced_date;
        vec![
            ("Id", self.id.to_string()),
            ("IntroducedDate", local_date_time::format(date, local_date_time::local_offset(date))),
            ("Name", self.name.clone()),
            ("Quantity", self.quantity.to_string()),
        ]
    }
}

/// One item: `<Product xmlns:i=… xmlns=…><Id>1</Id>…</Product>`.
pub fn one<T: DataContract>(item: &T) -> Vec<u8> {
    document(T::NAME, |writer| write_members(writer, item))
}

/// A collection: `<ArrayOfProduct xmlns:i=… xmlns=…><Product>…</Product>…</ArrayOfProduct>`.
pub fn many<T: DataContract>(items: &[T]) -> Vec<u8> {
    document(&format!("ArrayOf{}", T::NAME), |writer| {
        for item in items {
            writer.create_element(T::NAME).write_inner_content(|writer| write_members(writer, item))?;
        }
        Ok(())
    })
}

/// The root element with its namespaces, around what `content` writes.
fn document(root: &str, content: impl FnOnce(&mut Writer<Vec<u8>>) -> io::Result<()>) -> Vec<u8> {
    let mut writer = Writer::new(Vec::new());
    // Writing into a Vec cannot fail.
    let _ = writer
        .create_element(root)
        .with_attributes([("xmlns:i", XSI), ("xmlns", NAMESPACE)])
        .write_inner_content(content);
    writer.into_inner()
}

fn write_members<T: DataContract>(writer: &mut Writer<Vec<u8>>, item: &T) -> io::Result<()> {
    for (name, value) in item.members() {
        writer.create_element(name).write_text_content(BytesText::new(&value))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn products_are_written_as_the_data_contract_serializer_wrote_them() {
        let xml = String::from_utf8(many(&shared_models::catalog::products())).unwrap();
        assert_eq!(
            xml,
            concat!(
                r#"<ArrayOfProduct xmlns:i="http://www.w3.org/2001/XMLSchema-instance" "#,
                r#"xmlns="http://schemas.datacontract.org/2004/07/WebAPIpgw.Models">"#,
                "<Product><Id>1</Id><Name>Product 1</Name><Price>1.99</Price></Product>",
                "<Product><Id>2</Id><Name>Product 2</Name><Price>2.99</Price></Product>",
                "</ArrayOfProduct>"
            )
        );
    }

    #[test]
    fn gizmo_members_are_in_alphabetical_order_and_text_is_escaped() {
        let date = "2012-06-01T10:49:06.4795332".parse().unwrap();
        let gizmo = Gizmo { id: 1, name: "A & <B>".into(), introduced_date: date, quantity: 42 };
        let offset = local_date_time::format(&date, local_date_time::local_offset(&date));

        let xml = String::from_utf8(one(&gizmo)).unwrap();

        let expected = format!(
            "<Gizmo xmlns:i=\"{XSI}\" xmlns=\"{NAMESPACE}\"><Id>1</Id><IntroducedDate>{offset}</IntroducedDate>\
             <Name>A &amp; &lt;B&gt;</Name><Quantity>42</Quantity></Gizmo>"
        );
        assert_eq!(xml, expected);
        assert!(offset.starts_with("2012-06-01T10:49:06.4795332"), "{offset}");
    }
}
