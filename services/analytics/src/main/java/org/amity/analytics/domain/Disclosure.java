package org.amity.analytics.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Disclosure control of a table with published row and column totals.
 *
 * <p>The table is given extended: {@code m} rows and {@code n} columns of cells, then a last column of row totals,
 * then a last row of column totals with the grand total in its last place. Primary suppression hides every
 * count from 1 to the threshold (a 0 is shown: it discloses nobody). Secondary suppression then hides more cells
 * until no hidden cell can be worked out from what is shown: the shown cells and totals give one linear
 * equation per row and per column, and a hidden cell is recoverable exactly when those equations fix its value
 * (in the reduced row echelon form of the system over the hidden cells, its pivot row has no free variable). While
 * some hidden cell is recoverable, the smallest non-zero shown cell of its row or column is hidden too, inner
 * cells before totals. Hiding every non-zero cell always ends it, so it terminates.
 *
 * <p>A total is not always the sum of its cells: an incident with two strands is in two cells of a column and once
 * in its total. An attacker who assumes the sum anyway gets a wrong answer there; so a row or column counts as an
 * equation exactly where the sum holds on the true figures (always, for a dimension with one value per incident).
 */
public final class Disclosure {

    private static final double EPSILON = 1e-9;

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
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < columns; j++) {
                hidden[i][j] = unpublished[i][j] || extended[i][j] >= 1 && extended[i][j] <= threshold;
            }
        }
        boolean[] holds = equationsThatHold(extended);
        for (int[] recoverable = firstRecoverable(hidden, holds, unpublished); recoverable != null;
                recoverable = firstRecoverable(hidden, holds, unpublished)) {
            int[] next = smallestShown(extended, hidden, recoverable);
            if (next == null) {
                break;
            }
            hidden[next[0]][next[1]] = true;
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

    /** The first hidden cell whose value the shown cells and totals determine, or null. */
    static int[] firstRecoverable(boolean[][] hidden, boolean[] holds, boolean[][] unpublished) {
        List<int[]> unknowns = new ArrayList<>();
        for (int i = 0; i < hidden.length; i++) {
            for (int j = 0; j < hidden[i].length; j++) {
                if (hidden[i][j]) {
                    unknowns.add(new int[] { i, j });
                }
            }
        }
        if (unknowns.isEmpty()) {
            return null;
        }
        double[][] system = equations(hidden, unknowns, holds);
        int[] pivotOfRow = reduce(system, unknowns.size());
        for (int r = 0; r < pivotOfRow.length; r++) {
            int pivot = pivotOfRow[r];
            if (pivot < 0) {
                continue;
            }
            boolean alone = true;
            for (int c = 0; c < unknowns.size() && alone; c++) {
                alone = c == pivot || Math.abs(system[r][c]) < EPSILON;
            }
            int[] cell = unknowns.get(pivot);
            if (alone && !unpublished[cell[0]][cell[1]]) {
                return cell;
            }
        }
        return null;
    }

    /** One equation per row (cells minus the row total) and per column (cells minus the column total). */
    private static double[][] equations(boolean[][] hidden, List<int[]> unknowns, boolean[] holds) {
        int rows = hidden.length;
        int columns = hidden[0].length;
        double[][] system = new double[rows + columns][unknowns.size()];
        for (int u = 0; u < unknowns.size(); u++) {
            int i = unknowns.get(u)[0];
            int j = unknowns.get(u)[1];
            system[i][u] = !holds[i] ? 0 : j == columns - 1 ? -1 : 1;
            system[rows + j][u] = !holds[rows + j] ? 0 : i == rows - 1 ? -1 : 1;
        }
        return system;
    }

    /** Reduced row echelon form in place; the pivot column of each row (-1 for a zero row). */
    private static int[] reduce(double[][] a, int width) {
        int[] pivotOfRow = new int[a.length];
        java.util.Arrays.fill(pivotOfRow, -1);
        int row = 0;
        for (int c = 0; c < width && row < a.length; c++) {
            int best = row;
            for (int r = row + 1; r < a.length; r++) {
                if (Math.abs(a[r][c]) > Math.abs(a[best][c])) {
                    best = r;
                }
            }
            if (Math.abs(a[best][c]) < EPSILON) {
                continue;
            }
            double[] swap = a[row];
            a[row] = a[best];
            a[best] = swap;
            double p = a[row][c];
            for (int k = 0; k < width; k++) {
                a[row][k] /= p;
            }
            for (int r = 0; r < a.length; r++) {
                if (r != row && Math.abs(a[r][c]) > EPSILON) {
                    double f = a[r][c];
                    for (int k = 0; k < width; k++) {
                        a[r][k] -= f * a[row][k];
                    }
                }
            }
            pivotOfRow[row++] = c;
        }
        return pivotOfRow;
    }

    /** The smallest non-zero shown cell in the cell's row or column (inner before totals), else anywhere. */
    private static int[] smallestShown(long[][] values, boolean[][] hidden, int[] cell) {
        int rows = values.length;
        int columns = values[0].length;
        Comparator<int[]> order = Comparator.<int[]>comparingInt(c -> c[0] == rows - 1 || c[1] == columns - 1 ? 1 : 0)
                .thenComparingLong(c -> values[c[0]][c[1]]);
        List<int[]> near = new ArrayList<>();
        List<int[]> anywhere = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < columns; j++) {
                if (!hidden[i][j] && values[i][j] != 0) {
                    (i == cell[0] || j == cell[1] ? near : anywhere).add(new int[] { i, j });
                }
            }
        }
        return (near.isEmpty() ? anywhere : near).stream().min(order).orElse(null);
    }
}
