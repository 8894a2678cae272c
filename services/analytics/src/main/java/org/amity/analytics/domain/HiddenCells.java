package org.amity.analytics.domain;

import java.util.Arrays;

/**
 * Which hidden cells of a table the row and column equations determine, kept up to date as cells are hidden one at a
 * time, so that secondary suppression does not search the whole graph again after each cell it hides.
 *
 * <p>The hidden cells are the edges of a graph whose nodes are the rows and columns of the extended table; rows and
 * columns without an equation (their sum does not hold) constrain nothing and are merged into one free node. Scaling
 * each cell by the signs of its row's and column's totals turns every equation into "the hidden cells at this node sum
 * to a known figure", so the values the equations leave open are exactly the flows around cycles: a hidden cell is
 * determined iff it lies on no cycle, i.e. it is a bridge of the graph.
 *
 * <p>Bridges only ever disappear when an edge is added, except the new edge itself: an edge between two parts of the
 * graph that were not connected is a bridge; an edge within one part closes a cycle, and every bridge on the path
 * between its ends stops being one. The graph is kept as a forest of its 2-edge-connected components (union-find),
 * each linked to its parent by the bridge between them; a new edge inside a tree merges the components on its path
 * (the online bridge-finding algorithm: near-linear in the number of edges over all additions).
 */
final class HiddenCells {

    private final int rows;
    private final int columns;
    private final boolean[] holds;
    private final int free;

    /** Union-find of the 2-edge-connected components. */
    private final int[] component;
    /** Union-find of the connected components, over component representatives; size at each root. */
    private final int[] tree;
    private final int[] treeSize;
    /** Per component representative: its parent node in the forest (-1 at a root) and the edge (cell) to it. */
    private final int[] parent;
    private final int[] parentEdge;
    private final int[] visited;
    private int visit;
    /** Per cell (row-major index): whether it is a hidden cell that is a bridge, i.e. determined. */
    private final boolean[] bridge;
    /** The components climbed from each end of a new edge. */
    private final int[][] paths = { new int[16], new int[16] };

    HiddenCells(int rows, int columns, boolean[] holds) {
        this.rows = rows;
        this.columns = columns;
        this.holds = holds;
        this.free = rows + columns;
        int nodes = free + 1;
        component = new int[nodes];
        tree = new int[nodes];
        treeSize = new int[nodes];
        parent = new int[nodes];
        parentEdge = new int[nodes];
        visited = new int[nodes];
        for (int v = 0; v < nodes; v++) {
            component[v] = v;
            tree[v] = v;
            treeSize[v] = 1;
        }
        Arrays.fill(parent, -1);
        Arrays.fill(parentEdge, -1);
        bridge = new boolean[rows * columns];
    }

    /** Adds hidden cell (i, j) as an edge between its row's node and its column's node. */
    void hide(int i, int j) {
        int a = find(holds[i] ? i : free);
        int b = find(holds[rows + j] ? rows + j : free);
        if (a == b) {
            return; // a loop, or within one 2-edge-connected component: on a cycle, never a bridge
        }
        int edge = i * columns + j;
        int ta = findTree(a);
        int tb = findTree(b);
        if (ta != tb) {
            bridge[edge] = true;
            if (treeSize[ta] > treeSize[tb]) {
                int swap = a;
                a = b;
                b = swap;
                swap = ta;
                ta = tb;
                tb = swap;
            }
            makeRoot(a);
            parent[a] = b;
            parentEdge[a] = edge;
            tree[a] = b;
            treeSize[tb] += treeSize[a];
        } else {
            mergePath(a, b);
        }
    }

    /** Whether the equations determine hidden cell (i, j): it lies on no cycle of hidden cells. */
    boolean determined(int i, int j) {
        return bridge[i * columns + j];
    }

    /** The first hidden cell (in row-major order) that is a bridge and is published, or null. */
    int[] firstRecoverable(boolean[][] unpublished) {
        for (int edge = 0; edge < bridge.length; edge++) {
            if (bridge[edge] && !unpublished[edge / columns][edge % columns]) {
                return new int[] { edge / columns, edge % columns };
            }
        }
        return null;
    }

    private int find(int v) {
        int root = v;
        while (component[root] != root) {
            root = component[root];
        }
        while (component[v] != root) {
            int next = component[v];
            component[v] = root;
            v = next;
        }
        return root;
    }

    /** The root of the tree that holds {@code v} (trees have a few hundred nodes at most: no path compression). */
    private int findTree(int v) {
        int root = find(v);
        while (tree[root] != root) {
            root = tree[root];
        }
        return root;
    }

    /** Makes component {@code v} the root of its tree, turning the links on its path to the old root around. */
    private void makeRoot(int v) {
        int root = v;
        int child = -1;
        int childEdge = -1;
        while (v != -1) {
            int up = parent[v] == -1 ? -1 : find(parent[v]);
            int upEdge = parentEdge[v];
            parent[v] = child;
            parentEdge[v] = childEdge;
            tree[v] = root;
            child = v;
            childEdge = upEdge;
            v = up;
        }
        treeSize[root] = treeSize[child];
    }

    /** A new edge between components a and b of one tree: the components on the path merge, its bridges are none. */
    private void mergePath(int a, int b) {
        visit++;
        int[] ends = { a, b };
        int[] lengths = new int[2];
        int meeting = -1;
        while (meeting == -1) { // climb from both ends in turn until one reaches a component the other has passed
            for (int side = 0; side < 2 && meeting == -1; side++) {
                if (ends[side] == -1) {
                    continue;
                }
                int v = find(ends[side]);
                if (lengths[side] == paths[side].length) {
                    paths[side] = Arrays.copyOf(paths[side], lengths[side] * 2);
                }
                paths[side][lengths[side]++] = v;
                if (visited[v] == visit) {
                    meeting = v;
                } else {
                    visited[v] = visit;
                    ends[side] = parent[v];
                }
            }
        }
        mergeInto(meeting, paths[0], lengths[0]);
        mergeInto(meeting, paths[1], lengths[1]);
    }

    private void mergeInto(int meeting, int[] path, int length) {
        for (int k = 0; k < length; k++) {
            int v = path[k];
            component[v] = meeting;
            if (v == meeting) {
                break;
            }
            bridge[parentEdge[v]] = false;
        }
    }
}
