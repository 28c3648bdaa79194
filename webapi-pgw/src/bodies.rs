//! The answers that never change, serialised once.
//!
//! Products and widgets are the same on every call (the sample generated them
//! "as if from a database", but from constants), so their JSON and XML, for
//! the collection and for each item, are written when the API starts and each
//! call answers with a reference-counted copy: no allocation, no serialiser.
//! Gizmos carry the time of the call and a random quantity, so they are still
//! serialised per call (`routes/api.rs`). A test checks the stored bytes are
//! exactly what serialising on each call would give.

use actix_web::web::Bytes;
use serde::Serialize;
use shared_models::{Resource, catalog};

use crate::conneg::MediaType;
use crate::xml::{self, DataContract};

/// The fixed answers of products and widgets.
#[derive(Debug)]
pub struct Bodies {
    products: Fixed,
    widgets: Fixed,
}

/// One resource's answers: the collection and each item, in JSON and in XML.
#[derive(Debug)]
struct Fixed {
    collection: InBoth,
    items: Vec<(i32, InBoth)>,
}

#[derive(Debug)]
struct InBoth {
    json: Bytes,
    xml: Bytes,
}

impl Default for Bodies {
    fn default() -> Self {
        Bodies::new()
    }
}

impl Bodies {
    /// Serialises every fixed answer.
    pub fn new() -> Bodies {
        Bodies {
            products: Fixed::of(&catalog::products(), |p| p.id),
            widgets: Fixed::of(&catalog::widgets(), |w| w.id),
        }
    }

    /// The whole collection of `resource` in `media`; `None` for gizmos, which change.
    pub fn collection(&self, resource: Resource, media: MediaType) -> Option<Bytes> {
        self.fixed(resource).map(|fixed| fixed.collection.get(media))
    }

    /// Item `id` of `resource` in `media`: `None` for gizmos, `Some(None)` for
    /// an id the catalog does not hold.
    pub fn item(&self, resource: Resource, id: i32, media: MediaType) -> Option<Option<Bytes>> {
        let fixed = self.fixed(resource)?;
        Some(fixed.items.iter().find(|(item, _)| *item == id).map(|(_, both)| both.get(media)))
    }

    fn fixed(&self, resource: Resource) -> Option<&Fixed> {
        match resource {
            Resource::Products => Some(&self.products),
            Resource::Widgets => Some(&self.widgets),
            Resource::Gizmos => None,
        }
    }
}

impl Fixed {
    fn of<T: Serialize + DataContract>(items: &[T], id: impl Fn(&T) -> i32) -> Fixed {
        Fixed {
            collection: InBoth::of(|media| many(media, items)),
            items: items.iter().map(|item| (id(item), InBoth::of(|media| one(media, item)))).collect(),
        }
    }
}

impl InBoth {
    /// One answer written both ways (JSON for `application/json` and `text/json`
    /// alike, XML for both XML types).
    fn of(write: impl Fn(MediaType) -> Vec<u8>) -> InBoth {
        InBoth { json: write(MediaType::ApplicationJson).into(), xml: write(MediaType::ApplicationXml).into() }
    }

    fn get(&self, media: MediaType) -> Bytes {
        if media.is_xml() { self.xml.clone() } else { self.json.clone() }
    }
}

/// A collection in the negotiated media type.
pub fn many<T: Serialize + DataContract>(media: MediaType, items: &[T]) -> Vec<u8> {
    // Serializing these plain structs cannot fail; an empty body would show it if it did.
    if media.is_xml() { xml::many(items) } else { serde_json::to_vec(items).unwrap_or_default() }
}

/// One item in the negotiated media type.
pub fn one<T: Serialize + DataContract>(media: MediaType, item: &T) -> Vec<u8> {
    if media.is_xml() { xml::one(item) } else { serde_json::to_vec(item).unwrap_or_default() }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MEDIA: [MediaType; 4] =
        [MediaType::ApplicationJson, MediaType::TextJson, MediaType::ApplicationXml, MediaType::TextXml];

    #[test]
    fn the_stored_answers_are_what_serialising_each_call_gives() {
        let bodies = Bodies::new();
        for media in MEDIA {
            assert_eq!(bodies.collection(Resource::Products, media).unwrap(), many(media, &catalog::products()));
            assert_eq!(bodies.collection(Resource::Widgets, media).unwrap(), many(media, &catalog::widgets()));
            for product in catalog::products() {
                assert_eq!(bodies.item(Resource::Products, product.id, media).unwrap().unwrap(), one(media, &product));
            }
            for widget in catalog::widgets() {
                assert_eq!(bodies.item(Resource::Widgets, widget.id, media).unwrap().unwrap(), one(media, &widget));
            }
        }
    }

    #[test]
    fn gizmos_are_not_stored_and_unknown_items_are_none() {
        let bodies = Bodies::new();
        assert!(bodies.collection(Resource::Gizmos, MediaType::ApplicationJson).is_none());
        assert!(bodies.item(Resource::Gizmos, 1, MediaType::ApplicationJson).is_none());
        assert_eq!(bodies.item(Resource::Products, 99, MediaType::ApplicationJson), Some(None));
    }

    #[test]
    fn json_and_xml_differ() {
        let bodies = Bodies::new();
        let json = bodies.collection(Resource::Products, MediaType::ApplicationJson).unwrap();
        let xml = bodies.collection(Resource::Products, MediaType::TextXml).unwrap();
        assert!(json.starts_with(b"[{") && xml.starts_with(b"<"), "{json:?} {xml:?}");
    }
}
