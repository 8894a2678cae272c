package org.amity.load;

import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/** A loop that reads something from the platform until told to stop, pausing as each reading asks. */
final class Polling {

    /** One reading; returns how long to pause before the next, in milliseconds. */
    interface Reading {
        long read() throws InterruptedException;
    }

    /**
     * Reads while {@code running}; a failed reading is handed to {@code failed} and retried after a second (the
     * platform may be busy); returns when interrupted.
     */
    static void loop(BooleanSupplier running, Reading reading, Consumer<String> failed) {
        while (running.getAsBoolean()) {
            long pause;
            try {
                pause = reading.read();
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                failed.accept(e.getMessage());
                pause = 1_000;
            }
            if (pause > 0) {
                try {
                    Thread.sleep(pause);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    private Polling() {
    }
}
