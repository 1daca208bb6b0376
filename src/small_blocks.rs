//! Small allocations kept apart from a slower allocator: [`SmallBlocks`] serves every
//! allocation of up to [`LARGEST`] bytes (alignment at most 8) from a free list per size, 8
//! bytes apart, and passes the rest to the allocator it wraps.
//!
//! Why: the widget's allocator (`lol_alloc`'s free list, chosen for its size: dlmalloc is
//! 2.3–2.7 KB gzip more) walks one address-ordered list on every allocation and every free.
//! Yew's virtual DOM and the pricing make thousands of small ones per edit, so in a large
//! scenario that list grew to where the allocator took more time per edit than Yew's render.
//! Here a small block is taken from (or put back on) the head of its size's list: constant time.
//! A block, once carved, stays in its size's list (the page's memory never shrinks anyway).
//!
//! Single-threaded only: the lists sit in an `UnsafeCell` (the widget wraps it in
//! `lol_alloc::AssumeSingleThreaded`).

use core::alloc::{GlobalAlloc, Layout};
use core::cell::UnsafeCell;
use core::ptr::null_mut;

/// The largest size (bytes) served from the lists; larger ones go to the wrapped allocator.
pub const LARGEST: usize = 128;
/// Sizes of the lists are multiples of this, which is also the blocks' alignment.
const STEP: usize = 8;
/// One list per size: 8, 16, ..., [`LARGEST`].
const LISTS: usize = LARGEST / STEP;

/// An allocator that keeps small blocks in free lists per size in front of `A`.
pub struct SmallBlocks<A> {
    inner: A,
    /// Each size's first free block; a free block's first word is the next one (null: none).
    heads: UnsafeCell<[*mut u8; LISTS]>,
}

impl<A> SmallBlocks<A> {
    /// `inner` with empty lists in front of it.
    pub const fn new(inner: A) -> Self {
        SmallBlocks {
            inner,
            heads: UnsafeCell::new([null_mut(); LISTS]),
        }
    }
}

/// The list that serves `layout` (its size rounded up to [`STEP`]), if it is small.
fn list_of(layout: Layout) -> Option<usize> {
    if layout.size() <= LARGEST && layout.align() <= STEP {
        // Allocations of size 0 never reach a `GlobalAlloc`; the `max` keeps this total.
        Some(layout.size().max(1).div_ceil(STEP) - 1)
    } else {
        None
    }
}

/// The layout a block of `list` is carved with from the wrapped allocator.
fn block_layout(list: usize) -> Layout {
    // SAFETY: (list + 1) × 8 ≤ 128 is non-zero and far from overflowing, and 8 is a power of
    // two.
    unsafe { Layout::from_size_align_unchecked((list + 1) * STEP, STEP) }
}

// SAFETY: a block handed out is either the wrapped allocator's (large ones, passed through
// with their own layout) or a block of at least the requested size, carved from the wrapped
// allocator with alignment 8 ≥ the requested alignment, and owned by exactly one list or one
// caller at a time. The lists are only touched through `&self` on one thread (see the module
// doc), and a free block is at least 8 bytes, room for its next pointer.
unsafe impl<A: GlobalAlloc> GlobalAlloc for SmallBlocks<A> {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // One call of the wrapped allocator (a block for an empty list, or a large one), so
        // that its code is inlined once.
        let layout = match list_of(layout) {
            Some(list) => {
                let heads = &mut *self.heads.get();
                let head = heads[list];
                if !head.is_null() {
                    heads[list] = (head as *mut *mut u8).read();
                    return head;
                }
                block_layout(list)
            }
            None => layout,
        };
        self.inner.alloc(layout)
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        match list_of(layout) {
            Some(list) => {
                let heads = &mut *self.heads.get();
                (ptr as *mut *mut u8).write(heads[list]);
                heads[list] = ptr;
            }
            None => self.inner.dealloc(ptr, layout),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::alloc::System;

    fn layout(size: usize, align: usize) -> Layout {
        Layout::from_size_align(size, align).unwrap()
    }

    #[test]
    fn sizes_map_to_lists_eight_bytes_apart() {
        // 1..=8 → list 0 (8 B), 9..=16 → list 1, 128 → list 15 (128 / 8 − 1); 129 and an
        // alignment of 16 go to the wrapped allocator.
        assert_eq!(list_of(layout(1, 1)), Some(0));
        assert_eq!(list_of(layout(8, 8)), Some(0));
        assert_eq!(list_of(layout(9, 4)), Some(1));
        assert_eq!(list_of(layout(128, 8)), Some(15));
        assert_eq!(list_of(layout(129, 8)), None);
        assert_eq!(list_of(layout(16, 16)), None);
        assert_eq!(block_layout(15), layout(128, 8));
    }

    #[test]
    fn a_freed_block_is_the_next_one_of_its_size_and_no_other() {
        let a = SmallBlocks::new(System);
        unsafe {
            let x = a.alloc(layout(20, 4));
            let y = a.alloc(layout(24, 8));
            assert!(!x.is_null() && !y.is_null() && x != y);
            a.dealloc(x, layout(20, 4));
            // 17..=24 share a list: the block just freed comes back, last in, first out.
            assert_eq!(a.alloc(layout(17, 1)), x);
            // Another size does not get it.
            a.dealloc(x, layout(17, 1));
            let z = a.alloc(layout(40, 8));
            assert_ne!(z, x);
            assert_eq!(a.alloc(layout(24, 8)), x);
            for (p, l) in [(x, layout(24, 8)), (y, layout(24, 8)), (z, layout(40, 8))] {
                a.dealloc(p, l);
            }
        }
    }

    #[test]
    fn blocks_are_aligned_and_hold_what_was_written() {
        let a = SmallBlocks::new(System);
        let mut live = Vec::new();
        unsafe {
            // Every size and alignment up to the largest, twice, written in full, then read
            // back after all were allocated (no two blocks overlap).
            for round in 0..2u8 {
                for size in 1..=LARGEST + 8 {
                    for align in [1, 2, 4, 8, 16] {
                        let l = layout(size, align);
                        let p = a.alloc(l);
                        assert_eq!(p as usize % align, 0, "size {size} align {align}");
                        let fill = (size as u8) ^ (align as u8) ^ round;
                        p.write_bytes(fill, size);
                        live.push((p, l, fill));
                    }
                }
                // Free every other one, so the second round reuses them.
                let mut kept = Vec::new();
                for (i, (p, l, fill)) in live.drain(..).enumerate() {
                    if i % 2 == 0 {
                        a.dealloc(p, l);
                    } else {
                        kept.push((p, l, fill));
                    }
                }
                live = kept;
            }
            for (p, l, fill) in live.drain(..) {
                let bytes = std::slice::from_raw_parts(p, l.size());
                assert!(bytes.iter().all(|b| *b == fill), "{l:?}");
                a.dealloc(p, l);
            }
        }
    }

    #[test]
    fn realloc_keeps_the_contents_across_lists_and_to_the_wrapped_allocator() {
        let a = SmallBlocks::new(System);
        unsafe {
            let p = a.alloc(layout(8, 1));
            p.copy_from(b"abcdefgh".as_ptr(), 8);
            // Into a larger list, then past the largest.
            let q = a.realloc(p, layout(8, 1), 100);
            assert_eq!(std::slice::from_raw_parts(q, 8), b"abcdefgh");
            let r = a.realloc(q, layout(100, 1), 1000);
            assert_eq!(std::slice::from_raw_parts(r, 8), b"abcdefgh");
            a.dealloc(r, layout(1000, 1));
        }
    }
}
