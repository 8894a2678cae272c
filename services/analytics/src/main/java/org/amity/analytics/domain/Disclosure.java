package org.amity.analytics.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * Disclosure control of a table with published row and column totals.
 *
 * <p>The table is given extended: {@code m} rows and {@code n} columns of cells, then a last column of row totals,
 * then a last row of column totals with the grand total in its last place. Primary suppression hides every
 * count from 1 to the threshold (a 0 is shown: it discloses nobody). Secondary suppression then hides more cells
 * until no hidden cell can be worked out from what is shown: the shown cells and totals give one linear
 * equation per row and per column, and a hidden cell is recoverable exactly when those equations fix its value
 * (when it lies on no cycle of hidden cells: see {@link #determined}). While
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

    /** The first hidden cell (in row-major order) whose value the shown cells and totals determine, or null. */
    static int[] firstRecoverable(boolean[][] hidden, boolean[] holds, boolean[][] unpublished) {
        boolean[][] determined = determined(hidden, holds);
        for (int i = 0; i < hidden.length; i++) {
            for (int j = 0; j < hidden[i].length; j++) {
                if (determined[i][j] && !unpublished[i][j]) {
                    return new int[] { i, j };
                }
            }
        }
        return null;
    }

    /**
     * Which hidden cells the equations determine. The hidden cells are the edges of a graph whose nodes are the rows
     * and columns of the extended table; rows and columns without an equation (their sum does not hold) constrain
     * nothing and are merged into one free node. Scaling each cell by the signs of its row's and column's totals turns
     * every equation into "the hidden cells at this node sum to a known figure", so the values the equations leave
     * open are exactly the flows around cycles: a hidden cell is determined iff it lies on no cycle, i.e. it is a
     * bridge of the graph. Linear in the size of the table (Tarjan's bridges), where solving the linear system again
     * after each cell hidden was cubic.
     */
    static boolean[][] determined(boolean[][] hidden, boolean[] holds) {
        int rows = hidden.length;
        int columns = hidden[0].length;
        int free = rows + columns; // the merged node of every row and column without an equation
        List<int[]> edges = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < columns; j++) {
                if (hidden[i][j]) {
                    edges.add(new int[] { holds[i] ? i : free, holds[rows + j] ? rows + j : free, i, j });
                }
            }
        }
        boolean[][] determined = new boolean[rows][columns];
        for (int e : bridges(free + 1, edges)) {
            determined[edges.get(e)[2]][edges.get(e)[3]] = true;
        }
        return determined;
    }

    /** The bridges of a multigraph (edges {@code [a, b, ...]}; a loop is never one), by an iterative depth-first search. */
    private static List<Integer> bridges(int nodes, List<int[]> edges) {
        List<List<Integer>> incident = new ArrayList<>();
        for (int v = 0; v < nodes; v++) {
            incident.add(new ArrayList<>());
        }
        for (int e = 0; e < edges.size(); e++) {
            incident.get(edges.get(e)[0]).add(e);
            incident.get(edges.get(e)[1]).add(e);
        }
        int[] order = new int[nodes];
        int[] low = new int[nodes];
        java.util.Arrays.fill(order, -1);
        int[] viaEdge = new int[nodes];
        int[] next = new int[nodes];
        int[] stack = new int[nodes];
        List<Integer> bridges = new ArrayList<>();
        int counter = 0;
        for (int root = 0; root < nodes; root++) {
            if (order[root] >= 0) {
                continue;
            }
            int top = 0;
            stack[top] = root;
            viaEdge[root] = -1;
            order[root] = low[root] = counter++;
            while (top >= 0) {
                int v = stack[top];
                if (next[v] < incident.get(v).size()) {
                    int e = incident.get(v).get(next[v]++);
                    if (e == viaEdge[v]) {
                        continue; // the edge we came by (a parallel edge has its own id and counts)
                    }
                    int w = edges.get(e)[0] == v ? edges.get(e)[1] : edges.get(e)[0];
                    if (order[w] < 0) {
                        order[w] = low[w] = counter++;
                        viaEdge[w] = e;
                        stack[++top] = w;
                    } else {
                        low[v] = Math.min(low[v], order[w]);
                    }
                } else {
                    top--;
                    if (top >= 0) {
                        int parent = stack[top];
                        low[parent] = Math.min(low[parent], low[v]);
                        if (low[v] > order[parent]) {
                            bridges.add(viaEdge[v]);
                        }
                    }
                }
            }
        }
        return bridges;
    }

    /** The smallest non-zero shown cell in the cell's row or column (inner before totals), else anywhere. */
    private static int[] smallestShown(long[][] values, boolean[][] hidden, int[] cell) {
        int rows = values.length;
        int columns = values[0].length;
        int[] best = null;
        for (int i = 0; i < rows; i++) { // row-major, the first of equals wins
            for (int j = 0; j < columns; j++) {
                if (i == cell[0] || j == cell[1]) {
                    best = better(values, hidden, best, i, j);
                }
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
