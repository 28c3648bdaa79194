//! Scenario 5: page timeouts cancel the pending call, and the Web API sees it.

use std::time::{Duration, Instant};

use crate::failure::Failure;
use crate::lab::{Api, Lab};
use crate::load::{burst, client};
use crate::report::{Section, table};
use crate::scenarios::Scale;
use crate::services::{App, Page, settings};

pub async fn run(scale: Scale, lab: &Lab) -> Result<Section, Failure> {
    let loads = scale.pick(200, 10);
    let client = client();
    let mut rows = Vec::new();
    let mut delays = String::new();
    for (app, limit_ms) in [(App::WebForms, 1000.0_f64), (App::Mvc, 150.0)] {
        // The sample's random 500-1500 ms delays, seeded; a fresh API per app keeps its counts apart
        // (a running API's counts are taken before and after).
        let api = lab.api(500, 1500)?;
        delays.clone_from(&api.delays);
        let running = lab.app(app, settings(&api.url, 64, 1000, None))?;
        let label = format!("{} {}", app.name(), app.path(Page::GizmosCancelAsync));
        let before = Counts::read(&api, &client).await;
        let load = burst(&client, &label, &running.url(Page::GizmosCancelAsync), loads, 50).await;
        let summary = load.summary();
        // The API notices each hang-up within milliseconds; allow it a moment.
        let started = Instant::now();
        let mut counts = Counts::read(&api, &client).await.since(before);
        while counts.cancelled + counts.completed < loads as u64 && started.elapsed() < Duration::from_secs(3) {
            tokio::time::sleep(Duration::from_millis(20)).await;
            counts = Counts::read(&api, &client).await.since(before);
        }
        let expected = if lab.is_own() {
            format!("{:.0} %", ((1500.0_f64 - limit_ms.max(500.0)) / 1000.0).clamp(0.0, 1.0) * 100.0)
        } else {
            "?".into()
        };
        let Counts { cancelled, completed } = counts;
        // A call the API finished a moment before the page's limit, whose answer
        // still arrived after it, times the page out without being cancelled.
        let too_late = (summary.timed_out as u64).saturating_sub(cancelled);
        let every_call_accounted = cancelled + completed == loads as u64 && cancelled <= summary.timed_out as u64;
        rows.push(vec![
            label,
            format!("{limit_ms:.0} ms"),
            loads.to_string(),
            expected,
            format!("{} ({:.0} %)", summary.timed_out, 100.0 * summary.timed_out as f64 / loads as f64),
            cancelled.to_string(),
            too_late.to_string(),
            completed.to_string(),
            if every_call_accounted { "yes".into() } else { "**no**".into() },
        ]);
    }
    let body = format!(
        "{loads} loads of each app's GizmosCancelAsync, 50 at a time, against {delays}.{}\n\n{}\nEvery timed-out page dropped its pending call; the dropped call closed its \
         connection; the Web API saw the hang-up and stopped its delay, counting the call `cancelled`. A call the \
         API finished a moment before the page's limit, but whose answer arrived after it, times the page out \
         without anything left to cancel (\"answered too late\"). The last column checks that every call was \
         either completed or cancelled at the API, none left running, and none cancelled without a timeout. (The \
         MVC action's 150 ms limit is below the shortest delay, so it always times out, as in the sample.)\n",
        if lab.is_own() {
            ""
        } else {
            " The API's counts are the change in its `/metrics` over each burst, so they hold only if the apps call \
             that API and nothing else calls it meanwhile; the expected share of timeouts depends on its delays."
        },
        table(
            &[
                "page",
                "AsyncTimeout",
                "loads",
                "expected timeouts",
                "timed out (504)",
                "API cancelled",
                "answered too late",
                "API completed",
                "no call left running"
            ],
            &rows
        )
    );
    Ok(Section {
        title: super::title(5),
        claim: "a page-level timeout cancels the pending backend call and shows a friendly timeout page; the \
                cancellation is passed on to the Web API, which stops its own work. With 500–1500 ms delays about \
                half the loads of GizmosCancelAsync (1 s) time out."
            .into(),
        body,
        charts: Vec::new(),
    })
}

/// The API's gizmos calls by outcome, from its `/metrics`.
#[derive(Clone, Copy)]
struct Counts {
    cancelled: u64,
    completed: u64,
}

impl Counts {
    async fn read(api: &Api, client: &reqwest::Client) -> Counts {
        Counts {
            cancelled: api.requests(client, "gizmos", "cancelled").await,
            completed: api.requests(client, "gizmos", "completed").await,
        }
    }

    fn since(self, before: Counts) -> Counts {
        Counts {
            cancelled: self.cancelled.saturating_sub(before.cancelled),
            completed: self.completed.saturating_sub(before.completed),
        }
    }
}
