package org.amity.intake.domain;

import java.security.SecureRandom;

/**
 * References given to members of the public, such as {@code HC-7KQ2-M9XD}: random (nothing can be
 * learnt or guessed from one), without letters that are easily confused, easy to read out on the phone.
 */
public final class PublicReference {

    private static final char[] ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    public static String next() {
        StringBuilder out = new StringBuilder("HC-");
        for (int i = 0; i < 8; i++) {
            if (i == 4) {
                out.append('-');
            }
            out.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return out.toString();
    }

    private PublicReference() {
    }
}
