//! Small statistics over `f64` samples: mean, median, quartiles, spread, a 95% t-interval.

/// The mean, or `None` for no values.
pub fn mean(values: &[f64]) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    Some(values.iter().sum::<f64>() / values.len() as f64)
}

/// The sample standard deviation (n − 1), or `None` for fewer than two values.
pub fn sample_sd(values: &[f64]) -> Option<f64> {
    if values.len() < 2 {
        return None;
    }
    let mean = mean(values)?;
    let squares: f64 = values.iter().map(|v| (v - mean).powi(2)).sum();
    Some((squares / (values.len() - 1) as f64).sqrt())
}

/// The `q` quantile (0–1) of sorted values, by linear interpolation between closest ranks.
pub fn quantile_sorted(sorted: &[f64], q: f64) -> Option<f64> {
    let last = sorted.len().checked_sub(1)?;
    let position = q.clamp(0.0, 1.0) * last as f64;
    let lower = position.floor() as usize;
    let upper = position.ceil() as usize;
    let fraction = position - lower as f64;
    Some(sorted[lower] + (sorted[upper] - sorted[lower]) * fraction)
}

/// Sort a copy of the values (NaN-free by construction: every value is a mean of scores).
pub fn sorted(values: &[f64]) -> Vec<f64> {
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    sorted
}

/// The median, or `None` for no values.
pub fn median(values: &[f64]) -> Option<f64> {
    quantile_sorted(&sorted(values), 0.5)
}

/// The 97.5% quantile of Student's t with `df` degrees of freedom.
fn t_975(df: usize) -> f64 {
    const TABLE: [f64; 30] = [
        12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.160,
        2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064, 2.060, 2.056,
        2.052, 2.048, 2.045, 2.042,
    ];
    if let Some(&t) = df.checked_sub(1).and_then(|i| TABLE.get(i)) {
        return t;
    }
    // Cornish–Fisher expansion around the normal quantile; within 0.001 of the exact value
    // beyond 30 degrees of freedom.
    let z: f64 = 1.959_963_985;
    let n = df as f64;
    z + (z.powi(3) + z) / (4.0 * n)
        + (5.0 * z.powi(5) + 16.0 * z.powi(3) + 3.0 * z) / (96.0 * n * n)
}

/// A 95% t-interval for the mean, or `None` for fewer than three values.
pub fn ci95(values: &[f64]) -> Option<(f64, f64)> {
    if values.len() < 3 {
        return None;
    }
    let mean = mean(values)?;
    let sd = sample_sd(values)?;
    let half = t_975(values.len() - 1) * sd / (values.len() as f64).sqrt();
    Some((mean - half, mean + half))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    #[test]
    fn means_medians_quantiles() {
        assert_eq!(mean(&[]), None);
        assert!(close(mean(&[1.0, 2.0, 6.0]).unwrap(), 3.0));
        assert!(close(median(&[5.0, 1.0, 3.0]).unwrap(), 3.0));
        assert!(close(median(&[4.0, 1.0, 3.0, 2.0]).unwrap(), 2.5));
        let sorted = [1.0, 2.0, 3.0, 4.0, 5.0];
        assert!(close(quantile_sorted(&sorted, 0.25).unwrap(), 2.0));
        assert!(close(quantile_sorted(&sorted, 0.75).unwrap(), 4.0));
        assert!(close(
            sample_sd(&[2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0]).unwrap(),
            2.138_089_935_299_395
        ));
    }

    #[test]
    fn t_interval_matches_a_hand_computation() {
        // mean −1, sd √(2/3), n 4, t(3) = 3.182: half-width 3.182 × √(2/3) / 2.
        let (low, high) = ci95(&[-2.0, -1.0, -1.0, 0.0]).unwrap();
        let half = 3.182 * (2.0_f64 / 3.0).sqrt() / 2.0;
        assert!(
            close(low, -1.0 - half) && close(high, -1.0 + half),
            "{low} {high}"
        );
        assert_eq!(ci95(&[1.0, 2.0]), None, "none below three values");
        assert!((t_975(40) - 2.021).abs() < 0.002);
        assert!((t_975(120) - 1.980).abs() < 0.002);
    }
}
