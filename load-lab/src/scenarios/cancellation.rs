//! Scenario 5: page timeouts cancel the pending call, and the Web API sees it.

use std::time::{Duration, Instant};

use webapi_pgw::metrics::Outcome;

use crate::failure::Failure;
use crate::load::{burst, client};
use crate::report::{Section, table};
use crate::scenarios::Scale;
use crate::services::{App, Page, settings, start_api, start_app};

pub async fn run(scale: Scale) -> Result<Section, Failure> {
    let loads = scale.pick(200, 10);
    let client = client();
    let mut rows = Vec::new();
    for (app, limit_ms) in [(App::WebForms, 1000.0_f64), (App::Mvc, 150.0)] {
        // The sample's random 500-1500 ms delays, seeded; a fresh API per app keeps its counts apart.
        let api = start_api(500, 1500)?;
        let running = start_app(app, settings(&api.url, 64, 1000, None))?;
        let label = format!("{} {}", app.name(), app.path(Page::GizmosCancelAsync));
        let load = burst(&client, &label, &running.url(app, Page::GizmosCancelAsync), loads, 50).await;
        let summary = load.summary();
        // The API notices each hang-up within milliseconds; allow it a moment.
        let started = Instant::now();
        let cancelled = || api.metrics.requests("gizmos", Outcome::Cancelled);
        let settled = || cancelled() + api.metrics.requests("gizmos", Outcome::Completed) >= loads as u64;
        while !settled() && started.elapsed() < Duration::from_secs(3) {
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        let expected = ((1500.0_f64 - limit_ms.max(500.0)) / 1000.0).clamp(0.0, 1.0) * 100.0;
        let (cancelled, completed) = (cancelled(), api.metrics.requests("gizmos", Outcome::Completed));
        // A call the API finished a moment before the page's limit, whose answer
        // still arrived after it, times the page out without being cancelled.
        let too_late = (summary.timed_out as u64).saturating_sub(cancelled);
        let every_call_accounted = cancelled + completed == loads as u64 && cancelled <= summary.timed_out as u64;
        rows.push(vec![
            label,
            format!("{limit_ms:.0} ms"),
            loads.to_string(),
            format!("{expected:.0} %"),
            format!("{} ({:.0} %)", summary.timed_out, 100.0 * summary.timed_out as f64 / loads as f64),
            cancelled.to_string(),
            too_late.to_string(),
            completed.to_string(),
            if every_call_accounted { "yes".into() } else { "**no**".into() },
        ]);
    }
    let body = format!(
        "{loads} loads of each app's GizmosCancelAsync, 50 at a time, against the sample's uniform 500–1500 ms \
         delays (seeded).\n\n{}\nEvery timed-out page dropped its pending call; the dropped call closed its \
         connection; the Web API saw the hang-up and stopped its delay, counting the call `cancelled`. A call the \
         API finished a moment before the page's limit, but whose answer arrived after it, times the page out \
         without anything left to cancel (\"answered too late\"). The last column checks that every call was \
         either completed or cancelled at the API, none left running, and none cancelled without a timeout. (The \
         MVC action's 150 ms limit is below the shortest delay, so it always times out, as in the sample.)\n",
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
        title: "5. Cancellation reaches the Web API".into(),
        claim: "a page-level timeout cancels the pending backend call and shows a friendly timeout page; the \
                cancellation is passed on to the Web API, which stops its own work. With 500–1500 ms delays about \
                half the loads of GizmosCancelAsync (1 s) time out."
            .into(),
        body,
        charts: Vec::new(),
    })
}
