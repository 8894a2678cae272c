package org.amity.intake.adapters.personal;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * The same cases with the key database taken for one on a server of its own: its keys' commits then wait for their
 * own flush (the plain insert, without the setting).
 */
@QuarkusTest
@TestProfile(SubjectKeyStoreOwnWalTest.OwnWal.class)
class SubjectKeyStoreOwnWalTest extends SubjectKeyStoreTest {

    public static class OwnWal implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("amity.keys.shares-wal-with-data", "false");
        }
    }
}
