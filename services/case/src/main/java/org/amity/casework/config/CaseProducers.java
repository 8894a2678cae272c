package org.amity.casework.config;

import java.time.Clock;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.amity.casework.application.CaseVocabulary;

public class CaseProducers {

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Produces
    @Singleton
    CaseVocabulary vocabulary(CaseConfig config) {
        return new CaseVocabulary(config.actions(), config.reclassificationReasons(), config.closingReasons(),
                config.reopeningReasons());
    }
}
