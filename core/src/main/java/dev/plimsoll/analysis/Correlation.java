package dev.plimsoll.analysis;

/**
 * How a cloud series follows the load.
 *
 * @param series the cloud series (a metric id's text)
 * @param load {@code rps} or {@code vus}
 * @param pearson Pearson's r at the best lag
 * @param spearman Spearman's ρ at the best lag
 * @param lagSeconds how long the series follows the load (positive: the series lags behind)
 * @param pValue two-sided p-value of Pearson's r (t-test, n − 2 degrees of freedom)
 * @param n pairs compared
 * @since 0.1
 */
public record Correlation(String series, String load, double pearson, double spearman, double lagSeconds,
        double pValue, int n) {
}
