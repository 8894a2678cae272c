package org.amity.load;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The progress of a run on the terminal: one line that updates in place ({@code bar}), a line every five seconds
 * ({@code lines}: logs and pipes), or nothing.
 */
final class Progress implements AutoCloseable {

    enum Mode {
        AUTO, BAR, LINES, NONE
    }

    private final Mode mode;
    private final PrintStream out;
    private final Supplier<String> status;
    private final Periodic drawing;
    private int lastLength;

    Progress(Mode requested, PrintStream out, Supplier<String> status) {
        this.mode = requested == Mode.AUTO ? (onTerminal() ? Mode.BAR : Mode.LINES) : requested;
        this.out = out;
        this.status = status;
        this.drawing = mode == Mode.NONE ? null
                : Periodic.every("progress", mode == Mode.BAR ? 250 : 5_000, this::draw);
    }

    /** A bar of {@code width} characters, {@code done} of {@code total} filled. */
    static String bar(long done, long total, int width) {
        double share = total <= 0 ? 0 : Math.min(1, (double) done / total);
        int filled = (int) Math.round(share * width);
        return "[" + "#".repeat(filled) + ".".repeat(width - filled) + "] "
                + String.format(Locale.ROOT, "%3d%%", Math.round(share * 100));
    }

    /** Says something on a line of its own (the bar moves below it). */
    synchronized void say(String line) {
        if (mode == Mode.BAR && lastLength > 0) {
            out.print("\r" + " ".repeat(lastLength) + "\r");
            lastLength = 0;
        }
        out.println(line);
    }

    private synchronized void draw() {
        String line = status.get();
        if (mode == Mode.BAR) {
            String padded = line.length() < lastLength ? line + " ".repeat(lastLength - line.length()) : line;
            out.print("\r" + padded);
            out.flush();
            lastLength = line.length();
        } else {
            out.println(line);
        }
    }

    @Override
    public void close() {
        if (drawing != null) {
            drawing.close();
            draw();
            if (mode == Mode.BAR) {
                out.println();
            }
        }
    }

    /** System.console() is a terminal on JDK 21; from JDK 22 on, Console.isTerminal() says so. */
    private static boolean onTerminal() {
        java.io.Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }
}
