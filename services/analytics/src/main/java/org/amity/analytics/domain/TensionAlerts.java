package org.amity.analytics.domain;

/**
 * Where tension alerts go. Each spike (strand, district, day) is alerted once, however often detection runs: the
 * caller notes it in {@link Alerted} and sends it only the first time, both in one transaction (outbox), so the note
 * and the alert commit together.
 */
public interface TensionAlerts {

    /** Sends the alert of a spike noted for the first time. */
    void send(TensionMonitor.Spike spike, TensionMonitor monitor);

    /** The spikes already alerted. */
    interface Alerted {
        /** Notes the spike as alerted; false when it already was (nothing to send then). */
        boolean firstAlert(TensionMonitor.Spike spike);
    }
}
