//! Counters and histograms for `/metrics` (Prometheus text format). Job states come from the
//! database at scrape time, so every instance reports the shared queue the same way.

use std::time::Duration;

use prometheus_client::encoding::EncodeLabelSet;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::metrics::histogram::Histogram;
use prometheus_client::registry::Registry;

use crate::store::jobs::Settle;

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct KindOutcome {
    kind: String,
    outcome: String,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct KindState {
    kind: String,
    state: String,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct Status {
    status: String,
}

pub struct Metrics {
    registry: Registry,
    jobs_finished: Family<KindOutcome, Counter>,
    job_seconds: Histogram,
    jobs: Family<KindState, Gauge>,
    lateness: Histogram,
    attempts: Family<KindOutcome, Counter>,
    requests: Family<Status, Counter>,
}

impl std::fmt::Debug for Metrics {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Metrics")
    }
}

impl Default for Metrics {
    fn default() -> Self {
        let mut registry = Registry::with_prefix("pressroom");
        let jobs_finished = Family::<KindOutcome, Counter>::default();
        let job_seconds = Histogram::new([0.001, 0.005, 0.025, 0.1, 0.5, 1.0, 5.0, 30.0]);
        let jobs = Family::<KindState, Gauge>::default();
        let lateness = Histogram::new([0.1, 0.25, 0.5, 1.0, 2.0, 5.0, 15.0, 60.0, 300.0]);
        let attempts = Family::<KindOutcome, Counter>::default();
        let requests = Family::<Status, Counter>::default();
        registry.register(
            "jobs_finished",
            "Job runs by kind and how they ended",
            jobs_finished.clone(),
        );
        registry.register(
            "job_run_seconds",
            "How long job runs took",
            job_seconds.clone(),
        );
        registry.register("jobs", "Jobs in the table by kind and state", jobs.clone());
        registry.register(
            "publish_lateness_seconds",
            "Time from a variant's scheduled time to its publication",
            lateness.clone(),
        );
        registry.register(
            "publish_attempts",
            "Publication attempts by channel kind and outcome",
            attempts.clone(),
        );
        registry.register(
            "http_requests",
            "HTTP requests answered, by status code",
            requests.clone(),
        );
        Metrics {
            registry,
            jobs_finished,
            job_seconds,
            jobs,
            lateness,
            attempts,
            requests,
        }
    }
}

impl Metrics {
    pub fn job_finished(&self, kind: &str, how: &Settle, took: Duration) {
        let outcome = match how {
            Settle::Done => "done",
            Settle::Retry { .. } => "retry",
            Settle::Dead { .. } => "dead",
            Settle::Defer { .. } => "deferred",
        };
        self.jobs_finished
            .get_or_create(&KindOutcome {
                kind: kind.into(),
                outcome: outcome.into(),
            })
            .inc();
        self.job_seconds.observe(took.as_secs_f64());
    }

    pub fn publish_attempt(&self, channel_kind: &str, outcome: &str) {
        self.attempts
            .get_or_create(&KindOutcome {
                kind: channel_kind.into(),
                outcome: outcome.into(),
            })
            .inc();
    }

    pub fn published_late_by(&self, seconds: f64) {
        self.lateness.observe(seconds.max(0.0));
    }

    pub fn request(&self, status: u16) {
        self.requests
            .get_or_create(&Status {
                status: status.to_string(),
            })
            .inc();
    }

    /// The text to serve, with job counts as read now from the shared table.
    pub fn encode(&self, job_counts: &[(String, String, i64)]) -> String {
        self.jobs.clear();
        for (kind, state, n) in job_counts {
            self.jobs
                .get_or_create(&KindState {
                    kind: kind.clone(),
                    state: state.clone(),
                })
                .set(*n);
        }
        let mut out = String::new();
        prometheus_client::encoding::text::encode(&mut out, &self.registry)
            .expect("writing to a String cannot fail");
        out
    }
}
