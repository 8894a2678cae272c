package org.amity.analytics.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Disclosure control against an attacker who knows every shown cell and total and works out hidden cells by
 * subtraction. Two attackers, written independently of the production code: one peels (a row or column with one
 * hidden cell gives it away, repeated until nothing more falls), one solves the whole linear system exactly in
 * rational numbers. Both must fail on every table.
 */
class DisclosureProperties {

    static final int THRESHOLD = 4;

    /** A table of counts (mostly small, many zeros) with its row totals, column totals and grand total. */
    @Provide
    Arbitrary<long[][]> tables() {
        Arbitrary<Long> count = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, Arbitraries.just(0L)),
                net.jqwik.api.Tuple.of(4, Arbitraries.longs().between(1, THRESHOLD)),
                net.jqwik.api.Tuple.of(3, Arbitraries.longs().between(5, 60)));
        return Combinators.combine(Arbitraries.integers().between(1, 6), Arbitraries.integers().between(1, 6))
                .flatAs((m, n) -> count.list().ofSize(m * n).map(values -> extended(m, n, values)));
    }

    static long[][] extended(int m, int n, List<Long> values) {
        long[][] t = new long[m + 1][n + 1];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                t[i][j] = values.get(i * n + j);
                t[i][n] += t[i][j];
                t[m][j] += t[i][j];
                t[m][n] += t[i][j];
            }
        }
        return t;
    }

    @Property(tries = 300)
    void everySmallCountIsSuppressedAndNoZeroIs(@ForAll("tables") long[][] t) {
        boolean[][] hidden = Disclosure.protect(t, THRESHOLD);
        for (int i = 0; i < t.length; i++) {
            for (int j = 0; j < t[0].length; j++) {
                if (t[i][j] >= 1 && t[i][j] <= THRESHOLD) {
                    assertThat(hidden[i][j]).as("cell %d,%d = %d", i, j, t[i][j]).isTrue();
                }
                if (t[i][j] == 0) {
                    assertThat(hidden[i][j]).isFalse();
                }
            }
        }
    }

    @Property(tries = 300)
    void subtractingShownFiguresRecoversNoSuppressedCell(@ForAll("tables") long[][] t) {
        boolean[][] hidden = Disclosure.protect(t, THRESHOLD);
        assertThat(peel(t, hidden)).as("cells recovered by subtraction").isEmpty();
    }

    @Property(tries = 300)
    void solvingTheRowAndColumnEquationsRecoversNoSuppressedCell(@ForAll("tables") long[][] t) {
        boolean[][] hidden = Disclosure.protect(t, THRESHOLD);
        assertThat(solve(hidden)).as("cells the equations determine").isEmpty();
    }

    /** Any pattern of hidden cells, and which rows and columns have an equation (multi-valued tables drop some). */
    @Provide
    Arbitrary<boolean[][][]> patterns() {
        return Combinators.combine(Arbitraries.integers().between(2, 7), Arbitraries.integers().between(2, 7))
                .flatAs((rows, columns) -> Combinators.combine(
                        Arbitraries.integers().between(0, 99).list().ofSize(rows * columns),
                        Arbitraries.integers().between(0, 99).list().ofSize(rows + columns))
                        .as((cells, equations) -> {
                            boolean[][] hidden = new boolean[rows][columns];
                            for (int k = 0; k < cells.size(); k++) {
                                hidden[k / columns][k % columns] = cells.get(k) < 45;
                            }
                            boolean[][] holds = new boolean[1][rows + columns];
                            for (int k = 0; k < equations.size(); k++) {
                                holds[0][k] = equations.get(k) < 85;
                            }
                            return new boolean[][][] { hidden, holds };
                        }));
    }

    /**
     * The production code's fast test (a cell is determined iff it is a bridge, kept up to date as cells are hidden one
     * at a time) against exact linear algebra, with the cells hidden in any order.
     */
    @Property(tries = 1000)
    void aHiddenCellIsDeterminedExactlyWhenTheExactSolverSaysSo(@ForAll("patterns") boolean[][][] pattern,
            @ForAll long order) {
        boolean[][] hidden = pattern[0];
        boolean[] holds = pattern[1][0];
        List<int[]> cells = new ArrayList<>();
        for (int i = 0; i < hidden.length; i++) {
            for (int j = 0; j < hidden[0].length; j++) {
                if (hidden[i][j]) {
                    cells.add(new int[] { i, j });
                }
            }
        }
        java.util.Collections.shuffle(cells, new java.util.Random(order));
        HiddenCells graph = new HiddenCells(hidden.length, hidden[0].length, holds);
        cells.forEach(cell -> graph.hide(cell[0], cell[1]));
        List<String> fast = new ArrayList<>();
        for (int i = 0; i < hidden.length; i++) {
            for (int j = 0; j < hidden[0].length; j++) {
                if (hidden[i][j] && graph.determined(i, j)) {
                    fast.add(i + "," + j);
                }
            }
        }
        assertThat(fast).isEqualTo(solve(hidden, holds));
    }

    @Test
    void aLoneSmallCellInARowIsNotLeftToBeWorkedOutFromTheTotal() {
        long[][] t = extended(2, 3, List.of(2L, 10L, 20L, 7L, 8L, 9L));
        boolean[][] hidden = Disclosure.protect(t, THRESHOLD);
        assertThat(hidden[0][0]).isTrue();
        assertThat(peel(t, hidden)).isEmpty();
        assertThat(solve(hidden)).isEmpty();
        // the attacker really does recover it with primary suppression alone
        boolean[][] primaryOnly = new boolean[3][4];
        primaryOnly[0][0] = true;
        assertThat(peel(t, primaryOnly)).containsExactly("0,0=2");
    }

    /** Repeated subtraction: the recovered cells as "i,j=value". */
    static List<String> peel(long[][] t, boolean[][] hidden) {
        int rows = t.length;
        int cols = t[0].length;
        boolean[][] unknown = new boolean[rows][cols];
        for (int i = 0; i < rows; i++) {
            unknown[i] = hidden[i].clone();
        }
        List<String> recovered = new ArrayList<>();
        boolean progress = true;
        while (progress) {
            progress = false;
            for (int i = 0; i < rows; i++) { // row i: cells 0..n-1 add up to cell n
                progress |= peelLine(t, unknown, recovered, i, -1);
            }
            for (int j = 0; j < cols; j++) {
                progress |= peelLine(t, unknown, recovered, -1, j);
            }
        }
        return recovered;
    }

    private static boolean peelLine(long[][] t, boolean[][] unknown, List<String> recovered, int row, int col) {
        int length = row >= 0 ? t[0].length : t.length;
        int missing = -1;
        long sumOfParts = 0;
        for (int k = 0; k < length; k++) {
            int i = row >= 0 ? row : k;
            int j = row >= 0 ? k : col;
            if (unknown[i][j]) {
                if (missing >= 0) {
                    return false;
                }
                missing = k;
            } else if (k < length - 1) {
                sumOfParts += t[i][j];
            }
        }
        if (missing < 0) {
            return false;
        }
        int i = row >= 0 ? row : missing;
        int j = row >= 0 ? missing : col;
        long total = row >= 0 ? t[row][length - 1] : t[length - 1][col];
        long value = missing == length - 1 ? sumOfParts : total - sumOfParts;
        assertThat(value).isEqualTo(t[i][j]);
        unknown[i][j] = false;
        recovered.add(i + "," + j + "=" + value);
        return true;
    }

    /**
     * Exact linear algebra over the row and column equations restricted to the hidden cells (A): a hidden cell x is
     * determined iff the unit vector e_x lies in the row space of A, i.e. adding it as an equation leaves the rank.
     */
    static List<String> solve(boolean[][] hidden) {
        boolean[] all = new boolean[hidden.length + hidden[0].length];
        java.util.Arrays.fill(all, true);
        return solve(hidden, all);
    }

    /** As above, with only the equations of the rows and columns that hold. */
    static List<String> solve(boolean[][] hidden, boolean[] holds) {
        List<int[]> unknowns = new ArrayList<>();
        for (int i = 0; i < hidden.length; i++) {
            for (int j = 0; j < hidden[0].length; j++) {
                if (hidden[i][j]) {
                    unknowns.add(new int[] { i, j });
                }
            }
        }
        List<String> determined = new ArrayList<>();
        int full = rank(matrix(hidden, holds, unknowns, -1));
        for (int u = 0; u < unknowns.size(); u++) {
            if (rank(matrix(hidden, holds, unknowns, u)) == full) {
                determined.add(unknowns.get(u)[0] + "," + unknowns.get(u)[1]);
            }
        }
        return determined;
    }

    /** A, and with {@code probe} >= 0 the extra row e_probe. */
    private static BigInteger[][] matrix(boolean[][] hidden, boolean[] holds, List<int[]> unknowns, int probe) {
        int rows = hidden.length;
        int cols = hidden[0].length;
        int equations = rows + cols + (probe >= 0 ? 1 : 0);
        BigInteger[][] a = new BigInteger[equations][unknowns.size()];
        for (BigInteger[] r : a) {
            java.util.Arrays.fill(r, BigInteger.ZERO);
        }
        for (int u = 0; u < unknowns.size(); u++) {
            int i = unknowns.get(u)[0];
            int j = unknowns.get(u)[1];
            a[i][u] = !holds[i] ? BigInteger.ZERO : j == cols - 1 ? BigInteger.ONE.negate() : BigInteger.ONE;
            a[rows + j][u] = !holds[rows + j] ? BigInteger.ZERO : i == rows - 1 ? BigInteger.ONE.negate() : BigInteger.ONE;
        }
        if (probe >= 0) {
            a[equations - 1][probe] = BigInteger.ONE;
        }
        return a;
    }

    /** Rank by fraction-free Gaussian elimination (Bareiss-style with BigInteger, exact). */
    private static int rank(BigInteger[][] a) {
        int rank = 0;
        int rows = a.length;
        int cols = rows == 0 ? 0 : a[0].length;
        for (int c = 0; c < cols && rank < rows; c++) {
            int pivot = -1;
            for (int r = rank; r < rows; r++) {
                if (a[r][c].signum() != 0) {
                    pivot = r;
                    break;
                }
            }
            if (pivot < 0) {
                continue;
            }
            BigInteger[] swap = a[rank];
            a[rank] = a[pivot];
            a[pivot] = swap;
            for (int r = 0; r < rows; r++) {
                if (r != rank && a[r][c].signum() != 0) {
                    BigInteger f = a[r][c];
                    BigInteger p = a[rank][c];
                    for (int k = 0; k < cols; k++) {
                        a[r][k] = a[r][k].multiply(p).subtract(a[rank][k].multiply(f));
                    }
                    BigInteger g = java.util.Arrays.stream(a[r]).reduce(BigInteger.ZERO, BigInteger::gcd);
                    if (g.signum() != 0 && !g.equals(BigInteger.ONE)) {
                        for (int k = 0; k < cols; k++) {
                            a[r][k] = a[r][k].divide(g);
                        }
                    }
                }
            }
            rank++;
        }
        return rank;
    }
}
