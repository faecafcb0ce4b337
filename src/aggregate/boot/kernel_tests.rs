use super::super::{weights, Cell};
use super::*;

type Doc = (String, Vec<(usize, usize, Cell)>);

/// A compiled copy of the loop ([`add`], [`add_portable`], [`add_avx2`]).
type Copy = fn(&mut Replicates, &[DocCells<'_>], usize);

/// The sums by their definition: every document's weights from [`weights`], every sum in the
/// type it is kept in.
fn reference(docs: &[Doc], actors: usize, lexicons: usize, reps: usize, seed: u64) -> Replicates {
    let mut r = Replicates::new(actors, lexicons, reps, seed);
    let mut w = Vec::new();
    for (id, cells) in docs {
        weights(seed, id, reps, &mut w);
        let mut actor = usize::MAX;
        for (a, l, c) in cells {
            for (i, &k) in w.iter().enumerate() {
                let k = u64::from(k);
                if *a != actor {
                    r.tokens[a * reps + i] += k * c.tokens;
                    r.statements[a * reps + i] += k * c.statements;
                }
                let at = (a * lexicons + l) * reps + i;
                r.hits[at] += k * c.hits;
                r.score_units[at] += i128::from(k) * i128::from(c.score_units);
            }
            actor = *a;
        }
    }
    r
}

/// Random documents: some without cells, the others with a few actors, every lexicon of each;
/// counts and score units up to `big` (positive or negative) and often 0.
fn documents(rng: &mut Rng, n: usize, actors: usize, lexicons: usize, big: u64) -> Vec<Doc> {
    let value = |rng: &mut Rng| match rng.below(4) {
        0 => 0,
        1 => rng.next_u64() % 8,
        _ => rng.next_u64() % big,
    };
    (0..n)
        .map(|i| {
            let mut cells = Vec::new();
            let held: Vec<usize> = (0..actors).filter(|_| rng.below(3) == 0).collect();
            for a in held {
                let (tokens, statements) = (value(rng), 1 + value(rng));
                for l in 0..lexicons {
                    let (hits, score) = (value(rng), value(rng) as i64);
                    let score_units = if rng.below(2) == 0 { score } else { -score };
                    let cell = Cell {
                        statements,
                        tokens,
                        hits,
                        score_units,
                        ..Cell::default()
                    };
                    cells.push((a, l, cell));
                }
            }
            (format!("d{i}"), cells)
        })
        .collect()
}

/// The sums of `docs` added in two calls by `add`, split at `cut`.
fn added(add: Copy, docs: &[Doc], cut: usize, shape: (usize, usize, usize, u64)) -> Replicates {
    let (actors, lexicons, reps, seed) = shape;
    let docs: Vec<DocCells<'_>> = docs.iter().map(|(id, c)| (id.as_str(), &c[..])).collect();
    let mut r = Replicates::new(actors, lexicons, reps, seed);
    add(&mut r, &docs[..cut], lexicons);
    add(&mut r, &docs[cut..], lexicons);
    r
}

/// Every compiled copy of the loop, with its name.
fn copies() -> Vec<(&'static str, Copy)> {
    let mut copies: Vec<(_, Copy)> = vec![("dispatch", add), ("portable", add_portable)];
    #[cfg(target_arch = "x86_64")]
    if std::arch::is_x86_feature_detected!("avx2") {
        // SAFETY: only called when the CPU has AVX2 (detected above).
        copies.push(("avx2", |r, d, l| unsafe { add_avx2(r, d, l) }));
    }
    copies
}

fn check(docs: &[Doc], actors: usize, lexicons: usize, reps: usize, seed: u64) {
    let want = reference(docs, actors, lexicons, reps, seed);
    for cut in [0, docs.len() / 3, docs.len()] {
        for (name, add) in copies() {
            let got = added(add, docs, cut, (actors, lexicons, reps, seed));
            assert!(got == want, "{name}, {reps} replicates, cut at {cut}");
        }
    }
}

#[test]
fn draws_are_the_weights_of_the_stream() {
    let mut rng = Rng::new(11);
    let mut fours = 0;
    for seed in [0, 1, u64::MAX, rng.next_u64(), rng.next_u64()] {
        let mut want = Vec::new();
        weights(seed, "doc", 2000, &mut want);
        let s = stream_seed(seed, "doc");
        let mut block = [0u32; BLOCK];
        for r0 in (0..2000).step_by(BLOCK) {
            let w = &mut block[..BLOCK.min(2000 - r0)];
            draw(s, r0, w);
            assert_eq!(w, &want[r0..r0 + w.len()], "seed {seed}, block at {r0}");
            fours += w.iter().filter(|&&k| k >= 4).count();
        }
        // From anywhere in the stream.
        let w = &mut block[..5];
        draw(s, 1234, w);
        assert_eq!(w, &want[1234..1239]);
    }
    assert!(fours > 50, "{fours}");
}

#[test]
fn every_copy_gives_the_sums_of_the_definition() {
    let mut rng = Rng::new(3);
    for reps in [1, 255, 256, 257, 600] {
        // All in lanes at once, then in several runs.
        let docs = documents(&mut rng, 40, 5, 3, 100_000);
        assert_eq!(laned(&to_cells(&docs)), docs.len());
        check(&docs, 5, 3, reps, rng.next_u64());
        let docs = documents(&mut rng, 40, 5, 3, 20_000_000);
        assert!((1..docs.len()).contains(&laned(&to_cells(&docs))));
        check(&docs, 5, 3, reps, rng.next_u64());
    }
    // In the pipeline's shape: 2,000 replicates, score units of a few matches.
    let docs = documents(&mut rng, 30, 4, 6, 3_000_000_000);
    check(&docs, 4, 6, 2000, 42);
}

#[test]
fn documents_out_of_the_bounds_of_the_lanes_are_summed_the_plain_way() {
    let mut rng = Rng::new(8);
    // Counts over 2^32 (with room for 20 · 40 of them in a u64), among small ones.
    let mut docs = documents(&mut rng, 40, 4, 2, 1000);
    for (i, big) in documents(&mut rng, 40, 4, 2, 1 << 50)
        .into_iter()
        .enumerate()
    {
        if i % 3 == 0 {
            docs[i] = big;
        }
    }
    assert!(docs.iter().flat_map(|d| &d.1).any(|c| c.2.tokens > 1 << 40));
    check(&docs, 4, 2, 300, 9);
    // Score units too large for the lanes: exactly as in i128.
    let mut docs = documents(&mut rng, 40, 4, 2, 1000);
    for (_, cells) in docs.iter_mut().skip(5).take(3) {
        for (_, _, c) in cells.iter_mut() {
            // Near i64::MAX or i64::MIN, keeping the sign (no overflow in a debug build).
            c.score_units = if c.score_units >= 0 {
                i64::MAX - c.score_units
            } else {
                i64::MIN - c.score_units
            };
        }
    }
    assert_eq!(laned(&to_cells(&docs[5..])), 0);
    check(&docs, 4, 2, 300, 9);
}

#[test]
fn laned_is_the_bound_of_the_lanes() {
    let (counts, score) = (
        u64::from(u32::MAX) / MAX_WEIGHT,
        (EXACT / MAX_WEIGHT) as i64,
    );
    // Documents with one cell each, of these (tokens, statements, hits, score units).
    let docs = |cells: &[(u64, u64, u64, i64)]| -> Vec<Doc> {
        let cells = cells
            .iter()
            .map(|&(tokens, statements, hits, score_units)| {
                let c = Cell {
                    tokens,
                    statements,
                    hits,
                    score_units,
                    ..Cell::default()
                };
                vec![(0, 0, c)]
            });
        cells
            .enumerate()
            .map(|(i, c)| (format!("d{i}"), c))
            .collect()
    };
    let runs = |cells: &[(u64, u64, u64, i64)]| laned(&to_cells(&docs(cells)));
    let (c, h) = (counts, counts / 2);
    assert_eq!(runs(&[(c, c, c, score)]), 1);
    assert_eq!(
        runs(&[(h, h, h, -score / 2), (c - h, c - h, c - h, score / 2)]),
        2
    );
    assert_eq!(runs(&[(h, 1, 1, 1), (c - h + 1, 1, 1, 1)]), 1);
    assert_eq!(runs(&[(1, h, 1, 1), (1, c - h + 1, 1, 1)]), 1);
    assert_eq!(runs(&[(1, 1, h, 1), (1, 1, c - h + 1, 1)]), 1);
    assert_eq!(runs(&[(1, 1, 1, score / 2), (1, 1, 1, score / 2 + 2)]), 1);
    assert_eq!(runs(&[(c + 1, 1, 1, 1), (1, 1, 1, 1)]), 0);
    assert_eq!(runs(&[(1, 1, 1, i64::MIN)]), 0);
    // The sums at the bounds are those of the definition.
    check(&docs(&[(c, c, c, score)]), 1, 1, 700, 1);
    let cells = [(h, h, h, -score / 3), (c - h, c - h, c - h, -score / 3)];
    check(&docs(&cells), 1, 1, 700, 1);
    // Odd score units of 45 bits in 19 documents: lane sums of up to 49 bits, to the unit.
    let odd = (score / 19) | 1;
    let cells: Vec<_> = (0..19).map(|i| (1, 1, 1, odd - 2 * i)).collect();
    assert_eq!(runs(&cells), 19);
    check(&docs(&cells), 1, 1, 700, 1);
}

fn to_cells(docs: &[Doc]) -> Vec<DocCells<'_>> {
    docs.iter().map(|(id, c)| (id.as_str(), &c[..])).collect()
}
