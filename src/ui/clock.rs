//! Where "now" comes from: the system clock, a fixed moment, or a clock a test moves.

use std::time::Duration;

use chrono::{NaiveDate, NaiveDateTime};

/// Where "now" comes from: the system clock, a fixed moment for tests and screenshots, or a
/// clock a test moves by hand.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Clock {
    /// The local system time.
    System,
    /// Always this local time (time still passes for the save delay, by the system's clock).
    Fixed(NaiveDateTime),
    /// A clock that stands still until a test moves it: the local time and the time that has
    /// passed (the save delay, retries, watching the file) both come from it.
    Manual(&'static ManualClock),
}

/// The time of a [`Clock::Manual`], moved by [`ManualClock::advance`].
#[derive(Debug)]
pub struct ManualClock {
    start: NaiveDateTime,
    now: std::sync::Mutex<NaiveDateTime>,
}

impl PartialEq for ManualClock {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self, other)
    }
}

impl Eq for ManualClock {}

impl ManualClock {
    /// A clock at `start`, for the whole run of a test (it is leaked, so that the window can
    /// hold a plain reference to it).
    pub fn leaked(start: NaiveDateTime) -> &'static Self {
        Box::leak(Box::new(Self {
            start,
            now: std::sync::Mutex::new(start),
        }))
    }

    /// Move the clock on.
    pub fn advance(&self, by: Duration) {
        if let Ok(mut now) = self.now.lock() {
            *now += chrono::Duration::from_std(by).unwrap_or_default();
        }
    }

    fn now(&self) -> NaiveDateTime {
        self.now.lock().map_or(self.start, |now| *now)
    }
}

impl Clock {
    /// The local date and time now.
    pub fn now(self) -> NaiveDateTime {
        match self {
            Self::System => chrono::Local::now().naive_local(),
            Self::Fixed(now) => now,
            Self::Manual(clock) => clock.now(),
        }
    }

    /// Today's local date.
    pub fn today(self) -> NaiveDate {
        self.now().date()
    }

    /// Time passed since a moment of this clock's own choosing, never going back: what the save
    /// delay, the retries and the watching of the file measure.
    pub fn tick(self) -> Duration {
        static START: std::sync::OnceLock<std::time::Instant> = std::sync::OnceLock::new();
        match self {
            Self::System | Self::Fixed(_) => START.get_or_init(std::time::Instant::now).elapsed(),
            Self::Manual(clock) => (clock.now() - clock.start).to_std().unwrap_or_default(),
        }
    }
}
