//! Freeing large values off the critical path.
//!
//! A parsed plan, an inventory or a report is millions of small allocations, and freeing
//! them one by one is a measurable, serial part of a large scan (tens of milliseconds for a
//! 10,000-resource plan). [`later`] hands such a value to one background thread that drops
//! it while the scan goes on. Memory is still returned promptly, so peak RSS does not grow;
//! when the process exits first, the OS reclaims what is left in one go.

use std::any::Any;
use std::sync::mpsc::{channel, Sender};
use std::sync::{Mutex, OnceLock};

type Garbage = Box<dyn Any + Send>;

/// The dropping thread's inbox; `None` when the thread could not be started.
static INBOX: OnceLock<Option<Mutex<Sender<Garbage>>>> = OnceLock::new();

fn inbox() -> Option<&'static Mutex<Sender<Garbage>>> {
    INBOX
        .get_or_init(|| {
            let (tx, rx) = channel::<Garbage>();
            std::thread::Builder::new()
                .name("complyctl-dispose".into())
                .spawn(move || {
                    for garbage in rx {
                        drop(garbage);
                    }
                })
                .ok()
                .map(|_| Mutex::new(tx))
        })
        .as_ref()
}

/// Drop `value` on the background thread (or here, when there is none).
pub fn later<T: Send + 'static>(value: T) {
    let garbage: Garbage = Box::new(value);
    let Some(inbox) = inbox() else {
        return; // `garbage` is dropped here
    };
    // A poisoned lock or a gone receiver: the value comes back and is dropped here.
    if let Ok(tx) = inbox.lock() {
        let _ = tx.send(garbage);
    }
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::Arc;
    use std::time::{Duration, Instant};

    struct Counted(Arc<AtomicUsize>);

    impl Drop for Counted {
        fn drop(&mut self) {
            self.0.fetch_add(1, Ordering::SeqCst);
        }
    }

    #[test]
    fn values_handed_over_are_dropped() {
        let dropped = Arc::new(AtomicUsize::new(0));
        for _ in 0..3 {
            super::later(Counted(dropped.clone()));
        }
        let deadline = Instant::now() + Duration::from_secs(10);
        while dropped.load(Ordering::SeqCst) < 3 && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(5));
        }
        assert_eq!(dropped.load(Ordering::SeqCst), 3);
    }
}
