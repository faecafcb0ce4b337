use super::num;

#[test]
fn formula_cells_are_guarded_and_numbers_are_not() {
    use super::guard_cell;
    assert_eq!(guard_cell("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
    assert_eq!(guard_cell("+33 1 23"), "'+33 1 23");
    assert_eq!(guard_cell("@SUM(A1)"), "'@SUM(A1)");
    assert_eq!(guard_cell("-cmd"), "'-cmd");
    assert_eq!(guard_cell("-1.250"), "-1.250");
    assert_eq!(guard_cell("China"), "China");
    assert_eq!(guard_cell(""), "");
}

#[test]
fn the_fast_path_writes_what_format_writes() {
    // Every value the fast path takes must print as `format!` does; near-ties and huge
    // values go the slow way.
    let mut state = 0x2545_f491_4f6c_dd1du64;
    let mut next = || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let mut fast = 0;
    for i in 0..300_000 {
        let v = match i % 6 {
            // Sums of weights with two decimals, as scores are.
            0 => (next() % 100_000) as f64 / 100.0 - 500.0,
            // Ratios, as rates and shares are.
            1 => (next() % 10_000) as f64 / ((next() % 999) + 1) as f64,
            // Any bits.
            2 => f64::from_bits(next()),
            // Shares and rates of large counts.
            3 => (next() % 1_000_000) as f64 * 1000.0 / ((next() % 10_000_000) + 1) as f64,
            // Ties and near-ties in the last place: 1.0005, 2.49995...
            4 => {
                let d = [0, 2, 3, 4][(next() % 4) as usize];
                let tie = ((next() % 100_000) as f64 + 0.5) / 10f64.powi(d);
                tie + [0.0, 1e-12, -1e-12, 1e-9, -1e-9][(next() % 5) as usize]
            }
            _ => (next() % 2_000_001) as f64 / 1000.0 - 1000.0,
        };
        if !v.is_finite() {
            continue;
        }
        for d in [0, 2, 3, 4] {
            let mut s = String::from("x");
            if super::num_fast(&mut s, v, d) {
                let s = &s[1..];
                fast += 1;
                let slow = format!("{v:.d$}");
                let slow =
                    if slow.starts_with('-') && slow[1..].chars().all(|c| c == '0' || c == '.') {
                        slow[1..].to_string()
                    } else {
                        slow
                    };
                assert_eq!(s, slow, "{v:e} with {d} decimals");
            }
        }
    }
    assert!(fast > 1_000_000, "{fast}");
    assert_eq!(num(Some(2.0005), 3), format!("{:.3}", 2.0005));
    assert_eq!(num(Some(-0.0004), 3), "0.000");
    assert_eq!(num(Some(1e300), 2), format!("{:.2}", 1e300));
}

#[test]
fn numbers_are_fixed_and_never_negative_zero() {
    assert_eq!(num(Some(0.5), 3), "0.500");
    assert_eq!(num(Some(-0.0001), 3), "0.000");
    assert_eq!(num(Some(-1.25), 2), "-1.25");
    assert_eq!(num(None, 2), "");
    assert_eq!(num(Some(f64::NAN), 2), "");
}
