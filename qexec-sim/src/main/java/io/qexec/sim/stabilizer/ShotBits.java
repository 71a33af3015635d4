package io.qexec.sim.stabilizer;

/**
 * The classical bits of every shot, bit-packed across shots: for classical bit {@code c}, word {@code w}
 * holds the values of shots {@code 64w .. 64w+63} (bits past the last shot are ignored).
 */
final class ShotBits {
    private final int clbits;
    private final int shots;
    private final int words;
    private final long[] bits;

    ShotBits(int clbits, int shots) {
        this.clbits = clbits;
        this.shots = shots;
        this.words = (shots + 63) >>> 6;
        this.bits = new long[clbits * words];
    }

    int clbits() {
        return clbits;
    }

    int shots() {
        return shots;
    }

    /** Sets every classical bit of one shot. */
    void setShot(int shot, boolean[] values) {
        int w = shot >>> 6;
        long m = 1L << shot;
        for (int c = 0; c < clbits; c++) {
            if (values[c]) {
                bits[c * words + w] |= m;
            } else {
                bits[c * words + w] &= ~m;
            }
        }
    }

    /** Copies {@code count} words of classical bit {@code c}'s values, starting at word {@code firstWord}. */
    void setWords(int c, int firstWord, long[] source, int sourceOffset, int count) {
        System.arraycopy(source, sourceOffset, bits, c * words + firstWord, Math.min(count, words - firstWord));
    }

    /** The value of classical bit {@code c} in shot {@code shot}. */
    boolean get(int c, int shot) {
        return (bits[c * words + (shot >>> 6)] >>> shot & 1) != 0;
    }

    /** Classical bits of one shot as words (bit {@code c % 64} of word {@code c / 64}), into {@code out}. */
    void shot(int shot, long[] out) {
        java.util.Arrays.fill(out, 0L);
        int w = shot >>> 6;
        int s = shot & 63;
        for (int c = 0; c < clbits; c++) {
            out[c >>> 6] |= (bits[c * words + w] >>> s & 1) << c;
        }
    }
}
