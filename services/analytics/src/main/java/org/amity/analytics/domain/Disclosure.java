package org.amity.analytics.domain;

/**
 * Disclosure control of a table with published row and column totals.
 *
 * <p>The table is given extended: {@code m} rows and {@code n} columns of cells, then a last column of row totals,
 * then a last row of column totals with the grand total in its last place. Primary suppression hides every
 * count from 1 to the threshold (a 0 is shown: it discloses nobody). Secondary suppression then hides more cells
 * until no hidden cell can be worked out from what is shown: the shown cells and totals give one linear
 * equation per row and per column, and a hidden cell is recoverable exactly when those equations fix its value
 * (when it lies on no cycle of hidden cells: see {@link HiddenCells}). While
 * some hidden cell is recoverable, the smallest non-zero shown cell of its row or column is hidden too, inner
 * cells before totals. Hiding every non-zero cell always ends it, so it terminates.
 *
 * <p>A total is not always the sum of its cells: an incident with two strands is in two cells of a column and once
 * in its total. An attacker who assumes the sum anyway gets a wrong answer there; so a row or column counts as an
 * equation exactly where the sum holds on the true figures (always, for a dimension with one value per incident).
 */
public final class Disclosure {

    private Disclosure() {
    }

    /** Which cells of the extended table to show as suppressed. */
    public static boolean[][] protect(long[][] extended, int threshold) {
        return protect(extended, threshold, new boolean[extended.length][extended[0].length]);
    }

    /**
     * Which cells of the extended table to show as suppressed, when some cells (totals a table does not show)
     * are never published: they count as hidden from the start, and working them out discloses nothing.
     */
    public static boolean[][] protect(long[][] extended, int threshold, boolean[][] unpublished) {
        int rows = extended.length;
        int columns = extended[0].length;
        boolean[][] hidden = new boolean[rows][columns];
        boolean[] holds = equationsThatHold(extended);
        HiddenCells graph = new HiddenCells(rows, columns, holds);
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < columns; j++) {
                if (unpublished[i][j] || extended[i][j] >= 1 && extended[i][j] <= threshold) {
                    hidden[i][j] = true;
                    graph.hide(i, j);
                }
            }
        }
        for (int[] recoverable = graph.firstRecoverable(unpublished); recoverable != null;
                recoverable = graph.firstRecoverable(unpublished)) {
            int[] next = smallestShown(extended, hidden, recoverable);
            if (next == null) {
                break;
            }
            hidden[next[0]][next[1]] = true;
            graph.hide(next[0], next[1]);
        }
        return hidden;
    }

    /** Per row, then per column: whether its cells add up to its total. */
    static boolean[] equationsThatHold(long[][] t) {
        int rows = t.length;
        int columns = t[0].length;
        boolean[] holds = new boolean[rows + columns];
        for (int i = 0; i < rows; i++) {
            long sum = 0;
            for (int j = 0; j < columns - 1; j++) {
                sum += t[i][j];
            }
            holds[i] = sum == t[i][columns - 1];
        }
        for (int j = 0; j < columns; j++) {
            long sum = 0;
            for (int i = 0; i < rows - 1; i++) {
                sum += t[i][j];
            }
            holds[rows + j] = sum == t[rows - 1][j];
        }
        return holds;
    }

    /** The smallest non-zero shown cell in the cell's row or column (inner before totals), else anywhere. */
    private static int[] smallestShown(long[][] values, boolean[][] hidden, int[] cell) {
        int rows = values.length;
        int columns = values[0].length;
        int[] best = null;
        for (int i = 0; i < rows; i++) { // row-major, the first of equals wins
            if (i == cell[0]) {
                for (int j = 0; j < columns; j++) {
                    best = better(values, hidden, best, i, j);
                }
            } else {
                best = better(values, hidden, best, i, cell[1]);
            }
        }
        for (int i = 0; i < rows && best == null; i++) {
            for (int j = 0; j < columns; j++) {
                best = better(values, hidden, best, i, j);
            }
        }
        return best;
    }

    /** Cell (i, j) if it is shown, non-zero and comes before {@code best} (inner cells first, then the smaller). */
    private static int[] better(long[][] values, boolean[][] hidden, int[] best, int i, int j) {
        if (hidden[i][j] || values[i][j] == 0) {
            return best;
        }
        if (best == null) {
            return new int[] { i, j };
        }
        int rows = values.length;
        int columns = values[0].length;
        boolean total = i == rows - 1 || j == columns - 1;
        boolean bestTotal = best[0] == rows - 1 || best[1] == columns - 1;
        if (total != bestTotal) {
            return total ? best : new int[] { i, j };
        }
        return values[i][j] < values[best[0]][best[1]] ? new int[] { i, j } : best;
    }
}
