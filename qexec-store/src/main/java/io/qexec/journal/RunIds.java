package io.qexec.journal;

import java.security.SecureRandom;

/** Short readable run ids: six characters without look-alikes (no 0/o, 1/l/i), e.g. {@code k7qz3m}. */
final class RunIds {
    private static final char[] ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();
    static final int LENGTH = 6;

    private RunIds() {
    }

    static String next() {
        char[] c = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            c[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new String(c);
    }
}
