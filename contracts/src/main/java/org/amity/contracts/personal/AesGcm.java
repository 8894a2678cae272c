package org.amity.contracts.personal;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.amity.contracts.ThreadRandom;

/** AES-256-GCM with a random 96-bit nonce, the only cipher personal data is sealed with. */
public final class AesGcm {

    public static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    /**
     * One cipher object a thread, initialised afresh (key and nonce) for every use: looking one up through the
     * security providers on every call was 1.6 % of intake's CPU samples under load (docs/figures.md, intake,
     * session 20).
     */
    private static final ThreadLocal<Cipher> CIPHERS = ThreadLocal.withInitial(() -> {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JVM", e);
        }
    });

    /** A nonce and the ciphertext (tag appended). */
    public record Sealed(byte[] nonce, byte[] ciphertext) {

        /** nonce followed by ciphertext, for storage in one column. */
        public byte[] joined() {
            return ByteBuffer.allocate(nonce.length + ciphertext.length).put(nonce).put(ciphertext).array();
        }

        public static Sealed split(byte[] joined) {
            byte[] nonce = new byte[NONCE_BYTES];
            byte[] ciphertext = new byte[joined.length - NONCE_BYTES];
            ByteBuffer.wrap(joined).get(nonce).get(ciphertext);
            return new Sealed(nonce, ciphertext);
        }
    }

    /** A fresh AES-256 key: 32 bytes from a strong generator, which is all the JDK's AES key generator makes. */
    public static SecretKey newKey() {
        byte[] raw = new byte[32];
        ThreadRandom.current().nextBytes(raw);
        return new SecretKeySpec(raw, "AES");
    }

    public static SecretKey key(byte[] raw) {
        if (raw.length != 32) {
            throw new IllegalArgumentException("an AES-256 key has 32 bytes, not " + raw.length);
        }
        return new SecretKeySpec(raw, "AES");
    }

    public static Sealed seal(SecretKey key, byte[] plaintext, byte[] associatedData) {
        byte[] nonce = new byte[NONCE_BYTES];
        ThreadRandom.current().nextBytes(nonce);
        try {
            Cipher cipher = CIPHERS.get();
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData);
            return new Sealed(nonce, cipher.doFinal(plaintext));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("sealing failed", e);
        }
    }

    /** @throws GeneralSecurityException when the key, the associated data or the ciphertext do not match */
    public static byte[] open(SecretKey key, Sealed sealed, byte[] associatedData) throws GeneralSecurityException {
        Cipher cipher = CIPHERS.get();
        cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed.nonce()));
        cipher.updateAAD(associatedData);
        return cipher.doFinal(sealed.ciphertext());
    }

    private AesGcm() {
    }
}
