package org.amity.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.crypto.SecretKey;

import org.amity.contracts.personal.AesGcm;
import org.junit.jupiter.api.Test;

/** AES-GCM with one cipher object a thread: each use starts afresh, whatever the last one did. */
class AesGcmTest {

    private static final byte[] AD = "subject/1".getBytes(StandardCharsets.UTF_8);

    @Test
    void everySealTakesAFreshNonce() throws GeneralSecurityException {
        SecretKey key = AesGcm.newKey();
        byte[] plain = "Bench Person".getBytes(StandardCharsets.UTF_8);

        AesGcm.Sealed first = AesGcm.seal(key, plain, AD);
        AesGcm.Sealed second = AesGcm.seal(key, plain, AD);

        assertThat(first.nonce()).isNotEqualTo(second.nonce());
        assertThat(first.ciphertext()).isNotEqualTo(second.ciphertext());
        assertThat(AesGcm.open(key, first, AD)).isEqualTo(plain);
        assertThat(AesGcm.open(key, second, AD)).isEqualTo(plain);
    }

    @Test
    void aFailedOpenLeavesTheThreadsCipherUsable() throws GeneralSecurityException {
        SecretKey key = AesGcm.newKey();
        AesGcm.Sealed sealed = AesGcm.seal(key, "details".getBytes(StandardCharsets.UTF_8), AD);

        assertThatThrownBy(() -> AesGcm.open(AesGcm.newKey(), sealed, AD)).isInstanceOf(GeneralSecurityException.class);
        assertThatThrownBy(() -> AesGcm.open(key, sealed, "subject/2".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(GeneralSecurityException.class);

        assertThat(AesGcm.open(key, sealed, AD)).isEqualTo("details".getBytes(StandardCharsets.UTF_8));
        AesGcm.Sealed next = AesGcm.seal(key, "more".getBytes(StandardCharsets.UTF_8), AD);
        assertThat(AesGcm.open(key, next, AD)).isEqualTo("more".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void threadsSealAndOpenAtOnceWithoutMixingTheirWork() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                results.add(pool.submit(() -> {
                    SecretKey key = AesGcm.newKey();
                    for (int i = 0; i < 2_000; i++) {
                        byte[] plain = ("thread " + thread + " item " + i).getBytes(StandardCharsets.UTF_8);
                        if (!java.util.Arrays.equals(AesGcm.open(key, AesGcm.seal(key, plain, AD), AD), plain)) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> result : results) {
                assertThat(result.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
