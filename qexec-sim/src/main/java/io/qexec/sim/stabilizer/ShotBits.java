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

    /**
     * The classical bits of shots {@code 64w .. 64w+63}: afterwards {@code out[s][k]} holds classical bits
     * {@code 64k .. 64k+63} of shot {@code 64w + s} (bit {@code c % 64} is classical bit c). Transposes
     * 64×64 bit blocks instead of reading one bit at a time.
     */
    void shotWord(int w, long[][] out) {
        long[] block = new long[64];
        for (int k = 0; k < out[0].length; k++) {
            for (int c = 0; c < 64; c++) {
                int clbit = (k << 6) + c;
                block[c] = clbit < clbits ? bits[clbit * words + w] : 0;
            }
            BitMatrix.transpose64(block);
            for (int s = 0; s < 64; s++) {
                out[s][k] = block[s];
            }
        }
    }
}
